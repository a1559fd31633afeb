/**
 * A captured chat's messages in the case's contact log ("Capture this chat" on a marketplace's chat page): each
 * message with a time becomes a contact on the seller's chat, the user's own as sent, the other side's as
 * received, so the "no reply in 48 h" reminder (./contacts.ts) follows the conversation. Saved in the same
 * transaction as the capture's evidence: both or neither. A message already in the log (the same time, channel
 * and words, from an earlier capture of the same chat) is not added again. DisputeKitDB.onEvidenceSaved hears of the
 * evidence once this transaction has committed.
 */
import { caseTables, tellEvidenceSaved } from './cases';
import type { DisputeKitDB } from './db';
import { ContactSchema, type ContactRecord } from '../common/model';
import { MAX_TEXT } from '../common/text';
import type { TranscriptLine } from '../readers/chat/transcript';
import type { Platform } from '../common/marketplaces';

/** The contacts a transcript gives: its lines with a time. Who wrote it leads the summary, as the page names them. */
export function chatContacts(caseId: string, lines: readonly TranscriptLine[], newId: () => string): ContactRecord[] {
  return lines
    .filter((line): line is TranscriptLine & { at: string } => line.at !== undefined)
    .map((line) =>
      ContactSchema.parse({
        id: newId(),
        caseId,
        at: line.at,
        channel: 'seller-chat',
        summary: (line.who ? `${line.who}: ${line.text}` : line.text).slice(0, MAX_TEXT),
        ...(line.side && { direction: line.side === 'me' ? 'sent' : 'received' }),
      }),
    );
}

/** Taobao and Tmall share one chat (旺旺) and one kind of case. */
const family = (platform: Platform) => (platform === 'tmall' ? 'taobao' : platform);

/**
 * Runs the capture's own save (saveCapture or addEvidenceToCase) and adds the chat's new contacts with it, in one
 * transaction. `chatOf`: the marketplace whose chat page this is; a case of another marketplace gets the files but
 * not the messages (a conversation with another platform's shop is not this order's contact log).
 */
export async function saveWithChatContacts<T extends { caseId: string; evidenceIds: string[] }>(
  database: DisputeKitDB,
  save: () => Promise<T>,
  lines: readonly TranscriptLine[],
  chatOf: Platform,
  newId: () => string,
): Promise<T & { contactsAdded: number }> {
  const result = await database.transaction('rw', [...caseTables(database), database.readings], async () => {
    const saved = await save();
    const record = await database.cases.get(saved.caseId);
    if (!record || family(record.platform) !== family(chatOf)) return { ...saved, contactsAdded: 0 };
    const existing = await database.contacts.where('[caseId+at]').between([saved.caseId, ''], [saved.caseId, '\uffff']).toArray();
    const known = new Set(existing.map(key));
    const fresh = chatContacts(saved.caseId, lines, newId).filter((c) => {
      if (known.has(key(c))) return false;
      known.add(key(c));
      return true;
    });
    if (fresh.length) await database.contacts.bulkAdd(fresh);
    return { ...saved, contactsAdded: fresh.length };
  });
  // The save inside told nobody (it was not committed then): now it is.
  tellEvidenceSaved(database, result.evidenceIds);
  return result;
}

const key = (c: Pick<ContactRecord, 'at' | 'channel' | 'summary'>) => `${Date.parse(c.at)}|${c.channel}|${c.summary}`;
