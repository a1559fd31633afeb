/** The case page's link to the browser: which case, the database, and what evidence metadata needs. */
import { browser } from 'wxt/browser';
import { casePlanApi, type CasePlanApi } from '../../lib/cases/plan';
import { rememberOpenedCase } from '../../lib/cases/current-case';
import { db, type DisputeKitDB } from '../../lib/cases/db';
import type { ImportDeps } from '../../lib/cases/evidence-import';
import type { Locale } from '../../lib/i18n';
import { deadlineFromHash } from '../../lib/cases/open-case-tab';
import type { Estimate } from '../../lib/cases/storage-meter';
import { makeThumbnail } from '../../lib/capture/thumbnail';
import { sendToBackground } from '../../lib/messaging/protocol';

export interface CasePageApi {
  locale: Locale;
  /** From `case.html?id=<caseId>`; undefined when the address names no case. */
  caseId: string | undefined;
  /** The deadline the address names (`#deadline-<rule>`: a notification about it was clicked): shown and marked. */
  focusRule?: string;
  database: DisputeKitDB;
  importDeps: ImportDeps;
  estimate: Estimate | undefined;
  now(): Date;
  /** A case date or contact changed: the background recomputes the badge, notifications and alarm. */
  refreshDeadlines(): void;
  /** The case's plan (deadlines, checklist, dates, contact log), read and written as in the popup. */
  plan: CasePlanApi;
}

export function caseIdFromSearch(search: string): string | undefined {
  const id = new URLSearchParams(search).get('id');
  return id ? id : undefined;
}

/** `locale`: from lib/i18n/locale.ts `currentLocale()`, read before the page renders. `hash`: the address's `#…`. */
export function browserCasePageApi(search: string, locale: Locale, hash = ''): CasePageApi {
  const database = db();
  const caseId = caseIdFromSearch(search);
  const focusRule = deadlineFromHash(hash);
  const refreshDeadlines = () => void sendToBackground('deadlines:refresh').catch(() => undefined);
  // The case the user opens is the one they work on: pages saved from the menu or shortcut go there next.
  if (caseId) void rememberOpenedCase(browser.storage.local, database, caseId, new Date()).catch(() => undefined);
  return {
    locale,
    caseId,
    ...(focusRule && { focusRule }),
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
    refreshDeadlines,
    plan: casePlanApi({
      database,
      now: () => new Date(),
      notifyChanged: refreshDeadlines,
      copy: (text) => navigator.clipboard.writeText(text).then(() => true, () => false),
      openSettings: () => void browser.runtime.openOptionsPage(),
    }),
  };
}
