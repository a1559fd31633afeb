import { useState } from 'preact/hooks';
import { NO_REPLY_RULE } from '@/lib/contacts';
import type { Deadline } from '@/lib/deadlines';
import type { Translate } from '@/lib/i18n';
import { DeadlineTags, formatDue } from './Countdown';
import { fromInputValue, toInputValue } from './EditableDate';

/** One deadline: its name, how sure it is, its date, and a way to set the date by hand (or drop the hand-set one). */
function DeadlineItem({ t, lang, deadline, passed, onChange }: { t: Translate; lang: string; deadline: Deadline; passed: boolean; onChange: (rule: string, at: string | null) => void }) {
  const [editing, setEditing] = useState(false);
  // The contact reminder follows from the contact log: it is changed there, not here.
  const editable = deadline.rule !== NO_REPLY_RULE;
  return (
    <li data-testid="deadline" data-rule={deadline.rule} class={passed ? 'passed' : ''}>
      <span class="deadline-label">
        {t(deadline.labelKey)} <DeadlineTags t={t} deadline={deadline} />
      </span>
      <span class="deadline-when">
        <time class="muted" dateTime={deadline.due}>
          {passed ? t('checklist.countdown.passed', { date: formatDue(deadline.due, lang) }) : formatDue(deadline.due, lang)}
        </time>
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
        <input
          type="datetime-local"
          aria-label={t(deadline.labelKey)}
          data-testid={`due-input-${deadline.rule}`}
          value={toInputValue(deadline.due)}
          onChange={(e) => {
            const iso = fromInputValue((e.currentTarget as HTMLInputElement).value);
            if (iso) onChange(deadline.rule, iso);
            setEditing(false);
          }}
        />
      )}
    </li>
  );
}

/**
 * Every deadline of the order, collapsed: the popup shows the nearest first, above. Those still ahead come
 * first, then those passed. Each can be set by hand: the rules doc says every deadline is the user's to correct.
 */
export function DeadlineList(props: { t: Translate; lang: string; deadlines: Deadline[]; now: Date; onChange: (rule: string, at: string | null) => void }) {
  const { t, lang, deadlines, now, onChange } = props;
  if (!deadlines.length) return null;
  const ahead = deadlines.filter((d) => d.dueMs > now.getTime());
  const passed = deadlines.filter((d) => d.dueMs <= now.getTime()).reverse();
  return (
    <details class="more deadlines" data-testid="deadlines">
      <summary>{t('checklist.deadlines.all', { n: deadlines.length })}</summary>
      <ul>
        {[...ahead, ...passed].map((d) => (
          <DeadlineItem key={d.rule} t={t} lang={lang} deadline={d} passed={d.dueMs <= now.getTime()} onChange={onChange} />
        ))}
      </ul>
    </details>
  );
}
