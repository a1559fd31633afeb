// npm run -s extract -- PAGE.html [--url URL] [--now ISO] [--sources]
// Prints the reading of a saved order page as one JSON object. Exit 0: an order page it knows;
// 3: a page it does not recognise (the JSON says pageKind "unknown"); 2: input it cannot read.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { EXIT, extract } from '../lib/extract';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\nusage: npm run -s extract -- PAGE.html [--url URL] [--now ISO] [--sources]\n`);
  process.exit(EXIT.unreadable);
}

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { url: { type: 'string' }, now: { type: 'string' }, sources: { type: 'boolean' } } });
} catch (error) {
  fail((error as Error).message);
}
const [file] = args.positionals;
if (!file) fail('no page given');
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
const now = args.values.now ? new Date(args.values.now) : new Date();
if (Number.isNaN(now.getTime())) fail(`not a date: ${args.values.now}`);

const { document } = parseHTML(html);
const result = extract(html, document as unknown as Document, args.values.url, now, args.values.sources);
if (result.error) fail(result.error);
process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
process.exit(result.exitCode);
