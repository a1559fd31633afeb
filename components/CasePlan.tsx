import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { deadlinesFor, eventDates, pageEventDates } from '@/lib/case-deadlines';
import { orderForPlan, type CasePlanApi, type CasePlanData } from '@/lib/case-plan';
import { CASE_EVENTS, checklistFor, stepMessage, type CaseEvent, type CaseFacts } from '@/lib/deadlines';
import type { Locale, Translate } from '@/lib/i18n';
import type { Platform } from '@/lib/marketplaces';
import type { OrderFacts } from '@/lib/model';
import { formatMoney } from '@/lib/page-dates';
import { Checklist, NextStep } from './Checklist';
import { ContactLog } from './ContactLog';
import { Countdown, formatDue } from './Countdown';
import { DeadlineList } from './DeadlineList';
import { EditableDate } from './EditableDate';

const EMPTY: CasePlanData = { userDates: undefined, userDue: undefined, contacts: [], steps: {} };

function money(order: OrderFacts, lang: string): string | undefined {
  return order.total && formatMoney(order.total, lang);
}

/**
 * The order's deadlines and escalation: the nearest deadline counting down, the next step, then (where the
 * popup puts its capture button, `children`) and, collapsed, the whole checklist, the other deadlines, the
 * dates and the contact log. Works from the order as the page shows it; a stored case adds the user's dates,
 * ticks and contacts, and the first edit creates the case.
 */
export function CasePlan(props: { t: Translate; lang: string; locale: Locale; api: CasePlanApi; platform: Platform; order: OrderFacts; caseId: string; children?: ComponentChildren }) {
  const { t, lang, locale, api, platform, caseId, children } = props;
  const [data, setData] = useState<CasePlanData>(EMPTY);
  const order = useMemo(() => orderForPlan(props.order, data.storedOrder), [props.order, data.storedOrder]);
  const [error, setError] = useState<string>();
  const reload = () => api.load(caseId).then(setData, () => setData(EMPTY));
  useEffect(() => void reload(), [api, caseId]);

  const plan = useMemo(() => {
    const now = new Date();
    const deadlines = deadlinesFor({ platform, order, userDates: data.userDates, userDue: data.userDue, contacts: data.contacts }, now);
    const dates = eventDates(order, data.userDates);
    const events: Partial<Record<CaseEvent, string>> = {};
    for (const [event, date] of Object.entries(dates)) events[event as CaseEvent] = date.at;
    const steps = checklistFor(platform, { events, done: data.steps, now, deadlines });
    const ahead = deadlines.filter((d) => d.dueMs > now.getTime());
    return { deadlines, ahead, dates, steps, now };
  }, [platform, order, data]);

  const next = plan.steps.find((s) => s.state === 'next');
  const message = useMemo(() => {
    if (!next?.messageKey) return undefined;
    const stepDue = next.deadlines.find((d) => d.dueMs > plan.now.getTime());
    const facts: CaseFacts = {
      orderId: order.orderId,
      store: order.store?.name,
      amount: money(order, lang),
      orderDate: plan.dates.placed && formatDue(plan.dates.placed.at, lang),
      deliveredDate: plan.dates.delivered && formatDue(plan.dates.delivered.at, lang),
      due: stepDue && formatDue(stepDue.due, lang),
    };
    return stepMessage(locale, next.messageKey, facts);
  }, [next, order, lang, locale, plan]);

  const ref = { platform, order };
  async function write(work: () => Promise<void>, failure: Parameters<Translate>[0]) {
    setError(undefined);
    try {
      await work();
      await reload();
      return true;
    } catch {
      setError(t(failure));
      return false;
    }
  }
  const onStep = (stepId: string, state: 'done' | 'skipped' | null) => void write(() => api.setStep(ref, stepId, state), 'checklist.step.saveFailed');
  const pageDates = pageEventDates(order);

  return (
    <>
      <Countdown t={t} lang={lang} deadline={plan.ahead[0]} />
      <NextStep t={t} step={next} message={message} onChange={onStep} onCopy={api.copy} />
      {children}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <Checklist t={t} steps={plan.steps} onChange={onStep} />
      <DeadlineList
        t={t}
        lang={lang}
        deadlines={plan.deadlines}
        now={plan.now}
        onChange={(rule, at) => void write(() => api.setDue(ref, rule, at), 'checklist.dates.saveFailed')}
      />
      <details class="more dates" data-testid="dates">
        <summary>{t('checklist.dates.heading')}</summary>
        {CASE_EVENTS.map((event) => (
          <EditableDate
            key={event}
            t={t}
            id={event}
            label={t(`checklist.event.${event}`)}
            date={plan.dates[event]}
            hasPageDate={pageDates[event] !== undefined}
            onChange={(at) => void write(() => api.setDate(ref, event, at), 'checklist.dates.saveFailed')}
          />
        ))}
      </details>
      <ContactLog
        t={t}
        lang={lang}
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
