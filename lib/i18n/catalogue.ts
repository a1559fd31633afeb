import type { en } from './en';

/** A plural message: forms named as Intl.PluralRules names them; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type CoreKey = keyof typeof en;
/** The core catalogue of a language must have every key of the English one, each a string or plural forms. */
export type Catalogue = { [K in CoreKey]: (typeof en)[K] extends string ? string : PluralForms };
