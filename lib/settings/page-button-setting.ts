/**
 * The one setting a marketplace page's content script reads, without the settings' zod schema (./settings.ts):
 * whether the in-page button shows. Read as loadSettings reads it, field by field: anything but a boolean
 * there is the default. (Its language comes with its strings from the background: 'strings:pageButton'.)
 */
/** Where the settings are kept in storage.local. */
export const SETTINGS_KEY = 'settings';
/** The button shows unless the user turned it off. */
export const PAGE_BUTTON_DEFAULT = true;

/** Whether the user wants the in-page button; the default when the stored settings are missing or odd. */
// `area`, not `storage`: WXT's auto-imports take a free-looking `storage` for its storage module and would bundle it.
export async function readPageButtonSetting(area: { get(key: string): Promise<Record<string, unknown>> }): Promise<boolean> {
  const stored: unknown = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const value = stored && typeof stored === 'object' ? (stored as Record<string, unknown>).pageButton : undefined;
  return typeof value === 'boolean' ? value : PAGE_BUTTON_DEFAULT;
}
