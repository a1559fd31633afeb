/**
 * Readings: every time DisputeKit reads an order off a page (or restores a backup's copy of a case), what the
 * page said and when is kept as a reading in its own table, never edited. A case's facts (`CaseRecord.order`)
 * are refreshed only by a save the user starts in the extension (toolbar, context menu, keyboard command,
 * "Save all orders"): the page's own button and a restore add a reading beside them, so a page cannot
 * replace what a case holds, and the case page shows where readings disagree.
 */
import Dexie from 'dexie';
import { canonicalJson } from './custody';
import type { DisputeKitDB } from './db';
import type { Money, OrderFacts, Reading, ReadingSource } from '../common/model';
import { formatMoney } from '../format/money';
import { formatPageDate } from '../format/page-date';

/** Sources that may replace the facts a case already holds: saves the user started in the extension's own UI. */
const REPLACES_FACTS: readonly ReadingSource[] = ['capture', 'selection', 'list', 'popup'];

export function replacesFacts(source: ReadingSource): boolean {
  return REPLACES_FACTS.includes(source);
}

/** The case's readings, oldest first. */
export async function getReadings(database: DisputeKitDB, caseId: string): Promise<Reading[]> {
  return database.readings.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

/** The facts compared between readings: the ones a dispute turns on, which a page might be made to misstate. */
export const COMPARED_FACTS = ['store', 'status', 'total', 'placedAt', 'items', 'tracking'] as const;
export type ComparedFact = (typeof COMPARED_FACTS)[number];

/** A fact as a value to compare and show: undefined when the reading does not state it. */
export type FactValue =
  | { fact: 'store' | 'status' | 'placedAt'; text: string }
  | { fact: 'total'; money: Money }
  | { fact: 'items' | 'tracking'; list: string[] };

export function factValue(order: OrderFacts, fact: ComparedFact): FactValue | undefined {
  switch (fact) {
    case 'store':
      return order.store?.name ? { fact, text: order.store.name } : undefined;
    case 'status':
      return order.status ? { fact, text: order.status } : undefined;
    case 'placedAt':
      return order.placedAt ? { fact, text: order.placedAt } : undefined;
    case 'total':
      return order.total ? { fact, money: order.total } : undefined;
    case 'items':
      // A list page shows no items: an empty list says nothing, it does not disagree.
      return order.items.length > 0 ? { fact, list: order.items.map((i) => (i.quantity !== undefined ? `${i.title} × ${i.quantity}` : i.title)) } : undefined;
    case 'tracking':
      return order.tracking?.length ? { fact, list: order.tracking.map((x) => x.number) } : undefined;
  }
}

export interface Disagreement {
  fact: ComparedFact;
  /** Each different value, in the order first read, with the readings that stated it (oldest first). */
  values: { value: FactValue; readings: Reading[] }[];
}

/** The facts on which the readings (oldest first) say different things; readings that do not state a fact are left out of it. */
export function disagreements(readings: readonly Reading[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const fact of COMPARED_FACTS) {
    const byValue = new Map<string, { value: FactValue; readings: Reading[] }>();
    for (const reading of readings) {
      const value = factValue(reading.order, fact);
      if (!value) continue;
      const key = canonicalJson(value);
      const seen = byValue.get(key);
      if (seen) seen.readings.push(reading);
      else byValue.set(key, { value, readings: [reading] });
    }
    if (byValue.size > 1) found.push({ fact, values: [...byValue.values()] });
  }
  return found;
}

/** A fact as the user reads it, in their language: money their way, a page's day as that day, lists joined. */
export function factText(value: FactValue, lang: string): string {
  if ('money' in value) return formatMoney(value.money, lang);
  if ('list' in value) return value.list.join(', ');
  return value.fact === 'placedAt' ? formatPageDate(value.text, lang) : value.text;
}
