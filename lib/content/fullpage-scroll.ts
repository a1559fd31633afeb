/**
 * The page's side of a full-page capture, run by the content script on the background's request: bring in
 * lazy images and measure the page, scroll to each screen hiding pinned (fixed or sticky) elements that a
 * screen already showed, and afterwards put back the scroll position and every style it changed. Each screen
 * answers the page's size as it is then and the pinned elements it hid, so the background can see a page that
 * grows, shrinks or is resized while it is captured (lib/capture/capture-record.ts).
 */
import { cleanText } from '../common/text';

/** How long to wait for images still loading after the first pass; a slow image must not stall the capture. */
export const IMAGE_WAIT_CAP_MS = 3000;
/** With no word from the background this long (its worker was stopped), the page puts itself back. */
export const ABANDONED_AFTER_MS = 20_000;
const MAX_PRESCROLL_STEPS = 400;

export interface PageMeasure {
  /** The document's height in CSS px, measured once lazy content came in; the image will be this tall. */
  pageHeight: number;
  /** Rows of page content a screen shows (the viewport without a horizontal scrollbar). */
  viewHeight: number;
  windowWidth: number;
  devicePixelRatio: number;
  /** The document's width in CSS px (wider than the window when the page scrolls sideways). */
  pageWidth: number;
}

/** The page's size when a screen is shown: what the background compares with the plan. */
export interface PageSize {
  height: number;
  width: number;
  viewHeight: number;
  windowWidth: number;
}

/** A pinned element hidden for the capture, described without its content: only a cleaned, short label. */
export interface HiddenElement {
  tag: string;
  id?: string;
  className?: string;
  position: 'fixed' | 'sticky';
  width: number;
  height: number;
  label?: string;
}

/** At most this many hidden elements are described per capture; a page with more is a page with more. */
export const MAX_HIDDEN_DESCRIBED = 30;
const MAX_LABEL = 40;
const MAX_NAME = 80;

interface SavedStyle {
  element: HTMLElement;
  property: string;
  value: string;
  priority: string;
}

const nextFrame = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));

/**
 * Resolves once a frame holding every change made before the call has been painted. One animation frame is
 * not enough: its callback runs before that frame's paint, and a screenshot taken right after it can still
 * show the page as it was (seen on a loaded machine: a hidden sticky header in two screens). The second
 * frame's callback comes after the first frame was painted and handed to the compositor.
 */
export async function painted(win: Window): Promise<void> {
  await nextFrame(win);
  await nextFrame(win);
}

export class PageCaptureSession {
  private readonly saved: SavedStyle[] = [];
  private readonly scrollOrigin: { x: number; y: number };
  /** Elements that were in view when an earlier screen was taken. */
  private readonly seen = new WeakSet<Element>();
  private abandonTimer: ReturnType<typeof setTimeout> | undefined;
  /** Put back already: a second restore (the chat's, an abandoned capture's) changes nothing. */
  protected restored = false;
  /** How many hidden elements were described so far (MAX_HIDDEN_DESCRIBED). */
  private described = 0;

  constructor(
    protected readonly doc: Document,
    protected readonly win: Window,
    private readonly onAbandoned: () => void = () => {},
  ) {
    this.scrollOrigin = { x: win.scrollX, y: win.scrollY };
    this.keepAlive();
  }

  /** Scrolls through the page once so lazy images start loading, waits for them (capped), and measures. */
  async prepare(imageWaitCapMs = IMAGE_WAIT_CAP_MS): Promise<PageMeasure> {
    this.keepAlive();
    // Smooth scrolling would leave the page mid-way when the screen is taken.
    this.setStyle(this.doc.documentElement, 'scroll-behavior', 'auto');
    if (this.doc.body) this.setStyle(this.doc.body, 'scroll-behavior', 'auto');
    const step = Math.max(1, this.viewHeight());
    for (let y = 0, i = 0; y < this.pageHeight() && i < MAX_PRESCROLL_STEPS; y += step, i++) {
      this.win.scrollTo(0, y);
      await nextFrame(this.win);
    }
    this.win.scrollTo(0, 0);
    await this.imagesLoaded(imageWaitCapMs);
    await nextFrame(this.win);
    return this.measure();
  }

  /** The page (or, for a chat, the box) as it is now: what the background plans the screens from. */
  protected measure(): PageMeasure {
    return {
      pageHeight: this.pageHeight(),
      viewHeight: this.viewHeight(),
      windowWidth: this.win.innerWidth,
      devicePixelRatio: this.win.devicePixelRatio || 1,
      pageWidth: this.pageWidth(),
    };
  }

  /**
   * Scrolls to `y` for screen `index` and answers the scroll position the page really took. From the
   * second screen on, a pinned element that an earlier screen showed is hidden, so a sticky header appears
   * once; elements are looked at again on every screen, since a header may become fixed mid-capture. The
   * answer also holds the page's size after the screen was painted (content a scroll brought in is counted)
   * and the elements hidden for this screen for the first time.
   */
  async showScreen(y: number, index: number): Promise<{ scrollY: number; page: PageSize; hidden: HiddenElement[] }> {
    this.keepAlive();
    this.scrollTo(y);
    await nextFrame(this.win);
    const hidden = index > 0 ? this.hideRepeatedPinned() : [];
    this.rememberInView();
    await painted(this.win);
    return {
      scrollY: this.scrollY(),
      page: { height: this.pageHeight(), width: this.pageWidth(), viewHeight: this.viewHeight(), windowWidth: this.win.innerWidth },
      hidden,
    };
  }

