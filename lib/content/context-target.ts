/**
 * The element of the page's last right-click, kept by the content script in its isolated world (the page cannot
 * see it), for "Capture this chat" from the context menu: the chat script injected afterwards (same world)
 * captures the scrollable box around it (lib/content/chat-box.ts). It is kept with its time: the menu's capture
 * follows its right-click within moments, so an older one is some other click's (a box no longer meant).
 */
const KEY = '__disputekitContextTarget';
const AT_KEY = KEY + 'At';
const FRESH_MS = 10_000;

export function rememberContextTargets(win: Window, listen: (handler: (event: Event) => void) => void): void {
  const kept = win as unknown as Record<string, unknown>;
  listen((event) => {
    kept[KEY] = event.target;
    kept[AT_KEY] = Date.now();
  });
}

/** The last right-click's element, if it was in the last FRESH_MS. */
export function lastContextTarget(win: Window): unknown {
  const kept = win as unknown as Record<string, unknown>;
  return Date.now() - (kept[AT_KEY] as number) <= FRESH_MS ? kept[KEY] : undefined;
}
