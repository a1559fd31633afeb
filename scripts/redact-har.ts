// npm run -s redact-har -- IN.har OUT.har [--no-html]
// Writes a copy of a DevTools HAR without cookies, headers, request bodies, query-string tokens and the
// bodies of requests unrelated to the order (lib/cli/har/redact.ts says exactly what stays), for a bug report.
// `npm run extract` reads the copy as it reads the original. Exit 0: written; 2: input it cannot read.
import { readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_HAR_BYTES, parseHar, tooLarge } from '../lib/cli/har/har';
import { redactHar } from '../lib/cli/har/redact';

const USAGE = 'usage: npm run -s redact-har -- IN.har OUT.har [--no-html]';

function fail(message: string): never {
  process.stderr.write(`redact-har: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { 'no-html': { type: 'boolean' } } });
} catch (error) {
  fail((error as Error).message);
}
const [input, output] = args.positionals;
if (!input || !output) fail(input ? 'no OUT.har given' : 'no IN.har given');
if (args.positionals.length > 2) fail(`one input and one output, not ${args.positionals.length} files`);
const same = (() => {
  try {
    return realpathSync(input) === realpathSync(output);
  } catch {
    return resolve(input) === resolve(output);
  }
})();
if (same) fail('OUT.har must be another file than IN.har (the original is left as it is)');

let text: string;
try {
  const { size } = statSync(input);
  if (size > MAX_HAR_BYTES) fail(`${input}: ${tooLarge(size)}`);
  text = readFileSync(input, 'utf8');
} catch (error) {
  fail(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
const parsed = parseHar(text);
if (!parsed.ok) fail(`${input}: ${parsed.error}`);
const keepHtml = !args.values['no-html'];
const { har, summary } = redactHar(parsed.har, { keepHtml });
try {
  writeFileSync(output, `${JSON.stringify(har, null, 2)}\n`);
} catch (error) {
  fail(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
const s = summary;
process.stderr.write(
  `redact-har: wrote ${output}: ${s.entries} requests; removed ${s.removedCookies} cookies, ${s.removedHeaders} headers, ` +
    `${s.removedPostData} request bodies, ${s.redactedValues} query values and ${s.removedBodies} unrelated response bodies; ` +
    `kept ${s.keptResponses} order API responses${keepHtml ? ` and ${s.keptHtml} page HTML` : ' and no HTML (--no-html)'}.\n` +
    `redact-har: look through ${output} before you share it: the order data${keepHtml ? ' and the page' : ''} can show your name, address or phone as the marketplace shows them.\n`,
);
