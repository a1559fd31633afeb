/**
 * A case's timeline: what happened and when, merged from every table that records something about the case
 * (timeline events, the custody log, contacts, checklist ticks) and the dates the user set, sorted by time.
 * Pure: the case view reads the rows (loadCaseTimeline) and this orders them; the dossier's report orders the
 * rows it exports with it too.
 */
import type { CustodyAction, CustodyEntry } from './custody';
import { readCaseRows } from './cases';
import type { DisputeKitDB } from './db';
import { ladderFor, ruleLabelKey } from '../deadlines';
import type { MessageKey } from '../i18n';
import type { CaseRecord, ChecklistStepState, ContactRecord, TimelineEvent } from '../common/model';

export type TimelineEntry =
  | { at: string; kind: 'opened' }
  | { at: string; kind: 'captured' | 'evidence-deleted'; count: number; evidenceIds: string[] }
  | { at: string; kind: 'custody'; action: CustodyAction; sha256: string; seq: number }
  | { at: string; kind: 'contact'; channel: ContactRecord['channel']; summary: string; reference?: string }
  | { at: string; kind: 'step'; state: ChecklistStepState['state']; titleKey: MessageKey }
  | { at: string; kind: 'date'; event: string }
  | { at: string; kind: 'due'; labelKey: MessageKey };

export interface CaseTimelineRows {
  record: CaseRecord;
  events: TimelineEvent[];
  custody: CustodyEntry[];
  contacts: ContactRecord[];
  checklist: ChecklistStepState[];
}

/** Oldest first; entries at the same instant keep the order of the sources above. */
export function caseTimeline({ record, events, custody, contacts, checklist }: CaseTimelineRows): TimelineEntry[] {
  const titles = new Map(ladderFor(record.platform).map((s) => [s.id, s.titleKey]));
  const entries: TimelineEntry[] = [];
  for (const e of events) {
    if (e.type === 'case-opened') entries.push({ at: e.at, kind: 'opened' });
    else {
      const evidenceIds = e.evidenceIds ?? [];
      entries.push({ at: e.at, kind: e.type === 'evidence-captured' ? 'captured' : 'evidence-deleted', count: evidenceIds.length, evidenceIds });
    }
  }
  for (const c of custody) entries.push({ at: c.at, kind: 'custody', action: c.action, sha256: c.sha256, seq: c.seq });
  for (const c of contacts) entries.push({ at: c.at, kind: 'contact', channel: c.channel, summary: c.summary, ...(c.reference && { reference: c.reference }) });
  for (const s of checklist) {
    const titleKey = titles.get(s.stepId);
    if (titleKey) entries.push({ at: s.at, kind: 'step', state: s.state, titleKey });
  }
  for (const [event, date] of Object.entries(record.dates ?? {})) entries.push({ at: date.at, kind: 'date', event });
  for (const [rule, at] of Object.entries(record.userDue ?? {})) entries.push({ at, kind: 'due', labelKey: ruleLabelKey(rule) });
  const time = (iso: string) => Date.parse(iso);
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => time(a.entry.at) - time(b.entry.at) || a.order - b.order)
    .map(({ entry }) => entry);
}

/** The case's timeline as stored now; the record passed in is used if the case was deleted meanwhile. */
export async function loadCaseTimeline(database: DisputeKitDB, record: CaseRecord): Promise<TimelineEntry[]> {
  const rows = await readCaseRows(database, record.id);
  if (!rows) return caseTimeline({ record, events: [], custody: [], contacts: [], checklist: [] });
  return caseTimeline({ ...rows, record: rows.case });
}
