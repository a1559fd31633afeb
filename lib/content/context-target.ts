/**
 * The element of the page's last right-click, kept by the content script in its isolated world (the page cannot
 * see it), for "Capture this chat" from the context menu: the chat script injected afterwards (same world)
 * captures the scrollable box around it (lib/content/chat-box.ts).
 */
const KEY = '__disputekitContextTarget';

export function rememberContextTargets(win: Window, listen: (handler: (event: Event) => void) => void): void {
  listen((event) => ((win as unknown as Record<string, unknown>)[KEY] = event.target));
}

export function lastContextTarget(win: Window): unknown {
  return (win as unknown as Record<string, unknown>)[KEY];
}
