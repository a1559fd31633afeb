/**
 * The case page's link to the browser: which case, and everything the page reads and writes, as functions of
 * the data module (lib/cases) and of the dossier and letters built on it. The page never holds the database; its
 * writes that can move a deadline run the deadline check through the database itself (components/shared/page-database.ts).
 */
import { browser } from 'wxt/browser';
import { casePlanApi, type CasePlanApi } from '../../lib/cases/plan';
import { rememberOpenedCase, type KeyValueArea } from '../../lib/cases/current-case';
import { deleteEvidence } from '../../lib/cases/cases';
import { readCaseView, type CaseView } from '../../lib/cases/case-view';
import { addNote, importFiles, type ImportDeps, type ImportResult } from '../../lib/cases/evidence-import';
import { loadCaseTimeline, type TimelineEntry } from '../../lib/cases/timeline';
import { verifyCase, type VerifyReport } from '../../lib/cases/verify-case';
import { loadCasePlan, type CasePlanData } from '../../lib/cases/plan';
import { exportDossier, type ExportDeps, type ExportOptions } from '../../lib/dossier/export';
import { offscreenPrintImaging } from '../../lib/dossier/stamped-print';
import { headTimestamping, type HeadTimestamping } from '../../lib/dossier/head-timestamp';
import { loadSettings } from '../../lib/settings/settings';
import type { Manifest } from '../../lib/dossier/manifest';
import type { ZipSink } from '../../lib/dossier/zip-stream';
import { recordLetterSent, saveLetter, type LetterRoute } from '../../lib/letters';
import type { Locale } from '../../lib/i18n';
import { deadlineFromHash } from '../../lib/cases/open-case-tab';
import type { Estimate } from '../../lib/cases/storage-meter';
import type { CaseRecord, EvidenceLabel } from '../../lib/common/model';
import { makeThumbnail } from '../../lib/capture/thumbnail';
import { userTimeZone } from '../../lib/common/time';
import { pageDatabase } from '../shared/page-database';
import { sendToBackground } from '../../lib/messaging/protocol';

/** What a run of the background's timestamps did (lib/capture/timestamp-evidence.ts StampRun). */
export interface TimestampsRun {
  stamped: number;
  failed: number;
  off: number;
  /** The option was off: the page says so only then. */
  optionOff: boolean;
}

export interface CasePageApi {
  locale: Locale;
  /** From `case.html?id=<caseId>`; undefined when the address names no case. */
  caseId: string | undefined;
  /** The deadline the address names (`#deadline-<rule>`: a notification about it was clicked): shown and marked. */
  focusRule?: string;
  now(): Date;
  /** The zone evidence and letters are dated in. */
  timeZone: string;
  /** The case as the page shows it (null: no such case); read live, so it follows every change. */
  readCase(caseId: string): Promise<CaseView | null>;
  readTimeline(record: CaseRecord): Promise<TimelineEntry[]>;
  /** The case's contact log and ticks, for the letter's facts. */
  readPlan(caseId: string): Promise<CasePlanData>;
  importFiles(caseId: string, files: File[], label?: EvidenceLabel): Promise<ImportResult>;
  addNote(caseId: string, text: string, label?: EvidenceLabel): Promise<ImportResult>;
  deleteEvidence(caseId: string, evidenceId: string): Promise<boolean>;
  saveLetter(caseId: string, text: string, fileName: string): Promise<ImportResult>;
  /** Records that a letter went out now (its clock starts); false when the case is gone. */
  recordLetterSent(caseId: string, route: LetterRoute, subject: string): Promise<boolean>;
  verify(caseId: string): Promise<VerifyReport>;
  /** "Retry timestamps": the background asks again for every timestamp of the case still waiting. */
  retryTimestamps(caseId: string): Promise<TimestampsRun>;
  exportDossier(caseId: string, sink: ZipSink, options: ExportOptions): Promise<Manifest>;
  /** The case the user opens is the one they work on: pages saved from the menu or shortcut go there next. */
  rememberOpened(caseId: string): Promise<unknown>;
  /** The case's plan (deadlines, checklist, dates, contact log), read and written as in the popup. */
  plan: CasePlanApi;
}

export function caseIdFromSearch(search: string): string | undefined {
  const id = new URLSearchParams(search).get('id');
  return id ? id : undefined;
}

