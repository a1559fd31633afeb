import { useEffect, useRef, useState } from 'preact/hooks';
import { fitZoom, zoomStep } from '@/lib/dashboard-gallery';
import type { Translate } from '@/lib/i18n';
import type { EvidenceRecord } from '@/lib/model';
import { useObjectUrl } from './use-object-url';

interface Props {
  t: Translate;
  lang: string;
  /** The images in viewing order (gallerySequence). */
  items: EvidenceRecord[];
  start: number;
  name(item: EvidenceRecord): string;
  onClose(): void;
}

/**
 * The evidence images in an overlay, one at a time: previous/next (also the arrow keys), zoom in/out/fit
 * (also + − 0), drag to pan, Esc to close. Parts of a full-page screenshot say "part 2 of 3".
 */
export function Gallery({ t, lang, items, start, name, onClose }: Props) {
  const [index, setIndex] = useState(start);
  const [zoom, setZoom] = useState(1);
  const [fit, setFit] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [failed, setFailed] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; from: { x: number; y: number } } | undefined>(undefined);
  const closeButton = useRef<HTMLButtonElement>(null);
  const item = items[index];
  const url = useObjectUrl(item?.blob);

  const go = (step: 1 | -1) => setIndex((i) => Math.min(items.length - 1, Math.max(0, i + step)));
  const showFit = () => {
    setZoom(fit);
    setOffset({ x: 0, y: 0 });
  };

  useEffect(() => {
    setFailed(false);
    setOffset({ x: 0, y: 0 });
  }, [index]);

  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      else if (event.key === 'ArrowRight') go(1);
      else if (event.key === 'ArrowLeft') go(-1);
      else if (event.key === '+' || event.key === '=') setZoom((z) => zoomStep(z, 1));
      else if (event.key === '-') setZoom((z) => zoomStep(z, -1));
      else if (event.key === '0') showFit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!item) return null;
  const onLoad = (event: Event) => {
    const img = event.currentTarget as HTMLImageElement;
    const box = stage.current?.getBoundingClientRect();
    const zoomToFit = box ? fitZoom({ width: img.naturalWidth, height: img.naturalHeight }, box) : 1;
    setFit(zoomToFit);
    setZoom(zoomToFit);
  };
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.capturedAt));

  return (
    <div class="gallery" role="dialog" aria-modal="true" aria-label={name(item)} data-testid="gallery">
      <div class="gallery-bar">
        <p class="gallery-caption">
          <strong data-testid="gallery-position">{t('gallery.position', { n: index + 1, total: items.length })}</strong>
          {item.part && (
            <span class="gallery-part" data-testid="gallery-part">
              {t('gallery.part', { n: item.part.index, total: item.part.count })}
            </span>
          )}
          <span class="gallery-name" data-testid="gallery-name">{name(item)}</span>
          <span class="muted">{time}</span>
        </p>
        <div class="gallery-controls">
          <button type="button" data-testid="gallery-previous" disabled={index === 0} onClick={() => go(-1)}>{t('gallery.previous')}</button>
          <button type="button" data-testid="gallery-next" disabled={index === items.length - 1} onClick={() => go(1)}>{t('gallery.next')}</button>
          <button type="button" data-testid="gallery-zoom-out" onClick={() => setZoom((z) => zoomStep(z, -1))}>{t('gallery.zoomOut')}</button>
          <span class="gallery-zoom" data-testid="gallery-zoom">{Math.round(zoom * 100)}%</span>
          <button type="button" data-testid="gallery-zoom-in" onClick={() => setZoom((z) => zoomStep(z, 1))}>{t('gallery.zoomIn')}</button>
          <button type="button" data-testid="gallery-fit" onClick={showFit}>{t('gallery.fit')}</button>
          <button type="button" ref={closeButton} data-testid="gallery-close" onClick={onClose}>{t('gallery.close')}</button>
        </div>
      </div>
      <div
        class="gallery-stage"
        ref={stage}
        onPointerDown={(event) => {
          drag.current = { x: event.clientX, y: event.clientY, from: offset };
          (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (start) setOffset({ x: start.from.x + event.clientX - start.x, y: start.from.y + event.clientY - start.y });
        }}
        onPointerUp={() => (drag.current = undefined)}
        onPointerCancel={() => (drag.current = undefined)}
      >
        {failed ? (
          <p class="notice error" role="alert">{t('gallery.loadFailed')}</p>
        ) : (
          url && (
            <img
              src={url}
              alt={name(item)}
              draggable={false}
              data-testid="gallery-image"
              onLoad={onLoad}
              onError={() => setFailed(true)}
              style={{ transform: `translate(-50%, -50%) translate(${offset.x}px, ${offset.y}px) scale(${zoom})` }}
            />
          )
        )}
      </div>
      <p class="gallery-hint muted">{t('gallery.hint')}</p>
    </div>
  );
}
