/**
 * The page's side of "Capture this chat": find the box that scrolls the conversation, bring in its older messages
 * (a chat loads them as it is scrolled up: scrolled to its top until it stops growing, or a cap), then scroll the
 * box screen by screen as a full-page capture scrolls the page (the same session, lib/content/fullpage-scroll.ts,
 * with the box as what is scrolled), reading the rows each screen shows (lib/readers/chat/rows.ts), and put it back.
 * Runs in the script injected for a chat capture only (entrypoints/chat-box.ts), so the marketplaces' content
 * scripts stay small.
 */
import { PageCaptureSession, IMAGE_WAIT_CAP_MS, painted } from './fullpage-scroll';
import { chatRows, readChatRow, type ChatEntry } from '../readers/chat/rows';
import { lastContextTarget } from './context-target';
import { hidePageButtonDuringCapture } from './page-button';
import { chatBoxRequest, type ChatBoxHandlers } from '../messaging/content-protocol';

/** A box smaller than this (CSS px) is a drop-down or a text field, not a conversation. */
const MIN_BOX = 80;
/** At most this many times the box is scrolled to its top for older messages. */
export const MAX_OLDER_LOADS = 20;
/** With no growth for this long after a scroll to the top, the chat has no older messages to load. */
export const OLDER_QUIET_MS = 1000;
/** A box this many times taller than it shows is not loaded further (a section's worth of screens). */
const MAX_BOX_SCREENS = 200;
/** Rows kept per capture: a hostile page cannot make the transcript endless. */
export const MAX_CHAT_ROWS = 20_000;

export interface ChatMeasure {
  pageHeight: number;
  viewHeight: number;
  windowWidth: number;
  devicePixelRatio: number;
  pageWidth: number;
  /** The box's visible area in the window (CSS px). */
  box: { left: number; top: number; width: number; height: number };
  /** How the box was chosen: under the right-click, or the largest on the page. */
  found: 'pointer' | 'largest';
  /** Older messages brought in before the screens: scrolled to the top `loads` times; stopped because it `stoppedBy`. */
  older: { loads: number; stoppedBy: 'settled' | 'cap'; heightBefore: number };
}

/** An element, tested by its node type: a page's own element classes are not this world's (Firefox). */
const isElement = (value: unknown): value is HTMLElement => typeof value === 'object' && value !== null && (value as Node).nodeType === 1;

function scrollsItself(element: Element, win: Window): element is HTMLElement {
  if (!isElement(element)) return false;
  if (element.scrollHeight <= element.clientHeight + 1 || element.clientHeight < MIN_BOX || element.clientWidth < MIN_BOX) return false;
  return /(auto|scroll|overlay)/.test(win.getComputedStyle(element).overflowY);
}

/** The scrollable box under `from` (the right-click's element), else the largest scrollable box on the page. */
export function findChatBox(doc: Document, win: Window, from?: unknown): { box: HTMLElement; found: ChatMeasure['found'] } | undefined {
  if (isElement(from)) {
    for (let e: Element | null = from; e && e !== doc.body && e !== doc.documentElement; e = e.parentElement) {
      if (scrollsItself(e, win)) return { box: e, found: 'pointer' };
    }
  }
  let best: HTMLElement | undefined;
  let bestArea = 0;
  for (const element of doc.querySelectorAll('body *')) {
    if (!scrollsItself(element, win)) continue;
    const area = element.clientWidth * element.clientHeight;
    if (area > bestArea) [best, bestArea] = [element, area];
  }
  return best && { box: best, found: 'largest' };
}

export class ChatCaptureSession extends PageCaptureSession {
  private readonly fromBottom: number;
  private readonly rows = new Map<string, ChatEntry>();
  private blocking = false;
  private readonly block = (event: Event) => {
    if (this.blocking && event.target === this.box) event.stopImmediatePropagation();
  };

  constructor(
    doc: Document,
    win: Window,
    private readonly box: HTMLElement,
    private readonly found: ChatMeasure['found'],
    onAbandoned?: () => void,
  ) {
    super(doc, win, onAbandoned);
    // Chats open at their newest message: put back at the same distance from the bottom, whatever loaded above.
    this.fromBottom = box.scrollHeight - box.scrollTop;
  }

  /**
   * Older messages first: scrolled to the top, the page loads the ones before; again until the box stops growing
   * for OLDER_QUIET_MS, or MAX_OLDER_LOADS times, or it is MAX_BOX_SCREENS screens tall. Then, while the screens
   * are taken, the page hears no scroll of the box (a scroll to the top would load more and move every row taken).
   */
  override async prepare(imageWaitCapMs = IMAGE_WAIT_CAP_MS): Promise<ChatMeasure> {
    this.keepAlive();
    this.setStyle(this.box, 'scroll-behavior', 'auto');
    const heightBefore = this.box.scrollHeight;
    let loads = 0;
    let stoppedBy: ChatMeasure['older']['stoppedBy'] = 'settled';
    for (;;) {
      const height = this.box.scrollHeight;
      this.box.scrollTop = 0;
      this.box.dispatchEvent(new Event('scroll'));
      if (!(await this.grows(height))) break;
      loads++;
      this.keepAlive();
      if (loads >= MAX_OLDER_LOADS || this.box.scrollHeight >= MAX_BOX_SCREENS * this.box.clientHeight) {
        stoppedBy = 'cap';
        break;
      }
    }
    this.win.addEventListener('scroll', this.block, true);
    this.blocking = true;
    this.box.scrollTop = 0;
    await this.imagesLoaded(imageWaitCapMs);
    await painted(this.win);
    const rect = this.box.getBoundingClientRect();
    return {
      ...this.measure(),
      box: { left: rect.left + this.box.clientLeft, top: rect.top + this.box.clientTop, width: this.box.clientWidth, height: this.box.clientHeight },
      found: this.found,
      older: { loads, stoppedBy, heightBefore },
    };
  }

