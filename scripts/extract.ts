// npm run -s extract -- PAGE.html|CAPTURE.har [--url URL] [--now ISO] [--sources]
// Prints the reading of a saved order page, or of the page a DevTools HAR captured (its HTML and the API
// responses it loaded), as one JSON object. Exit 0: an order page it knows; 3: a page it does not recognise
// (the JSON says pageKind "unknown"); 2: input it cannot read (the reason on stderr).
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { EXIT, extract, extractHar, type ExtractResult } from '../lib/cli/extract';
import { MAX_HAR_BYTES, tooLarge } from '../lib/cli/har/har';

const USAGE = 'usage: npm run -s extract -- PAGE.html|CAPTURE.har [--url URL] [--now ISO] [--sources]';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
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
let text: string;
try {
  // Checked before reading: a file over the cap is refused without being loaded.
  const { size } = statSync(file);
  if (size > MAX_HAR_BYTES) fail(`${file}: ${tooLarge(size)}`);
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
const now = args.values.now ? new Date(args.values.now) : undefined;
if (now && Number.isNaN(now.getTime())) fail(`not a date: ${args.values.now}`);

// A HAR is JSON: named .har, or a file that starts as JSON does (a page never does).
const isHar = /\.har$/i.test(file) || /^\uFEFF?\s*\{/.test(text.slice(0, 64));
let result: ExtractResult;
if (isHar) {
  const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
  result = extractHar(text, { parseHtml, url: args.values.url, now, withSources: args.values.sources });
} else {
  const { document } = parseHTML(text);
  result = extract(text, document as unknown as Document, args.values.url, now ?? new Date(), args.values.sources);
}
if (result.error) fail(`${file}: ${result.error}`);
for (const note of result.notes ?? []) process.stderr.write(`extract: note: ${note}\n`);
process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
process.exit(result.exitCode);
