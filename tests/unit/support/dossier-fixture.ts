/** A case with a capture, a photo with a thumbnail, a note, a contact and a ticked step, for the dossier tests. */
import { setUserEventDate } from '@/lib/cases/case-dates';
import { addContact } from '@/lib/cases/contacts';
import type { DisputeKitDB } from '@/lib/cases/db';
import { sealDossier } from '@/lib/dossier/export';
import { gatherCase } from '@/lib/dossier/gather';
import { writeZip, type ZipSink } from '@/lib/dossier/zip-stream';
import { addNote, importFiles } from '@/lib/cases/evidence-import';
import type { Locale } from '@/lib/i18n';
import { CASE_ID, caseWithCapture, importDeps } from './case-fixture';

export const EXPORTED_AT = new Date('2026-11-25T12:00:00.000Z');
export const HOSTILE_NOTE = '<script>alert("note")</script> & <b>bold</b>';
/** Bytes that hold a ZIP local-header and data-descriptor signature, as a random video may. */
export const VIDEO_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 0x50, 0x4b, 0x07, 0x08, 3, 4, ...Array.from({ length: 300_000 }, (_, i) => (i * 7919) & 255)]);

export async function seedDossierCase(database: DisputeKitDB): Promise<void> {
  await caseWithCapture(database);
  const deps = importDeps(database);
  const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'box "crushed".jpg', { type: 'image/jpeg' });
  const video = new File([VIDEO_BYTES], 'unboxing.mp4', { type: 'video/mp4' });
  const imported = await importFiles(deps, CASE_ID, [photo, video], 'unboxing');
  const note = await addNote(deps, CASE_ID, HOSTILE_NOTE);
  if (!imported.ok || !note.ok) throw new Error('setup failed');
  // The thumbnail the fixture makes is a fake; a real JPEG-typed Blob is enough for the report's data: URL.
  await database.cases.update(CASE_ID, { order: { ...(await database.cases.get(CASE_ID))!.order, store: { name: 'Shop <img src=x onerror=alert(1)>' }, status: 'Awaiting "delivery"' } });
  // Delivered on 10 Nov: AE-05 (report a problem within 5 days) is met by the step ticked on 12 Nov; AE-10 passes.
  await setUserEventDate(database, CASE_ID, 'delivered', '2026-11-10T10:00:00.000Z', new Date('2026-11-21T09:00:00.000Z'));
  await database.checklist.put({ caseId: CASE_ID, stepId: 'document', state: 'done', at: '2026-11-12T10:00:00.000Z' });
  await addContact(database, { caseId: CASE_ID, at: '2026-11-22T10:00:00.000Z', channel: 'seller-chat', reference: 'T-<42>', summary: 'Asked for a refund <i>now</i>' }, () => 'contact-1');
  await database.checklist.put({ caseId: CASE_ID, stepId: 'contact-seller', state: 'done', at: '2026-11-22T10:05:00.000Z' });
}

export function memorySink(): ZipSink & { bytes(): Uint8Array; aborted: boolean; chunks: number } {
  const chunks: Uint8Array[] = [];
  const sink = {
    aborted: false,
    chunks: 0,
    async write(chunk: Uint8Array) {
      chunks.push(chunk.slice());
      sink.chunks++;
    },
    async close() {},
    async abort() {
      sink.aborted = true;
      chunks.length = 0;
    },
    bytes() {
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
  return sink;
}

export async function dossierZip(database: DisputeKitDB, locale: Locale = 'en') {
  // The case as exported (the dossier's rows, without the export entry the export then appends).
  const dossier = (await gatherCase(database, CASE_ID, EXPORTED_AT))!;
  const { entries, manifest } = (await sealDossier({ database, locale, timeZone: 'Europe/Moscow', extensionVersion: '0.1.0' }, CASE_ID, EXPORTED_AT))!;
  const sink = memorySink();
  await writeZip(entries, sink, { mtime: EXPORTED_AT });
  return { dossier, manifest, entries, zip: sink.bytes() };
}
