/**
 * The keys of the in-page button's strings (./page-button.ts), apart from their text: the content script checks
 * the strings the background sends it (in the user's language only, message 'strings:pageButton') against these
 * without carrying any language's table. page-button.ts cannot compile without exactly these keys.
 */
export const PAGE_BUTTON_KEYS = [
  'actions.pageButton',
  'actions.pageButtonBusy',
  'actions.pageButtonSaved',
  'actions.screenshotHint',
  'actions.screenshotHintNoShortcut',
  'actions.close',
  'error.orderMismatch',
  'error.noOrderInUrl',
  'error.rateLimited',
  'error.notOrderPage',
  'error.detail',
  'error.pageChanged',
  'error.storageFull',
  'error.internal',
] as const;
export type PageButtonKey = (typeof PAGE_BUTTON_KEYS)[number];
/** The button's strings in one language. */
export type PageButtonStrings = Record<PageButtonKey, string>;
