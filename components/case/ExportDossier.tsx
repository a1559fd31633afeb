import { useRef, useState } from 'preact/hooks';
import { dossierFileName } from '@/lib/dossier/export';
import type { Manifest } from '@/lib/dossier/manifest';
import { blobSink, downloadBlob, fileHandleSink, saveFilePicker, type BlobSink } from '@/lib/dossier/sinks';
import { ExportCancelled, type ZipSink } from '@/lib/dossier/zip-stream';
import type { ExportOptions } from '@/lib/dossier/export';
import { describeError } from '@/lib/common/errors';
import type { Translate } from '@/lib/i18n';
import { notTimestampedText } from '@/lib/dossier/head-timestamp';
import { authorityName } from '@/lib/timestamp/record-schema';

type Status =
  | { phase: 'idle' }
  | { phase: 'running'; percent: number; printing?: { done: number; total: number } }
  | { phase: 'done'; name: string; manifest: Manifest }
  | { phase: 'cancelled' }
  | { phase: 'failed'; detail: string };

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * "Export dossier": asks where to save (File System Access API, where the browser has it) and streams the
 * ZIP there; otherwise builds it as a Blob and downloads it. Progress and Cancel while it runs.
 */
/** Whether the dossier just made is timestamped: by whom and when, or why not. */
function TimestampNotice({ t, lang, manifest }: { t: Translate; lang: string | undefined; manifest: Manifest }) {
  const { headTimestamp, notTimestamped } = manifest.custody;
  if (headTimestamp) {
    const time = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(headTimestamp.summary.genTime));
    return (
      <p class="notice ok" role="status" data-testid="timestamp-notice">
        {t('timestamp.export.stamped', { authority: authorityName(headTimestamp), time })}
      </p>
    );
  }
  if (!notTimestamped) return null;
  return (
    <p class={`notice ${notTimestamped.reason === 'off' ? 'ok' : 'error'}`} role="status" data-testid="timestamp-notice">
      {notTimestampedText(t, notTimestamped)}
    </p>
  );
}

export function ExportDossier({ t, lang, caseId, now, exportDossier }: { t: Translate; lang?: string; caseId: string; now(): Date; exportDossier(caseId: string, sink: ZipSink, options: ExportOptions): Promise<Manifest> }) {
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const controller = useRef<AbortController>();

  async function run() {
    const name = dossierFileName(caseId, now());
    const picker = saveFilePicker(window);
    let sink: ZipSink | BlobSink;
    let savedAs = name;
    if (picker) {
      try {
        // First await of the click: the picker needs the click's user activation.
        const handle = await picker({ suggestedName: name, types: [{ description: 'ZIP', accept: { 'application/zip': ['.zip'] } }] });
        sink = await fileHandleSink(handle);
        savedAs = handle.name;
      } catch (error) {
        // Dismissing the dialog is not an error: nothing happens.
        if (!isAbort(error)) setStatus({ phase: 'failed', detail: describeError(error) });
        return;
      }
    } else sink = blobSink();

    const abort = new AbortController();
    controller.current = abort;
    setStatus({ phase: 'running', percent: 0 });
    let shown = 0;
    try {
      const manifest = await exportDossier(caseId, sink, {
        signal: abort.signal,
        // Drawing the prints comes first and takes a while on a tall page: say how far it is.
        onPrint(done, total) {
          setStatus({ phase: 'running', percent: 0, printing: { done, total } });
        },
        onProgress({ done, total }) {
          const percent = total ? Math.floor((done / total) * 100) : 100;
          if (percent !== shown) setStatus({ phase: 'running', percent: (shown = percent) });
        },
      });
      if ('result' in sink) downloadBlob(sink.result(), name);
      setStatus({ phase: 'done', name: savedAs, manifest });
    } catch (error) {
      setStatus(error instanceof ExportCancelled ? { phase: 'cancelled' } : { phase: 'failed', detail: describeError(error) });
    } finally {
      controller.current = undefined;
    }
  }

  const running = status.phase === 'running';
  return (
    <section class="case-section" data-testid="dossier-section">
      <h2>{t('dossier.heading')}</h2>
      <p class="hint">{t('dossier.hint')}</p>
      <button type="button" class="primary" data-testid="export-dossier" disabled={running} onClick={() => void run()}>
        {t('dossier.export')}
      </button>
      {running && (
        <p class="dossier-progress" role="status" data-testid="dossier-progress">
          {status.printing && status.printing.done < status.printing.total ? (
            <>
              <progress max={status.printing.total} value={status.printing.done} /> {t('dossier.printing', status.printing)}{' '}
            </>
          ) : (
            <>
              <progress max={100} value={status.percent} /> {t('dossier.progress', { percent: status.percent })}{' '}
            </>
          )}
          <button type="button" data-testid="cancel-dossier" onClick={() => controller.current?.abort()}>
            {t('dossier.cancel')}
          </button>
        </p>
      )}
      {status.phase === 'done' && (
        <p class="notice ok" role="status" data-testid="dossier-notice">
          {t('dossier.done', { name: status.name })}
        </p>
      )}
      {status.phase === 'done' && <TimestampNotice t={t} lang={lang} manifest={status.manifest} />}
      {status.phase === 'cancelled' && (
        <p class="notice ok" role="status" data-testid="dossier-notice">
          {t('dossier.cancelled')}
        </p>
      )}
      {status.phase === 'failed' && (
        <p class="notice error" role="alert" data-testid="dossier-notice">
          {t('dossier.failed')}
          <span class="detail">{t('error.detail', { detail: status.detail })}</span>
        </p>
      )}
    </section>
  );
}
