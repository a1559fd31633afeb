/**
 * Each saved item's own trusted timestamp (RFC 3161), asked by the background after the save has committed, never
 * before it and never holding it up: the capture is saved and answered first, and the request follows.
 *
 * One request per file, over that file's SHA-256: each token then stamps exactly one file, and anyone can check it
 * with the file alone (`openssl ts -verify -data <file> -in <file>.tsr`), with no digest of DisputeKit's own to
 * recompute. A capture is one to three files (screenshot, archive, page), so the cost is a few small requests.
 *
 * What is sent and when follows the settings at the moment of asking: off, nothing is sent and the items are
 * marked so ('off'); on, the authority chosen in Settings is asked, if its host is granted. A failure (down,
 * time-out, garbage, another hash, a certificate not for time-stamping: requestTimestamp checks every answer)
 * keeps the item as it is with the reason, to be asked again later (lib/cases/evidence-timestamps.ts: bounded,
 * the next time noted before each attempt, so a stopped worker is asked again on its next start or alarm).
 */
import type { DisputeKitDB } from '../cases/db';
import { beginTimestampAttempt, dueTimestamps, failTimestampAttempt, keepTimestampToken, markTimestampsOff, nextTimestampAttempt } from '../cases/evidence-timestamps';
import { headTimestamping, timestampDigest } from '../dossier/head-timestamp';
import type { Settings } from '../settings/settings';

export const TIMESTAMP_ALARM = 'timestamps-retry';
/** Items asked in one run at most; the rest are asked on the next (a restored backup can queue thousands). */
export const MAX_PER_RUN = 50;

export interface StampDeps {
  database: DisputeKitDB;
  /** The timestamps settings now (lib/settings/settings.ts). */
  choice(): Promise<Settings['timestamps']>;
  /** browser.permissions.contains for one origin pattern. */
  holds(origin: string): Promise<boolean>;
  fetch: typeof fetch;
  now(): Date;
  /** Sets (a Date) or clears (undefined) the alarm that runs the next retry (browser.alarms, TIMESTAMP_ALARM). */
  scheduleRetry(when: Date | undefined): Promise<void>;
  timeoutMs?: number;
}

export interface StampRun {
  stamped: number;
  failed: number;
  /** Items marked 'off': the option was off. */
  off: number;
  /** The option was off: nothing was asked (told apart from a run that found nothing of the given items due). */
  optionOff: boolean;
}

/**
 * Asks for the due items' tokens, one after another: the given ones (just saved) or every due item (a start, the
 * retry alarm, "Retry timestamps"), then sets the alarm for the next retry. Never throws for an authority's sake.
 */
export async function stampEvidence(deps: StampDeps, evidenceIds?: string[]): Promise<StampRun> {
  const run: StampRun = { stamped: 0, failed: 0, off: 0, optionOff: false };
  const due = await dueTimestamps(deps.database, deps.now(), evidenceIds);
  const timestamping = await headTimestamping(await deps.choice(), deps.holds, deps.fetch);
  if (timestamping.mode === 'off' && timestamping.why === 'off') {
    // Only items never asked are marked: an item saved while the option was on keeps waiting, and is asked once
    // it is on again (the next start, or "Retry timestamps"). Nothing is sent meanwhile, and no alarm is set, so
    // every due item is marked now (not MAX_PER_RUN of them): none is left saying it is being asked.
    run.optionOff = true;
    run.off = await markTimestampsOff(deps.database, due.map((i) => i.evidenceId));
    await deps.scheduleRetry(undefined);
    return run;
  }
  const asked = timestamping.mode === 'on' && deps.timeoutMs !== undefined ? { ...timestamping, timeoutMs: deps.timeoutMs } : timestamping;
  try {
    for (const item of due.slice(0, MAX_PER_RUN)) {
      // Noted before it is asked: a worker stopped now leaves the item due again at its next attempt's time.
      if (!(await beginTimestampAttempt(deps.database, item.evidenceId, deps.now()))) continue;
      const outcome = await timestampDigest(asked, item.sha256);
      if ('record' in outcome) {
        if (await keepTimestampToken(deps.database, item.evidenceId, item.sha256, outcome.record, deps.now())) run.stamped++;
      } else {
        await failTimestampAttempt(deps.database, item.evidenceId, outcome.notTimestamped);
        run.failed++;
      }
    }
  } finally {
    // Even when a write failed (a full disk): the attempt noted is asked again at its time, which needs the alarm.
    // The write's error is then the run's.
    await deps.scheduleRetry(await nextTimestampAttempt(deps.database));
  }
  return run;
}