  /** Puts back every style changed, newest first, and the scroll position. Safe to call twice. */
  restore(): void {
    if (this.restored) return;
    this.restored = true;
    clearTimeout(this.abandonTimer);
    for (const { element, property, value, priority } of this.saved.reverse()) {
      if (value) element.style.setProperty(property, value, priority);
      else element.style.removeProperty(property);
      if (element.getAttribute('style') === '') element.removeAttribute('style');
    }
    this.saved.length = 0;
    this.win.scrollTo(this.scrollOrigin.x, this.scrollOrigin.y);
  }

  /** Hides the pinned elements an earlier screen showed; answers those hidden now for the first time. */
  private hideRepeatedPinned(): HiddenElement[] {
    const hidden: HiddenElement[] = [];
    for (const element of this.doc.querySelectorAll<HTMLElement>('body *')) {
      if (!this.seen.has(element) || !this.isPinned(element)) continue;
      if (this.described < MAX_HIDDEN_DESCRIBED) {
        hidden.push(describeElement(element, this.win));
        this.described++;
      }
      this.setStyle(element, 'visibility', 'hidden');
    }
    return hidden;
  }

  /** Fixed elements are always pinned; a sticky one only while it is stuck at its offset. */
  private isPinned(element: HTMLElement): boolean {
    const style = this.win.getComputedStyle(element);
    if (style.visibility === 'hidden' && this.isChangedByUs(element)) return false;
    if (style.position === 'fixed') return true;
    if (style.position !== 'sticky') return false;
    const rect = element.getBoundingClientRect();
    const frame = this.frame();
    const top = parseFloat(style.top);
    if (!Number.isNaN(top)) return Math.abs(rect.top - frame.top - top) < 1;
    const bottom = parseFloat(style.bottom);
    if (!Number.isNaN(bottom)) return Math.abs(frame.bottom - rect.bottom - bottom) < 1;
    return false;
  }

  private rememberInView(): void {
    const { top, bottom } = this.frame();
    for (const element of this.doc.querySelectorAll('body *')) {
      const rect = element.getBoundingClientRect();
      if (rect.bottom > top && rect.top < bottom && rect.width > 0 && rect.height > 0) this.seen.add(element);
    }
  }

  private isChangedByUs(element: HTMLElement): boolean {
    return this.saved.some((s) => s.element === element && s.property === 'visibility');
  }

  protected setStyle(element: HTMLElement, property: string, value: string): void {
    if (!this.saved.some((s) => s.element === element && s.property === property)) {
      this.saved.push({ element, property, value: element.style.getPropertyValue(property), priority: element.style.getPropertyPriority(property) });
    }
    element.style.setProperty(property, value, 'important');
  }

  // What is scrolled, measured and shown: the page itself here; one box inside it for a chat (lib/content/chat-box.ts).
  protected scrollTo(y: number): void {
    this.win.scrollTo(0, y);
  }

  protected scrollY(): number {
    return this.win.scrollY;
  }

  /** The rows of the window the scrolled content shows through (viewport px). */
  protected frame(): { top: number; bottom: number } {
    return { top: 0, bottom: this.win.innerHeight };
  }

  protected pageHeight(): number {
    return Math.max(this.doc.documentElement.scrollHeight, this.doc.body?.scrollHeight ?? 0);
  }

  protected pageWidth(): number {
    return Math.max(this.doc.documentElement.scrollWidth, this.doc.body?.scrollWidth ?? 0, this.win.innerWidth);
  }

  protected viewHeight(): number {
    return this.doc.documentElement.clientHeight || this.win.innerHeight;
  }

  protected async imagesLoaded(capMs: number): Promise<void> {
    const pending = Array.from(this.doc.querySelectorAll('img')).filter((img) => !img.complete);
    if (pending.length === 0) return;
    const loads = pending.map((img) => new Promise<void>((resolve) => {
      img.addEventListener('load', () => resolve(), { once: true });
      img.addEventListener('error', () => resolve(), { once: true });
    }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)));
    await Promise.race([Promise.all(loads), cap]);
    clearTimeout(timer);
  }

  protected keepAlive(): void {
    clearTimeout(this.abandonTimer);
    this.abandonTimer = setTimeout(() => {
      this.restore();
      this.onAbandoned();
    }, ABANDONED_AFTER_MS);
  }
}

/**
 * What the record says of a hidden element: its tag, id and classes, position and size, and a short label
 * (its aria-label or title, else the start of its text) so a reader can tell "the shop's header" from "a
 * chat button". Every string is cleaned (no invisible or direction characters) and capped.
 */
export function describeElement(element: HTMLElement, win: Window): HiddenElement {
  const rect = element.getBoundingClientRect();
  const position = win.getComputedStyle(element).position === 'sticky' ? 'sticky' : 'fixed';
  const id = cleanText(element.id).slice(0, MAX_NAME);
  const className = cleanText(typeof element.className === 'string' ? element.className : element.getAttribute('class')).slice(0, MAX_NAME);
  const label = cleanText(element.getAttribute('aria-label') || element.getAttribute('title') || element.textContent).slice(0, MAX_LABEL);
  return {
    tag: element.tagName.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 40),
    ...(id && { id }),
    ...(className && { className }),
    position,
    width: Math.round(rect.width),
    height: Math.round(rect.height),
    ...(label && { label }),
  };
}
