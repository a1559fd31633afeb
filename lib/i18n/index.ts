/**
 * User-visible text in en, zh_CN and ru. The catalogues are TypeScript, so a key missing from one language
 * does not compile; the language follows the browser's UI language (a user override comes with Settings).
 */
import { AREAS } from './areas';
import type { Catalogue, CoreKey, PluralForms } from './catalogue';
import { en } from './en';
import { ru } from './ru';
import { zh_CN } from './zh_CN';

// Distributes over the areas: the keys of every area, not only the keys they share.
type KeysOf<T> = T extends unknown ? keyof T & string : never;
type AreaKey = KeysOf<(typeof AREAS)[number]['en']>;
/** Every user-visible string: the core catalogue plus each area's (lib/i18n/areas). */
export type MessageKey = CoreKey | AreaKey;
type Messages = Record<MessageKey, string | PluralForms>;

function merged(core: Catalogue, locale: 'en' | 'zh_CN' | 'ru'): Messages {
  const all: Record<string, string | PluralForms> = { ...core };
  for (const area of AREAS) Object.assign(all, area[locale]);
  return all as Messages;
}

export const LOCALES = { en: merged(en, 'en'), zh_CN: merged(zh_CN, 'zh_CN'), ru: merged(ru, 'ru') } as const;
export type Locale = keyof typeof LOCALES;

/** Maps a BCP 47 tag such as "zh-CN", "zh-Hans-CN", "ru-RU" or "en-GB" to the catalogue to use. */
export function localeFor(languageTag: string | undefined): Locale {
  const tag = (languageTag ?? '').toLowerCase();
  if (tag.startsWith('zh')) return 'zh_CN';
  if (tag.startsWith('ru')) return 'ru';
  return 'en';
}

/** The tag for `lang` attributes and Intl formatters. */
export function languageTag(locale: Locale): string {
  return locale === 'zh_CN' ? 'zh-CN' : locale;
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  const catalogue = LOCALES[locale];
  const plurals = new Intl.PluralRules(languageTag(locale));
  return (key, params = {}) => {
    const message: string | PluralForms = catalogue[key];
    const template =
      typeof message === 'string' ? message : (message[plurals.select(Number(params.n ?? 0))] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
