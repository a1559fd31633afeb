/**
 * The element of the page's last right-click, kept by the content script in its isolated world (the page cannot
 * see it), for "Capture this chat" from the context menu: the chat script injected afterwards (same world)
 * captures the scrollable box around it (lib/content/chat-box.ts). It is kept with its time: the menu's capture
 * follows its right-click within moments, so an older one is some other click's (a box no longer meant).
 */
const KEY = '__disputekitContextTarget';
const FRESH_MS = 10_000;

export function rememberContextTargets(win: Window, listen: (handler: (event: Event) => void) => void): void {
  listen((event) => ((win as unknown as Record<string, unknown>)[KEY] = [event.target, Date.now()]));
}

/** The last right-click's element, if it was in the last FRESH_MS. */
export function lastContextTarget(win: Window): unknown {
  const kept = (win as unknown as Record<string, unknown>)[KEY];
  return Array.isArray(kept) && Date.now() - (kept[1] as number) <= FRESH_MS ? kept[0] : undefined;
}
