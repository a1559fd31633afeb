import { useState } from 'preact/hooks';
import { fromDateTimeInput, toDateTimeInput } from '@/lib/format/date-input';
import { formatInstant, type DateFormat } from '@/lib/format/deadline';
import type { Translate } from '@/lib/i18n';
import { CONTACT_CHANNELS, type ContactChannel, type ContactRecord } from '@/lib/common/model';

export interface NewContact {
  at: string;
  channel: ContactChannel;
  reference?: string;
  summary: string;
}

/** The case's contact log, collapsed: a short form to log a message sent, and the list, newest first. Times are the user's (`f.timeZone`). */
export function ContactLog(props: {
  t: Translate;
  f: DateFormat;
  contacts: ContactRecord[];
  onAdd: (contact: NewContact) => Promise<boolean>;
  onDelete: (id: string) => void;
}) {
  const { t, f, contacts, onAdd, onDelete } = props;
  const [at, setAt] = useState(() => toDateTimeInput(new Date().toISOString(), f.timeZone));
  const [channel, setChannel] = useState<ContactChannel>('seller-chat');
  const [reference, setReference] = useState('');
  const [summary, setSummary] = useState('');
  const [failed, setFailed] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const when = fromDateTimeInput(at, f.timeZone);
    if (!when || !summary.trim()) return;
    const saved = await onAdd({ at: when, channel, summary: summary.trim(), ...(reference.trim() && { reference: reference.trim() }) });
    setFailed(!saved);
    if (saved) {
      setSummary('');
      setReference('');
    }
  }

  return (
    <details class="more contacts" data-testid="contacts">
      <summary>{t('checklist.contacts.heading', { n: contacts.length })}</summary>
      <form class="contact-form" onSubmit={submit}>
        <label>
          {t('checklist.contacts.when')}
          <input type="datetime-local" required value={at} onInput={(e) => setAt((e.currentTarget as HTMLInputElement).value)} data-testid="contact-at" />
        </label>
        <label>
          {t('checklist.contacts.channel')}
          <select value={channel} onChange={(e) => setChannel((e.currentTarget as HTMLSelectElement).value as ContactChannel)} data-testid="contact-channel">
            {CONTACT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`checklist.channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('checklist.contacts.reference')}
          <input type="text" maxLength={200} value={reference} onInput={(e) => setReference((e.currentTarget as HTMLInputElement).value)} data-testid="contact-reference" />
        </label>
        <label>
          {t('checklist.contacts.summary')}
          <textarea required rows={2} maxLength={2000} value={summary} onInput={(e) => setSummary((e.currentTarget as HTMLTextAreaElement).value)} data-testid="contact-summary" />
        </label>
        <button type="submit" class="secondary" data-testid="contact-add">
          {t('checklist.contacts.add')}
        </button>
        {failed && (
          <p class="notice error" role="alert">
            {t('checklist.contacts.saveFailed')}
          </p>
        )}
      </form>
      {contacts.length === 0 ? (
        <p class="muted">{t('checklist.contacts.empty')}</p>
      ) : (
        <ul class="contact-list">
          {[...contacts].reverse().map((c) => (
            <li key={c.id} data-testid="contact">
              <span class="muted">
                <time dateTime={c.at}>{formatInstant(Date.parse(c.at), f)}</time> · {t(`checklist.channel.${c.channel}`)}
                {c.reference && ` · ${c.reference}`}
              </span>
              <span class="contact-summary">{c.summary}</span>
              <button type="button" class="link" onClick={() => onDelete(c.id)}>
                {t('checklist.contacts.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
