import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CasePage } from '../case/CasePage';
import { DashboardList } from './DashboardList';
import { DeleteCaseDialog } from './DashboardDelete';
import type { CaseRows } from '@/lib/cases/cases';
import { caseIdFromHash, dashboardCaseHash, deadlineRuleFromHash } from '@/lib/cases/case-list';
import type { DashboardApi } from '@/components/dashboard/dashboard-api';
import { languageTag, translator } from '@/lib/i18n';
import type { CaseRecord } from '@/lib/common/model';

/** How long the Undo toast stays after a deletion. */
export const UNDO_MS = 10_000;

type Toast = { text: string; tone: 'ok' | 'error'; undo?: CaseRows };

/** The case the address names (`#case=<id>`), and the deadline to show it at (`&deadline=<rule>`). */
function useHashCase(): { caseId?: string; rule?: string } {
  const read = () => ({ caseId: caseIdFromHash(location.hash), rule: deadlineRuleFromHash(location.hash) });
  const [target, setTarget] = useState(read);
  useEffect(() => {
    const onHash = () => setTarget(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return target;
}

/**
 * The dashboard tab: the list of all cases, or one case's view (`#case=<id>`, the same CasePage as case.html)
 * with a way back and Delete. A deleted case's rows stay in this page's memory while the Undo toast shows. The
 * list is a live read: a deletion, an undo or a capture elsewhere shows without a reload.
 */
export function Dashboard({ api, undoMs = UNDO_MS }: { api: DashboardApi; undoMs?: number }) {
  const t = useMemo(() => translator(api.locale), [api.locale]);
  const lang = languageTag(api.locale);
  const { caseId, rule } = useHashCase();
  // One API per case shown: a new one on every render would read the case again each time.
  const casePageApi = useMemo(() => (caseId ? api.casePage(caseId, rule) : undefined), [api, caseId, rule]);
  const [confirming, setConfirming] = useState<{ record: CaseRecord; files: number }>();
  const [toast, setToast] = useState<Toast>();
  const timer = useRef<ReturnType<typeof setTimeout>>();

  function show(next: Toast | undefined) {
    clearTimeout(timer.current);
    setToast(next);
    if (next) timer.current = setTimeout(() => setToast(undefined), undoMs);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  async function askDelete(id: string) {
    const record = await api.readCase(id);
    if (record) setConfirming({ record, files: (await api.countEvidence([id])).get(id) ?? 0 });
  }

  async function confirmDelete() {
    const record = confirming!.record;
    setConfirming(undefined);
    try {
      const removed = await api.deleteCase(record.id);
      show(removed ? { tone: 'ok', text: t('dashboard.deleted', { orderId: record.orderId }), undo: removed } : undefined);
    } catch {
      return show({ tone: 'error', text: t('dashboard.deleteFailed') });
    }
    if (caseIdFromHash(location.hash) === record.id) location.hash = '';
  }

  async function undo(removed: CaseRows) {
    const restored = await api.restoreCase(removed).catch(() => false);
    const orderId = removed.case.orderId;
    show({ tone: restored ? 'ok' : 'error', text: t(restored ? 'dashboard.restored' : 'dashboard.restoreFailed', { orderId }) });
  }

  useEffect(() => {
    if (!caseId) document.title = `${t('dashboard.title')} · DisputeKit`;
  }, [caseId, t]);

  return (
    <div class="dashboard" lang={lang}>
      {caseId && casePageApi ? (
        <div class="dashboard-case" data-testid="dashboard-case">
          <nav class="dashboard-case-bar">
            <a href="#" data-testid="dashboard-back">{t('dashboard.back')}</a>
            <button type="button" class="danger" data-testid="delete-case" onClick={() => void askDelete(caseId)}>
              {t('dashboard.delete')}
            </button>
          </nav>
          <CasePage key={caseId} api={casePageApi} />
        </div>
      ) : (
        <DashboardList t={t} lang={lang} api={api} caseHref={dashboardCaseHash} />
      )}
      {confirming && (
        <DeleteCaseDialog t={t} orderId={confirming.record.orderId} files={confirming.files} onConfirm={() => void confirmDelete()} onCancel={() => setConfirming(undefined)} />
      )}
      {toast && (
        <div class={`toast ${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" data-testid="undo" onClick={() => void undo(toast.undo!)}>
              {t('dashboard.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
