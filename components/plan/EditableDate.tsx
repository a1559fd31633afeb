import { useEffect, useRef, useState } from 'preact/hooks';
import type { EventDate } from '@/lib/deadlines/case-input';
import { dateFields, fromDateFields, type DateFields } from '@/lib/format/date-input';
import { dateNoteText, type DateNote } from '@/lib/deadlines/date-notes';
import type { DateFormat } from '@/lib/format/deadline';
import type { Translate } from '@/lib/i18n';

/**
 * Two fields for one date: the day, and the time only when it is known. A day stays a day (YYYY-MM-DD, no
 * midnight added); with a time it is an instant of the user's zone (`f.timeZone`). What the user types is kept
 * in the fields until it reads as a date; `onChange` gets the date, or null when the day is emptied.
 */
export function DateTimeFields(props: { t: Translate; id: string; value: string | undefined; timeZone: string; label?: string; onChange: (value: string | null) => void }) {
  const { t, id, value, timeZone, label, onChange } = props;
  const [fields, setFields] = useState<DateFields>(() => dateFields(value, timeZone));
  // The date last given or sent: a change is sent once, even before the saved date comes back as `value`.
  const sent = useRef<string | null>(value ?? null);
  useEffect(() => {
    sent.current = value ?? null;
    setFields(dateFields(value, timeZone));
  }, [value, timeZone]);
  const change = (part: keyof DateFields, text: string) => {
    const next = { ...fields, [part]: text };
    setFields(next);
    const at = fromDateFields(next, timeZone);
    if (at === undefined || at === sent.current) return;
    sent.current = at;
    onChange(at);
  };
  return (
    <span class="date-fields">
      <input
        id={id}
        data-testid={id}
        type="date"
        aria-label={label ?? t('plan.dates.day')}
        value={fields.day}
        onChange={(e) => change('day', (e.currentTarget as HTMLInputElement).value)}
      />
      <input
        id={`${id}-time`}
        data-testid={`${id}-time`}
        type="time"
        aria-label={t('plan.dates.time')}
        title={t('plan.dates.time')}
        value={fields.time}
        onChange={(e) => change('time', (e.currentTarget as HTMLInputElement).value)}
      />
    </span>
  );
}

/**
 * One event's date, editable in place: a day as a day, a moment with its time. It says who set it; a date the
 * user set can be cleared, which brings back the page's (or none). A note beside it says when it looks wrong (in
 * the future, out of order with another date, unreadable, or not what the page says); the user's date is kept.
 */
export function EditableDate(props: {
  t: Translate;
  id: string;
  label: string;
  date: EventDate | undefined;
  hasPageDate: boolean;
  notes?: DateNote[];
  f: DateFormat;
  onChange: (value: string | null) => void;
}) {
  const { t, id, label, date, hasPageDate, notes = [], f, onChange } = props;
  return (
    <div class="date-row" data-testid={`date-${id}`}>
      <label for={`date-${id}`}>{label}</label>
      <DateTimeFields t={t} id={`date-${id}`} value={date?.at} timeZone={f.timeZone} label={label} onChange={onChange} />
      <span class="date-source">
        {date?.setBy === 'page' && <span class="tag page">{t('checklist.dates.fromPage')}</span>}
        {date?.setBy === 'user' && (
          <>
            <span class="tag user">{t('checklist.dates.byUser')}</span>
            <button type="button" class="link" data-testid={`date-clear-${id}`} onClick={() => onChange(null)}>
              {hasPageDate ? t('checklist.dates.clear') : t('checklist.dates.remove')}
            </button>
          </>
        )}
      </span>
      {notes.map((note, i) => (
        <p key={i} class="date-note" role="note" data-testid={`date-note-${id}`} data-note={note.key}>
          {dateNoteText(t, note, f)}
        </p>
      ))}
    </div>
  );
}
