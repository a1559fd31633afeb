/**
 * The database as an extension page opens it: its committed writes that can move a deadline (lib/cases/db.ts
 * DEADLINE_INPUT_TABLES) ask the background to run the deadline check, which alone shows the badge and the
 * notifications and sets the alarm. The page's own code never asks.
 */
import { browser } from 'wxt/browser';
import { connectDeadlineCheck, type DisputeKitDB } from '../../lib/cases/db';

export function pageDatabase(): DisputeKitDB {
  return connectDeadlineCheck(() => void browser.runtime.sendMessage({ type: 'deadlines:refresh' }).catch(() => undefined));
}
