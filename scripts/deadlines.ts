// npm run -s deadlines -- CASE.json [--now ISO]
// Prints the deadlines of a case as { "deadlines": [...] }, soonest first. Exit 0, or 2 for input it cannot use.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEADLINES_EXIT, deadlinesFromCaseJson } from '../lib/deadlines/cli';

function fail(message: string): never {
  process.stderr.write(`deadlines: ${message}\nusage: npm run -s deadlines -- CASE.json [--now ISO]\n`);
  process.exit(DEADLINES_EXIT.badInput);
}

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { now: { type: 'string' } } });
} catch (error) {
  fail((error as Error).message);
}
const [file, ...extra] = args.positionals;
if (!file) fail('no case file given');
if (extra.length) fail(`unexpected argument: ${extra[0]}`);
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
const now = args.values.now ? new Date(args.values.now) : new Date();
if (Number.isNaN(now.getTime())) fail(`--now: not a date: ${args.values.now}`);

const result = deadlinesFromCaseJson(text, now);
if (!result.ok) fail(`${file}: ${result.error}`);
process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
process.exit(DEADLINES_EXIT.ok);
