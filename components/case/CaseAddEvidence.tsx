import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { EVIDENCE_LABELS, type EvidenceLabel } from '@/lib/common/model';

interface Props {
  t: Translate;
  busy: boolean;
  /** Resolve to true when saved, so the form clears only then. */
  onFiles(files: File[], label?: EvidenceLabel): Promise<boolean>;
  onNote(text: string, label?: EvidenceLabel): Promise<boolean>;
}

/** Photos and videos from disk (dropped or picked) and notes, each saved with the label chosen above them. */
export function CaseAddEvidence({ t, busy, onFiles, onNote }: Props) {
  const [label, setLabel] = useState<EvidenceLabel | ''>('');
  const [note, setNote] = useState('');
  const [over, setOver] = useState(false);
  const chosen = label || undefined;

  useEffect(() => {
    // A file dropped beside the zone would make the browser open it in place of this page.
    const keep = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  function take(files: FileList | null | undefined) {
    const list = Array.from(files ?? []);
    if (list.length > 0 && !busy) void onFiles(list, chosen);
  }

  return (
    <section class="case-section add-evidence" data-testid="add-evidence">
      <h2>{t('caseAdd.heading')}</h2>
      <label class="field">
        <span>{t('caseAdd.label')}</span>
        <select data-testid="label-select" value={label} onChange={(e) => setLabel(e.currentTarget.value as EvidenceLabel | '')}>
          <option value="">{t('evidenceLabel.none')}</option>
          {EVIDENCE_LABELS.map((l) => (
            <option key={l} value={l}>
              {t(`evidenceLabel.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <div
        class={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer?.files);
        }}
      >
        <p>{t('caseAdd.drop')}</p>
        <label class="button">
          {t('caseAdd.pick')}
          <input
            type="file"
            multiple
            class="visually-hidden"
            data-testid="file-picker"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              take(input.files);
              input.value = '';
            }}
          />
        </label>
      </div>
      <p class="hint">{busy ? t('caseAdd.busy') : t('caseAdd.hint')}</p>
      <form
        class="note-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await onNote(note, chosen)) setNote('');
        }}
      >
        <label class="field">
          <span>{t('caseAdd.noteLabel')}</span>
          <textarea data-testid="note-text" rows={4} placeholder={t('caseAdd.notePlaceholder')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="save-note" disabled={busy || note.trim() === ''}>
          {t('caseAdd.saveNote')}
        </button>
      </form>
    </section>
  );
}
