/**
 * The database as an extension page opens it: its committed writes that can move a deadline (lib/cases/db.ts
 * DEADLINE_INPUT_TABLES) ask the background to run the deadline check, which alone shows the badge and the
 * notifications and sets the alarm. The page's own code never asks. New evidence saved here asks the background
 * for its trusted timestamps the same way.
 */
import { connectDeadlineCheck, type DisputeKitDB } from '../../lib/cases/db';
import { sendToBackground } from '../../lib/messaging/protocol';

export function pageDatabase(): DisputeKitDB {
  const database = connectDeadlineCheck(() => void sendToBackground('deadlines:refresh').catch(() => undefined));
  // Items imported here (files, notes, letters) are timestamped by the background, which holds the authority's host.
  database.onEvidenceSaved = (evidenceIds) => void sendToBackground('timestamps:run', { evidenceIds }).catch(() => undefined);
  return database;
}
