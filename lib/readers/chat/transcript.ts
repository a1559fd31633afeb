/**
 * A chat's rows (lib/readers/chat/rows.ts, read in the page) made a transcript: one line per message, who, when
 * and what as the page shows them, each with the instant it was sent where the page's text says enough. Pure.
 *
 * Times: a machine-readable time the page gave wins; then the shown text read as a date with a time
 * ("2026-11-03 14:42:51", "3 ноября, 14:42", "昨天 14:42"); a bare clock time ("14:42") is on the day of the date
 * row above it ("2026年11月3日", "Today", "Вчера"), or, with none above it, the capture's day (chats show today's
 * messages by time only), the day before when that would be later than the capture. A message that shows no time
 * of its own takes that of the time row above it (chats that stamp a group of messages, "2026-11-24 09:00" or
 * "14:42" centred between them). The page's times are read in
 * the zone the browser shows them in (`timeZone`: the chat is drawn by the page's script, in the browser's zone).
 */
import { parseDate, type DateContext } from '../parse/dates';
import { addDays, localDay, startOfDay } from '../../common/time';
import { cleanText, MAX_TEXT } from '../../common/text';
import type { ChatEntry } from './rows';

export interface TranscriptLine {
  /** The time as the page shows it, with the date row above it when the time alone does not say the day. */
  when: string;
  /** The instant, UTC ISO 8601, when the text says enough. */
  at?: string;
  who?: string;
  side?: 'me' | 'them';
  text: string;
}

/** Words for a sender the page does not name: the transcript's language. */
export interface TranscriptWords {
  me: string;
  them: string;
}

const CLOCK = /(?:^|\D)([01]?\d|2[0-3])[:：]([0-5]\d)(?::([0-5]\d))?(?:\s*([ap])\.?m\.?)?(?!\d)/i;
const ONLY_CLOCK = /^\s*(?:[01]?\d|2[0-3])[:：][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?\s*$/i;
/** A date row is short: "2026-11-03", "Nov 3, 2026", "Сегодня". */
const MAX_DAY_ROW = 40;
/** A time this far past the capture is not today's: it is yesterday's. */
const FUTURE_SLACK_MS = 5 * 60_000;
/** A message's instant this far past the capture is not believed (clocks and zones differ by less). */
const MAX_AHEAD_MS = 24 * 3600_000;

export function readTranscript(entries: readonly ChatEntry[], context: { now: Date; timeZone: string }): TranscriptLine[] {
  const dates: DateContext = { timeZone: context.timeZone, now: context.now, yearless: 'past' };
  const lines: TranscriptLine[] = [];
  let day: { iso: string; text: string } | undefined;
  /** A time row above ("2026-11-24 09:00", "昨天 14:42", "14:42" centred between messages): the time of the messages below it that show none. */
  let stamp: { when: string; at?: string } | undefined;
  for (const entry of [...entries].sort((a, b) => a.top - b.top)) {
    const text = cleanText(entry.text);
    if (!entry.who && !entry.when && !entry.side && text.length <= MAX_DAY_ROW) {
      const iso = parseDate(text, dates) ?? relativeDay(text, context);
      // A row holding only a date is the day of the rows below it.
      if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) && !CLOCK.test(text)) {
        day = { iso, text };
        stamp = undefined;
        continue;
      }
      // A row holding only a time, with or without its date, stamps the messages below it.
      if ((iso && iso.includes('T')) || ONLY_CLOCK.test(text)) {
        const at = instantOf({ ...entry, when: text }, text, day?.iso, dates, context);
        if (iso?.includes('T')) day = { iso: iso.slice(0, 10), text: text.replace(CLOCK, '').trim() || iso.slice(0, 10) };
        stamp = { when: onlyClockText(text) && day ? `${day.text} ${text}` : text, ...(at && { at }) };
        continue;
      }
    }
    if (!text) continue;
    if (!entry.when && !entry.datetime && stamp) {
      lines.push({ when: stamp.when, ...(stamp.at && { at: stamp.at }), ...(entry.who && { who: cleanText(entry.who) }), ...(entry.side && { side: entry.side }), text: text.slice(0, MAX_TEXT) });
      continue;
    }
    const shown = entry.when ?? '';
    const at = instantOf(entry, shown, day?.iso, dates, context);
    const when = onlyClockText(shown) && day ? `${day.text} ${shown}` : shown;
    lines.push({ when, ...(at && { at }), ...(entry.who && { who: cleanText(entry.who) }), ...(entry.side && { side: entry.side }), text: text.slice(0, MAX_TEXT) });
  }
  return lines;
}

