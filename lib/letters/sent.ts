/**
 * Sending a letter starts clocks, so the case must know when it went out. A claim (претензия) starts the
 * seller's 10 days (RU-22), a 12315 complaint the regulator's 7 working days, a platform dispute the seller's
 * answer time: those are case events the deadline engine counts from. A letter to the seller, the platform's
 * support, the bank or an agency is a contact, which starts the "no reply within 48 h" reminder. Recording it
 * is the user's "I sent it", not the saving: a saved draft may never be sent.
 */
import { setUserEventDate } from '../cases/case-dates';
import { addContact } from '../cases/contacts';
import { getCase } from '../cases/cases';
import type { DisputeKitDB } from '../cases/db';
import type { CaseEvent } from '../deadlines';
import { MAX_TEXT, type ContactChannel } from '../common/model';
import type { LetterRoute } from './routes';

export type SendingRecord = { event: CaseEvent } | { channel: ContactChannel };

export const WHAT_SENDING_STARTS: Record<LetterRoute, SendingRecord> = {
  seller: { channel: 'seller-chat' },
  'platform-dispute': { event: 'disputeOpened' },
  'platform-escalation': { channel: 'platform-support' },
  chargeback: { channel: 'bank' },
  'cn-12315': { event: 'claimSent' },
  'ru-claim': { event: 'claimSent' },
  'consumer-agency': { channel: 'agency' },
};

/** Records that the letter of `route` was sent at `at`; false when the case no longer exists. */
export async function recordLetterSent(database: DisputeKitDB, caseId: string, route: LetterRoute, subject: string, at: Date): Promise<boolean> {
  const what = WHAT_SENDING_STARTS[route];
  if ('event' in what) return (await setUserEventDate(database, caseId, what.event, at.toISOString(), at)) !== null;
  if (!(await getCase(database, caseId))) return false;
  await addContact(database, { caseId, at: at.toISOString(), channel: what.channel, summary: subject.slice(0, MAX_TEXT) });
  return true;
}
