import type { EventDate } from '@/lib/case-deadlines';
import type { Translate } from '@/lib/i18n';
import { toZonedIso, userTimeZone } from '@/lib/time';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date or date-time as a datetime-local input's value, in the browser's own zone. */
export function toInputValue(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the browser's zone) as ISO 8601 with the zone's offset, or undefined. */
export function fromInputValue(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : toZonedIso(date, userTimeZone());
}

/**
 * One event's date, editable in place. It says who set it; a date the user set can be cleared, which brings
 * back the page's (or none).
 */
export function EditableDate(props: { t: Translate; id: string; label: string; date: EventDate | undefined; hasPageDate: boolean; onChange: (iso: string | null) => void }) {
  const { t, id, label, date, hasPageDate, onChange } = props;
  return (
    <div class="date-row" data-testid={`date-${id}`}>
      <label for={`date-${id}`}>{label}</label>
      <input
        id={`date-${id}`}
        type="datetime-local"
        value={toInputValue(date?.at)}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          if (!value) return onChange(null);
          const iso = fromInputValue(value);
          if (iso) onChange(iso);
        }}
      />
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
    </div>
  );
}
