/** The case page's link to the browser: which case, the database, and what evidence metadata needs. */
import { browser } from 'wxt/browser';
import { rememberOpenedCase } from './current-case';
import { db, type DisputeKitDB } from './db';
import type { ImportDeps } from './evidence-import';
import type { Locale } from './i18n';
import type { Estimate } from './storage-meter';
import { makeThumbnail } from './thumbnail';

export interface CasePageApi {
  locale: Locale;
  /** From `case.html?id=<caseId>`; undefined when the address names no case. */
  caseId: string | undefined;
  database: DisputeKitDB;
  importDeps: ImportDeps;
  estimate: Estimate | undefined;
  now(): Date;
  /** A case date or contact changed: the background recomputes the badge, notifications and alarm. */
  refreshDeadlines(): void;
}

export function caseIdFromSearch(search: string): string | undefined {
  const id = new URLSearchParams(search).get('id');
  return id ? id : undefined;
}

/** `locale`: from lib/locale.ts `currentLocale()`, read before the page renders. */
export function browserCasePageApi(search: string, locale: Locale): CasePageApi {
  const database = db();
  const caseId = caseIdFromSearch(search);
  // The case the user opens is the one they work on: pages saved from the menu or shortcut go there next.
  if (caseId) void rememberOpenedCase(browser.storage.local, database, caseId, new Date()).catch(() => undefined);
  return {
    locale,
    caseId,
    database,
    importDeps: {
      database,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      extensionVersion: browser.runtime.getManifest().version,
      browserName: navigator.userAgent,
      makeThumbnail,
    },
    estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
    now: () => new Date(),
    refreshDeadlines: () => void browser.runtime.sendMessage({ type: 'deadlines:refresh' }).catch(() => undefined),
  };
}
