// npm run -s deadlines -- CASE.json|PAGE.json|- [--now ISO]
// Prints the deadlines of a case as { "deadlines": [...] }, soonest first. The input is a CASE.json, or the JSON
// `npm run extract` prints for a page (its first order's platform, events and countdowns); "-" reads standard
// input, so `npm run -s extract -- PAGE --url URL --now T | npm run -s deadlines -- - --now T` works in one line.
// Exit 0, or 2 for input it cannot use.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEADLINES_EXIT, deadlinesFromCaseJson } from '../lib/cli/deadlines';

function fail(message: string): never {
  process.stderr.write(`deadlines: ${message}\nusage: npm run -s deadlines -- CASE.json|PAGE.json|- [--now ISO]\n`);
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
const name = file === '-' ? 'standard input' : file;
let text: string;
try {
  // File descriptor 0 is standard input: the JSON piped from `npm run -s extract`.
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
  fail(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
if (text.trim() === '') fail(`${name} is empty (did the command before the pipe fail?)`);
const now = args.values.now ? new Date(args.values.now) : new Date();
if (Number.isNaN(now.getTime())) fail(`--now: not a date: ${args.values.now}`);

const result = deadlinesFromCaseJson(text, now);
if (!result.ok) fail(`${name}: ${result.error}`);
process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
process.exit(DEADLINES_EXIT.ok);
