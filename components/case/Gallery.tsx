import { useEffect, useRef, useState } from 'preact/hooks';
import { fitToWidth, scrollView, zoomAbout, zoomStep, type GalleryView } from '@/lib/cases/gallery-sequence';
import type { Translate } from '@/lib/i18n';
import type { EvidenceRecord } from '@/lib/common/model';
import { useObjectUrl } from '../shared/use-object-url';

interface Props {
  t: Translate;
  lang: string;
  /** The images in viewing order (gallerySequence). */
  items: EvidenceRecord[];
  start: number;
  name(item: EvidenceRecord): string;
  onClose(): void;
}

const START: GalleryView = { zoom: 1, offset: { x: 0, y: 0 } };

/**
 * The evidence images in an overlay, one at a time, on an opaque backdrop: each opens fitted to the stage's
 * width (a tall page from its top); previous/next (also the arrow keys), zoom in/out/fit (also + − 0, about
 * the centre of what is shown), drag or scroll to pan, Esc to close. Parts of a full-page screenshot say
 * "part 2 of 3".
 */
export function Gallery({ t, lang, items, start, name, onClose }: Props) {
  const [index, setIndex] = useState(start);
  const [view, setView] = useState<GalleryView>(START);
  // The fitted view of the image shown, and its size in pixels, once it has loaded.
  const [fit, setFit] = useState<GalleryView>(START);
  const [natural, setNatural] = useState<{ width: number; height: number }>();
  const [failed, setFailed] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; from: { x: number; y: number } } | undefined>(undefined);
  const closeButton = useRef<HTMLButtonElement>(null);
  const item = items[index];
  const url = useObjectUrl(item?.blob);

  const go = (step: 1 | -1) => setIndex((i) => Math.min(items.length - 1, Math.max(0, i + step)));
  const showFit = () => setView(fit);
  const zoomBy = (direction: 1 | -1) => setView((v) => zoomAbout(v, zoomStep(v.zoom, direction)));

  useEffect(() => {
    setFailed(false);
    setNatural(undefined);
    setView(START);
  }, [index]);

  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      else if (event.key === 'ArrowRight') go(1);
      else if (event.key === 'ArrowLeft') go(-1);
      else if (event.key === '+' || event.key === '=') zoomBy(1);
      else if (event.key === '-') zoomBy(-1);
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
    const size = { width: img.naturalWidth, height: img.naturalHeight };
    const box = stage.current?.getBoundingClientRect();
    const fitted = box ? fitToWidth(size, box) : START;
    setNatural(size);
    setFit(fitted);
    setView(fitted);
  };
  const onWheel = (event: WheelEvent) => {
    const box = stage.current?.getBoundingClientRect();
    if (!natural || !box || event.ctrlKey) return;
    event.preventDefault();
    setView((v) => scrollView(v, natural, box, event.deltaX, event.deltaY));
  };
  const { zoom, offset } = view;
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
          <button type="button" data-testid="gallery-zoom-out" onClick={() => zoomBy(-1)}>{t('gallery.zoomOut')}</button>
          <span class="gallery-zoom" data-testid="gallery-zoom">{Math.round(zoom * 100)}%</span>
          <button type="button" data-testid="gallery-zoom-in" onClick={() => zoomBy(1)}>{t('gallery.zoomIn')}</button>
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
          if (start) setView((v) => ({ zoom: v.zoom, offset: { x: start.from.x + event.clientX - start.x, y: start.from.y + event.clientY - start.y } }));
        }}
        onPointerUp={() => (drag.current = undefined)}
        onPointerCancel={() => (drag.current = undefined)}
        onWheel={onWheel}
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
