import type { PluralForms } from './catalogue';

/** The other languages of an area must have every key of its English strings, each a string or plural forms. */
export type AreaTranslation<E> = { [K in keyof E]: E[K] extends string ? string : PluralForms };

/**
 * The strings of one part of the product (capture, deadlines, …) in en, zh_CN and ru, kept in one file so a
 * feature's text is written, reviewed and translated together. A key missing in any language does not compile.
 */
export function defineArea<const E extends Record<string, string | PluralForms>>(
  en: E,
  translations: { zh_CN: AreaTranslation<E>; ru: AreaTranslation<E> },
): { en: E; zh_CN: AreaTranslation<E>; ru: AreaTranslation<E> } {
  return { en, ...translations };
}
