import { useEffect, useState } from 'preact/hooks';
import { headlineText, type Headline as HeadlineData } from '@/lib/deadlines/case-status';
import { capitalized, describeDue, formatTimeLeft, shownDueMs, type DateFormat } from '@/lib/format/deadline';
import type { CaseEvent, Deadline } from '@/lib/deadlines';
import type { Translate } from '@/lib/i18n';
import { tickInterval } from '@/lib/format/time-left';

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

/**
 * A due as exactly as it is known (lib/format/deadline.ts describeDue): a day without a time, named in the rule's
 * zone when that is not the user's (with the user's own clock in the tooltip), an hour or a minute otherwise.
 * `passed`: "Passed Nov 27" instead. `data-precision` and a day's `dateTime` let the screenshot checks catch a
 * time invented for a day.
 */
export function DueText({ t, deadline, f, capital = false, passed = false }: { t: Translate; deadline: Deadline; f: DateFormat; capital?: boolean; passed?: boolean }) {
  const due = describeDue(t, deadline, f);
  const text = passed ? t('checklist.countdown.passed', { date: due.short }) : capital ? capitalized(due.text, f.locale) : due.text;
  return (
    <time
      dateTime={deadline.precision === 'day' ? due.day : new Date(shownDueMs(deadline, f.timeZone)).toISOString()}
      data-precision={deadline.precision}
      title={due.localEnd && t('plan.due.yourTime', { time: due.localEnd })}
    >
      {text}
    </time>
  );
}

const urgencyOf = (left: number) => (left < 86_400_000 ? 'urgent' : left < 3 * 86_400_000 ? 'soon' : 'later');

/** The time left to a deadline, live and as exactly as its due is known. */
function TimeLeft({ t, deadline, f }: { t: Translate; deadline: Deadline; f: DateFormat }) {
  const now = useNow(deadline.dueMs);
  const left = deadline.dueMs - now.getTime();
  return (
    <p class="countdown-left" data-testid="countdown-left">
      {left > 0 ? t('checklist.countdown.left', { left: formatTimeLeft(t, deadline, now, f.timeZone) }) : t('checklist.countdown.passed', { date: describeDue(t, deadline, f).short })}
    </p>
  );
}

/** The nearest open deadline, live: its rule's name, how sure it is, the time left and the due. */
function Countdown({ t, deadline, f }: { t: Translate; deadline: Deadline; f: DateFormat }) {
  const now = useNow(deadline.dueMs);
  return (
    <section class={`countdown ${urgencyOf(deadline.dueMs - now.getTime())}`} data-testid="countdown" data-headline="open">
      <h2>{t('checklist.countdown.heading')}</h2>
      <p class="countdown-label" data-testid="countdown-label">
        {t(deadline.labelKey)} <DeadlineTags t={t} deadline={deadline} />
      </p>
      <TimeLeft t={t} deadline={deadline} f={f} />
      <p class="muted countdown-due" data-testid="countdown-due">
        <DueText t={t} deadline={deadline} f={f} capital />
      </p>
    </section>
  );
}

/** The day a line about a deadline names, for the screenshot checks (a day shown must show no time). */
function dayAttributes(t: Translate, deadline: Deadline, f: DateFormat) {
  return deadline.precision === 'day' ? { 'data-precision': 'day', 'data-day': describeDue(t, deadline, f).day } : { 'data-precision': deadline.precision };
}

/**
 * The one thing that matters now for the case (lib/deadlines/case-status.ts caseHeadline): the nearest open deadline
 * counting down; or a missed deadline, with what is still open and its time left; or the date to enter and
 * what it would start, with a way to go and enter it; or that nothing can be counted, or the case is closed.
 */
export function Headline(props: { t: Translate; headline: HeadlineData; f: DateFormat; onEnterDate?: (event: CaseEvent) => void }) {
  const { t, headline, f, onEnterDate } = props;
  if (headline.kind === 'open') return <Countdown t={t} deadline={headline.deadline} f={f} />;
  const text = headlineText(t, headline, { ...f, now: f.now ?? new Date() });
  if (headline.kind === 'missed') {
    const open = headline.stillOpen;
    return (
      <section class="countdown missed" data-testid="countdown" data-headline="missed">
        <p class="headline-line" data-testid="headline-line" {...dayAttributes(t, headline.deadline, f)}>
          <strong>{text.line}</strong> <DeadlineTags t={t} deadline={headline.deadline} />
        </p>
        {open && text.stillOpen && (
          <>
            <p class="headline-still-open" data-testid="headline-still-open" {...dayAttributes(t, open, f)}>
              {text.stillOpen} <DeadlineTags t={t} deadline={open} />
            </p>
            <TimeLeft t={t} deadline={open} f={f} />
          </>
        )}
      </section>
    );
  }
  return (
    <section class="countdown none" data-testid="countdown" data-headline={headline.kind}>
      <p class={headline.kind === 'enterDate' ? 'headline-line' : 'headline-line muted'} data-testid="headline-line">
        {text.line}
      </p>
      {headline.kind === 'enterDate' && onEnterDate && (
        <button type="button" class="link" data-testid="headline-enter" onClick={() => onEnterDate(headline.event)}>
          {t('plan.headline.enter')}
        </button>
      )}
    </section>
  );
}
