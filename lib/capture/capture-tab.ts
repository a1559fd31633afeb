/**
 * "Capture evidence" for one tab: the whole page (scrolled and stitched) or its visible area, Chrome's
 * MHTML archive of the page where the browser has one, and the page's HTML from its content script, with
 * hashes and metadata, saved in one transaction at the end: to the order's case, or to a case the caller
 * names. A cancelled or failed capture saves nothing and leaves the page as it was. Browser APIs come in
 * through `CaptureDeps`, so the whole flow runs in unit tests with fakes and in the service worker.
 */
import { captureInTurn, CaptureRateLimiter, type Clock } from './rate';
import { addEvidenceToCase, CaseNotFound, getCase, saveCapture } from '../cases/cases';
import type { DisputeKitDB } from '../cases/db';
import { describeError, isQuotaError } from '../common/errors';
import { captureScale, MAX_REPLANS, MAX_SCREENS, planScreens, planSection, replanSection, type Section } from './fullpage-plan';
import { CaptureLog } from './capture-record';
import { sha256Hex } from '../common/hash';
import type { CaptureError, CaptureProgress, CaptureResponse, ScreenResponse } from '../messaging/messages';
import { askTab, MessageError, type ReplyOf, type TabTransport } from '../messaging/protocol';
import { readTranscript, transcriptText, type TranscriptWords } from '../readers/chat/transcript';
import type { ChatEntry } from '../readers/chat/rows';
import { chatPlatformOf } from '../readers/chat/chat-pages';
import { saveWithChatContacts } from '../cases/chat-contacts';
import type { CaptureRecord, EvidenceKind, EvidenceLabel, EvidenceRecord, OrderFacts, PageMetadata } from '../common/model';
import { cleanText } from '../common/text';
import type { Platform } from '../common/marketplaces';
import { pageHtmlEvidence } from './page-archive';
import { mismatchDetail, orderOfPage } from '../readers/page-order';
import { MARKETPLACE_ADDRESSES } from '../readers/addresses';
import { Stitcher, type Imaging } from './stitch';
import { toZonedIso, userTimeZone } from '../common/time';

export interface TabInfo {
  active?: boolean;
  windowId?: number;
  url?: string;
  title?: string;
  width?: number;
  height?: number;
}

export interface CaptureDeps {
  getTab(tabId: number): Promise<TabInfo>;
  sendToTab: TabTransport;
  captureVisibleTab(windowId: number): Promise<string>;
  /**
   * The least time between two captureVisibleTab calls: Chrome's quota (CAPTURE_SPACING_MS, the default);
   * 0 in Firefox, which sets no limit.
   */
  captureSpacingMs?: number;
  makeThumbnail(image: Blob): Promise<Blob | undefined>;
  /** Chrome's MHTML of the tab; absent where the browser has none (Firefox). */
  saveAsMHTML?(tabId: number): Promise<Blob>;
  /** Decoding and joining screen images; needed for full-page captures. */
  imaging?: Imaging;
  /** Puts the chat script (entrypoints/chat-box.ts) into the tab, for a chat capture. */
  injectChatScript?(tabId: number): Promise<void>;
  /** How a chat's transcript names senders the page does not name ("Me", "Seller"), in the user's language. */
  transcriptWords?: TranscriptWords;
  database: DisputeKitDB;
  now(): Date;
  sleep(ms: number): Promise<void>;
  newId(): string;
  extensionVersion: string;
  browserName: string;
  timeZone?: string;
}

export type CaptureMode = 'fullpage' | 'visible' | 'chat';

export interface CaptureTarget {
  tabId: number;
  mode: CaptureMode;
  /** For a page of more than MAX_SCREENS screens: the screen (0-based) its section starts at. */
  fromScreen?: number;
  /** Capture into this existing case (a listing, a tracking page); without it the page must be an order page. */
  caseId?: string;
  label?: EvidenceLabel;
  /** The page is the order's snapshot of this item (its title): the listing as bought. */
  snapshotOf?: string;
  /** A chat capture from the context menu: the box under the right-click rather than the largest one. */
  pointer?: boolean;
}

export interface CaptureHooks {
  onProgress?(progress: CaptureProgress): void;
  signal?: AbortSignal;
}

const NO_IMAGING = 'no image support for full-page capture';

