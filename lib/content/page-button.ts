/**
 * The in-page "Save order to DisputeKit" button on recognised order pages (setting `pageButton`). It lives
 * in a closed shadow root under a host of its own, so the page's CSS cannot restyle it, its CSS cannot leak
 * into the page, and the page's scripts cannot reach into it (`host.shadowRoot` is null for them; only this
 * content script holds the root). It acts only on trusted events, the ones the browser makes for the
 * user's own click or key press: a page's `click()` or dispatched event does nothing. A click here is not a
 * user action for the extension (no screenshot allowed), so it saves the order and the page's HTML, then
 * tells the user how to add the screenshot. What a save may write is bounded in lib/capture/page-button-save.ts.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PAGE_BUTTON_KEYS, type PageButtonKey } from '../i18n/areas/page-button-keys';
import { translatorOf, type Params } from '../i18n/translate';
import { isSaveFromPageReply, sendFromContent } from '../messaging/content-protocol';
import type { PageReading } from '../common/model';
import { orderOfPage } from '../readers/page-order';
import type { MarketplaceReader } from '../readers/marketplace-reader';
import { readPageButtonSetting } from '../settings/page-button-setting';

export const PAGE_BUTTON_TAG = 'disputekit-page-button';
/** Set on the host while a full-page capture runs (a style on the host would lose to the root's !important). */
export const HIDDEN_ATTRIBUTE = 'data-hidden-for-capture';

// !important in the shadow root wins over the page's own !important rules and inline styles on the host
// (for important declarations the inner context wins), so the page cannot make the button invisible,
// shrink it or move it under something else to get a click on it unseen.
const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 16px !important; bottom: 16px !important;
  z-index: 2147483647 !important; opacity: 1 !important; visibility: visible !important; }
:host([${HIDDEN_ATTRIBUTE}]) { display: none !important; }
.box { font: 13px/1.4 system-ui, sans-serif; color: #1f2328; background: #fff; border: 1px solid #d0d7de;
  border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.15); padding: 8px; max-width: 300px; display: grid; gap: 6px; }
