import { useEffect, useState } from 'preact/hooks';
import { caseName, chatLines, errorText } from '@/lib/capture/menu-and-shortcut';
import type { Translate } from '@/lib/i18n';
import type { CaseRecord } from '@/lib/common/model';
import type { AddPageApi } from '@/components/popup/popup-api';


/**
 * On a page that is not an order page (the item's listing, Taobao's transaction snapshot, a tracking
 * page): capture it into a case the user picks, the current case first.
 */
export function AddPageToCase({ t, api }: { t: Translate; api: AddPageApi }) {
  const [cases, setCases] = useState<CaseRecord[] | undefined>();
  const [selected, setSelected] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | undefined>();

  useEffect(() => {
    void api.openCases().then(({ cases: open, currentCaseId }) => {
      setCases(open);
      setSelected(open.some((c) => c.id === currentCaseId) ? currentCaseId! : (open[0]?.id ?? ''));
    });
  }, [api]);

  if (!cases) return null;
  if (cases.length === 0) {
    return (
      <p class="hint" data-testid="add-page-no-cases">
        {t('addPage.noCases')}
      </p>
    );
  }

  async function capture(what: 'page' | 'chat') {
    setBusy(true);
    setNotice(undefined);
    const result = await (what === 'chat' ? api.captureChat(selected) : api.addPageToCase(selected));
    const record = cases!.find((c) => c.id === selected);
    setNotice(
      result.ok
        ? {
            ok: true,
            text: [
              t('addPage.saved', { case: record ? caseName(t, record) : selected, files: t('case.files', { n: result.evidenceIds.length }) }),
              // Taller than one capture takes: which screens it holds (a chat's newest).
              ...(result.section ? [t('fullpage.section', { first: result.section.first, last: result.section.last, total: result.section.of })] : []),
              ...chatLines(t, result.chat),
            ].join(' '),
          }
        : { ok: false, text: errorText(t, result.error, result.detail) },
    );
    setBusy(false);
  }

  return (
    <section class="add-page" data-testid="add-page">
      <h2>{t('addPage.heading')}</h2>
      <label>
        {t('addPage.case')}{' '}
        <select data-testid="add-page-case" value={selected} disabled={busy} onChange={(e) => setSelected(e.currentTarget.value)}>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {caseName(t, c)}
            </option>
          ))}
        </select>
      </label>
      <button class="primary" data-testid="add-page-capture" disabled={busy || !selected} onClick={() => capture('page')}>
        {busy ? t('addPage.busy') : t('addPage.button')}
      </button>
      <p class="hint">{t('addPage.hint')}</p>
      <button data-testid="capture-chat" disabled={busy || !selected} onClick={() => capture('chat')}>
        {t('chat.button')}
      </button>
      <p class="hint">{t('chat.hint')}</p>
      {notice && (
        <p class={`notice ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'} data-testid="add-page-notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}
