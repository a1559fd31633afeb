// npm run -s verify -- DOSSIER.zip: checks a dossier exported by DisputeKit (lib/cli/verify-dossier.ts).
// Exit 0: every file matches and the custody chain holds; 1: something does not match; 2: not a readable dossier.
import { describeVerdict, fileSource, verifyDossier } from '../lib/cli/verify-dossier';

async function main(args: string[]): Promise<number> {
  const path = args.find((a) => a !== '--');
  if (!path || args.includes('--help')) {
    console.error('usage: npm run -s verify -- DOSSIER.zip');
    return 2;
  }
  let source;
  try {
    source = await fileSource(path);
  } catch (error) {
    console.error(`NOT A DOSSIER: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { lines, exitCode } = describeVerdict(await verifyDossier(source));
  for (const line of lines) (exitCode === 2 ? console.error : console.log)(line);
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
