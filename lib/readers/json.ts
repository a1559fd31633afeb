/** Reading the untrusted JSON pages embed: shapes checked at every step, text cleaned like page text. */
import { cleanText } from './dom';

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Text from data: strings (and finite numbers) cleaned and capped; empty text is undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  return cleanText(value) || undefined;
}
