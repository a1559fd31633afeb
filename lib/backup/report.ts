/**
 * The restore's outcome in plain words: a title, and a line per kind of change or per rejected record. Cases
 * are named by their order ("AliExpress order 8190123456789012"), a file by its kind, time or file name,
 * never by an internal id; each count is what was written (or, for a rejection, how many records failed).
 */
import type { MessageKey, Translate } from '../i18n';
import { PLATFORMS, type Platform } from '../common/marketplaces';
import { EVIDENCE_KINDS } from '../common/model';
import { formatBytes } from '../cases/storage-meter';
import type { FileProblem, Rejection } from './read';
import type { RestoreOutcome } from './restore';

export interface RestoreMessage {
  tone: 'ok' | 'error';
  title: string;
  lines: string[];
}

/** More cases than this in one line are named up to here, then "and N more". */
const NAMES_SHOWN = 10;

function isPlatform(value: string | undefined): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value ?? '');
}

/** A case as the user knows it: by its order ("AliExpress order 8190…"); a case id that names no known platform, quoted. */
export function caseName(t: Translate, caseId: string, platform?: string, orderId?: string): string {
  const separator = caseId.indexOf(':');
  const p = platform ?? caseId.slice(0, Math.max(0, separator));
  const order = orderId ?? caseId.slice(separator + 1);
  if (!isPlatform(p) || !order) return t('restore.caseNamed', { id: caseId.slice(0, 80) });
  const name = t(`platform.${p}`);
  // Chinese sets a space between a Latin name and the characters after it ("Yandex Market 订单", but "淘宝订单"):
  // a Latin name comes with a space after it, and the space a template already has there is not doubled.
  const platformName = /[A-Za-z]$/.test(name) ? `${name} ` : name;
  return t('restore.orderName', { platform: platformName, orderId: order.slice(0, 80) }).replace(/ {2,}/g, ' ');
}

