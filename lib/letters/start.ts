/**
 * Where the letter editor starts, from what the case knows: the route from the escalation ladder's next step
 * (a претензия once the claim is next, a chargeback once the bank is), the problem from the order's events
 * (goods delivered: "not as described"; not delivered: "not received"), the demand that fits the problem and
 * the language of the recipient. The user can change any of it; nothing here is saved.
 */
import { eventDates, eventValues } from '../deadlines/case-input';
import { checklistFor, type Deadline } from '../deadlines';
import type { Locale } from '../i18n';
import type { CaseRecord } from '../common/model';
import { ladderOf } from '../deadlines/rules';
import { defaultDemand, defaultLetterLanguage, type LetterDemand, type LetterProblem, type LetterRoute } from './routes';

/**
 * The letter each ladder step calls for, by ladder and step id. A step that is waiting on someone else (the
 * seller's timeout) writes to that party; a step with no letter of its own (documenting, a court) the nearest
 * one that prepares it (the seller first; a претензия or 12315 before court).
 */
export const ROUTE_FOR_STEP: Record<'aliexpress' | 'taobao' | 'yandex-market', Record<string, LetterRoute>> = {
  aliexpress: {
    document: 'seller',
    'contact-seller': 'seller',
    'open-dispute': 'platform-dispute',
    'seller-timeout': 'seller',
    'platform-decides': 'platform-escalation',
    appeal: 'platform-escalation',
    'payment-provider': 'chargeback',
    'agency-court': 'consumer-agency',
  },
  taobao: {
    document: 'seller',
    'contact-seller': 'seller',
    'request-refund': 'platform-dispute',
    'seller-timeout': 'seller',
    'platform-intervenes': 'platform-escalation',
    authenticate: 'platform-escalation',
    chargeback: 'chargeback',
    'complaint-12315': 'cn-12315',
    court: 'cn-12315',
  },
  'yandex-market': {
    document: 'seller',
    'contact-seller': 'seller',
    'return-request': 'platform-dispute',
    claim: 'ru-claim',
    escalate: 'platform-escalation',
    'expert-check': 'ru-claim',
    'bank-dispute': 'chargeback',
    rospotrebnadzor: 'consumer-agency',
    court: 'ru-claim',
  },
};

/** Events that show the goods reached the buyer. */
const RECEIVED = ['delivered', 'receiptConfirmed', 'completed', 'returnShipped'] as const;

export interface InitialLetterChoices {
  route: LetterRoute;
  problem: LetterProblem;
  demand: LetterDemand;
  language: Locale;
  /** The ladder step the route comes from (undefined when every step is done or skipped). */
  step?: string;
}

export interface LetterStartInput {
  record: Pick<CaseRecord, 'platform' | 'order' | 'dates'>;
  /** The steps the user ticked or skipped, by step id (lib/cases/plan.ts loadCasePlan's `steps`). */
  steps: Record<string, 'done' | 'skipped'>;
  deadlines: Deadline[];
  uiLocale: Locale;
  now: Date;
}

export function initialLetterChoices({ record, steps, deadlines, uiLocale, now }: LetterStartInput): InitialLetterChoices {
  const events = eventValues(eventDates(record.order, record.dates));
  const next = checklistFor(record.platform, { events, done: steps, now, deadlines }).find((s) => s.state === 'next');
  const routes = ROUTE_FOR_STEP[ladderOf(record.platform).id];
  const route = (next && routes[next.id]) ?? 'seller';
  // Delivered: the goods came and something is wrong with them. Not delivered (whether or not the promised
  // date has passed): they did not come.
  const problem: LetterProblem = RECEIVED.some((e) => events[e] !== undefined) ? 'not-as-described' : 'not-received';
  return {
    route,
    problem,
    demand: defaultDemand(problem),
    language: defaultLetterLanguage(route, record.platform, uiLocale),
    ...(next && { step: next.id }),
  };
}
