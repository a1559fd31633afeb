/**
 * Countdowns the platforms show: "还剩9天10时", "剩余3天12小时5分", "Buyer protection: 12 days 5 hours",
 * "осталось 3 дня", "2 дня 4 часа", "5d 3h". Returns the time left, which with the moment the page was
 * read gives the deadline.
 */
const UNITS: [RegExp, number][] = [
  [/(\d+)\s*(?:天|日|days?|d\b|дн(?:я|ей|ь)|день|сут(?:ок|ки)?)/gi, 86_400_000],
  [/(\d+)\s*(?:小时|时|hours?|hrs?|h\b|час(?:а|ов)?|ч\b)/gi, 3_600_000],
  [/(\d+)\s*(?:分钟|分|minutes?|mins?|m\b|минут(?:а|ы)?|мин\b)/gi, 60_000],
  [/(\d+)\s*(?:秒|seconds?|secs?|s\b|секунд(?:а|ы)?|сек\b)/gi, 1_000],
];

/** Milliseconds left in a countdown text, or undefined when it holds no duration. */
export function parseCountdown(text: string | undefined): number | undefined {
  return readCountdown(text)?.ms;
}

/**
 * The time left in a countdown text and its resolution: the smallest unit it names. Pages truncate ("12 days
 * 5 hours" is shown from 12 d 5 h until just before 12 d 6 h), so the real time left lies in [ms, ms + resolution).
 */
export function readCountdown(text: string | undefined): { ms: number; resolution: number } | undefined {
  if (!text) return undefined;
  let total = 0;
  let resolution: number | undefined;
  for (const [pattern, unit] of UNITS) {
    for (const match of text.matchAll(pattern)) {
      total += Number(match[1]) * unit;
      resolution = Math.min(resolution ?? unit, unit);
    }
  }
  return resolution === undefined ? undefined : { ms: total, resolution };
}

/** No platform timer runs this long: a longer "countdown" is a misread number, not a deadline. */
export const MAX_COUNTDOWN_MS = 400 * 86_400_000;

/** The deadline a countdown shows, as an ISO instant, given when the page was read. */
export function countdownEndsAt(text: string | undefined, readAt: Date): string | undefined {
  const left = parseCountdown(text);
  if (left === undefined || left > MAX_COUNTDOWN_MS) return undefined;
  return new Date(readAt.getTime() + left).toISOString();
}
