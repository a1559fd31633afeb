/**
 * The background's deadline check: the deadlines of every open case, the toolbar badge, the notifications
 * whose threshold has been reached, and one alarm for the next moment any of that changes. Everything it
 * needs is in the database and storage.local, so it runs the same after a service-worker or browser restart;
 * it runs on install, on startup, when the alarm fires and whenever a case, a date or a contact changes.
 */
import { badgeFor, msUntilBadgeChanges, showBadge, type Badge, type ToolbarButton } from './badge';
import { loadCasesWithContacts, type CaseInputs } from '../../cases/case-list';
import { caseRank, storeCaseRanks, type CaseRank } from '../../cases/case-ranks';
import { claimNotifications, sentNotifications } from '../../cases/sent-notifications';
import { caseStatus, RECENTLY_MISSED_DAYS, recentlyMissed } from '../case-status';
import type { DisputeKitDB } from '../../cases/db';
import type { Locale, Translate } from '../../i18n';
import {
  dueNotifications,
  missedNotifications,
  nextBuyerDueAt,
  nextThresholdAt,
  notificationFor,
  notificationId,
  type CaseDeadlines,
  type NotificationOptions,
} from './notifications';
import { loadSettings, type SettingsStorage } from '../../settings/settings';

const DAY = 86_400_000;

export const DEADLINE_ALARM = 'disputekit-deadlines';

export interface DeadlineCheckDeps {
  database: DisputeKitDB;
  storage: SettingsStorage;
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
  };
  notifications: { create(id: string, options: NotificationOptions): Promise<string> };
  button: ToolbarButton;
  t: Translate;
  /** The language and zone the dates of a "Missed" notification are written in (English and UTC when absent). */
  locale?: Locale;
  timeZone?: string;
  iconUrl: string;
  now(): Date;
}

export interface DeadlineCheckResult {
  badge: Badge | undefined;
  notified: string[];
  nextCheckAt: number | undefined;
}

/** The deadlines of every open case, with the case's contacts' reminder among them, and whether each was met. */
export async function openCaseDeadlines(database: DisputeKitDB, now: Date): Promise<CaseDeadlines[]> {
  return everyCaseStatus(await loadCasesWithContacts(database), now).open;
}

/**
 * Each open case's deadlines and their states, and every case's place in the dashboard's order (its rank,
 * lib/cases/case-ranks.ts), from one computation of each case's status.
 */
function everyCaseStatus(inputs: CaseInputs, now: Date): { open: CaseDeadlines[]; ranks: CaseRank[] } {
  const open: CaseDeadlines[] = [];
  const ranks: CaseRank[] = [];
  for (const { record, contacts, steps } of inputs) {
    if (record.state !== 'open') {
      // Nothing is due on a closed or resolved case: it ranks by its last update.
      ranks.push(caseRank({ id: record.id, updatedAt: record.updatedAt, headline: { kind: 'closed', state: record.state }, deadlines: [] }, now));
      continue;
    }
    const { deadlines, statuses, headline } = caseStatus(record, contacts, steps, now);
    ranks.push(caseRank({ id: record.id, updatedAt: record.updatedAt, headline, deadlines }, now));
    open.push({ caseId: record.id, orderId: record.orderId, platform: record.platform, deadlines, statuses, openedAt: record.createdAt });
  }
  return { open, ranks };
}

export async function checkDeadlines(deps: DeadlineCheckDeps): Promise<DeadlineCheckResult> {
  const now = deps.now();
  const settings = await loadSettings(deps.storage);
  const { open: cases, ranks } = everyCaseStatus(await loadCasesWithContacts(deps.database), now);
  // Derived data for the dashboard's first page: a write that fails (a full disk) must not stop the badge, the
  // notifications or the alarm. The dashboard then works every case out, as without ranks.
  await storeCaseRanks(deps.database, ranks).catch((error: unknown) => console.error('DisputeKit: the dashboard order was not stored', error));

  const ahead = cases.flatMap((c) => c.deadlines).filter((d) => d.dueMs > now.getTime());
  const nearestMs = ahead.length ? Math.min(...ahead.map((d) => d.dueMs)) - now.getTime() : undefined;
  const missed = cases.flatMap((c) => recentlyMissed(c.statuses ?? [], now));
  const badge = badgeFor(nearestMs, missed.length > 0);
  await showBadge(deps.button, badge);

  const thresholds = settings.notifyBeforeHours;
  const sent = await sentNotifications(deps.database);
  // An empty list of thresholds means no notifications at all, "Missed" ones included.
  const due = thresholds.length ? [...missedNotifications(cases, sent, now), ...dueNotifications(cases, thresholds, sent, now)] : [];
  const claimed = await claimNotifications(deps.database, due, now);
  const notified: string[] = [];
  const format = { locale: deps.locale ?? 'en', timeZone: deps.timeZone ?? 'UTC' };
  for (const d of claimed) {
    const id = notificationId(d);
    await deps.notifications.create(id, notificationFor(deps.t, d, now, deps.iconUrl, format));
    notified.push(id);
  }

  // Wake again when a threshold is reached, the badge's number changes, the nearest deadline passes, a buyer's
  // deadline passes (it may be missed), or a missed one stops being recent (the badge's mark goes).
  const markEnds = missed.map((d) => d.dueMs + RECENTLY_MISSED_DAYS * DAY + 1).filter((at) => at > now.getTime());
  const candidates = [
    nextThresholdAt(cases, thresholds, now),
    nearestMs === undefined ? undefined : now.getTime() + msUntilBadgeChanges(nearestMs),
    nextBuyerDueAt(cases, now),
    ...markEnds,
  ];
  const nextCheckAt = candidates.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b)[0];
  if (nextCheckAt === undefined) await deps.alarms.clear(DEADLINE_ALARM);
  else await deps.alarms.create(DEADLINE_ALARM, { when: nextCheckAt });
  return { badge, notified, nextCheckAt };
}
