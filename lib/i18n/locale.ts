/**
 * The language every user-visible text is shown in: the user's choice in Settings, or the browser's UI
 * language when the choice is "Auto" (or the settings cannot be read).
 */
import { browser } from 'wxt/browser';
import { localeFor, type Locale } from './translate';
import { loadSettings, SETTINGS_KEY, type LanguageChoice, type SettingsStorage } from '../settings/settings';

export function resolveLocale(choice: LanguageChoice, uiLanguage: string | undefined): Locale {
  return choice === 'auto' ? localeFor(uiLanguage) : choice;
}

/** The locale from the stored settings; pass the storage and UI language in tests. */
export async function currentLocale(
  storage: SettingsStorage = browser.storage.local,
  uiLanguage: string | undefined = browser.i18n.getUILanguage(),
): Promise<Locale> {
  const settings = await loadSettings(storage).catch(() => undefined);
  return resolveLocale(settings?.language ?? 'auto', uiLanguage);
}

/** Whether a storage.onChanged change touches the settings (and so possibly the language). */
export function settingsChanged(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && SETTINGS_KEY in changes;
}
