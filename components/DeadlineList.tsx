import type { Deadline } from '@/lib/deadlines';
import type { Translate } from '@/lib/i18n';
import { DeadlineTags, formatDue } from './Countdown';

/** The deadlines after the nearest one, collapsed: the popup shows the one that matters first. */
export function DeadlineList({ t, lang, deadlines }: { t: Translate; lang: string; deadlines: Deadline[] }) {
  if (!deadlines.length) return null;
  return (
    <details class="more deadlines" data-testid="deadlines">
      <summary>{t('checklist.deadlines.others', { n: deadlines.length })}</summary>
      <ul>
        {deadlines.map((d) => (
          <li key={d.rule} data-testid="deadline">
            <span class="deadline-label">
              {t(d.labelKey)} <DeadlineTags t={t} deadline={d} />
            </span>
            <time class="muted" dateTime={d.due}>
              {formatDue(d.due, lang)}
            </time>
          </li>
        ))}
      </ul>
    </details>
  );
}
