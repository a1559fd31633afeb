import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor, msUntilBadgeChanges } from '@/lib/deadlines/check/badge';
import { addContact, contactReminder, deleteContact, listContacts, NO_REPLY_HOURS, NO_REPLY_RULE } from '@/lib/cases/contacts';
import { DisputeKitDB } from '@/lib/cases/db';
import type { ContactRecord } from '@/lib/common/model';

const NAME = 'disputekit-contacts-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const contact = (id: string, at: string): ContactRecord => ({ id, caseId: 'taobao:1', at, channel: 'seller-chat', summary: 'asked for a refund' });

describe('contact log', () => {
  it('keeps a case\'s contacts oldest first, apart from other cases, and deletes one', async () => {
    const db = new DisputeKitDB(NAME);
    let n = 0;
    const id = () => `c${++n}`;
    await addContact(db, { caseId: 'taobao:1', at: '2026-11-20T10:00:00Z', channel: 'platform-support', reference: 'T-77', summary: 'second' }, id);
    await addContact(db, { caseId: 'taobao:1', at: '2026-11-19T10:00:00Z', channel: 'seller-chat', summary: 'first' }, id);
    await addContact(db, { caseId: 'taobao:2', at: '2026-11-18T10:00:00Z', channel: 'bank', summary: 'other case' }, id);
    expect((await listContacts(db, 'taobao:1')).map((c) => c.summary)).toEqual(['first', 'second']);
    await deleteContact(db, 'c1');
    expect((await listContacts(db, 'taobao:1')).map((c) => c.summary)).toEqual(['first']);
    db.close();
  });

  it('refuses a contact with an unknown channel and saves nothing', async () => {
    const db = new DisputeKitDB(NAME);
    await expect(addContact(db, { caseId: 'taobao:1', at: '2026-11-20T10:00:00Z', channel: 'pigeon' as never, summary: 'x' })).rejects.toThrow();
    expect(await db.contacts.count()).toBe(0);
    db.close();
  });
});

describe('no reply within 48 hours', () => {
  it('is due 48 hours after the latest contact', () => {
    const reminder = contactReminder([contact('a', '2026-11-18T10:00:00Z'), contact('b', '2026-11-19T10:00:00Z')], undefined);
    expect(reminder).toMatchObject({ rule: NO_REPLY_RULE, labelKey: 'checklist.reminder.noReply', setBy: 'rule', due: '2026-11-21T10:00:00.000Z' });
    expect(reminder!.dueMs).toBe(Date.parse('2026-11-19T10:00:00Z') + NO_REPLY_HOURS * HOUR);
  });

  it('is gone when the other side replied after the latest contact, and back when the user writes again', () => {
    const contacts = [contact('a', '2026-11-19T10:00:00Z')];
    expect(contactReminder(contacts, '2026-11-19T12:00:00Z')).toBeUndefined();
    expect(contactReminder([...contacts, contact('b', '2026-11-20T09:00:00Z')], '2026-11-19T12:00:00Z')?.due).toBe('2026-11-22T09:00:00.000Z');
  });

  it('needs a contact', () => {
    expect(contactReminder([], undefined)).toBeUndefined();
  });

  it('follows a captured chat: the buyer’s last message counts, and a later message from the shop is its reply', () => {
    const sent = (id: string, at: string): ContactRecord => ({ ...contact(id, at), direction: 'sent' });
    const received = (id: string, at: string): ContactRecord => ({ ...contact(id, at), direction: 'received', summary: 'Shop: we will check' });
    // The shop wrote last, after the buyer: answered, no reminder.
    expect(contactReminder([sent('a', '2026-11-19T10:00:00Z'), received('b', '2026-11-19T11:00:00Z')], undefined)).toBeUndefined();
    // The buyer wrote again after the shop's answer: 48 h from that message, not from the shop's.
    const reminder = contactReminder([sent('a', '2026-11-19T10:00:00Z'), received('b', '2026-11-19T11:00:00Z'), sent('c', '2026-11-19T12:30:00Z')], undefined);
    expect(reminder?.due).toBe('2026-11-21T12:30:00.000Z');
    // Only the shop's messages: nothing the buyer is waiting on.
    expect(contactReminder([received('b', '2026-11-19T11:00:00Z')], undefined)).toBeUndefined();
  });
});

describe('toolbar badge', () => {
  it.each([
    [undefined, undefined],
    [-1000, undefined],
    [0, undefined],
    [30 * 60_000, { text: '<1h', color: BADGE_COLORS.urgent }],
    [5 * HOUR + 59 * 60_000, { text: '5h', color: BADGE_COLORS.urgent }],
    [23 * HOUR, { text: '23h', color: BADGE_COLORS.urgent }],
    [DAY, { text: '1d', color: BADGE_COLORS.soon }],
    [2 * DAY + 5 * HOUR, { text: '2d', color: BADGE_COLORS.soon }],
    [3 * DAY - 1, { text: '2d', color: BADGE_COLORS.soon }],
    [3 * DAY, { text: '3d', color: BADGE_COLORS.later }],
    [40 * DAY, { text: '40d', color: BADGE_COLORS.later }],
    [99 * DAY + HOUR, { text: '99d', color: BADGE_COLORS.later }],
    [3 * 365 * DAY, { text: '99d+', color: BADGE_COLORS.later }],
  ])('%s ms left → %o', (ms, badge) => {
    expect(badgeFor(ms)).toEqual(badge);
  });

  it('changes at the next whole day, or hour under a day', () => {
    for (const left of [2 * DAY + 5 * HOUR, DAY, 5 * HOUR + 10 * 60_000, 3 * HOUR, 30 * 60_000]) {
      const wait = msUntilBadgeChanges(left);
      expect(badgeFor(left - wait + 1)?.text, `${left}`).toBe(badgeFor(left)?.text);
      expect(badgeFor(left - wait)?.text, `${left}`).not.toBe(badgeFor(left)?.text);
    }
    expect(msUntilBadgeChanges(2 * DAY + 5 * HOUR)).toBe(5 * HOUR + 1);
    expect(msUntilBadgeChanges(0)).toBe(Infinity);
  });
});

describe('the badge after a missed deadline', () => {
  it('has a mark and a colour of its own, before the time left when it fits', () => {
    expect(badgeFor(2 * 86_400_000, true)).toEqual({ text: '!2d', color: BADGE_COLORS.missed });
    expect(badgeFor(200 * 86_400_000, true)).toEqual({ text: '!', color: BADGE_COLORS.missed });
    expect(badgeFor(undefined, true)).toEqual({ text: '!', color: BADGE_COLORS.missed });
    expect(Object.values(BADGE_COLORS).filter((c) => c === BADGE_COLORS.missed)).toHaveLength(1);
    expect(badgeFor(undefined)).toBeUndefined();
  });
});
