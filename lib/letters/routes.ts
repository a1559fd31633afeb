/**
 * What a letter can be: who it goes to (the route), what went wrong (the problem) and what the buyer asks
 * for (the demand), and for each route the date it asks an answer by. The words are in templates-*.ts.
 */
import type { Locale } from '../i18n';
import type { Platform } from '../common/marketplaces';
import type { Counting } from '../deadlines/rules';
import type { Unit } from '../deadlines/rules/vocabulary';

export const LETTER_ROUTES = ['seller', 'platform-dispute', 'platform-escalation', 'chargeback', 'cn-12315', 'ru-claim', 'consumer-agency'] as const;
export type LetterRoute = (typeof LETTER_ROUTES)[number];

export const LETTER_PROBLEMS = ['not-received', 'not-as-described', 'damaged', 'counterfeit', 'missing-parts'] as const;
export type LetterProblem = (typeof LETTER_PROBLEMS)[number];

export const LETTER_DEMANDS = ['refund', 'replacement', 'repair', 'price-reduction', 'return-refund'] as const;
export type LetterDemand = (typeof LETTER_DEMANDS)[number];

/** A letter is written in one of the product's languages, chosen apart from the UI's. */
export const LETTER_LANGUAGES: readonly Locale[] = ['zh_CN', 'ru', 'en'];

/** A period counted from the letter's date, the way lib/deadlines counts rules. */
export interface LetterPeriod {
  value: number;
  unit: Unit;
  counting: Counting;
  /** An IANA zone, or 'writer' for the zone of the person writing. */
  zone: string;
}

export interface RouteDue {
  /**
   * Case deadlines (rule ids) that state when the recipient must act, e.g. the seller's answer timer; the
   * nearest one still ahead of the letter's date wins over `period`.
   */
  rules: readonly string[];
  /** Otherwise: this long after the letter's date. */
  period: LetterPeriod;
  /** The rule the period comes from, when it is one (RU-22: the seller has 10 days to meet a претензия). */
  rule?: string;
}

export interface RouteSpec {
  due: RouteDue;
  /** A fixed language (a 12315 complaint is in Chinese, a претензия in Russian), else undefined. */
  language?: Locale;
  /** Written to the marketplace or its seller: its own language is the natural one. */
  platformLanguage: boolean;
}

const writer = 'writer';

export const ROUTES: Record<LetterRoute, RouteSpec> = {
  // Where the platform runs an answer timer, that is the date; otherwise the ladders' "no answer in 48 h".
  seller: { due: { rules: ['AE-07', 'TB-04', 'TB-05'], period: { value: 48, unit: 'h', counting: 'exact', zone: writer } }, platformLanguage: true },
  // Without the platform's timer: the 5 days AE-07 gives a seller to answer a dispute.
  'platform-dispute': { due: { rules: ['AE-07', 'TB-04', 'TB-05'], period: { value: 5, unit: 'CD', counting: 'calendar', zone: writer } }, platformLanguage: true },
  // About 7 days before AliExpress steps in by itself (AE-08).
  'platform-escalation': { due: { rules: ['AE-08'], period: { value: 7, unit: 'CD', counting: 'calendar', zone: writer } }, platformLanguage: true },
  // No rule says when a bank must confirm a dispute: 15 days is a reasonable time to ask for, not a rule.
  chargeback: { due: { rules: [], period: { value: 15, unit: 'CD', counting: 'calendar', zone: writer } }, platformLanguage: false },
  // 市场监督管理投诉举报处理暂行办法: the regulator decides within 7 working days whether it accepts the complaint.
  'cn-12315': { due: { rules: [], rule: 'CN-12315a', period: { value: 7, unit: 'WD', counting: 'civil-cn', zone: 'Asia/Shanghai' } }, language: 'zh_CN', platformLanguage: false },
  // Закон «О защите прав потребителей» ст. 22: 10 days from the claim, counted as the Civil Code counts.
  'ru-claim': { due: { rules: [], rule: 'RU-22', period: { value: 10, unit: 'CD', counting: 'civil-ru', zone: 'Europe/Moscow' } }, language: 'ru', platformLanguage: false },
  // Роспотребнадзор answers within 30 days (59-ФЗ ст. 12); ECCs and 12315 are asked for an answer in the same time.
  'consumer-agency': { due: { rules: [], period: { value: 30, unit: 'CD', counting: 'calendar', zone: writer } }, platformLanguage: false },
};

function platformLocale(platform: Platform): Locale | undefined {
  if (platform === 'taobao' || platform === 'tmall') return 'zh_CN';
  if (platform === 'yandex-market') return 'ru';
  return undefined;
}

/**
 * The language a letter starts in: the route's own (12315 → Chinese, претензия → Russian), the platform's
 * for letters to the platform or its seller (Taobao/Tmall → Chinese, Yandex Market → Russian), else the UI's.
 */
export function defaultLetterLanguage(route: LetterRoute, platform: Platform, uiLocale: Locale): Locale {
  const spec = ROUTES[route];
  return spec.language ?? (spec.platformLanguage ? platformLocale(platform) : undefined) ?? uiLocale;
}

/** The demand that fits a problem best, as the editor's starting choice. */
export function defaultDemand(problem: LetterProblem): LetterDemand {
  return problem === 'not-received' || problem === 'counterfeit' ? 'refund' : 'return-refund';
}
