import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { headlineText, ruleName } from '@/lib/deadlines/case-status';
import { rowsInSlices, selectRows, type DashboardFilter, type DashboardRow } from '@/lib/cases/case-list';
import { useLiveQuery } from '../shared/use-live-query';
import type { DashboardApi } from '@/components/dashboard/dashboard-api';
import { describeDue, formatTimeLeft, type DateFormat } from '@/lib/format/deadline';
import type { Translate } from '@/lib/i18n';
import { PLATFORMS, type Platform } from '@/lib/common/marketplaces';
import { CASE_STATES } from '@/lib/common/model';
import { userTimeZone } from '@/lib/common/time';

/** Rows drawn at first and added by each "Show more" (or by scrolling to the end of the list). */
export const PAGE_SIZE = 50;

/**
 * What matters now for a row's case (lib/deadlines/case-status.ts): the nearest open deadline's time left and rule; a
 * missed deadline, marked, with what is still open; the date to enter; "Nothing due" only when nothing is open
 * or missed (or the case is closed).
 */
function RowHeadline({ t, row, f }: { t: Translate; row: DashboardRow; f: DateFormat & { now: Date } }) {
  const h = row.headline;
  if (h.kind === 'open') {
    return (
      <>
        <strong>{t('checklist.countdown.left', { left: formatTimeLeft(t, h.deadline, f.now, f.timeZone) })}</strong>
        <br />
        <span class="muted">{ruleName(t, h.deadline)}</span>
      </>
    );
  }
  if (h.kind === 'missed') {
    const text = headlineText(t, h, f);
    return (
      <>
        <strong class="row-missed" data-testid="row-missed" data-precision={h.deadline.precision} data-day={describeDue(t, h.deadline, f).day}>
          {text.line}
        </strong>
        {text.stillOpen && (
          <>
            <br />
            <span class="muted" data-testid="row-still-open">{text.stillOpen}</span>
          </>
        )}
      </>
    );
  }
  if (h.kind === 'enterDate') return <span class="muted" data-testid="row-enter-date">{headlineText(t, h, f).line}</span>;
  return <span class="muted">{t('dashboard.noDeadline')}</span>;
}

interface Props {
  t: Translate;
  lang: string;
  api: DashboardApi;
  caseHref(caseId: string): string;
}

