// Writes cases and evidence straight into the extension's IndexedDB from one of its own pages, for the
// dashboard's e2e test and the bench (1,000 cases, 10,000 items). The page must have opened the database
// through the app first (any extension page that reads cases does), so the schema exists.

/**
 * `cases`: [{ platform, orderId, store, title, state, protectionDays (buyer protection ends this many days
 * from now, or none), updatedAt, files (plain items), screenshot (one visible screenshot),
 * fullPageParts (a full-page screenshot in this many parts), note }]. Images are real PNGs drawn in the page.
 */
export async function seedCases(page, cases) {
  return page.evaluate(async (cases) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('disputekit');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
    const sha = async (blob) => hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    const png = async (width, height, colour, label) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = colour;
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#ffffff';
      context.font = `${Math.round(height / 4)}px sans-serif`;
      context.fillText(label, 10, height / 2);
      return canvas.convertToBlob({ type: 'image/png' });
    };
    const thumb = await png(32, 24, '#888888', '');
    const now = Date.now();
    let added = 0;
    const BATCH = 100;
    for (let start = 0; start < cases.length; start += BATCH) {
      const records = [];
      for (const c of cases.slice(start, start + BATCH)) {
        const caseId = `${c.platform}:${c.orderId}`;
        const at = new Date(c.updatedAt ?? now).toISOString();
        const order = {
          orderId: c.orderId,
          items: c.title ? [{ title: c.title }] : [],
          ...(c.store && { store: { name: c.store } }),
          sources: { orderId: 'url' },
          ...(c.protectionDays !== undefined && {
            countdowns: [{ label: 'Buyer protection', text: 'Buyer protection', endsAt: new Date(now + c.protectionDays * 86_400_000).toISOString() }],
          }),
        };
        const evidence = [];
        const item = (id, kind, blob, extra = {}) => ({
          id, caseId, captureId: extra.captureId ?? id, kind, blob, mime: blob.type, bytes: blob.size, capturedAt: at,
          capturedAtLocal: at, timeZone: 'UTC', extensionVersion: '0.1.0', browser: 'seed',
          ...(kind !== 'note' && kind !== 'file' && { page: { url: `https://example.test/${c.orderId}`, title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 } }),
          ...extra,
        });
        for (let i = 0; i < (c.files ?? 0); i++) evidence.push(item(`${caseId}/f${i}`, 'page-html', new Blob([`<p>${c.orderId} ${i}</p>`], { type: 'text/html' })));
        if (c.screenshot) evidence.push(item(`${caseId}/shot`, 'visible-screenshot', await png(640, 400, '#1d4ed8', 'visible'), { thumbnail: thumb, image: { width: 640, height: 400 } }));
        for (let i = 1; i <= (c.fullPageParts ?? 0); i++) {
          evidence.push(item(`${caseId}/part${i}`, 'fullpage-screenshot', await png(800, 1200, ['#15803d', '#c2410c', '#7c3aed'][i % 3], `part ${i}`), {
            captureId: `${caseId}/full`, thumbnail: thumb, image: { width: 800, height: 1200 }, part: { index: i, count: c.fullPageParts },
          }));
        }
        if (c.note) evidence.push(item(`${caseId}/note`, 'note', new Blob([c.note], { type: 'text/plain' })));
        for (const e of evidence) e.sha256 = await sha(e.blob);
        records.push({ record: { id: caseId, platform: c.platform, orderId: c.orderId, order, state: c.state ?? 'open', createdAt: at, updatedAt: at }, evidence });
      }
      await new Promise((resolve, reject) => {
        const tx = db.transaction(['cases', 'evidence', 'events'], 'readwrite');
        for (const { record, evidence } of records) {
          tx.objectStore('cases').put(record);
          tx.objectStore('events').add({ caseId: record.id, at: record.createdAt, type: 'case-opened' });
          for (const e of evidence) tx.objectStore('evidence').put(e);
          if (evidence.length) tx.objectStore('events').add({ caseId: record.id, at: record.createdAt, type: 'evidence-captured', evidenceIds: evidence.map((e) => e.id) });
          added += evidence.length;
        }
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
    return { cases: cases.length, evidence: added };
  }, cases);
}