export interface CasePageDeps {
  locale: Locale;
  caseId: string | undefined;
  focusRule?: string;
  /** The database, the clock, ids and the browser's name, as evidence is saved with them. */
  importDeps: ImportDeps;
  estimate: Estimate | undefined;
  /** The page's clock (deleting, letters, Verify, the dossier, the plan); the import's by default. */
  now?(): Date;
  /** Where the current case is kept (storage.local); without it opening a case does not make it current. */
  storage?: KeyValueArea;
  /** How the dossier's stamped prints are drawn; without it a dossier has none. */
  printImaging?: ExportDeps['printImaging'];
  /** Asks the background to ask again for a case's waiting timestamps; without it (tests) nothing is asked. */
  retryTimestamps?(caseId: string): Promise<TimestampsRun>;
  /** Whether and where the dossier's custody head is timestamped, read at each export (the settings may change). */
  timestamping?(): Promise<HeadTimestamping>;
  copy?(text: string): Promise<boolean>;
  openSettings?(): void;
}

/** The case page's API over one database: what the browser's page uses (below) and what tests use over theirs. */
export function casePageApi(deps: CasePageDeps): CasePageApi {
  const { importDeps } = deps;
  const { database } = importDeps;
  const now = deps.now ?? importDeps.now;
  const timeZone = importDeps.timeZone ?? userTimeZone();
  return {
    locale: deps.locale,
    caseId: deps.caseId,
    ...(deps.focusRule && { focusRule: deps.focusRule }),
    now,
    timeZone,
    readCase: (caseId) => readCaseView(database, caseId, deps.estimate),
    readTimeline: (record) => loadCaseTimeline(database, record),
    readPlan: (caseId) => loadCasePlan(database, caseId),
    importFiles: (caseId, files, label) => importFiles(importDeps, caseId, files, label),
    addNote: (caseId, text, label) => addNote(importDeps, caseId, text, label),
    deleteEvidence: (caseId, evidenceId) => deleteEvidence(database, caseId, evidenceId, now()),
    saveLetter: (caseId, text, fileName) => saveLetter(importDeps, caseId, text, fileName),
    recordLetterSent: (caseId, route, subject) => recordLetterSent(database, caseId, route, subject, now()),
    verify: (caseId) => verifyCase(database, caseId, now()),
    retryTimestamps: (caseId) => deps.retryTimestamps?.(caseId) ?? Promise.resolve({ stamped: 0, failed: 0, off: 0, optionOff: false }),
    exportDossier: async (caseId, sink, options) => {
      const timestamp = await deps.timestamping?.();
      return exportDossier({ database, now, locale: deps.locale, timeZone, extensionVersion: importDeps.extensionVersion, ...(deps.printImaging && { printImaging: deps.printImaging }), ...(timestamp && { timestamp }) }, caseId, sink, options);
    },
    rememberOpened: async (caseId) => deps.storage && rememberOpenedCase(deps.storage, database, caseId, now()),
    plan: casePlanApi({ database, now, copy: deps.copy ?? (async () => false), openSettings: deps.openSettings ?? (() => undefined) }),
  };
}

/** `locale`: from lib/i18n/locale.ts `currentLocale()`, read before the page renders. `hash`: the address's `#…`. Writes nothing. */
export function browserCasePageApi(search: string, locale: Locale, hash = ''): CasePageApi {
  const focusRule = deadlineFromHash(hash);
  return casePageApi({
    locale,
    caseId: caseIdFromSearch(search),
    ...(focusRule && { focusRule }),
    importDeps: {
      database: pageDatabase(),
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      extensionVersion: browser.runtime.getManifest().version,
      browserName: navigator.userAgent,
      makeThumbnail,
    },
    estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
    storage: browser.storage.local,
    printImaging: offscreenPrintImaging,
    // The settings as they are at the click; the host must still be granted (a restored backup brings the choice, not the permission).
    timestamping: async () => headTimestamping((await loadSettings(browser.storage.local)).timestamps, (origin) => browser.permissions.contains({ origins: [origin] }), (input, init) => fetch(input, init)),
    retryTimestamps: (caseId) => sendToBackground('timestamps:run', { caseId }),
    copy: (text) => navigator.clipboard.writeText(text).then(() => true, () => false),
    openSettings: () => void browser.runtime.openOptionsPage(),
  });
}
