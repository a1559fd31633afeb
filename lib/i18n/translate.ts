/**
 * Turning a message table into text: the locales, how a browser language picks one, and the translator over
 * any table of messages. Apart from the catalogues (./index.ts) so a content script can translate its own
 * few strings (./areas/page-button.ts, sent by the background in the user's language) without carrying any
 * screen's text.
 */
import type { PluralForms } from './catalogue';

export const LOCALE_NAMES = ['en', 'zh_CN', 'ru'] as const;
export type Locale = (typeof LOCALE_NAMES)[number];

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

/** A translator over `messages` (one locale's): `{name}` placeholders filled from `params`, plurals by `params.n`. */
export function translatorOf<K extends string>(messages: Record<K, string | PluralForms>, locale: Locale): (key: K, params?: Params) => string {
  const plurals = new Intl.PluralRules(languageTag(locale));
  return (key, params = {}) => {
    const message: string | PluralForms = messages[key];
    const template =
      typeof message === 'string' ? message : (message[plurals.select(Number(params.n ?? 0))] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
