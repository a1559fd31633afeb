import { useEffect, useState } from 'preact/hooks';
import { imageInDoubt, pageChanged } from '@/lib/capture/capture-record';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { EvidenceKind, EvidenceRecord, EvidenceTimestamp } from '@/lib/common/model';
import { describeError } from '@/lib/common/errors';
import { fileNotTimestampedText, fileTimestampedText, notTimestampedOf } from '@/lib/dossier/file-timestamps';
import { formatBytes } from '@/lib/cases/storage-meter';
import { isGalleryImage } from '@/lib/cases/gallery-sequence';
import { newestCaptureFirst } from '@/lib/cases/evidence-order';
import { evidenceName } from '@/lib/cases/verify-case';
import { webUrl } from './CaseFacts';
import { useObjectUrl } from '../shared/use-object-url';

const KIND_NAMES: Record<EvidenceKind, MessageKey> = {
  'visible-screenshot': 'evidenceKind.visible-screenshot',
  'fullpage-screenshot': 'evidenceKind.fullpage-screenshot',
  'page-html': 'evidenceKind.page-html',
  'page-mhtml': 'evidenceKind.page-mhtml',
  selection: 'evidenceKind.selection',
  file: 'evidenceKind.file',
  note: 'evidenceKind.note',
  letter: 'evidenceKind.letter',
  'chat-transcript': 'evidenceKind.chat-transcript',
};

/**
 * Types the browser shows as inert content in a tab of their own. Anything else (captured HTML/MHTML, SVG,
 * PDFs, unknown files) is only ever downloaded: rendered in an extension page it would run with the
 * extension's rights.
 */
const VIEWABLE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|video\/(mp4|webm|ogg)|text\/plain)$/;
const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'text/html': 'html', 'multipart/related': 'mhtml', 'text/plain': 'txt' };
const TEXT_KINDS: readonly EvidenceKind[] = ['note', 'selection', 'letter', 'chat-transcript'];

function downloadName(item: EvidenceRecord): string {
  return item.fileName ?? `${item.kind}-${item.capturedAt.replace(/[:.]/g, '-')}.${EXTENSIONS[item.mime] ?? 'bin'}`;
}

