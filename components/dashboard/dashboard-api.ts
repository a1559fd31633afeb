/** The dashboard page's link to the browser: the database, the language, the case view's API, the background. */
import { browserCasePageApi, type CasePageApi } from '../case/case-page-api';
import { db, type DisputeKitDB } from '../../lib/cases/db';
import type { Locale } from '../../lib/i18n';
import { deadlineHash } from '../../lib/cases/open-case-tab';
import { sendToBackground } from '../../lib/messaging/protocol';

export interface DashboardApi {
  locale: Locale;
  database: DisputeKitDB;
  now(): Date;
  /** The case view (CasePage) of one case, at one of its deadlines when `rule` is given. */
  casePage(caseId: string, rule?: string): CasePageApi;
  /** Asks the background to recompute the badge, alarms and notifications after cases changed. */
  refreshDeadlines(): void;
}

/** `locale`: lib/i18n/locale.ts currentLocale(), the user's language choice or the browser's. */
export function browserDashboardApi(locale: Locale): DashboardApi {
  return {
    locale,
    database: db(),
    now: () => new Date(),
    casePage: (caseId, rule) => browserCasePageApi(`?id=${encodeURIComponent(caseId)}`, locale, rule ? deadlineHash(rule) : ''),
    refreshDeadlines: () => void sendToBackground('deadlines:refresh').catch(() => undefined),
  };
}
