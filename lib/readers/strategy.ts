/**
 * Tries the ways of finding one field in order (embedded data, selectors, labels, URL) and records which
 * one found it. A strategy that throws on an odd page counts as not finding the field.
 */
import type { Strategy } from '../common/model';

export type Attempt<T> = readonly [Strategy, () => T | undefined | null | ''];

export function pick<T>(sources: Record<string, Strategy>, field: string, attempts: readonly Attempt<T>[]): T | undefined {
  for (const [strategy, attempt] of attempts) {
    let value: T | undefined | null | '';
    try {
      value = attempt();
    } catch {
      value = undefined;
    }
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) {
      sources[field] = strategy;
      return value;
    }
  }
  return undefined;
}
