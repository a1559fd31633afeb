import { useEffect, useState } from 'preact/hooks';
import type { Deadline } from '@/lib/deadlines';
import type { Translate } from '@/lib/i18n';
import { tickInterval, timeLeft } from '@/lib/time-left';

export function formatDue(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The current time, redrawn every second in a deadline's last hour and every minute before. */
export function useNow(untilMs: number | undefined): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const left = untilMs === undefined ? Infinity : untilMs - now.getTime();
    if (left <= 0 || left === Infinity) return;
    const every = tickInterval(left);
    // Wake on the next whole second or minute of the countdown, so the number changes when it should.
    const wait = left % every || every;
    const timer = setTimeout(() => setNow(new Date()), wait);
    return () => clearTimeout(timer);
  }, [untilMs, now]);
  return now;
}

/** Tags that say how far to trust a deadline: "typical" (confidence L), "from the page", "set by you". */
export function DeadlineTags({ t, deadline }: { t: Translate; deadline: Deadline }) {
  return (
    <>
      {deadline.setBy === 'page' && <span class="tag page" data-testid="tag-page">{t('checklist.deadline.fromPage')}</span>}
      {deadline.setBy === 'user' && <span class="tag user">{t('checklist.deadline.byUser')}</span>}
      {deadline.confidence === 'L' && deadline.setBy === 'rule' && (
        <span class="tag typical" data-testid="tag-typical" title={t('checklist.deadline.typicalNote')}>
          {t('checklist.deadline.typical')}
        </span>
      )}
    </>
  );
}

/** The nearest deadline, live: its rule's name, the time left, the date, and how sure it is. */
export function Countdown({ t, lang, deadline }: { t: Translate; lang: string; deadline: Deadline | undefined }) {
  const now = useNow(deadline?.dueMs);
  if (!deadline) {
    return (
      <section class="countdown none" data-testid="countdown">
        <p class="muted">{t('checklist.deadline.none')}</p>
      </section>
    );
  }
  const left = deadline.dueMs - now.getTime();
  const urgency = left < 86_400_000 ? 'urgent' : left < 3 * 86_400_000 ? 'soon' : 'later';
  return (
    <section class={`countdown ${urgency}`} data-testid="countdown">
      <h2>{t('checklist.countdown.heading')}</h2>
      <p class="countdown-label" data-testid="countdown-label">
        {t(deadline.labelKey)} <DeadlineTags t={t} deadline={deadline} />
      </p>
      <p class="countdown-left" data-testid="countdown-left">
        {left > 0 ? t('checklist.countdown.left', { left: timeLeft(t, left) }) : t('checklist.countdown.passed', { date: formatDue(deadline.due, lang) })}
      </p>
      {left > 0 && <p class="muted">{t('checklist.countdown.due', { date: formatDue(deadline.due, lang) })}</p>}
    </section>
  );
}