  /** A screen of the box, and the rows it shows read. */
  override async showScreen(y: number, index: number): ReturnType<PageCaptureSession['showScreen']> {
    const answer = await super.showScreen(y, index);
    this.readVisibleRows();
    return answer;
  }

  /** Every row seen on any screen, top first (a list that drops rows out of view still gives each one). */
  transcript(): ChatEntry[] {
    this.readVisibleRows();
    return [...this.rows.values()].sort((a, b) => a.top - b.top);
  }

  override restore(): void {
    // Once: a later call (a new capture's prepare, a late chat:restore) must not scroll a box the user scrolled since.
    if (this.restored) return;
    this.blocking = false;
    this.win.removeEventListener('scroll', this.block, true);
    super.restore();
    this.box.scrollTop = this.box.scrollHeight - this.fromBottom;
  }

  private readVisibleRows(): void {
    const frame = this.frame();
    const boxRect = this.box.getBoundingClientRect();
    const centre = boxRect.left + boxRect.width / 2;
    for (const row of chatRows(this.box)) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom <= frame.top || rect.top >= frame.bottom || this.rows.size >= MAX_CHAT_ROWS) continue;
      const top = Math.round(rect.top - frame.top + this.box.scrollTop);
      const entry = readChatRow(row, top, centre);
      if (entry) this.rows.set(`${top}|${entry.text}`, entry);
    }
  }

  /** Whether the box grows past `height` within OLDER_QUIET_MS. */
  private async grows(height: number): Promise<boolean> {
    const until = performance.now() + OLDER_QUIET_MS;
    while (performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (this.box.scrollHeight > height) {
        // Let the batch finish arriving before the next scroll.
        await painted(this.win);
        return true;
      }
    }
    return false;
  }

  protected override scrollTo(y: number): void {
    this.box.scrollTop = y;
  }

  protected override scrollY(): number {
    return this.box.scrollTop;
  }

  protected override frame(): { top: number; bottom: number } {
    const rect = this.box.getBoundingClientRect();
    const top = rect.top + this.box.clientTop;
    return { top, bottom: top + this.box.clientHeight };
  }

  protected override pageHeight(): number {
    return this.box.scrollHeight;
  }

  protected override pageWidth(): number {
    return this.box.clientWidth;
  }

  protected override viewHeight(): number {
    return this.box.clientHeight;
  }
}

/** The chat capture running in this page, if any: one at a time. */
let session: ChatCaptureSession | undefined;

/** What the chat script answers, one handler per message (lib/messaging/protocol.ts 'chat:*'). */
export function chatBoxHandlers(doc: Document, win: Window): ChatBoxHandlers {
  return {
    'chat:prepare': ({ pointer }) => {
      // DisputeKit's own in-page button is never in a screenshot (as for a page, lib/content/content-script.ts).
      hidePageButtonDuringCapture(doc, false);
      session?.restore();
      session = undefined;
      const target = pointer ? lastContextTarget(win) : undefined;
      const found = findChatBox(doc, win, target);
      if (!found) return { found: 'none' };
      const started = new ChatCaptureSession(doc, win, found.box, found.found, () => {
        if (session === started) session = undefined;
      });
      session = started;
      return started.prepare();
    },
    'chat:screen': ({ y, index }) => {
      hidePageButtonDuringCapture(doc, false);
      if (!session) throw new Error('no chat capture is under way in this page');
      return session.showScreen(y, index);
    },
    'chat:transcript': () => {
      if (!session) throw new Error('no chat capture is under way in this page');
      return { entries: session.transcript() };
    },
    'chat:restore': () => {
      hidePageButtonDuringCapture(doc, true);
      session?.restore();
      session = undefined;
      return { restored: true };
    },
  };
}

const LISTENING_KEY = '__disputekitChatBox';

/**
 * Starts answering the background, once per page however often the script is injected. Only this extension may
 * ask (sender.id); the answer goes back through sendResponse, as the content script's do.
 */
export function listenForChatRequests(runtime: ChatRuntime, doc: Document = document, win: Window = window): void {
  const flags = win as unknown as Record<string, unknown>;
  if (flags[LISTENING_KEY]) return;
  flags[LISTENING_KEY] = true;
  const handlers = chatBoxHandlers(doc, win);
  runtime.onMessage.addListener((message: unknown, sender: { id?: string }, sendResponse: (answer?: unknown) => void): true | undefined => {
    if (sender.id !== runtime.id) return undefined;
    const request = chatBoxRequest(message);
    if (!request) return undefined;
    const handle = handlers[request.type] as (request: unknown) => unknown;
    Promise.resolve()
      .then(() => handle(request))
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}

/** The part of `browser.runtime` the chat script uses. */
export interface ChatRuntime {
  id: string;
  onMessage: { addListener(listener: (message: unknown, sender: { id?: string }, sendResponse: (answer?: unknown) => void) => true | undefined): void };
}