button { font: inherit; cursor: pointer; border-radius: 6px; }
.save { background: #d1242f; color: #fff; border: 0; padding: 6px 10px; font-weight: 600; }
.save[disabled] { opacity: .6; cursor: default; }
.close { justify-self: end; background: none; border: 0; color: #57606a; padding: 0 4px; }
.message:empty { display: none; }
.error { color: #a40e26; }
`;

/**
 * The button's own strings (lib/i18n/areas/page-button.ts), in the user's language: the background sends them
 * ('strings:pageButton'), so the content script carries no language's table.
 */
export type PageButtonTranslate = (key: PageButtonKey, params?: Params) => string;

/** The message of a save's error; one the button cannot get (none today) reads as the general failure. */
function errorKey(error: string): PageButtonKey {
  const key = `error.${error}`;
  return (PAGE_BUTTON_KEYS as readonly string[]).includes(key) ? (key as PageButtonKey) : 'error.internal';
}

export interface MountedButton {
  host: HTMLElement;
  /** The closed shadow root: this content script's only way in. */
  root: ShadowRoot;
  remove(): void;
}

/** Puts the button on the page; `save` asks the background and resolves with its answer (checked again here). */
export function mountPageButton(doc: Document, t: PageButtonTranslate, save: () => Promise<unknown>): MountedButton {
  const host = doc.createElement(PAGE_BUTTON_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  const close = doc.createElement('button');
  close.className = 'close';
  close.textContent = '×';
  close.title = t('actions.close');
  close.setAttribute('aria-label', t('actions.close'));
  const button = doc.createElement('button');
  button.className = 'save';
  button.dataset.testid = 'page-button';
  button.textContent = t('actions.pageButton');
  const message = doc.createElement('p');
  message.className = 'message';
  message.setAttribute('role', 'status');
  message.dataset.testid = 'page-button-message';
  box.append(close, button, message);
  root.append(style, box);

  close.addEventListener('click', (event) => {
    if (event.isTrusted === true) host.remove();
  });
  button.addEventListener('click', async (event) => {
    // Only the user's own click: the browser marks a page script's click() or dispatched event untrusted.
    if (event.isTrusted !== true || button.disabled) return;
    button.disabled = true;
    button.textContent = t('actions.pageButtonBusy');
    message.textContent = '';
    const answer = await save().catch(() => undefined);
    const result = isSaveFromPageReply(answer) ? answer : ({ ok: false, error: 'internal' } as const);
    button.disabled = false;
    button.textContent = t('actions.pageButton');
    message.classList.toggle('error', !result.ok);
    message.textContent = result.ok
      ? `${t('actions.pageButtonSaved')} ${result.shortcut ? t('actions.screenshotHint', { shortcut: result.shortcut }) : t('actions.screenshotHintNoShortcut')}`
      : `${t(errorKey(result.error))}${result.error === 'orderMismatch' && result.detail ? ` ${t('error.detail', { detail: result.detail })}` : ''}`;
  });

  (doc.body ?? doc.documentElement).append(host);
  return { host, root, remove: () => host.remove() };
}

/** How long the button stays hidden after a capture's last step, should the capture never say it ended. */
export const CAPTURE_HIDE_MS = 10_000;
let showAgain: ReturnType<typeof setTimeout> | undefined;

/**
 * The button must never appear in a screenshot: hidden while a full-page capture scrolls this page
 * (`ended` false at each step), shown again when it restores the page or, failing that, CAPTURE_HIDE_MS
 * after its last step.
 */
export function hidePageButtonDuringCapture(doc: Document, ended: boolean): void {
  const host = doc.querySelector<HTMLElement>(PAGE_BUTTON_TAG);
  if (!host) return;
  clearTimeout(showAgain);
  const show = () => host.removeAttribute(HIDDEN_ATTRIBUTE);
  if (ended) return show();
  host.setAttribute(HIDDEN_ATTRIBUTE, '');
  showAgain = setTimeout(show, CAPTURE_HIDE_MS);
}

/** Runs `fn` with the button taken out of the document, so a page archive holds the page and not our button. */
export function withoutPageButton<T>(doc: Document, fn: () => T): T {
  const host = doc.querySelector(PAGE_BUTTON_TAG);
  const parent = host?.parentNode;
  const next = host?.nextSibling ?? null;
  host?.remove();
  try {
    return fn();
  } finally {
    if (host && parent) parent.insertBefore(host, next);
  }
}

/**
 * Shows the button while the page reads as an order page (or a dispute page about one order) whose address
 * names that order, and the setting is on; removes it when a single-page navigation leaves the order. Called with each new reading by the content script.
 */
export function pageButtonController(ctx: ContentScriptContext, reader: MarketplaceReader): (reading: PageReading | null) => void {
  let mounted: MountedButton | undefined;
  // Read once per page: whether the button is on, and its strings in the user's language (from the background;
  // without them, as when the background cannot answer, a save could not work either: no button, asked again on
  // the next reading).
  let enabled: Promise<{ on: true; t: PageButtonTranslate } | { on: false }> | undefined;
  let onOrderPage = false;
  ctx.onInvalidated(() => mounted?.remove());
  return (reading) => {
    // Where a save would be taken (the page's order is the one its address names, lib/readers/page-order.ts), and
    // where the page names another order than its address: a click there says so instead of saving.
    const found = orderOfPage(reading ?? null, location.href, true, [reader]);
    onOrderPage = found.ok || found.error === 'orderMismatch';
    if (!onOrderPage) {
      mounted?.remove();
      mounted = undefined;
      return;
    }
    enabled ??= readPageButtonSetting(browser.storage.local)
      .catch(() => true)
      .then(async (on) => {
        if (!on) return { on: false } as const;
        const { locale, strings } = await sendFromContent('strings:pageButton');
        return { on: true, t: translatorOf(strings, locale) } as const;
      })
      .catch(() => {
        enabled = undefined;
        return { on: false } as const;
      });
    void enabled.then((state) => {
      if (!state.on || !onOrderPage || mounted || ctx.isInvalid) return;
      mounted = mountPageButton(document, state.t, () => sendFromContent('order:saveFromPage'));
    });
  };
}
