import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteCase, deleteEvidence, getCase, restoreCase } from '@/lib/cases/cases';
import { setUserEventDate } from '@/lib/cases/case-dates';
import { addContact } from '@/lib/cases/contacts';
import { DisputeKitDB } from '@/lib/cases/db';
import { DEADLINE_INPUT_TABLES, SCHEMA_HISTORY, TABLE_NAMES, DERIVED_TABLES } from '@/lib/cases/schema';
import { claimNotifications } from '@/lib/cases/sent-notifications';
import { casePlanApi } from '@/lib/cases/plan';
import { CASE_ID, caseWithCapture } from '../../support/case-fixture';

const NAME = 'deadline-trigger-test';
let database: DisputeKitDB;
let checks: number;

beforeEach(() => {
  checks = 0;
  database = new DisputeKitDB(NAME, Infinity, { onDeadlineInputsChanged: () => void checks++ });
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

const NOW = new Date('2026-11-21T08:30:00.000Z');

describe('the deadline check follows the database, not its callers', () => {
  it('runs once after each committed write to a case, its contacts or its checklist, with no call from the writer', async () => {
    await caseWithCapture(database);
    expect(checks).toBe(1);
    await setUserEventDate(database, CASE_ID, 'delivered', '2026-11-05', NOW);
    expect(checks).toBe(2);
    await addContact(database, { caseId: CASE_ID, at: NOW.toISOString(), channel: 'seller-chat', summary: 'Asked for a refund' });
    expect(checks).toBe(3);
    const plan = casePlanApi({ database, now: () => NOW, copy: async () => true, openSettings: () => undefined });
    const record = (await getCase(database, CASE_ID))!;
    await plan.setStep({ platform: record.platform, order: record.order }, 'contact-seller', 'done');
    expect(checks).toBe(4);
    const removed = (await deleteCase(database, CASE_ID))!;
    expect(checks).toBe(5);
    expect(await restoreCase(database, removed)).toBe(true);
    expect(checks).toBe(6);
  });

  it('does not run for reads, for writes that move no deadline, nor for a write that was rolled back', async () => {
    const [evidenceId] = await caseWithCapture(database);
    checks = 0;
    await getCase(database, CASE_ID);
    await database.transaction('rw', database.cases, async () => void (await database.cases.get(CASE_ID)));
    // Deleting an item and recording a notification as sent change no deadline.
    expect(await deleteEvidence(database, CASE_ID, evidenceId, NOW)).toBe(true);
    await claimNotifications(database, [], NOW);
    await database.sentNotifications.put({ caseId: CASE_ID, rule: 'AE-02', thresholdHours: 24, due: NOW.toISOString(), at: NOW.toISOString() });
    expect(checks).toBe(0);
    await expect(
      database.transaction('rw', database.cases, async () => {
        await database.cases.update(CASE_ID, { state: 'resolved' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await getCase(database, CASE_ID))?.state).toBe('open');
    expect(checks).toBe(0);
  });

  it('a listener set after opening (how each extension context wires its own) is the one called', async () => {
    const other: string[] = [];
    database.onDeadlineInputsChanged = () => void other.push('page');
    await caseWithCapture(database);
    expect(other).toEqual(['page']);
    expect(checks).toBe(0);
  });
});

describe('the tables', () => {
  it('TABLE_NAMES, which backup and restore go by, names every table the schema declares but the derived ones', () => {
    const declared = new Set(SCHEMA_HISTORY.flatMap((v) => Object.keys(v.stores)));
    expect(new Set([...TABLE_NAMES, ...DERIVED_TABLES])).toEqual(declared);
    for (const name of DERIVED_TABLES) expect((TABLE_NAMES as readonly string[]).includes(name)).toBe(false);
    for (const name of DEADLINE_INPUT_TABLES) expect(declared.has(name)).toBe(true);
  });
});
