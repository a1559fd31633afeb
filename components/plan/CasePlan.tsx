import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { nextStepMessage, orderForPlan, planView, type CasePlanApi, type CasePlanData } from '@/lib/cases/plan';
import type { DateFormat } from '@/lib/format/deadline';
import { CASE_EVENTS, type CaseEvent } from '@/lib/deadlines';
import type { Locale, Translate } from '@/lib/i18n';
import type { Platform } from '@/lib/common/marketplaces';
import type { OrderFacts } from '@/lib/common/model';
import { formatMoney } from '@/lib/format/page-date';
import { Checklist, NextStep } from './Checklist';
import { ContactLog } from './ContactLog';
import { Headline } from './Countdown';
import { DeadlineList } from './DeadlineList';
import { EditableDate } from './EditableDate';

const EMPTY: CasePlanData = { userDates: undefined, userDue: undefined, contacts: [], steps: {} };

function money(order: OrderFacts, lang: string): string | undefined {
  return order.total && formatMoney(order.total, lang);
}

/**
 * The order's deadlines and escalation, the same in the popup and on the case page: the one line that matters
 * now (the nearest deadline counting down, a missed one with what is still open, or the date to enter), the next
 * step, then (where the popup puts its capture button, `children`) and, collapsed, the whole checklist, every
 * deadline with its state, the dates and the contact log. Works from the order as the page shows it; a stored
 * case adds the user's dates, ticks and contacts, and the first edit creates the case. `timeZone`: the user's.
 * `focusRule`: a deadline to open the list at (a notification about it was clicked). `onChanged`: after a write.
 * `savedAt`: when the case was last saved elsewhere (a capture from the popup ticks "document"): read it again.
 */
export function CasePlan(props: {
  t: Translate;
  lang: string;
  locale: Locale;
  timeZone: string;
  api: CasePlanApi;
  platform: Platform;
  order: OrderFacts;
  caseId: string;
  focusRule?: string;
  onChanged?: () => void;
  savedAt?: string;
  children?: ComponentChildren;
}) {
  const { t, lang, locale, timeZone, api, platform, caseId, focusRule, onChanged, savedAt, children } = props;
  const [data, setData] = useState<CasePlanData>(EMPTY);
  const order = useMemo(() => orderForPlan(props.order, data.storedOrder), [props.order, data.storedOrder]);
  const [error, setError] = useState<string>();
  const dates = useRef<HTMLDetailsElement>(null);
  const reload = () => api.load(caseId).then(setData, () => setData(EMPTY));
  // Read again when the order changes too (the page read anew, the case page's case read again) or the case was
  // saved since (a capture, which ticks the "document" step).
  useEffect(() => void reload(), [api, caseId, props.order, savedAt]);

  // `passed`: bumped when the nearest deadline still ahead passes, so an open popup or case page says it was
  // missed and moves to the next step without waiting for a new read of the page or the database.
  const [passed, setPassed] = useState(0);
  const view = useMemo(() => planView(platform, order, data, new Date()), [platform, order, data, passed]);
  useEffect(() => {
    const ahead = view.deadlines.map((d) => d.dueMs).filter((ms) => ms > view.now.getTime());
    if (!ahead.length) return;
    // setTimeout holds at most 2^31-1 ms (24.8 days); a later deadline is looked at again then.
    const wait = Math.min(Math.min(...ahead) - Date.now() + 1, 2 ** 31 - 1);
    const timer = setTimeout(() => setPassed((n) => n + 1), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [view]);
  const f: DateFormat = { locale, timeZone, now: view.now };
  const message = useMemo(() => nextStepMessage(t, view, platform, order, money(order, lang), f), [view, order, lang, locale, timeZone]);

  const ref = { platform, order };
  async function write(work: () => Promise<void>, failure: Parameters<Translate>[0]) {
    setError(undefined);
    try {
      await work();
      await reload();
      onChanged?.();
      return true;
    } catch {
      setError(t(failure));
      return false;
    }
  }
  const onStep = (stepId: string, state: 'done' | 'skipped' | null) => void write(() => api.setStep(ref, stepId, state), 'checklist.step.saveFailed');
  // "Enter the delivery date": open the dates and put the cursor in that one.
  const enterDate = (event: CaseEvent) => {
    if (dates.current) dates.current.open = true;
    const input = dates.current?.querySelector<HTMLInputElement>(`#date-${event}`);
    input?.scrollIntoView?.({ block: 'center' });
    input?.focus();
  };

  return (
    <>
      <Headline t={t} headline={view.headline} f={f} onEnterDate={enterDate} />
      <NextStep t={t} step={view.next} message={message} onChange={onStep} onCopy={api.copy} />
      {children}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <Checklist t={t} steps={view.steps} onChange={onStep} />
      <DeadlineList
        t={t}
        f={f}
        statuses={view.statuses}
        now={view.now}
        {...(focusRule && { focusRule })}
        onChange={(rule, at) => void write(() => api.setDue(ref, rule, at), 'checklist.dates.saveFailed')}
      />
      <details class="more dates" data-testid="dates" ref={dates}>
        <summary>{t('checklist.dates.heading')}</summary>
        <p class="muted dates-hint">{t('plan.dates.hint')}</p>
        {CASE_EVENTS.map((event) => (
          <EditableDate
            key={event}
            t={t}
            id={event}
            label={t(`checklist.event.${event}`)}
            date={view.dates[event]}
            hasPageDate={view.pageDates[event] !== undefined}
            notes={view.notes[event]}
            f={f}
            onChange={(at) => void write(() => api.setDate(ref, event, at), 'checklist.dates.saveFailed')}
          />
        ))}
      </details>
      <ContactLog
        t={t}
        f={f}
        contacts={data.contacts}
        onAdd={(contact) => write(() => api.addContact(ref, contact), 'checklist.contacts.saveFailed')}
        onDelete={(id) => void write(() => api.deleteContact(id), 'checklist.contacts.saveFailed')}
      />
      <button type="button" class="link settings-link" data-testid="open-settings" onClick={() => api.openSettings()}>
        {t('checklist.settings.link')}
      </button>
    </>
  );
}
