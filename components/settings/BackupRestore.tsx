import { useEffect, useRef, useState } from 'preact/hooks';
import { backupFileName } from '@/lib/backup/build';
import { restoreMessage, type RestoreMessage } from '@/lib/backup/report';
import type { RestoreOutcome } from '@/lib/backup/restore';
import { describeError } from '@/lib/common/errors';
import type { Translate } from '@/lib/i18n';
import { formatBytes } from '@/lib/cases/storage-meter';

/**
 * "Make a backup" (a ZIP offered as a download from an object URL: no downloads permission) and
 * "Restore from a backup file", with the restore's report: what was added and kept, or what was rejected.
 */
export function BackupRestore(props: {
  t: Translate;
  lang: string;
  makeBackup(): Promise<Blob>;
  restoreBackup(file: Blob): Promise<RestoreOutcome>;
  now(): Date;
  onRestored: () => void;
}) {
  const { t, lang, onRestored } = props;
  const [backup, setBackup] = useState<{ url: string; name: string; size: number }>();
  const [backupState, setBackupState] = useState<'idle' | 'making' | { error: string }>('idle');
  const [restoring, setRestoring] = useState(false);
  const [report, setReport] = useState<RestoreMessage>();
  // The chosen file's name, shown beside the button (the browser's own "No file chosen" is hidden with its input).
  const [fileName, setFileName] = useState<string>();
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => () => void (backup && URL.revokeObjectURL(backup.url)), [backup]);
  // A new backup downloads at once; the link stays for another copy.
  useEffect(() => void (backup && link.current?.click()), [backup]);

  async function makeBackup() {
    setBackupState('making');
    try {
      const zip = await props.makeBackup();
      setBackup({ url: URL.createObjectURL(zip), name: backupFileName(props.now()), size: zip.size });
      setBackupState('idle');
    } catch (error) {
      setBackupState({ error: describeError(error) });
    }
  }

  async function restore(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setRestoring(true);
    setReport(undefined);
    try {
      const outcome = await props.restoreBackup(file);
      setReport(restoreMessage(t, outcome, lang));
      if (outcome.ok) onRestored();
    } catch (error) {
      setReport({ tone: 'error', title: t('restore.failed', { detail: describeError(error) }), lines: [] });
    } finally {
      setRestoring(false);
      // The same file can be chosen again (after fixing something).
      input.value = '';
    }
  }

  return (
    <section class="settings-section" data-testid="settings-backup">
      <h2>{t('backup.heading')}</h2>
      <p class="hint">{t('backup.hint')}</p>
      <button type="button" class="primary" data-testid="make-backup" disabled={backupState === 'making'} onClick={makeBackup}>
        {backupState === 'making' ? t('backup.making') : t('backup.make')}
      </button>
      {backup && (
        <p class="notice ok" role="status" data-testid="backup-ready">
          {t('backup.ready', { name: backup.name, size: formatBytes(backup.size, t, lang) })}{' '}
          <a ref={link} href={backup.url} download={backup.name} data-testid="backup-download">
            {t('backup.downloadAgain')}
          </a>
        </p>
      )}
      {typeof backupState === 'object' && (
        <p class="notice error" role="alert" data-testid="backup-error">
          {t('backup.failed', { detail: backupState.error })}
        </p>
      )}

      <div class="restore">
        <span id="restore-label">{t('restore.label')}</span>
        {/* The input is hidden and its label is the button, in the page's language; the input keeps the keyboard focus. */}
        <div class="file-picker">
          <input
            id="restore-file"
            class="visually-hidden"
            type="file"
            accept=".zip,application/zip"
            aria-labelledby="restore-label restore-choose"
            data-testid="restore-file"
            disabled={restoring}
            onChange={restore}
          />
          <label for="restore-file" id="restore-choose" class="file-button" aria-disabled={restoring} data-testid="restore-choose">
            {t('restore.choose')}
          </label>
          <span class="file-name muted" data-testid="restore-file-name">
            {fileName ?? t('restore.noFile')}
          </span>
        </div>
      </div>
      <p class="hint">{t('restore.hint')}</p>
      {restoring && <p role="status">{t('restore.working')}</p>}
      {report && (
        <div class={`notice ${report.tone}`} role={report.tone === 'error' ? 'alert' : 'status'} data-testid="restore-report" data-tone={report.tone}>
          <strong data-testid="restore-title">{report.title}</strong>
          {report.lines.length > 0 && (
            <ul>
              {report.lines.map((line, i) => (
                <li key={i} data-testid="restore-line">{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
