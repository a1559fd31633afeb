import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casePlanApi, loadCasePlan, planView } from '@/lib/cases/plan';
import { addEvidenceToCase, DOCUMENT_STEP, saveCapture, saveOrders } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import { addNote } from '@/lib/cases/evidence-import';
import { CASE_ID, caseWithCapture, importDeps, ORDER_ID } from '../../support/case-fixture';

const NAME = 'document-step-test';
let database: DisputeKitDB;
beforeEach(() => {
  database = new DisputeKitDB(NAME);
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

/** Another capture of the order page, as lib/capture/capture-tab.ts saves one. */
async function captureAgain(at: Date, id: string) {
  const html = new Blob([`<html>${id}</html>`], { type: 'text/html' });
  await saveCapture(database, {
    platform: 'aliexpress',
    order: { orderId: ORDER_ID, items: [], sources: {} },
    now: at,
    evidence: [{
      id, captureId: id, kind: 'page-html', blob: html, mime: 'text/html', bytes: html.size, sha256: 'b'.repeat(64),
      capturedAt: at.toISOString(), capturedAtLocal: at.toISOString(), timeZone: 'UTC', extensionVersion: '0.1.0', browser: 'test',
      page: { url: `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`, title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
    }],
  });
}

const ticks = async () => (await database.checklist.where('caseId').equals(CASE_ID).toArray()).map(({ stepId, state, at }) => ({ stepId, state, at }));

describe('a capture documents the order', () => {
  it('the first capture of a page ticks the ladder\'s "document" step, with when, and the plan moves on', async () => {
    await caseWithCapture(database, new Date('2026-11-20T10:00:00.000Z'));
    expect(await ticks()).toEqual([{ stepId: DOCUMENT_STEP, state: 'done', at: '2026-11-20T10:00:00.000Z' }]);
    const data = await loadCasePlan(database, CASE_ID);
    const view = planView('aliexpress', data.storedOrder!, data, new Date('2026-11-21T10:00:00.000Z'));
    expect(view.steps.find((s) => s.id === DOCUMENT_STEP)).toMatchObject({ state: 'done' });
    // Ticked by the capture, not implied by an event: the user can undo it (the checklist offers Undo for it).
    expect(view.steps.find((s) => s.id === DOCUMENT_STEP)?.doneByEvent).toBeUndefined();
    expect(view.next?.id).toBe('contact-seller');
  });

  it('once the user undoes it, later captures leave it undone; a step the user skipped stays skipped', async () => {
    const api = casePlanApi({ database, now: () => new Date('2026-11-20T11:00:00.000Z'), copy: async () => true, openSettings: () => {} });
    await caseWithCapture(database);
    const ref = { platform: 'aliexpress' as const, order: { orderId: ORDER_ID, items: [], sources: {} } };
    await api.setStep(ref, DOCUMENT_STEP, null);
    await captureAgain(new Date('2026-11-20T12:00:00.000Z'), 'again-1');
    expect(await ticks()).toEqual([]);
    await api.setStep(ref, DOCUMENT_STEP, 'skipped');
    await captureAgain(new Date('2026-11-20T13:00:00.000Z'), 'again-2');
    expect(await ticks()).toMatchObject([{ stepId: DOCUMENT_STEP, state: 'skipped' }]);
  });

  it('a page saved into a case that only had dates ticks it too; a note or a file does not', async () => {
    await saveOrders(database, 'aliexpress', [{ orderId: ORDER_ID, items: [], sources: {} }], new Date('2026-11-19T10:00:00.000Z'), 'popup');
    await addNote(importDeps(database), CASE_ID, 'The box arrived crushed.');
    expect(await ticks()).toEqual([]);
    const html = new Blob(['<p>tracking</p>'], { type: 'text/html' });
    await addEvidenceToCase(database, CASE_ID, [{
      id: 'track-1', captureId: 't1', kind: 'page-html', blob: html, mime: 'text/html', bytes: html.size, sha256: 'a'.repeat(64),
      capturedAt: '2026-11-20T09:00:00.000Z', capturedAtLocal: '2026-11-20T09:00:00.000Z', timeZone: 'UTC', extensionVersion: '0.1.0', browser: 'test',
      page: { url: 'https://track.example/1', title: 'Tracking', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
    }], new Date('2026-11-20T09:00:00.000Z'));
    expect(await ticks()).toEqual([{ stepId: DOCUMENT_STEP, state: 'done', at: '2026-11-20T09:00:00.000Z' }]);
  });
});
