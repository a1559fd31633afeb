/** A case with one captured page, saved through lib/cases/cases.ts as a capture would, for custody/verify/import tests. */
import { casePageApi, type CasePageApi, type CasePageDeps } from '@/components/case/case-page-api';
import { saveCapture } from '@/lib/cases/cases';
import type { DisputeKitDB } from '@/lib/cases/db';
import type { ImportDeps } from '@/lib/cases/evidence-import';
import { pageHtmlEvidence } from '@/lib/capture/page-archive';

export const ORDER_ID = '8190123456789012';
export const CASE_ID = `aliexpress:${ORDER_ID}`;

export async function caseWithCapture(database: DisputeKitDB, at = new Date('2026-11-20T10:00:00.000Z')): Promise<string[]> {
  // Stored as a capture stores a page: with its scripts disabled (lib/capture/page-archive.ts).
  const html = pageHtmlEvidence('<html>order page</html>');
  const { evidenceIds } = await saveCapture(database, {
    platform: 'aliexpress',
    order: { orderId: ORDER_ID, items: [{ title: 'Lamp', url: 'https://www.aliexpress.com/item/1.html' }], sources: { orderId: 'url' } },
    now: at,
    evidence: [
      {
        id: 'page-1', captureId: 'c1', kind: 'page-html', ...html,
        capturedAt: at.toISOString(), capturedAtLocal: '2026-11-20T13:00:00.000+03:00', timeZone: 'Europe/Moscow',
        page: { url: `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`, title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
        extensionVersion: '0.1.0', browser: 'test',
      },
    ],
  });
  return evidenceIds;
}

export function importDeps(database: DisputeKitDB, overrides: Partial<ImportDeps> = {}): ImportDeps {
  let ids = 0;
  return {
    database,
    now: () => new Date('2026-11-21T08:30:00.000Z'),
    newId: () => `imp-${++ids}`,
    extensionVersion: '0.1.0',
    browserName: 'Chromium test',
    timeZone: 'Asia/Shanghai',
    makeThumbnail: async () => new Blob(['thumb'], { type: 'image/jpeg' }),
    ...overrides,
  };
}

/** The case page's API (components/case/case-page-api.ts) over the test's database, for the case `caseId`. */
export function casePage(database: DisputeKitDB, overrides: Partial<CasePageDeps> = {}): CasePageApi {
  return casePageApi({ locale: 'en', caseId: CASE_ID, importDeps: importDeps(database), estimate: undefined, ...overrides });
}
