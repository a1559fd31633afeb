import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { caseIdFor, type CaseOverview } from '@/lib/cases/cases';
import { languageTag, translator, type MessageKey, type Translate } from '@/lib/i18n';
import type { CaptureProgress, CaptureResponse, ListingCaptureResponse, SaveOrdersResponse } from '@/lib/messaging/messages';
import { MAX_ORDERS } from '@/lib/common/model';
import type { PageState } from '@/lib/readers/page-state';
import type { PopupApi } from '@/components/popup/popup-api';
import { userTimeZone } from '@/lib/common/time';
import { AddPageToCase } from './AddPageToCase';
import { CaseCard } from './CaseCard';
import { CasePlan } from '../plan/CasePlan';
import { DisputeList } from './DisputeList';
import { ListingCapture, listingNotice } from './ListingCapture';
import { OrderList, savedOrdersText } from './OrderList';
import { OrderSummary } from './OrderSummary';

/**
 * `detail`: the browser's own technical words, shown apart from the message (they are not translated).
 * `next`: a page taller than one capture takes: the screen the next section starts at, offered as a button.
 */
type Notice = { tone: 'ok' | 'error'; text: string; detail?: string; next?: { from: number; first: number; last: number }; lines?: string[] };

function captureNotice(t: Translate, result: CaptureResponse, lang: string): Notice {
  if (!result.ok) return { tone: 'error', text: t(`error.${result.error}` as MessageKey), detail: result.detail };
  const saved = t('capture.saved', { files: t('case.files', { n: result.evidenceIds.length }) });
  const section = result.section;
  if (!section) return { tone: 'ok', text: saved };
  const n = (v: number) => v.toLocaleString(lang);
  const text = `${saved} ${t('fullpage.section', { first: n(section.first), last: n(section.last), total: n(section.of) })}`;
  if (section.last >= section.of) return { tone: 'ok', text };
  return { tone: 'ok', text, next: { from: section.last, first: section.last + 1, last: Math.min(section.of, section.last + (section.last - section.first + 1)) } };
}

function progressText(t: Translate, progress: CaptureProgress | undefined): string {
  if (!progress) return t('capture.busy');
  if (progress.phase === 'screens') return t('fullpage.screen', { n: progress.done, total: progress.total });
  return t(`fullpage.${progress.phase}`);
}

function saveNotice(t: Translate, result: SaveOrdersResponse): Notice {
  if (result.ok) return { tone: 'ok', text: savedOrdersText(t, result) };
  return { tone: 'error', text: t(`error.${result.error}` as MessageKey), detail: result.detail };
}

const PAGE_MESSAGES: Record<Exclude<PageState['kind'], 'order' | 'dispute' | 'dispute-list'>, MessageKey> = {
  'no-tab': 'error.noTab',
  'not-supported': 'popup.notOrderPage',
  reload: 'popup.reload',
  'order-list': 'popup.orderListPage',
  unreadable: 'popup.unreadable',
};

/** The page's one order, whose case the popup shows and a capture goes to: an order page or a dispute page about one order. */
type CasePage = Extract<PageState, { kind: 'order' | 'dispute' }>;
const isCasePage = (page: PageState | undefined): page is CasePage => page?.kind === 'order' || page?.kind === 'dispute';

