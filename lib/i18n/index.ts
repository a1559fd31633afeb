/**
 * User-visible text in en, zh_CN and ru. The catalogues are TypeScript, so a key missing from one language
 * does not compile; the language follows the browser's UI language (a user override comes with Settings).
 */
import { AREAS } from './areas';
import type { Catalogue, CoreKey, PluralForms } from './catalogue';
import { en } from './en';
import { ru } from './ru';
import { zh_CN } from './zh_CN';
import { translatorOf, type Locale, type Params } from './translate';

// Distributes over the areas: the keys of every area, not only the keys they share.
type KeysOf<T> = T extends unknown ? keyof T & string : never;
type AreaKey = KeysOf<(typeof AREAS)[number]['en']>;
/** Every user-visible string: the core catalogue plus each area's (lib/i18n/areas). */
export type MessageKey = CoreKey | AreaKey;
type Messages = Record<MessageKey, string | PluralForms>;

function merged(core: Catalogue, locale: Locale): Messages {
  const all: Record<string, string | PluralForms> = { ...core };
  for (const area of AREAS) Object.assign(all, area[locale]);
  return all as Messages;
}

export const LOCALES: Record<Locale, Messages> = { en: merged(en, 'en'), zh_CN: merged(zh_CN, 'zh_CN'), ru: merged(ru, 'ru') };

export { languageTag, localeFor, type Locale, type Params } from './translate';
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return translatorOf(LOCALES[locale], locale);
}