/** Hands a blob to the browser through a short-lived object URL: opened in a new tab, or saved as a file. */
function handOver(blob: Blob, fileName?: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  if (fileName) link.download = fileName;
  else {
    link.target = '_blank';
    link.rel = 'noopener';
  }
  link.click();
  // The new tab or the download has the bytes well before this.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The item's bytes typed as the safe type checked above, whatever type the stored blob carries. */
function viewable(item: EvidenceRecord): Blob {
  return new Blob([item.blob], { type: item.mime === 'text/plain' ? 'text/plain;charset=utf-8' : item.mime });
}

function formatTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 8)}…${sha256.slice(-8)}`;
}

/**
 * Whether the item is timestamped: by whom and when, or "Not timestamped: <why>" with when it is asked again.
 * Nothing for an item saved before each file was timestamped.
 */
function EvidenceTimestampNote({ t, lang, timestamp }: { t: Translate; lang: string; timestamp: EvidenceTimestamp | undefined }) {
  if (!timestamp) return null;
  if (timestamp.state === 'stamped') {
    return (
      <p class="evidence-timestamp" data-testid="evidence-timestamp" data-state="stamped" title={timestamp.record.summary.genTime}>
        {fileTimestampedText(t, lang, timestamp.record)}
      </p>
    );
  }
  const not = notTimestampedOf(timestamp)!;
  const again = timestamp.state === 'waiting' && timestamp.failure ? (timestamp.next ? t('timestamp.file.next', { time: formatTime(timestamp.next, lang) }) : t('timestamp.file.gaveUp')) : '';
  return (
    <p class={`evidence-timestamp${timestamp.state === 'waiting' && timestamp.failure ? ' warning' : ' muted'}`} data-testid="evidence-timestamp" data-state={timestamp.state} data-reason={not.reason}>
      {fileNotTimestampedText(t, not.reason, not.detail)}
      {again && <> {again}</>}
    </p>
  );
}

/**
 * "Retry timestamps": the button shows while some item of the case waits after a failure (`waiting`) and asks again
 * for all of them now; what came of it stays shown after they are stamped and the button is gone.
 */
function RetryTimestamps({ t, waiting, retry }: { t: Translate; waiting: boolean; retry(): Promise<{ stamped: number; failed: number; optionOff: boolean }> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string>();
  async function run() {
    setBusy(true);
    setResult(undefined);
    try {
      const done = await retry();
      setResult(done.optionOff ? t('timestamp.retry.off') : t('timestamp.retry.result', { stamped: done.stamped, failed: done.failed }));
    } catch (error) {
      setResult(t('error.detail', { detail: describeError(error) }));
    }
    setBusy(false);
  }
  if (!waiting && !result) return null;
  return (
    <p class="evidence-retry">
      {waiting && (
        <button type="button" data-testid="retry-timestamps" disabled={busy} onClick={run}>
          {busy ? t('timestamp.retry.busy') : t('timestamp.retry.button')}
        </button>
      )}
      {result && (
        <>
          {' '}
          <span class="muted" role="status" data-testid="retry-timestamps-result">
            {result}
          </span>
        </>
      )}
    </p>
  );
}

interface Props {
  t: Translate;
  lang: string;
  evidence: EvidenceRecord[];
  onDelete(item: EvidenceRecord, name: string): void;
  /** Opens an image in the gallery; without it thumbnails are plain pictures. */
  onView?(item: EvidenceRecord): void;
  /** Asks again for the case's timestamps still waiting (the background's timestamps:run). */
  onRetryTimestamps?(): Promise<{ stamped: number; failed: number; off: number; optionOff: boolean }>;
}

export function CaseEvidenceList({ t, lang, evidence, onDelete, onView, onRetryTimestamps }: Props) {
  const waiting = evidence.some((e) => e.timestamp?.state === 'waiting' && e.timestamp.failure);
  return (
    <section class="case-section" data-testid="evidence-list">
      <h2>{t('evidenceList.heading', { n: evidence.length })}</h2>
      {evidence.length === 0 && <p class="muted">{t('evidenceList.empty')}</p>}
      {onRetryTimestamps && <RetryTimestamps t={t} waiting={waiting} retry={onRetryTimestamps} />}
      <ul class="evidence-list">
        {newestCaptureFirst(evidence).map((item) => (
          <EvidenceRow key={item.id} t={t} lang={lang} item={item} onDelete={onDelete} onView={onView} />
        ))}
      </ul>
    </section>
  );
}

function EvidenceRow({ t, lang, item, onDelete, onView }: { t: Translate; lang: string; item: EvidenceRecord; onDelete: Props['onDelete']; onView: Props['onView'] }) {
  const thumbnail = useObjectUrl(item.thumbnail);
  const [text, setText] = useState<string>();
  const [copied, setCopied] = useState(false);
  const name = item.fileName ?? t(KIND_NAMES[item.kind]);
  const pageUrl = item.page && webUrl(item.page.url);

  useEffect(() => {
    if (TEXT_KINDS.includes(item.kind)) void item.blob.slice(0, 4000).text().then(setText);
  }, [item]);

  return (
    <li class="evidence" data-testid="evidence-item" data-kind={item.kind} data-name={evidenceName(item)}>
      <div class="evidence-preview">
        {thumbnail && onView && isGalleryImage(item) ? (
          <button type="button" class="thumb" title={t('gallery.view', { name })} data-testid="evidence-view" onClick={() => onView(item)}>
            <img src={thumbnail} alt={t('evidenceList.thumbnailAlt', { name })} data-testid="evidence-thumbnail" />
          </button>
        ) : thumbnail ? (
          <img src={thumbnail} alt={t('evidenceList.thumbnailAlt', { name })} data-testid="evidence-thumbnail" />
        ) : (
          <span class="kind-badge">{t(KIND_NAMES[item.kind])}</span>
        )}
      </div>
      <div class="evidence-body">
        <p class="evidence-title">
          <strong data-testid="evidence-name">{name}</strong>
          {item.fileName && <span class="muted"> · {t(KIND_NAMES[item.kind])}</span>}
          {item.label && <span class="label-chip">{t(`evidenceLabel.${item.label}`)}</span>}
          {pageChanged(item.captureRecord) && (
            <span
              class={imageInDoubt(item.captureRecord) ? 'label-chip warning' : 'label-chip'}
              data-testid="evidence-page-changed"
              title={t('evidenceList.pageChangedHint', { what: t(imageInDoubt(item.captureRecord) ? 'evidenceList.pageChangedInDoubt' : 'evidenceList.pageChangedReplanned') })}
            >
              {t('evidenceList.pageChanged')}
            </span>
          )}
        </p>
        <p class="muted">
          <span title={`${t('evidenceList.utc', { time: item.capturedAt })}\n${item.capturedAtLocal} (${item.timeZone})`}>
            {t('evidenceList.capturedAt', { time: formatTime(item.capturedAt, lang) })}
          </span>
          {' · '}
          <span data-testid="evidence-size">{formatBytes(item.bytes, t, lang)}</span>
          {item.fileLastModified && <> · {t('evidenceList.fileDate', { time: formatTime(item.fileLastModified, lang) })}</>}
        </p>
        {item.snapshotOf && (
          <p class="evidence-listing" data-testid="evidence-listing-of">
            {t('listing.of', { title: item.snapshotOf })}
          </p>
        )}
        {text !== undefined && <p class="evidence-text">{text}</p>}
        {item.page && (
          <p class="evidence-url muted">
            {t('evidenceList.page')}:{' '}
            {pageUrl ? (
              <a href={pageUrl} target="_blank" rel="noreferrer">
                {item.page.url}
              </a>
            ) : (
              item.page.url
            )}
          </p>
        )}
        <EvidenceTimestampNote t={t} lang={lang} timestamp={item.timestamp} />
        <p class="evidence-hash">
          <span class="muted">{t('evidenceList.sha256')}</span>{' '}
          <code title={item.sha256} data-testid="evidence-sha256" data-full={item.sha256}>
            {shortHash(item.sha256)}
          </code>{' '}
          <button
            type="button"
            class="link"
            onClick={() => navigator.clipboard.writeText(item.sha256).then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? t('evidenceList.copied') : t('evidenceList.copy')}
          </button>
        </p>
        <p class="evidence-actions">
          {VIEWABLE.test(item.mime) && (
            <button type="button" data-testid="evidence-open" onClick={() => handOver(viewable(item))}>
              {t('evidenceList.open')}
            </button>
          )}
          <button type="button" data-testid="evidence-download" onClick={() => handOver(new Blob([item.blob], { type: 'application/octet-stream' }), downloadName(item))}>
            {t('evidenceList.download')}
          </button>
          <button type="button" class="danger" data-testid="evidence-delete" onClick={() => onDelete(item, name)}>
            {t('evidenceList.delete')}
          </button>
        </p>
      </div>
    </li>
  );
}
