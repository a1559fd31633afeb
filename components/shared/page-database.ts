/**
 * The database as an extension page opens it: its committed writes that can move a deadline (lib/cases/db.ts
 * DEADLINE_INPUT_TABLES) ask the background to run the deadline check, which alone shows the badge and the
 * notifications and sets the alarm. The page's own code never asks.
 */
import { connectDeadlineCheck, type DisputeKitDB } from '../../lib/cases/db';
import { sendToBackground } from '../../lib/messaging/protocol';

export function pageDatabase(): DisputeKitDB {
  return connectDeadlineCheck(() => void sendToBackground('deadlines:refresh').catch(() => undefined));
}
