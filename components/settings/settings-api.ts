/**
 * The settings page's link to the browser: its storage, and the data module's reads and writes it needs
 * (storage per case, backup, restore). The page never holds the database; a restore runs the deadline check
 * through the database itself (components/shared/page-database.ts).
 */
import { browser } from 'wxt/browser';
import { buildBackup } from '../../lib/backup/build';
import { restoreBackup, type RestoreOutcome } from '../../lib/backup/restore';
import type { KeyValueArea } from '../../lib/cases/current-case';
import type { DisputeKitDB } from '../../lib/cases/db';
import { storageByCase, type CaseStorageRow, type Estimate } from '../../lib/cases/storage-meter';
import type { Locale } from '../../lib/i18n';
import type { SettingsStorage } from '../../lib/settings/settings';
import { pageDatabase } from '../shared/page-database';
import { sendToBackground } from '../../lib/messaging/protocol';

export interface SettingsPageApi {
  /** The locale when the page opened (lib/i18n/locale.ts currentLocale()). */
  locale: Locale;
  /** The browser's UI language, for "Auto". */
  uiLanguage: string | undefined;
  storage: SettingsStorage & KeyValueArea;
  /** Room taken per case and in all; read live. */
  readStorageByCase(): Promise<{ rows: CaseStorageRow[]; files: number; bytes: number }>;
  estimate?: Estimate;
  makeBackup(): Promise<Blob>;
  restoreBackup(file: Blob): Promise<RestoreOutcome>;
  now(): Date;
  /**
   * The notification thresholds (storage.local, not the database) changed: the background recomputes the badge,
   * notifications and alarm. Database writes need no such call.
   */
  settingsChanged(): void;
  /**
   * Optional host permissions (trusted timestamps: the chosen authority's host only). `request` must be called
   * from the user's click (browsers refuse it otherwise); both resolve to whether the browser did it.
   */
  permissions: HostPermissions;
}

export interface HostPermissions {
  request(origin: string): Promise<boolean>;
  remove(origin: string): Promise<boolean>;
}

export interface SettingsPageDeps {
  locale: Locale;
  uiLanguage: string | undefined;
  storage: SettingsStorage & KeyValueArea;
  database: DisputeKitDB;
  extensionVersion: string;
  estimate?: Estimate;
  now(): Date;
  settingsChanged(): void;
  permissions: HostPermissions;
}

/** The settings page's API over one database: the browser's page (below) and tests use it alike. */
export function settingsPageApi(deps: SettingsPageDeps): SettingsPageApi {
  const { database, storage, now } = deps;
  return {
    locale: deps.locale,
    uiLanguage: deps.uiLanguage,
    storage,
    readStorageByCase: () => storageByCase(database),
    ...(deps.estimate && { estimate: deps.estimate }),
    makeBackup: () => buildBackup({ database, storage, extensionVersion: deps.extensionVersion, now }),
    restoreBackup: (file) => restoreBackup({ database, storage, now }, file),
    now,
    settingsChanged: deps.settingsChanged,
    permissions: deps.permissions,
  };
}

export function browserSettingsPageApi(locale: Locale): SettingsPageApi {
  return settingsPageApi({
    locale,
    uiLanguage: browser.i18n.getUILanguage(),
    storage: browser.storage.local,
    database: pageDatabase(),
    extensionVersion: browser.runtime.getManifest().version,
    estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
    now: () => new Date(),
    settingsChanged: () => void sendToBackground('deadlines:refresh').catch(() => undefined),
    permissions: {
      request: (origin) => browser.permissions.request({ origins: [origin] }),
      // A host the extension holds anyway (a marketplace's, or the test build's <all_urls>) cannot be removed: nothing to do.
      remove: (origin) => browser.permissions.remove({ origins: [origin] }).catch(() => false),
    },
  });
}
