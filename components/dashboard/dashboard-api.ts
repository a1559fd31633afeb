/**
 * The dashboard page's link to the browser: the language, the data module's reads and writes of the case list
 * (lib/cases), and the case view's API. The page never holds the database; deleting or restoring a case runs the
 * deadline check through the database itself (components/shared/page-database.ts).
 */
import { browserCasePageApi, type CasePageApi } from '../case/case-page-api';
import { deleteCase, getCase, restoreCase, type CaseRows } from '../../lib/cases/cases';
import { countEvidence, loadCasesWithContacts, loadFirstPage, type CaseInputs, type DashboardRow } from '../../lib/cases/case-list';
import type { DisputeKitDB } from '../../lib/cases/db';
import type { Locale } from '../../lib/i18n';
import { deadlineHash } from '../../lib/cases/open-case-tab';
import type { CaseRecord } from '../../lib/common/model';
import { pageDatabase } from '../shared/page-database';

export interface DashboardApi {
  locale: Locale;
  now(): Date;
  /** Every case with its contacts and checklist ticks, what every row is worked out from; read live, so the list follows every change. */
  readCases(): Promise<CaseInputs>;
  /** The first `size` rows in order from the stored ranks, before every case is worked out; undefined when the ranks cannot say. */
  readFirstPage(now: Date, size: number): Promise<{ rows: DashboardRow[]; total: number } | undefined>;
  /** How many evidence items each of these cases has (an index count each). */
  countEvidence(caseIds: string[]): Promise<Map<string, number>>;
  readCase(caseId: string): Promise<CaseRecord | undefined>;
  /** Deletes the case and all its rows; returns them for Undo. */
  deleteCase(caseId: string): Promise<CaseRows | null>;
  restoreCase(rows: CaseRows): Promise<boolean>;
  /** The case view (CasePage) of one case, at one of its deadlines when `rule` is given. Makes no write. */
  casePage(caseId: string, rule?: string): CasePageApi;
}

/** The dashboard's API over one database: the browser's page (below) and tests use it alike. */
export function dashboardApi(deps: { locale: Locale; database: DisputeKitDB; now(): Date; casePage: DashboardApi['casePage'] }): DashboardApi {
  const { database } = deps;
  return {
    locale: deps.locale,
    now: deps.now,
    readCases: () => loadCasesWithContacts(database),
    readFirstPage: (now, size) => loadFirstPage(database, now, size),
    countEvidence: (caseIds) => countEvidence(database, caseIds),
    readCase: (caseId) => getCase(database, caseId),
    deleteCase: (caseId) => deleteCase(database, caseId),
    restoreCase: (rows) => restoreCase(database, rows),
    casePage: deps.casePage,
  };
}

/** `locale`: lib/i18n/locale.ts currentLocale(), the user's language choice or the browser's. */
export function browserDashboardApi(locale: Locale): DashboardApi {
  return dashboardApi({
    locale,
    database: pageDatabase(),
    now: () => new Date(),
    casePage: (caseId, rule) => browserCasePageApi(`?id=${encodeURIComponent(caseId)}`, locale, rule ? deadlineHash(rule) : ''),
  });
}
