import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import type { EvidenceRecord } from '@/lib/common/model';

/** The case's notes (note evidence) as text, newest first. */
export function CaseNotes({ t, lang, evidence }: { t: Translate; lang: string; evidence: EvidenceRecord[] }) {
  const [texts, setTexts] = useState<{ id: string; at: string; text: string }[]>([]);
  useEffect(() => {
    const notes = evidence.filter((e) => e.kind === 'note').reverse();
    void Promise.all(notes.map(async (n) => ({ id: n.id, at: n.capturedAt, text: await n.blob.text() }))).then(setTexts);
  }, [evidence]);
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="case-section" data-testid="notes">
      <h2>{t('notes.heading')}</h2>
      {texts.length === 0 && <p class="muted">{t('notes.empty')}</p>}
      {texts.map((note) => (
        <article key={note.id} class="note" data-testid="note">
          <time class="muted" dateTime={note.at}>{format.format(new Date(note.at))}</time>
          <p class="note-text">{note.text}</p>
        </article>
      ))}
    </section>
  );
}