/** A time as shown that says no day of its own ("14:42", "9:05 PM"). */
function onlyClockText(shown: string): boolean {
  return shown !== '' && !/\d{1,4}[-./年]\d|[a-zа-я]{3}|今天|昨天/i.test(shown.replace(CLOCK, ''));
}

/**
 * The instant a message was sent, or undefined when its text does not say, or says a time well after the capture
 * (a page's "2099-01-01" or a forged stamp): that would be a contact in the future, holding the no-reply reminder off.
 * The line keeps the time as the page shows it.
 */
function instantOf(entry: ChatEntry, shown: string, day: string | undefined, dates: DateContext, context: { now: Date; timeZone: string }): string | undefined {
  const at = shownInstant(entry, shown, day, dates, context);
  return at !== undefined && Date.parse(at) <= context.now.getTime() + MAX_AHEAD_MS ? at : undefined;
}

function shownInstant(entry: ChatEntry, shown: string, day: string | undefined, dates: DateContext, context: { now: Date; timeZone: string }): string | undefined {
  if (entry.datetime) {
    const numeric = /^\d{10,13}$/.test(entry.datetime) ? Number(entry.datetime) * (entry.datetime.length === 10 ? 1000 : 1) : Date.parse(entry.datetime);
    if (Number.isFinite(numeric) && numeric > Date.UTC(2000, 0, 1)) return new Date(numeric).toISOString();
  }
  if (!shown) return undefined;
  const dated = parseDate(shown, dates);
  if (dated && dated.includes('T')) return new Date(Date.parse(dated)).toISOString();
  const clock = CLOCK.exec(shown);
  if (!clock) return undefined;
  let hours = Number(clock[1]) % (clock[4] ? 12 : 24);
  if (clock[4]?.toLowerCase() === 'p') hours += 12;
  const ms = (hours * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) * 1000;
  const onDay = dated ?? day;
  if (onDay) return new Date(startOfDay(onDay, context.timeZone) + ms).toISOString();
  const today = localDay(context.now.getTime(), context.timeZone);
  let at = startOfDay(today, context.timeZone) + ms;
  if (at > context.now.getTime() + FUTURE_SLACK_MS) at = startOfDay(addDays(today, -1), context.timeZone) + ms;
  return new Date(at).toISOString();
}

/** "Today" and "Yesterday" alone, as date rows say them (parseDate reads them only beside a time). */
function relativeDay(text: string, context: { now: Date; timeZone: string }): string | undefined {
  const today = localDay(context.now.getTime(), context.timeZone);
  if (/^(?:today|今天|сегодня)$/i.test(text)) return today;
  if (/^(?:yesterday|昨天|вчера)$/i.test(text)) return addDays(today, -1);
  return undefined;
}

/** The transcript as a text file: one line per message, `[when] who: what`. */
export function transcriptText(lines: readonly TranscriptLine[], words: TranscriptWords): string {
  return lines.map((line) => `[${line.when || '?'}] ${senderOf(line, words)}: ${line.text}\n`).join('');
}

export function senderOf(line: TranscriptLine, words: TranscriptWords): string {
  if (line.who) return line.who;
  return line.side === 'me' ? words.me : line.side === 'them' ? words.them : '?';
}