function when(iso: string | undefined, lang: string): string | undefined {
  const date = new Date(iso ?? '');
  return Number.isNaN(date.getTime()) ? undefined : date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The record a rejection is about: "Full-page screenshot (Nov 20, 2026, 10:00 AM, AliExpress order 8190…)". */
function subject(t: Translate, r: Rejection, lang: string): string {
  if (r.table === 'settings') return t('restore.subject.settings');
  if (r.table === 'backup') return t('restore.subject.backup');
  const about = r.about ?? {};
  if (r.table === 'cases') return caseName(t, about.caseId ?? r.id, about.platform, about.orderId);
  const what =
    r.table === 'evidence'
      ? about.fileName
        ? t('restore.subject.fileName', { name: about.fileName })
        : (EVIDENCE_KINDS as readonly string[]).includes(about.kind ?? '')
          ? t(`evidenceKind.${about.kind}` as MessageKey)
          : t('restore.record.evidence')
      : t(`restore.record.${r.table}` as MessageKey);
  const details = [when(about.at, lang), about.caseId && caseName(t, about.caseId)].filter((d): d is string => !!d);
  return details.length ? t('restore.subject', { what, details: details.join(t('restore.detailsSeparator')) }) : what;
}

/** Why: the reason in words, with a case named by its order and a time written the user's way. */
function reasonText(t: Translate, r: Rejection, lang: string): string {
  const detail = r.detail ?? '';
  let shown = detail;
  if (r.reason === 'no-case' || r.reason === 'custody-other-case') shown = caseName(t, detail);
  // A time the checks refused as no time at all (year 9999) is shown as written; one merely ahead of the clock, as a date.
  else if (r.reason === 'future-time') shown = when(detail, lang) ?? detail;
  else if (r.reason === 'custody-broken') shown = t(`restore.custodyBreak.${['sequence', 'link', 'edited'].includes(detail) ? detail : 'malformed'}` as MessageKey);
  if (r.reason === 'invalid') return r.field ? t('restore.reason.invalidField', { field: r.field }) : t('restore.reason.invalid');
  const reason = t(`restore.reason.${r.reason}` as MessageKey, { detail: shown });
  // Where the field is not plain from the reason itself, it is named: "“updatedAt”: a time in the future (…)".
  return r.field && (r.reason === 'bad-time' || r.reason === 'future-time') ? t('restore.rejectField', { field: r.field, reason }) : reason;
}

/** "Full-page screenshot (Nov 20, 2026, 10:00 AM, AliExpress order 8190…): its file does not match …" */
export function rejectionText(t: Translate, r: Rejection, lang = 'en'): string {
  const line = t('restore.rejectLine', { subject: subject(t, r, lang), reason: reasonText(t, r, lang) });
  // A line may start with a name written for the middle of a sentence ("дело «…»").
  return line.charAt(0).toLocaleUpperCase(lang) + line.slice(1);
}

/** A problem's fields as message parameters, sizes in the user's units. */
function problemParams(t: Translate, p: FileProblem, lang: string): Record<string, string | number> {
  const params: Record<string, string | number> = { ...p };
  for (const key of ['bytes', 'max'] as const) if (key in p) params[key] = formatBytes((p as Record<typeof key, number>)[key], t, lang);
  return params;
}

/** Names joined as the language lists them ("A, B and C", "A、B和C"), at most NAMES_SHOWN then "and 5 more". */
function nameList(t: Translate, names: string[], lang: string): string {
  const shown = names.slice(0, NAMES_SHOWN);
  if (names.length > NAMES_SHOWN) shown.push(t('restore.andMore', { n: names.length - NAMES_SHOWN }));
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(shown);
}

export function restoreMessage(t: Translate, outcome: RestoreOutcome, lang: string): RestoreMessage {
  if (!outcome.ok && 'problem' in outcome) {
    const p = outcome.problem;
    return { tone: 'error', title: t(`restore.problem.${p.kind}` as MessageKey, problemParams(t, p, lang)), lines: [] };
  }
  if (!outcome.ok) {
    // A record can fail more than one check (its file and its thumbnail): it is one record rejected.
    const records = new Set(outcome.rejected.map((r) => `${r.table}\u0000${r.id}`)).size;
    return { tone: 'error', title: t('restore.rejected', { n: records }), lines: outcome.rejected.map((r) => rejectionText(t, r, lang)) };
  }
  const { report } = outcome;
  const lines: string[] = [];
  for (const state of ['added', 'extended', 'unchanged'] as const) {
    const names = report.cases.filter((c) => c.outcome === state).map((c) => caseName(t, c.caseId));
    if (names.length) lines.push(t(`restore.cases.${state}`, { n: names.length, names: nameList(t, names, lang) }));
  }
  for (const { caseId, factsKept, userValuesKept } of report.cases) {
    if (factsKept) lines.push(t('restore.factsKept', { case: caseName(t, caseId) }));
    if (userValuesKept) lines.push(t('restore.userValuesKept', { case: caseName(t, caseId), n: userValuesKept }));
  }
  // What was written, each count as the write's: files, then the rest, each said only when there is one.
  const { added } = report;
  const counts = (
    [
      ['evidence', added.evidence],
      ['contacts', added.contacts],
      ['checklist', added.checklist],
      ['readings', added.readings],
      ['events', added.events],
      ['custody', added.custody],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([what, n]) => t(`restore.count.${what}`, { n }));
  lines.push(counts.length ? t('restore.added', { list: new Intl.ListFormat(lang, { type: 'conjunction' }).format(counts) }) : t('restore.addedNothing'));
  if (report.skippedIdentical > 0) lines.push(t('restore.skippedIdentical', { n: report.skippedIdentical }));
  if (report.skippedDeleted > 0) lines.push(t('restore.skippedDeleted', { n: report.skippedDeleted }));
  if (report.settingsRestored) lines.push(t('restore.settings'));
  if (report.currentCaseRestored) lines.push(t('restore.currentCase'));
  return { tone: 'ok', title: t('restore.done', { date: when(report.exportedAt, lang) ?? report.exportedAt }), lines };
}
