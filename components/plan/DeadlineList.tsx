import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeadlineStatus } from '@/lib/deadlines/case-status';
import { NO_REPLY_RULE } from '@/lib/cases/contacts';
import { describeDue, shownDueMs, type DateFormat } from '@/lib/format/deadline';
import type { Translate } from '@/lib/i18n';
import { DeadlineTags, DueText } from './Countdown';
import { DateTimeFields } from './EditableDate';

/** What became of a deadline that passed, or was met: a buyer's window missed or met in time, another's ended. */
function StateTag({ t, status }: { t: Translate; status: DeadlineStatus }) {
  if (status.state === 'missed') return <span class="tag missed" data-testid="deadline-state">{t('plan.state.missed')}</span>;
  if (status.state === 'met') return <span class="tag met" data-testid="deadline-state">{t('plan.state.met')}</span>;
  return null;
}

/**
 * One deadline: its name, how sure it is, what became of it, its due as exactly as it is known, and a way to
 * set the due by hand (a day, or a day and time) or drop the hand-set one. `target`: the deadline a
 * notification was about, marked.
 */
function DeadlineItem(props: { t: Translate; f: DateFormat; status: DeadlineStatus; passed: boolean; target: boolean; onChange: (rule: string, at: string | null) => void }) {
  const { t, f, status, passed, target, onChange } = props;
  const { deadline } = status;
  const [editing, setEditing] = useState(false);
  // The contact reminder follows from the contact log: it is changed there, not here.
  const editable = deadline.rule !== NO_REPLY_RULE;
  const classes = [passed && 'passed', status.state, target && 'target'].filter(Boolean).join(' ');
  return (
    <li id={`deadline-${deadline.rule}`} data-testid="deadline" data-rule={deadline.rule} data-state={status.state} class={classes}>
      <span class="deadline-label">
        {t(deadline.labelKey)} <DeadlineTags t={t} deadline={deadline} /> <StateTag t={t} status={status} />
      </span>
      <span class="deadline-when">
        <span class="muted">
          <DueText t={t} deadline={deadline} f={f} passed={passed} />
        </span>
        {editable && !editing && (
          <button type="button" class="link" data-testid={`due-edit-${deadline.rule}`} onClick={() => setEditing(true)}>
            {t('checklist.deadline.change')}
          </button>
        )}
        {editable && deadline.setBy === 'user' && (
          <button type="button" class="link" data-testid={`due-clear-${deadline.rule}`} onClick={() => onChange(deadline.rule, null)}>
            {t('checklist.deadline.reset')}
          </button>
        )}
      </span>
      {editing && (
        <span class="deadline-edit">
          <DateTimeFields
            t={t}
            id={`due-input-${deadline.rule}`}
            label={t(deadline.labelKey)}
            // A due known to the day is edited as its last day; one known to the hour or minute as that moment.
            value={deadline.precision === 'day' ? describeDue(t, deadline, f).day : new Date(shownDueMs(deadline, f.timeZone)).toISOString()}
            timeZone={f.timeZone}
            onChange={(at) => at !== null && onChange(deadline.rule, at)}
          />
          <button type="button" class="link" data-testid={`due-done-${deadline.rule}`} onClick={() => setEditing(false)}>
            {t('plan.due.done')}
          </button>
        </span>
      )}
    </li>
  );
}

/**
 * Every deadline of the order, collapsed: the headline shows what matters now, above. Those still ahead come
 * first, then those passed, the latest first, each with what became of it (missed, done in time, ended). Each can
 * be set by hand: the rules doc says every deadline is the user's to correct. `focusRule` (a notification's
 * deadline) opens the list, scrolls to that deadline and marks it.
 */
export function DeadlineList(props: { t: Translate; f: DateFormat; statuses: DeadlineStatus[]; now: Date; focusRule?: string; onChange: (rule: string, at: string | null) => void }) {
  const { t, f, statuses, now, focusRule, onChange } = props;
  const list = useRef<HTMLDetailsElement>(null);
  const focused = focusRule !== undefined && statuses.some((s) => s.deadline.rule === focusRule);
  useEffect(() => {
    if (!focused || !list.current) return;
    list.current.open = true;
    list.current.querySelector(`[data-rule=${JSON.stringify(focusRule)}]`)?.scrollIntoView?.({ block: 'center' });
  }, [focused, focusRule]);
  if (!statuses.length) return null;
  const isPassed = (s: DeadlineStatus) => s.deadline.dueMs <= now.getTime();
  const ahead = statuses.filter((s) => !isPassed(s));
  const passed = statuses.filter(isPassed).reverse();
  return (
    <details class="more deadlines" data-testid="deadlines" ref={list}>
      <summary>{t('checklist.deadlines.all', { n: statuses.length })}</summary>
      <ul>
        {[...ahead, ...passed].map((s) => (
          <DeadlineItem key={s.deadline.rule} t={t} f={f} status={s} passed={isPassed(s)} target={s.deadline.rule === focusRule} onChange={onChange} />
        ))}
      </ul>
    </details>
  );
}
