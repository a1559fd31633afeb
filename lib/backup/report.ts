/** The restore's outcome in the user's words: a title, and one line per case, count or rejected record. */
import type { MessageKey, Translate } from '../i18n';
import type { Rejection } from './read';
import type { RestoreOutcome } from './restore';

export interface RestoreMessage {
  tone: 'ok' | 'error';
  title: string;
  lines: string[];
}

/** "evidence 3f2a…: sha256 does not match its file" */
export function rejectionText(t: Translate, r: Rejection): string {
  const reason = t(`restore.reason.${r.reason}` as MessageKey, { detail: r.detail ?? '' });
  const withField = r.field && r.reason === 'invalid' ? t('restore.rejectField', { field: r.field, reason }) : reason;
  return t('restore.rejectLine', { table: t(`restore.table.${r.table}` as MessageKey), id: r.id, reason: withField });
}

export function restoreMessage(t: Translate, outcome: RestoreOutcome, lang: string): RestoreMessage {
  if (!outcome.ok && 'problem' in outcome) {
    const p = outcome.problem;
    return { tone: 'error', title: t(`restore.problem.${p.kind}` as MessageKey, { ...p, kind: p.kind }), lines: [] };
  }
  if (!outcome.ok) {
    return { tone: 'error', title: t('restore.rejected', { n: outcome.rejected.length }), lines: outcome.rejected.map((r) => rejectionText(t, r)) };
  }
  const { report } = outcome;
  const date = new Date(report.exportedAt);
  const when = Number.isNaN(date.getTime()) ? report.exportedAt : date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const lines = report.cases.map(({ caseId, outcome: o }) => t(`restore.case.${o}` as MessageKey, { case: caseId }));
  lines.push(t('restore.addedFiles', { n: report.added.evidence }));
  lines.push(t('restore.addedOther', { ...report.added }));
  if (report.skippedIdentical > 0) lines.push(t('restore.skippedIdentical', { n: report.skippedIdentical }));
  if (report.skippedDeleted > 0) lines.push(t('restore.skippedDeleted', { n: report.skippedDeleted }));
  if (report.settingsRestored) lines.push(t('restore.settings'));
  if (report.currentCaseRestored) lines.push(t('restore.currentCase'));
  return { tone: 'ok', title: t('restore.done', { date: when }), lines };
}
