/** The deadline notifications already sent (one row per case + rule + threshold), read and claimed by the deadline check. */
import type { DisputeKitDB } from './db';
import type { SentNotification } from '../common/model';
import { MISSED_THRESHOLD, type DueNotification } from '../deadlines/check/notifications';

export function sentNotifications(database: DisputeKitDB): Promise<SentNotification[]> {
  return database.sentNotifications.toArray();
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
      for (const other of d.alsoMissed ?? []) {
        await database.sentNotifications.put({ caseId: d.caseId, rule: other.rule, thresholdHours: MISSED_THRESHOLD, due: other.due, at: now.toISOString() });
      }
      // Announce only when the most urgent crossed threshold is among those this call recorded.
      if (fresh.includes(d.thresholdHours)) claimed.push(d);
    }
    return claimed;
  });
}
