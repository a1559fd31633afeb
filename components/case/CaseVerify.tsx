import { useState } from 'preact/hooks';
import type { ChainBreak } from '@/lib/cases/custody';
import { describeError } from '@/lib/common/errors';
import type { Translate } from '@/lib/i18n';
import type { ItemCheck, TimestampOk, VerifyReport } from '@/lib/cases/verify-case';

function itemProblem(t: Translate, lang: string, item: Exclude<ItemCheck, { status: 'ok' }>): string {
  switch (item.status) {
    case 'mismatch':
      return t('verify.mismatch', { name: item.name, expected: item.expected, actual: item.actual });
    case 'missing':
      return t('verify.missing', { time: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(item.addedAt)), expected: item.expected });
    case 'unlogged':
      return t('verify.unlogged', { name: item.name });
    case 'metadata':
      return t('verify.metadata', { name: item.name });
    case 'unreadable':
      return t('verify.unreadable', { name: item.name });
    case 'timestamp':
      return t(`verify.timestamp.${item.problem}`, { name: item.name });
  }
}

function chainProblem(t: Translate, problem: ChainBreak): string {
  switch (problem.kind) {
    case 'sequence':
      return t('verify.chain.sequence', { seq: problem.seq, expected: problem.expectedSeq });
    case 'link':
      return t('verify.chain.link', { seq: problem.seq });
    case 'edited':
      return t('verify.chain.edited', { seq: problem.seq });
    case 'malformed':
      return t('verify.chain.malformed', { seq: problem.seq });
  }
}

/** The Verify button and its report: each file that changed, went missing or is unaccounted for, by name. */
export function CaseVerify({ t, lang, verify: verifyCase }: { t: Translate; lang: string; verify(): Promise<VerifyReport> }) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<VerifyReport>();
  const [failure, setFailure] = useState<string>();

  async function verify() {
    setBusy(true);
    setFailure(undefined);
    try {
      setReport(await verifyCase());
    } catch (error) {
      setReport(undefined);
      setFailure(describeError(error));
    }
    setBusy(false);
  }

  const problems = report ? report.items.filter((i): i is Exclude<ItemCheck, { status: 'ok' }> => i.status !== 'ok') : [];
  const problemCount = problems.length + (report?.chain.length ?? 0);
  // Each intact file's timestamp that holds: who stamped it and when.
  const stamped = report ? report.items.filter((i): i is Extract<ItemCheck, { status: 'ok' }> & { timestamp: TimestampOk } => i.status === 'ok' && i.timestamp !== undefined) : [];
  return (
    <section class="case-section" data-testid="verify-section">
      <h2>{t('verify.heading')}</h2>
      <p class="hint">{t('verify.hint')}</p>
      <button type="button" class="primary" data-testid="verify" disabled={busy} onClick={verify}>
        {busy ? t('verify.busy') : t('verify.button')}
      </button>
      {failure && (
        <p class="notice error" role="alert">
          {t('caseAdd.error.internal')}
          <span class="detail">{t('error.detail', { detail: failure })}</span>
        </p>
      )}
      {report && !busy && (
        <div class={`verify-report notice ${report.ok ? 'ok' : 'error'}`} role={report.ok ? 'status' : 'alert'} data-testid="verify-report" data-ok={String(report.ok)}>
          {report.ok ? (
            <p>{t('verify.allOk', { n: report.items.length, entries: report.logLength })}</p>
          ) : (
            <>
              <p>{t('verify.problems', { n: problemCount })}</p>
              <ul>
                {problems.map((item) => (
                  <li key={item.evidenceId} data-testid="verify-problem" data-status={item.status} data-name={item.name}>
                    {itemProblem(t, lang, item)}
                    {item.status === 'unreadable' && <span class="detail">{t('error.detail', { detail: item.detail })}</span>}
                    {item.status === 'timestamp' && item.detail && <span class="detail">{t('error.detail', { detail: item.detail })}</span>}
                  </li>
                ))}
                {report.chain.map((problem, i) => (
                  <li key={`chain-${i}`} data-testid="verify-chain-problem" data-kind={problem.kind}>
                    {chainProblem(t, problem)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {stamped.length > 0 && (
            <ul class="verify-timestamps">
              {stamped.map((item) => (
                <li key={item.evidenceId} data-testid="verify-timestamp" data-name={item.name}>
                  {t('verify.timestampOk', { name: item.name, authority: item.timestamp.authority, time: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(item.timestamp.genTime)) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
