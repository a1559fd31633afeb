/** The restore's outcome in the user's words: a title, and one line per case, count or rejected record. */
import type { MessageKey, Translate } from '../i18n';
import { formatBytes } from '../storage-meter';
import type { FileProblem, Rejection } from './read';
import type { RestoreOutcome } from './restore';

export interface RestoreMessage {
  tone: 'ok' | 'error';
  title: string;
  lines: string[];
}

/** "evidence 3f2a…: sha256 does not match its file" */
export function rejectionText(t: Translate, r: Rejection): string {
  const reason = t(`restore.reason.${r.reason}` as MessageKey, { detail: r.detail ?? '' });
  // Where the field is not plain from the reason itself, it is named: "updatedAt: a time in the future (…)".
  const withField = r.field && (r.reason === 'invalid' || r.reason === 'bad-time' || r.reason === 'future-time') ? t('restore.rejectField', { field: r.field, reason }) : reason;
  return t('restore.rejectLine', { table: t(`restore.table.${r.table}` as MessageKey), id: r.id, reason: withField });
}

/** A problem's fields as message parameters, sizes in the user's units. */
function problemParams(t: Translate, p: FileProblem, lang: string): Record<string, string | number> {
  const params: Record<string, string | number> = { ...p };
  for (const key of ['bytes', 'max'] as const) if (key in p) params[key] = formatBytes((p as Record<typeof key, number>)[key], t, lang);
  return params;
}

export function restoreMessage(t: Translate, outcome: RestoreOutcome, lang: string): RestoreMessage {
  if (!outcome.ok && 'problem' in outcome) {
    const p = outcome.problem;
    return { tone: 'error', title: t(`restore.problem.${p.kind}` as MessageKey, problemParams(t, p, lang)), lines: [] };
  }
  if (!outcome.ok) {
    return { tone: 'error', title: t('restore.rejected', { n: outcome.rejected.length }), lines: outcome.rejected.map((r) => rejectionText(t, r)) };
  }
  const { report } = outcome;
  const date = new Date(report.exportedAt);
  const when = Number.isNaN(date.getTime()) ? report.exportedAt : date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const lines = report.cases.flatMap(({ caseId, outcome: o, factsKept, userValuesKept }) => [
    t(`restore.case.${o}` as MessageKey, { case: caseId }),
    ...(factsKept ? [t('restore.factsKept', { case: caseId })] : []),
    ...(userValuesKept ? [t('restore.userValuesKept', { case: caseId, n: userValuesKept })] : []),
  ]);
  lines.push(t('restore.addedFiles', { n: report.added.evidence }));
  lines.push(t('restore.addedOther', { ...report.added }));
  if (report.skippedIdentical > 0) lines.push(t('restore.skippedIdentical', { n: report.skippedIdentical }));
  if (report.skippedDeleted > 0) lines.push(t('restore.skippedDeleted', { n: report.skippedDeleted }));
  if (report.settingsRestored) lines.push(t('restore.settings'));
  if (report.currentCaseRestored) lines.push(t('restore.currentCase'));
  return { tone: 'ok', title: t('restore.done', { date: when }), lines };
}
