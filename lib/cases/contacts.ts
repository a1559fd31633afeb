/**
 * The contact log of a case: every message to the seller, the platform, the bank or an agency, with its date,
 * channel and reference, as the escalation ladders ask. The last contact that got no reply turns into a
 * reminder deadline: the ladders say to move on when there is no answer within 48 hours.
 */
import type { Deadline } from '../deadlines';
import type { DisputeKitDB } from './db';
import { ContactSchema, type ContactRecord } from '../common/model';

export const NO_REPLY_RULE = 'CT-NOREPLY';
export const NO_REPLY_HOURS = 48;

export async function addContact(database: DisputeKitDB, contact: Omit<ContactRecord, 'id'>, newId: () => string = () => crypto.randomUUID()): Promise<ContactRecord> {
  const record = ContactSchema.parse({ ...contact, id: newId() });
  await database.contacts.add(record);
  return record;
}

export async function deleteContact(database: DisputeKitDB, id: string): Promise<void> {
  await database.contacts.delete(id);
}

/** A case's contacts, oldest first. */
export async function listContacts(database: DisputeKitDB, caseId: string): Promise<ContactRecord[]> {
  return database.contacts.where('[caseId+at]').between([caseId, ''], [caseId, '\uffff']).toArray();
}

/**
 * "No reply within 48 h": due 48 hours after the latest contact the user made, unless a reply came after it.
 * A reply is the case's sellerLastReply date (the user sets it when the other side answers) or a message the
 * other side sent in a captured chat ('received' contacts, lib/cases/chat-contacts.ts).
 */
export function contactReminder(contacts: ContactRecord[], lastReplyAt: string | undefined): Deadline | undefined {
  const latestOf = (list: ContactRecord[]) => list.reduce<ContactRecord | undefined>((a, c) => (!a || Date.parse(c.at) > Date.parse(a.at) ? c : a), undefined);
  const latest = latestOf(contacts.filter((c) => c.direction !== 'received'));
  if (!latest) return undefined;
  const sentMs = Date.parse(latest.at);
  if (Number.isNaN(sentMs)) return undefined;
  if (lastReplyAt && Date.parse(lastReplyAt) >= sentMs) return undefined;
  const answer = latestOf(contacts.filter((c) => c.direction === 'received'));
  if (answer && Date.parse(answer.at) >= sentMs) return undefined;
  const dueMs = sentMs + NO_REPLY_HOURS * 3_600_000;
  return {
    rule: NO_REPLY_RULE,
    label: 'No reply within 48 hours: follow up',
    labelKey: 'checklist.reminder.noReply',
    due: new Date(dueMs).toISOString(),
    dueMs,
    confidence: 'M',
    source: 'escalation ladder: no answer in 48 h → contact again through another channel',
    setBy: 'rule',
    precision: 'minute',
    zone: 'UTC',
    // From then on the ladder says to follow up: a moment that opens the next move, not a window to miss.
    role: 'opens',
  } as Deadline;
}
