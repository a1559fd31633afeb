/**
 * Deadline notifications: which thresholds a deadline has crossed, each announced once per case + rule +
 * threshold (what was sent is recorded in the database, so restarts and repeated checks never repeat one),
 * and a click on one opens its case.
 */
import type { Deadline } from './deadlines';
import type { DisputeKitDB } from './db';
import type { Translate } from './i18n';
import type { Platform } from './marketplaces';
import type { SentNotification } from './model';
import { timeLeft } from './time-left';

const HOUR = 3_600_000;

export interface CaseDeadlines {
  caseId: string;
  orderId: string;
  platform: Platform;
  deadlines: Deadline[];
}

export interface DueNotification {
  caseId: string;
  orderId: string;
  platform: Platform;
  deadline: Deadline;
  /** The smallest threshold crossed: the one the notification speaks of. */
  thresholdHours: number;
  /** Every threshold crossed and not yet recorded; all are recorded so a larger one never comes after a smaller. */
  crossed: number[];
}

const sentKey = (caseId: string, rule: string, thresholdHours: number) => `${caseId}\u0000${rule}\u0000${thresholdHours}`;

/**
 * Deadlines still ahead whose notification threshold has been reached and not yet announced. When several
 * thresholds were crossed at once (the browser was closed, or a date was just entered), only the most
 * urgent is announced; when a smaller threshold was already announced, the larger ones are only recorded
 * (see claimNotifications).
 */
export function dueNotifications(cases: CaseDeadlines[], thresholdsHours: number[], sent: SentNotification[], now: Date): DueNotification[] {
  const done = new Set(sent.map((s) => sentKey(s.caseId, s.rule, s.thresholdHours)));
  const due: DueNotification[] = [];
  for (const c of cases) {
    for (const deadline of c.deadlines) {
      const left = deadline.dueMs - now.getTime();
      if (left <= 0) continue;
      const crossed = thresholdsHours.filter((h) => left <= h * HOUR).sort((a, b) => a - b);
      if (!crossed.length) continue;
      const unsent = crossed.filter((h) => !done.has(sentKey(c.caseId, deadline.rule, h)));
      if (!unsent.length) continue;
      due.push({ caseId: c.caseId, orderId: c.orderId, platform: c.platform, deadline, thresholdHours: crossed[0], crossed: unsent });
    }
  }
  return due;
}

/** The next moment a threshold will be crossed (epoch ms), or undefined when none is ahead. */
export function nextThresholdAt(cases: CaseDeadlines[], thresholdsHours: number[], now: Date): number | undefined {
  let next: number | undefined;
  for (const c of cases) {
    for (const deadline of c.deadlines) {
      for (const h of thresholdsHours) {
        const at = deadline.dueMs - h * HOUR;
        if (at > now.getTime() && (next === undefined || at < next)) next = at;
      }
    }
  }
  return next;
}

/**
 * Records the notifications about to be sent, inside one transaction that first re-reads what was sent:
 * two checks running at once (an alarm and a capture) cannot both claim the same notification.
 * Returns the ones this call claimed; only those may be shown.
 */
export async function claimNotifications(database: DisputeKitDB, due: DueNotification[], now: Date): Promise<DueNotification[]> {
  if (!due.length) return [];
  return database.transaction('rw', database.sentNotifications, async () => {
    const claimed: DueNotification[] = [];
    for (const d of due) {
      const keys = d.crossed.map((h) => [d.caseId, d.deadline.rule, h] as [string, string, number]);
      const existing = await database.sentNotifications.bulkGet(keys);
      const fresh = d.crossed.filter((_, i) => !existing[i]);
      if (!fresh.length) continue;
      await database.sentNotifications.bulkAdd(fresh.map((h) => ({ caseId: d.caseId, rule: d.deadline.rule, thresholdHours: h, due: d.deadline.due, at: now.toISOString() })));
      // Announce only when the most urgent crossed threshold is among those this call recorded.
      if (fresh.includes(d.thresholdHours)) claimed.push(d);
    }
    return claimed;
  });
}

const ID_PREFIX = 'disputekit-deadline|';

export function notificationId(d: { caseId: string; deadline: { rule: string }; thresholdHours: number }): string {
  return `${ID_PREFIX}${encodeURIComponent(d.caseId)}|${encodeURIComponent(d.deadline.rule)}|${d.thresholdHours}`;
}

/** The case a notification is about, or undefined for a notification that is not a deadline's. */
export function caseIdOfNotification(id: string): string | undefined {
  if (!id.startsWith(ID_PREFIX)) return undefined;
  const [caseId] = id.slice(ID_PREFIX.length).split('|');
  try {
    return caseId ? decodeURIComponent(caseId) : undefined;
  } catch {
    return undefined;
  }
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  contextMessage?: string;
}

export function notificationFor(t: Translate, d: DueNotification, now: Date, iconUrl: string): NotificationOptions {
  return {
    type: 'basic',
    iconUrl,
    title: t(d.deadline.labelKey),
    message: t('checklist.notify.message', { left: timeLeft(t, d.deadline.dueMs - now.getTime()), order: d.orderId, platform: t(`platform.${d.platform}`) }),
    ...(d.deadline.confidence === 'L' && { contextMessage: t('checklist.deadline.typicalNote') }),
  };
}
