/**
 * Deadline notifications: which thresholds a deadline has crossed, each announced once per case + rule +
 * threshold (what was sent is recorded in the database, so restarts and repeated checks never repeat one),
 * and a click on one opens its case at that deadline. A buyer's deadline that passes with nothing done is
 * announced once too, as "Missed" (recorded with threshold 0).
 */
import { RECENTLY_MISSED_DAYS, missedUnacted, ruleName, type DeadlineStatus } from '../case-status';
import { describeDue, formatDue, formatTimeLeft, type DateFormat } from '../../format/deadline';
import type { Deadline } from '..';
import type { Translate } from '../../i18n';
import type { Platform } from '../../common/marketplaces';
import type { SentNotification } from '../../common/model';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The threshold a "missed" notification is recorded under: the deadline itself, 0 hours before it. */
export const MISSED_THRESHOLD = 0;

export interface CaseDeadlines {
  caseId: string;
  orderId: string;
  platform: Platform;
  deadlines: Deadline[];
  /** Each deadline's state (lib/deadlines/case-status.ts); without it nothing counts as missed. */
  statuses?: DeadlineStatus[];
  /** When the case was opened: a deadline that passed before that is not announced as missed. */
  openedAt?: string;
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
  /** For a missed deadline (threshold 0): what the buyer can still do, when anything is open. */
  stillOpen?: Deadline;
  /** Other deadlines of the case missed at the same time: recorded as announced with this one, not shown apart. */
  alsoMissed?: Deadline[];
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

/**
 * Buyer's deadlines that passed with nothing done, not yet announced: once each, only while the miss is
 * recent (RECENTLY_MISSED_DAYS, so a case saved from an old order does not announce years of history), and
 * only for what passed after the case was opened.
 */
export function missedNotifications(cases: CaseDeadlines[], sent: SentNotification[], now: Date): DueNotification[] {
  const done = new Set(sent.map((s) => sentKey(s.caseId, s.rule, s.thresholdHours)));
  const due: DueNotification[] = [];
  for (const c of cases) {
    if (!c.statuses) continue;
    const opened = c.openedAt ? Date.parse(c.openedAt) : Number.NaN;
    const stillOpen = c.statuses
      .filter((s) => s.state === 'open' && s.deadline.role === 'buyer')
      .map((s) => s.deadline)
      .sort((a, b) => a.dueMs - b.dueMs)[0];
    const fresh = missedUnacted(c.statuses).filter(
      (d) => now.getTime() - d.dueMs <= RECENTLY_MISSED_DAYS * DAY && !(d.dueMs <= opened) && !done.has(sentKey(c.caseId, d.rule, MISSED_THRESHOLD)),
    );
    if (!fresh.length) continue;
    // One notification per case: the most recent miss; the others missed with it are recorded, not repeated.
    const [deadline, ...others] = fresh;
    due.push({
      caseId: c.caseId,
      orderId: c.orderId,
      platform: c.platform,
      deadline,
      thresholdHours: MISSED_THRESHOLD,
      crossed: [MISSED_THRESHOLD],
      ...(stillOpen && { stillOpen }),
      ...(others.length && { alsoMissed: others }),
    });
  }
  return due;
}

/** The next moment a buyer's deadline still open passes (when "Missed" may have to be announced). */
export function nextBuyerDueAt(cases: CaseDeadlines[], now: Date): number | undefined {
  let next: number | undefined;
  for (const c of cases) {
    for (const s of c.statuses ?? []) {
      if (s.state !== 'open' || s.deadline.role !== 'buyer' || s.deadline.dueMs <= now.getTime()) continue;
      if (next === undefined || s.deadline.dueMs < next) next = s.deadline.dueMs;
    }
  }
  return next;
}

/** The next moment any threshold will be crossed (epoch ms), or undefined when none is ahead. */
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

const ID_PREFIX = 'disputekit-deadline|';

export function notificationId(d: { caseId: string; deadline: { rule: string }; thresholdHours: number }): string {
  return `${ID_PREFIX}${encodeURIComponent(d.caseId)}|${encodeURIComponent(d.deadline.rule)}|${d.thresholdHours}`;
}

/** The case a notification is about, or undefined for a notification that is not a deadline's. */
export function caseIdOfNotification(id: string): string | undefined {
  return notificationTarget(id)?.caseId;
}

/** The case and the deadline (rule id) a notification is about, so a click can open the case at that deadline. */
export function notificationTarget(id: string): { caseId: string; rule?: string; missed: boolean } | undefined {
  if (!id.startsWith(ID_PREFIX)) return undefined;
  const [caseId, rule, threshold] = id.slice(ID_PREFIX.length).split('|');
  try {
    if (!caseId) return undefined;
    return { caseId: decodeURIComponent(caseId), ...(rule && { rule: decodeURIComponent(rule) }), missed: Number(threshold) === MISSED_THRESHOLD };
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

/**
 * The notification's words. `format` writes the dates of a "Missed" one (the user's language and zone; English
 * and UTC when not given).
 */
export function notificationFor(t: Translate, d: DueNotification, now: Date, iconUrl: string, format?: Omit<DateFormat, 'now'>): NotificationOptions {
  if (d.thresholdHours === MISSED_THRESHOLD) {
    const f: DateFormat = { locale: format?.locale ?? 'en', timeZone: format?.timeZone ?? 'UTC', now };
    return {
      type: 'basic',
      iconUrl,
      title: t('deadline.notify.missedTitle', { name: ruleName(t, d.deadline) }),
      message: t('deadline.notify.missedMessage', { day: describeDue(t, d.deadline, f).short, order: d.orderId, platform: t(`platform.${d.platform}`) }),
      ...(d.stillOpen && { contextMessage: t('deadline.headline.stillOpen', { name: ruleName(t, d.stillOpen), due: formatDue(t, d.stillOpen, f) }) }),
    };
  }
  return {
    type: 'basic',
    iconUrl,
    title: t(d.deadline.labelKey),
    // As exactly as the due is known: a countdown the page gave to the hour is not told to the minute.
    message: t('checklist.notify.message', { left: formatTimeLeft(t, d.deadline, now, format?.timeZone ?? 'UTC'), order: d.orderId, platform: t(`platform.${d.platform}`) }),
    ...(d.deadline.confidence === 'L' && { contextMessage: t('checklist.deadline.typicalNote') }),
  };
}