export function DashboardList({ t, lang, api, caseHref }: Props) {
  // The first page as the stored ranks order it (lib/cases/case-ranks.ts), read once, before anything else:
  // it stands in until every case is worked out.
  const [first, setFirst] = useState<{ rows: DashboardRow[]; total: number; now: Date } | 'none'>();
  useEffect(() => {
    const now = api.now();
    void api.readFirstPage(now, PAGE_SIZE).then(
      (page) => setFirst(page ? { ...page, now } : 'none'),
      () => setFirst('none'),
    );
  }, [api]);
  // Every case, read live: a deletion, an undo or a capture in another tab shows at once. Read once the first
  // page is on screen with its evidence counts (reading 10,000 cases would hold those up), and worked out a
  // slice at a time (half a second of deadline computing for 10,000) while the first page is shown.
  const [firstShown, setFirstShown] = useState(false);
  const cases = useLiveQuery(async () => (firstShown ? api.readCases() : undefined), [api, firstShown]);
  const [loaded, setLoaded] = useState<{ rows: DashboardRow[]; now: Date }>();
  useEffect(() => {
    if (!cases) return;
    const now = api.now();
    const abort = new AbortController();
    void rowsInSlices(cases, now, abort.signal).then((rows) => rows && setLoaded({ rows, now }));
    return () => abort.abort();
  }, [cases]);
  const rows = loaded?.rows;
  const [filter, setFilter] = useState<DashboardFilter>({});
  const [shown, setShown] = useState(PAGE_SIZE);
  const end = useRef<HTMLDivElement>(null);
  // The first page stands in only for the whole list unfiltered: a search or filter waits for every row.
  const early = !loaded && first && first !== 'none' && !filter.search && !filter.platform && !filter.state ? first : undefined;
  const f = { locale: api.locale, timeZone: userTimeZone(), now: loaded?.now ?? early?.now ?? api.now() };

  const selected = useMemo(() => (rows ? selectRows(rows, filter) : (early?.rows ?? [])), [rows, filter, early]);
  const total = rows ? selected.length : early?.total;
  const visible = selected.slice(0, shown);
  // Evidence counts of the rows on screen only: an index count each, never a walk of all evidence.
  const visibleIds = visible.map((row) => row.id).join('\n');
  const counts = useLiveQuery(() => api.countEvidence(visibleIds ? visibleIds.split('\n') : []), [api, visibleIds]);
  useEffect(() => {
    if (first === 'none' || (first && counts)) setFirstShown(true);
    else if (first) {
      // Counts that never come (a failed read) must not keep the whole list away.
      const late = setTimeout(() => setFirstShown(true), 1000);
      return () => clearTimeout(late);
    }
  }, [first, counts]);

  // Scrolling to the end of the list shows the next page, as the button does.
  useEffect(() => {
    if (!end.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown((n) => n + PAGE_SIZE));
    observer.observe(end.current);
    return () => observer.disconnect();
  }, [rows !== undefined, selected.length > shown]);

  function update(change: Partial<DashboardFilter>) {
    setFilter((f) => ({ ...f, ...change }));
    setShown(PAGE_SIZE);
  }

  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main class="dashboard-list case-page">
      <header class="case-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{t('dashboard.title')}</h1>
        {total !== undefined && <span class="case-state" data-testid="dashboard-count">{t('dashboard.count', { n: total })}</span>}
      </header>
      <form class="dashboard-filters" onSubmit={(e) => e.preventDefault()}>
        <label class="field">
          <span>{t('dashboard.search')}</span>
          <input type="search" data-testid="dashboard-search" placeholder={t('dashboard.searchPlaceholder')} value={filter.search ?? ''} onInput={(e) => update({ search: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label class="field">
          <span>{t('dashboard.platform')}</span>
          <select data-testid="dashboard-platform" value={filter.platform ?? ''} onChange={(e) => update({ platform: ((e.currentTarget as HTMLSelectElement).value || undefined) as Platform | undefined })}>
            <option value="">{t('dashboard.platformAll')}</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>{t(`platform.${p}`)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('dashboard.state')}</span>
          <select data-testid="dashboard-state" value={filter.state ?? ''} onChange={(e) => update({ state: ((e.currentTarget as HTMLSelectElement).value || undefined) as DashboardFilter['state'] })}>
            <option value="">{t('dashboard.stateAll')}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>{t(`casePage.state.${s}`)}</option>
            ))}
          </select>
        </label>
      </form>
      {!rows && !early && <p class="muted" data-testid="dashboard-loading">{t('dashboard.loading')}</p>}
      {rows?.length === 0 && <p class="muted" data-testid="dashboard-empty">{t('dashboard.empty')}</p>}
      {rows && rows.length > 0 && selected.length === 0 && <p class="muted" data-testid="dashboard-no-match">{t('dashboard.noMatch')}</p>}
      {visible.length > 0 && (
        <table class="dashboard-table" data-testid="dashboard-table">
          <thead>
            <tr>
              <th>{t('dashboard.col.order')}</th>
              <th>{t('dashboard.col.item')}</th>
              <th>{t('dashboard.col.state')}</th>
              <th>{t('dashboard.col.deadline')}</th>
              <th class="number">{t('dashboard.col.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.id} data-testid="dashboard-row" data-case-id={row.id} data-headline={row.headline.kind} class={row.headline.kind === 'missed' ? 'missed' : undefined}>
                <td>
                  <span class="muted">{t(`platform.${row.platform}`)}</span>
                  <br />
                  <a href={caseHref(row.id)} data-testid="row-order">{row.orderId}</a>
                </td>
                <td>
                  {row.store && <span class="muted" data-testid="row-store">{row.store}</span>}
                  {row.store && row.firstItem && <br />}
                  {row.firstItem && <span data-testid="row-item">{row.firstItem}</span>}
                </td>
                <td>{t(`casePage.state.${row.state}`)}</td>
                <td data-testid="row-deadline" data-due={row.nearest?.due ?? ''}>
                  <RowHeadline t={t} row={row} f={f} />
                  <br />
                  <span class="muted small">{t('dashboard.updated', { time: date.format(new Date(row.updatedAt)) })}</span>
                </td>
                <td class="number" data-testid="row-evidence">{counts?.get(row.id) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && selected.length > shown && (
        <div ref={end}>
          <button type="button" data-testid="dashboard-more" onClick={() => setShown((n) => n + PAGE_SIZE)}>
            {t('dashboard.showMore', { n: selected.length - shown })}
          </button>
        </div>
      )}
    </main>
  );
}
