import type { TimelineEntry } from '@/lib/cases/timeline';
import { useLiveQuery } from '../shared/use-live-query';
import { formatEventDate, type DateFormat } from '@/lib/format/deadline';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { CaseRecord } from '@/lib/common/model';
import { shortHash } from './CaseEvidenceList';

function entryText(t: Translate, entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'opened':
      return t('timeline.opened');
    case 'captured':
      return t('timeline.captured', { n: entry.count });
    case 'evidence-deleted':
      return t('timeline.evidenceDeleted', { n: entry.count });
    case 'custody':
      return t(`timeline.custody.${entry.action}`, { seq: entry.seq, hash: shortHash(entry.sha256) });
    case 'contact': {
      const text = t('timeline.contact', { channel: t(`checklist.channel.${entry.channel}`), summary: entry.summary });
      return entry.reference ? `${text} (${t('timeline.reference', { reference: entry.reference })})` : text;
    }
    case 'step':
      return t(entry.state === 'done' ? 'timeline.stepDone' : 'timeline.stepSkipped', { title: t(entry.titleKey) });
    case 'date':
      return t('timeline.date', { event: t(`checklist.event.${entry.event}` as MessageKey) });
    case 'due':
      return t('timeline.due', { label: t(entry.labelKey) });
  }
}

/**
 * The case's timeline, oldest first, read live (`load`: lib/cases/timeline.ts over the page's database). A date the
 * user set is at its own date: a day is shown as that day, with no time (`f`: the user's language and zone).
 */
export function CaseTimeline({ t, f, load, record }: { t: Translate; f: DateFormat; load(record: CaseRecord): Promise<TimelineEntry[]>; record: CaseRecord }) {
  const entries = useLiveQuery(() => load(record), [load, record]);
  const format: DateFormat = { ...f, withYear: true };
  return (
    <section class="case-section" data-testid="timeline">
      <h2>{t('timeline.heading')}</h2>
      {entries?.length === 0 && <p class="muted">{t('timeline.empty')}</p>}
      <ol class="timeline">
        {entries?.map((entry, i) => (
          <li key={i} data-testid="timeline-entry" data-kind={entry.kind}>
            <time dateTime={entry.at}>{formatEventDate(entry.at, format)}</time>
            <span class="timeline-text">{entryText(t, entry)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