/** A transcript's senders when no language was given: the background gives the user's (background-router.ts). */
const ENGLISH_WORDS: TranscriptWords = { me: 'Me', them: 'Them' };

class CaptureFailure extends Error {
  constructor(
    readonly code: CaptureError,
    readonly detail?: string,
  ) {
    super(code);
  }
}

/** Captures a tab; never throws: every failure is a CaptureResponse with nothing saved. */
export async function captureTab(deps: CaptureDeps, target: CaptureTarget, hooks: CaptureHooks = {}): Promise<CaptureResponse> {
  try {
    return await run(deps, target, hooks);
  } catch (error) {
    if (error instanceof CaptureFailure) return { ok: false, error: error.code, ...(error.detail && { detail: error.detail }) };
    if (error instanceof CaseNotFound) return { ok: false, error: 'caseNotFound' };
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

/** The visible area of an order page, as before full-page capture. */
export function captureVisible(deps: CaptureDeps, tabId: number): Promise<CaptureResponse> {
  return captureTab(deps, { tabId, mode: 'visible' });
}

interface Shot {
  blob: Blob;
  width?: number;
  height?: number;
  part?: { index: number; count: number };
}

async function run(deps: CaptureDeps, target: CaptureTarget, hooks: CaptureHooks): Promise<CaptureResponse> {
  const { tabId, caseId } = target;
  const stopIfCancelled = () => {
    if (hooks.signal?.aborted) throw new CaptureFailure('cancelled');
  };
  const tab = await deps.getTab(tabId).catch(() => {
    throw new CaptureFailure('tabClosed');
  });

  // No content script answers on pages DisputeKit does not read: for an order capture that is "not an
  // order page", not a crash; into a named case, the page is taken as the browser shows it.
  const snapshot = await askTab(deps.sendToTab, tabId, 'page:snapshot').catch(() => undefined);
  let order: { platform: Platform; facts: OrderFacts } | undefined;
  if (caseId === undefined) {
    // Into the order the tab's address names: a page whose text names another order is refused.
    const found = orderOfPage(snapshot?.reading ?? null, tab.url ?? snapshot?.page.url ?? '', false, MARKETPLACE_ADDRESSES);
    if (!found.ok) throw new CaptureFailure(found.error, found.error === 'orderMismatch' ? mismatchDetail(found) : undefined);
    order = { platform: found.platform, facts: found.order };
  } else if (!(await getCase(deps.database, caseId))) {
    throw new CaptureFailure('caseNotFound');
  }

  // captureVisibleTab takes whatever is shown in the window: refuse rather than save the wrong tab.
  if (!tab.active || tab.windowId === undefined) throw new CaptureFailure('tabNotVisible');
  const windowId = tab.windowId;
  const page: PageMetadata = snapshot ? { ...snapshot.page, title: cleanText(snapshot.page.title) } : pageFromTab(tab);
  stopIfCancelled();

  // Scrolling needs the content script; without one the visible area is what can be taken. A chat is its box
  // scrolled instead of the page, through the chat script injected for it (lib/content/chat-box.ts).
  const firstScreen: { blob?: Blob; section?: Section; record?: CaptureRecord } = {};
  const chat: { entries?: ChatEntry[] } = {};
  const tabAt = { tabId, windowId, url: page.url, fromScreen: target.fromScreen ?? 0 };
  const shots =
    target.mode === 'chat'
      ? await captureFullPage(deps, tabAt, hooks, firstScreen, await chatSteps(deps, tabId, target.pointer === true, chat))
      : target.mode === 'fullpage' && snapshot !== undefined
        ? await captureFullPage(deps, tabAt, hooks, firstScreen, pageSteps(deps))
        : [await captureVisibleArea(deps, windowId, hooks)];
  const section = firstScreen.section;
  stopIfCancelled();

  // The page must still be the one that was read, or the screenshot and the archive disagree.
  await expectStillShown(deps, tabId, page.url, false);

  let mhtml: Blob | undefined;
  if (deps.saveAsMHTML) {
    hooks.onProgress?.({ phase: 'archiving', done: 0, total: 1 });
    mhtml = await deps.saveAsMHTML(tabId).catch((error: unknown) => {
      throw captureError(error);
    });
  }
  stopIfCancelled();
  hooks.onProgress?.({ phase: 'saving', done: 0, total: 1 });

  const now = deps.now();
  const captureId = deps.newId();
  const label = target.label ?? (target.mode === 'chat' ? 'chat' : undefined);
  const common = { ...metadata(deps, now, page, captureId, label), ...(target.snapshotOf && { snapshotOf: target.snapshotOf }) };
  const item = async (kind: EvidenceKind, blob: Blob, mime: string, extra: Partial<EvidenceRecord> = {}): Promise<Omit<EvidenceRecord, 'caseId'>> => ({
    ...common,
    id: deps.newId(),
    kind,
    blob,
    mime,
    bytes: blob.size,
    sha256: await sha256Hex(blob),
    ...extra,
  });
  const pageHtml = (html: string): Omit<EvidenceRecord, 'caseId'> => ({ ...common, id: deps.newId(), kind: 'page-html', ...pageHtmlEvidence(html) });
  const thumbnail = await deps.makeThumbnail(firstScreen.blob ?? shots[0].blob).catch(() => undefined);
  const shotKind: EvidenceKind = (target.mode === 'fullpage' && snapshot !== undefined) || target.mode === 'chat' ? 'fullpage-screenshot' : 'visible-screenshot';
  const lines = chat.entries && readTranscript(chat.entries, { now, timeZone: common.timeZone });
  // A chat whose rows could not be read is saved as its image only: an empty transcript would be a file of nothing.
  const transcript = lines?.length ? lines : undefined;
  if (lines && firstScreen.record?.chat) firstScreen.record = { ...firstScreen.record, chat: { ...firstScreen.record.chat, messages: lines.length } };
  const transcriptFile = transcript && new Blob([transcriptText(transcript, deps.transcriptWords ?? ENGLISH_WORDS)], { type: 'text/plain' });
  const evidence = await Promise.all([
    ...shots.map((shot, i) =>
      item(shotKind, shot.blob, 'image/png', {
        ...(shot.width && shot.height && { image: { width: shot.width, height: shot.height } }),
        ...(shot.part && { part: shot.part }),
        ...(section && { section }),
        ...(firstScreen.record && { captureRecord: firstScreen.record }),
        ...(i === 0 && thumbnail && { thumbnail }),
      }),
    ),
    // The chat's messages as text, beside its image.
    ...(transcriptFile ? [item('chat-transcript', transcriptFile, 'text/plain')] : []),
    ...(mhtml ? [item('page-mhtml', mhtml, 'multipart/related')] : []),
    // The page's HTML with its scripts disabled (lib/capture/page-archive.ts): opened from disk, it cannot run.
    ...(snapshot ? [pageHtml(snapshot.html)] : []),
  ]);
  // The last moment a cancel counts: after this the capture is saved whole.
  stopIfCancelled();
  const save = () =>
    order ? saveCapture(deps.database, { platform: order.platform, order: order.facts, evidence, now }) : addEvidenceToCase(deps.database, caseId!, evidence, now);
  // On a marketplace's chat page the messages also go into the case's contact log, in the same transaction.
  const chatOf = transcript && chatPlatformOf(page.url);
  const saved = transcript && chatOf ? await saveWithChatContacts(deps.database, save, transcript, chatOf, deps.newId) : { ...(await save()), contactsAdded: 0 };
  const chatSummary = lines && { messages: lines.length, contactsAdded: saved.contactsAdded, olderCapped: firstScreen.record?.chat?.older.stoppedBy === 'cap' };
  return { ok: true, caseId: saved.caseId, evidenceIds: saved.evidenceIds, ...(section && { section }), ...(chatSummary && { chat: chatSummary }) };
}

async function captureVisibleArea(deps: CaptureDeps, windowId: number, hooks: CaptureHooks): Promise<Shot> {
  hooks.onProgress?.({ phase: 'screens', done: 1, total: 1 });
  const limiter = new CaptureRateLimiter(clockOf(deps), deps.captureSpacingMs);
  const blob = dataUrlToBlob(await takeScreen(deps, limiter, windowId));
  return { blob, ...pngSize(new Uint8Array(await blob.slice(0, 24).arrayBuffer())) };
}

/**
 * Scroll and stitch: the content script prepares and measures the page, each screen is scrolled to and
 * taken in its turn (Chrome's two-a-second quota), and its new rows go into the page image. The page is
 * put back however this ends. `firstScreen` receives the top screen's image, for the thumbnail, the section
 * and the capture's record (lib/capture/capture-record.ts).
 *
 * Each screen's answer holds the page's size then. A page that grew or shrank is planned again from the same
 * first screen (replanSection), the image's height following it; after the last screen it is shown once more,
 * so content that a scroll to the bottom brought in is taken too. A page that keeps changing (MAX_REPLANS), a
 * window resized, or a page that shrank above a screen already taken end the screens where they are: the image
 * is saved with what it holds and its record says what is not in it. Nothing is joined silently wrong.
 */
async function captureFullPage(
  deps: CaptureDeps,
  tab: { tabId: number; windowId: number; url: string; fromScreen: number },
  hooks: CaptureHooks,
  firstScreen: { blob?: Blob; section?: Section; record?: CaptureRecord },
  steps: ScrollSteps,
): Promise<Shot[]> {
  const imaging = deps.imaging;
  if (!imaging) throw new CaptureFailure('internal', NO_IMAGING);
  try {
    hooks.onProgress?.({ phase: 'preparing', done: 0, total: 0 });
    const measure = await steps.prepare(tab.tabId);
    const view = measure.viewHeight;
    // A chat's box is a part of each screen: its rows start at the box's corner, and the image is as wide as the box.
    const box = measure.box;
    const log = new CaptureLog({ height: measure.pageHeight, width: measure.pageWidth ?? measure.windowWidth, viewHeight: view, windowWidth: measure.windowWidth });
    // A page of more than MAX_SCREENS screens is taken one section at a time (the response says which).
    // A chat taller than one capture takes is taken from its newest screens: the last section, unless one is asked for.
    const from = steps.newestFirst && tab.fromScreen === 0 ? Math.max(0, planScreens(measure.pageHeight, view).length - MAX_SCREENS) : tab.fromScreen;
    let plan = planSection(measure.pageHeight, view, from);
    const taken: number[] = [];
    const limiter = new CaptureRateLimiter(clockOf(deps), deps.captureSpacingMs);
    let stitcher: Stitcher<Awaited<ReturnType<typeof imaging.decode>>> | undefined;
    let scale = 1;
    let screenWidth = 0;
    let measured = false;
    /** The screens stopped before the plan's end (the record says what is missing). */
    let stopped = false;
    const imageRows = (p: typeof plan) => Math.round(p.bottom * scale) - Math.round(p.top * scale);

    /**
     * Takes in a screen's answer: notes it, plans again for a page whose height changed. False when the screens
     * must stop here (resized, or no plan keeps the screens taken).
     */
    const review = (index: number, y: number, answer: ScreenResponse): boolean => {
      log.hid(answer.hidden ?? []);
      if (!answer.page) return true;
      measured = true;
      const { resized, heightChanged } = log.measured(index, answer.page);
      if (resized) return false;
      if (heightChanged && log.replansSoFar < MAX_REPLANS) {
        const next = replanSection(answer.page.height, view, from, taken);
        if (!next || (stitcher && !stitcher.resize(imageRows(next)))) return false;
        plan = next;
        log.replanned();
      }
      log.scrolled(index, y, answer.scrollY);
      return true;
    };

    let index = 0;
    for (;;) {
      if (hooks.signal?.aborted) throw new CaptureFailure('cancelled');
      if (index === plan.positions.length) {
        // The last screen again, without taking it: a page that loads more at its bottom has grown by now.
        if (!measured || index === 0) break;
        const last = plan.positions[index - 1];
        const again = await steps.screen(tab.tabId, last, index - 1);
        if (!review(index - 1, last, again)) stopped = true;
        if (stopped || index === plan.positions.length) break;
        continue;
      }
      const y = plan.positions[index];
      hooks.onProgress?.({ phase: 'screens', done: index + 1, total: plan.positions.length });
      const answer = await steps.screen(tab.tabId, y, index);
      if (!review(index, y, answer)) {
        stopped = true;
        break;
      }
      // Planned again with another position for this screen: show that one instead.
      if (plan.positions[index] !== y) continue;
      await expectStillShown(deps, tab.tabId, tab.url, true);
      const screen = dataUrlToBlob(await takeScreen(deps, limiter, tab.windowId));
      if (index === 0) firstScreen.blob = screen;
      const bitmap = await imaging.decode(screen);
      try {
        if (!stitcher) {
          scale = captureScale(bitmap.width, measure.windowWidth);
          screenWidth = bitmap.width;
          stitcher = box
            ? new Stitcher(imaging, boxPixels(box, scale, bitmap).width, imageRows(plan), boxPixels(box, scale, bitmap))
            : new Stitcher(imaging, bitmap.width, imageRows(plan));
        } else if (bitmap.width !== screenWidth) {
          throw new CaptureFailure('pageChanged', 'the window changed size during the capture');
        }
        // Rows are counted from the section's top: its image starts there.
        await stitcher.add(bitmap, Math.round(answer.scrollY * scale) - Math.round(plan.top * scale), Math.round(view * scale));
      } finally {
        bitmap.close();
      }
      log.screen(y, answer.scrollY);
      taken.push(y);
      index++;
    }
    if (plan.section) firstScreen.section = plan.section;
    // Stopped early, the image ends where the screens did, and the record says so.
    if (stopped && stitcher && stitcher.missingRows > 0) stitcher.resize(stitcher.coveredRows);
    if (!stitcher || stitcher.missingRows > 0) throw new CaptureFailure('pageChanged', 'the page got shorter during the capture');
    if (measured) {
      const imageBottom = plan.top + stitcher.height / scale;
      const wanted = planSection(log.size.height, view, from).bottom;
      const record = log.finish({ top: plan.top, bottom: Math.round(imageBottom) }, wanted);
      firstScreen.record = measure.chat ? { ...record, chat: { ...measure.chat, box: { width: box!.width, height: box!.height }, messages: 0 } } : record;
    }
    await steps.finish?.(tab.tabId);
    const parts = await stitcher.finish();
    return parts.map((p) => ({ blob: p.blob, width: p.width, height: p.height, ...(p.count > 1 && { part: { index: p.index + 1, count: p.count } }) }));
  } finally {
    await steps.restore(tab.tabId).catch(() => {
      // The tab is gone or navigated: there is no page left to put back.
    });
  }
}

/** What a full-page capture asks of the page: measure it, show a screen, put it back (and, for a chat, read it). */
interface ScrollSteps {
  prepare(tabId: number): Promise<ReplyOf<'fullpage:prepare'> & { box?: Box; chat?: Omit<NonNullable<CaptureRecord['chat']>, 'box' | 'messages'> }>;
  screen(tabId: number, y: number, index: number): Promise<ScreenResponse>;
  finish?(tabId: number): Promise<void>;
  restore(tabId: number): Promise<unknown>;
  /** Too tall for one capture, take the last section (a chat's newest messages) rather than the first. */
  newestFirst?: boolean;
}

type Box = { left: number; top: number; width: number; height: number };

/** The box's rectangle in a screen image's pixels, kept inside the image. */
function boxPixels(box: Box, scale: number, bitmap: { width: number; height: number }): { x: number; y: number; width: number } {
  const x = Math.min(Math.max(0, Math.round(box.left * scale)), bitmap.width - 1);
  const y = Math.min(Math.max(0, Math.round(box.top * scale)), bitmap.height - 1);
  return { x, y, width: Math.max(1, Math.min(Math.round(box.width * scale), bitmap.width - x)) };
}

/** The page not answering is the page changing; an answer that is not the declared one is a bug ('internal'). */
function answering(deps: CaptureDeps): TabTransport {
  return (tabId, message) =>
    deps.sendToTab(tabId, message).catch((error: unknown) => {
      throw new CaptureFailure('pageChanged', describeError(error));
    });
}

/** The page itself scrolled, by the content script (lib/content/fullpage-scroll.ts). */
function pageSteps(deps: CaptureDeps): ScrollSteps {
  const send = answering(deps);
  return {
    prepare: (tabId) => askTab(send, tabId, 'fullpage:prepare'),
    screen: (tabId, y, index) => askTab(send, tabId, 'fullpage:screen', { y, index }),
    restore: (tabId) => askTab(deps.sendToTab, tabId, 'fullpage:restore'),
  };
}

/**
 * A chat's box scrolled, by the chat script injected for it; its rows are read as the screens go, and handed over
 * after the last (`chat.entries`). No scrollable box on the page is said so ('noChatBox').
 */
async function chatSteps(deps: CaptureDeps, tabId: number, pointer: boolean, chat: { entries?: ChatEntry[] }): Promise<ScrollSteps> {
  // No image support is this browser's limit, said as for a page (captureFullPage); no script to inject, no chat.
  if (!deps.imaging) throw new CaptureFailure('internal', NO_IMAGING);
  if (!deps.injectChatScript) throw new CaptureFailure('noChatBox');
  await deps.injectChatScript(tabId).catch((error: unknown) => {
    throw captureError(error);
  });
  const send = answering(deps);
  return {
    prepare: async () => {
      const measure = await askTab(send, tabId, 'chat:prepare', { pointer });
      if (measure.found === 'none') throw new CaptureFailure('noChatBox');
      const { box, found, older, ...page } = measure;
      return { ...page, box, chat: { found, older } };
    },
    screen: (_tabId, y, index) => askTab(send, tabId, 'chat:screen', { y, index }),
    finish: async () => {
      // Rows the check refuses (more than a transcript holds) are not a failed capture: the screens are taken, and
      // are saved without a transcript ("no messages could be read"), rather than lost.
      chat.entries = await askTab(send, tabId, 'chat:transcript').then(
        (answer) => answer.entries,
        (error: unknown) => {
          if (error instanceof MessageError && error.reason === 'badReply') return [];
          throw error;
        },
      );
    },
    restore: () => askTab(deps.sendToTab, tabId, 'chat:restore'),
    newestFirst: true,
  };
}

/** Between screens, the tab must still be the one shown, at the page that was read. */
async function expectStillShown(deps: CaptureDeps, tabId: number, url: string, mustBeActive: boolean): Promise<void> {
  const now = await deps.getTab(tabId).catch(() => {
    throw new CaptureFailure('tabClosed');
  });
  if (now.url !== undefined && now.url !== url) throw new CaptureFailure('pageChanged');
  if (mustBeActive && now.active === false) throw new CaptureFailure('tabNotVisible');
}

function takeScreen(deps: CaptureDeps, limiter: CaptureRateLimiter, windowId: number): Promise<string> {
  return captureInTurn(limiter, clockOf(deps), () => deps.captureVisibleTab(windowId)).catch((error: unknown) => {
    throw captureError(error);
  });
}

function captureError(error: unknown): CaptureFailure {
  const message = describeError(error);
  if (/permission|activeTab|all_urls/i.test(message)) return new CaptureFailure('permission');
  if (/no tab|closed/i.test(message)) return new CaptureFailure('tabClosed');
  return new CaptureFailure('captureFailed', message);
}

function clockOf(deps: CaptureDeps): Clock {
  return { now: () => deps.now().getTime(), sleep: (ms) => deps.sleep(ms) };
}

/** What the browser says of a tab no content script runs in. */
function pageFromTab(tab: TabInfo): PageMetadata {
  return {
    url: (tab.url ?? '').slice(0, 8192),
    title: cleanText(tab.title),
    viewport: { width: tab.width ?? 0, height: tab.height ?? 0 },
    devicePixelRatio: 1,
  };
}

function metadata(deps: CaptureDeps, now: Date, page: PageMetadata, captureId: string, label: EvidenceLabel | undefined) {
  const timeZone = deps.timeZone ?? userTimeZone();
  return {
    captureId,
    capturedAt: now.toISOString(),
    capturedAtLocal: toZonedIso(now, timeZone),
    timeZone,
    page,
    extensionVersion: deps.extensionVersion,
    browser: deps.browserName,
    ...(label && { label }),
  };
}

/** Width and height from a PNG's header (the IHDR chunk), or nothing for bytes that are not a PNG. */
export function pngSize(head: Uint8Array): { width: number; height: number } | Record<string, never> {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length < 24 || signature.some((b, i) => head[i] !== b)) return {};
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) throw new CaptureFailure('captureFailed', 'the browser returned no image');
  const [, mime, base64, payload] = match;
  const bytes = base64 ? Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(payload));
  return new Blob([bytes], { type: mime });
}