export function Popup({ api }: { api: PopupApi }) {
  const t = useMemo(() => translator(api.locale), [api.locale]);
  const lang = languageTag(api.locale);
  const [page, setPage] = useState<PageState | undefined>();
  // undefined while the case is being read: nothing is said about it until the database has answered.
  const [overview, setOverview] = useState<CaseOverview | null | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [progress, setProgress] = useState<CaptureProgress | undefined>();
  const [cancelling, setCancelling] = useState(false);

  const casePage = isCasePage(page) ? page : undefined;
  const caseId = casePage ? caseIdFor(casePage.platform, casePage.order.orderId) : undefined;

  useEffect(() => {
    const read = () => api.readPage().then(setPage, () => setPage({ kind: 'no-tab' }));
    void read();
    api.takeInterrupted().then((interrupted) => interrupted && setNotice({ tone: 'error', text: t('error.interrupted') }));
    // Single-page navigation or more orders loaded: read the page again.
    return api.onPageChanged(() => void read());
  }, [api, t]);

  // Each read of the case is numbered; an answer to an older read never replaces a newer one.
  const caseReads = useRef(0);
  async function readCase(id: string): Promise<CaseOverview | null | undefined> {
    const n = ++caseReads.current;
    const read = await api.loadCase(id);
    return n === caseReads.current ? read : undefined;
  }

  useEffect(() => {
    setOverview(undefined);
    if (caseId) void readCase(caseId).then((read) => read !== undefined && setOverview(read));
  }, [api, caseId]);

  async function capture(tabId: number, fromScreen?: number) {
    setBusy(true);
    setNotice(undefined);
    setProgress(undefined);
    const unsubscribe = api.onCaptureProgress(tabId, setProgress);
    let result: CaptureResponse;
    try {
      result = await api.capture(tabId, fromScreen);
    } finally {
      unsubscribe();
    }
    // The case is read again before anything is shown, so the message and the count beside it change in
    // the same render: "Saved: 3 files." never stands next to the count from before the capture.
    const after = result.ok && caseId ? await readCase(caseId) : undefined;
    setProgress(undefined);
    setCancelling(false);
    setNotice(captureNotice(t, result, lang));
    if (after !== undefined) setOverview(after);
    setBusy(false);
  }

  // A listing capture that ended while the popup was closed (its first snapshot tab came to the front): said once.
  const orderTabId = page?.kind === 'order' ? page.tabId : undefined;
  useEffect(() => {
    if (orderTabId === undefined) return;
    void api.takeListingResult(orderTabId).then((result) => result && setNotice(listingNotice(t, result)));
  }, [api, t, orderTabId]);

  async function captureListings(run: () => Promise<ListingCaptureResponse>) {
    setBusy(true);
    setNotice(undefined);
    const result = await run();
    const after = result.ok && result.captured.length && caseId ? await readCase(caseId) : undefined;
    setNotice(listingNotice(t, result));
    if (after !== undefined) setOverview(after);
    setBusy(false);
  }

  async function saveAll(tabId: number) {
    setBusy(true);
    setNotice(undefined);
    setNotice(saveNotice(t, await api.saveAllOrders(tabId)));
    setBusy(false);
  }

  const listWithOrders = page?.kind === 'order-list' && page.orders.length > 0;
  const captureButton = (tabId: number) => (
    <>
      <button class="primary" data-testid="capture" disabled={busy} onClick={() => capture(tabId)}>
        {busy ? t('capture.busy') : t('capture.button')}
      </button>
      {busy && progress && (
        <div class="capture-progress">
          <span role="status" data-testid="capture-progress">{cancelling ? t('fullpage.cancelling') : progressText(t, progress)}</span>
          <button
            data-testid="capture-cancel"
            disabled={cancelling || progress.phase === 'saving'}
            onClick={() => {
              setCancelling(true);
              void api.cancelCapture(tabId);
            }}
          >
            {t('fullpage.cancel')}
          </button>
        </div>
      )}
      <p class="hint">{t('fullpage.hint')}</p>
      {page?.kind === 'order' && page.tabId === tabId && (
        <ListingCapture t={t} api={api} tabId={tabId} order={page.order} busy={busy} onRun={(run) => void captureListings(run)} />
      )}
    </>
  );

  return (
    <main class="popup" lang={lang}>
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('appName')}</h1>
        <a class="all-cases" href="dashboard.html" target="_blank" data-testid="all-cases">
          {t('dashboard.link')}
        </a>
      </header>
      {!page && <p class="muted" data-testid="reading">{t('popup.reading')}</p>}
      {page && !isCasePage(page) && page.kind !== 'dispute-list' && !listWithOrders && (
        <p class="page-message" data-testid="page-message">
          {t(PAGE_MESSAGES[page.kind], { platform: 'platform' in page ? t(`platform.${page.platform}`) : '' })}
        </p>
      )}
      {casePage && (
        <>
          <OrderSummary t={t} lang={lang} platform={casePage.platform} order={casePage.order} dispute={casePage.kind === 'dispute'} />
          {api.plan && caseId ? (
            // Countdown and next step before the capture button; the rest of the plan collapsed after it.
            <CasePlan
              t={t}
              lang={lang}
              locale={api.locale}
              timeZone={userTimeZone()}
              api={api.plan}
              platform={casePage.platform}
              order={casePage.order}
              caseId={caseId}
              {...(overview && { savedAt: overview.case.updatedAt })}
            >
              {captureButton(casePage.tabId)}
            </CasePlan>
          ) : (
            captureButton(casePage.tabId)
          )}
        </>
      )}
      {page?.kind === 'dispute-list' && <DisputeList t={t} lang={lang} orders={page.orders} />}
      {page && 'truncated' in page && page.truncated && (
        <p class="hint" data-testid="truncated">
          {t('reading.truncated', { n: MAX_ORDERS })}
        </p>
      )}
      {page && !casePage && page.kind !== 'no-tab' && <AddPageToCase t={t} api={api} />}
      {page?.kind === 'order-list' && listWithOrders && (
        <OrderList t={t} orders={page.orders} busy={busy} onSaveAll={() => saveAll(page.tabId)} />
      )}
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.text}
          {notice.detail && <span class="detail">{t('error.detail', { detail: notice.detail })}</span>}
          {notice.lines && (
            <ul class="notice-lines" data-testid="notice-lines">
              {notice.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          {notice.next && page?.kind === 'order' && (
            <button data-testid="capture-next-section" disabled={busy} onClick={() => capture(page.tabId, notice.next!.from)}>
              {t('fullpage.nextSection', { first: notice.next.first.toLocaleString(lang), last: notice.next.last.toLocaleString(lang) })}
            </button>
          )}
        </p>
      )}
      {casePage && overview !== undefined && <CaseCard t={t} lang={lang} overview={overview} />}
    </main>
  );
}
