import Dexie from 'dexie';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/db';
import { gatherCase } from '@/lib/dossier/gather';
import { buildManifest } from '@/lib/dossier/manifest';
import { renderReport } from '@/lib/dossier/report';
import type { Locale } from '@/lib/i18n';
import { CASE_ID } from './case-fixture';
import { EXPORTED_AT, HOSTILE_NOTE, seedDossierCase } from './dossier-fixture';

const NAME = 'dossier-report-test';
let database: DisputeKitDB;

beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await seedDossierCase(database);
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

async function report(locale: Locale, thumbnails = new Map<string, string>()) {
  const dossier = (await gatherCase(database, CASE_ID, EXPORTED_AT))!;
  const manifest = buildManifest({ ...dossier, exportedAt: EXPORTED_AT, extensionVersion: '0.1.0' });
  const html = renderReport({ dossier, manifest, locale, timeZone: 'Europe/Moscow', thumbnails });
  return { html, document: parseHTML(html).document, manifest, dossier };
}

const LOCALES: Locale[] = ['en', 'zh_CN', 'ru'];

describe('report.html', () => {
  it('escapes every string from pages and users: no element or attribute they wrote reaches the document', async () => {
    const { html, document } = await report('en');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('b, i')).toHaveLength(0);
    expect(document.querySelectorAll('img[onerror]')).toHaveLength(0);
    expect(html).toContain('Shop &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Awaiting &quot;delivery&quot;');
    expect(html).toContain('T-&lt;42&gt;');
    expect(html).toContain('Asked for a refund &lt;i&gt;now&lt;/i&gt;');
    expect(html).toContain('box &quot;crushed&quot;.jpg');
    // The note is a file of the dossier, not shown inline; its text never appears unescaped.
    expect(html).not.toContain(HOSTILE_NOTE);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it.each(LOCALES)('%s: every section, in the language, with no key names or placeholders left', async (locale) => {
    const { html, document, manifest } = await report(locale);
    expect(document.documentElement.getAttribute('lang')).toBe(locale === 'zh_CN' ? 'zh-CN' : locale);
    expect([...document.querySelectorAll('section')].map((s) => s.id)).toEqual(['order', 'deadlines', 'timeline', 'evidence', 'custody', 'verify']);
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(text).not.toMatch(/\b(dossier\.(report|heading|export)|caseFacts\.|casePage\.|evidenceKind\.|evidenceLabel\.|checklist\.|ladder\.|platform\.)/);
    for (const file of manifest.files) {
      expect(text).toContain(file.sha256);
      expect(text).toContain(file.path);
    }
    expect(text).toContain(manifest.custody.headHash!);
    expect(html).toContain('npm run -s verify -- dossier.zip');
    const heading = document.querySelector('h1')!.textContent!;
    expect(heading).toContain('8190123456789012');
    expect(heading).toContain({ en: 'Dispute dossier', zh_CN: '争议证据档案', ru: 'Досье спора' }[locale]);
  });

  it('the timeline has the captures, the contact and the ticked step, in time order', async () => {
    const { document } = await report('en');
    const rows = [...document.querySelectorAll('#timeline tbody tr')].map((tr) => tr.querySelectorAll('td')[1].textContent);
    expect(rows).toEqual([
      'Step done: Document everything',
      'Case opened',
      'Evidence saved: 1 item (Page copy (HTML))',
      'Evidence saved: 2 items (File)',
      'Evidence saved: 1 item (Note)',
      'Contact: Seller chat · reference T-<42>Asked for a refund <i>now</i>',
      expect.stringMatching(/^Step done: /),
    ]);
    expect(rows.filter((r) => r!.startsWith('Step done: '))).toHaveLength(2);
  });

  it('deadlines: passed ones are marked and said to be missed, met ones name the step done in time', async () => {
    const { document, dossier } = await report('en');
    const rows = [...document.querySelectorAll('#deadlines tbody tr')];
    expect(rows).toHaveLength(dossier.deadlines.length);
    const missed = rows.filter((r) => r.getAttribute('class') === 'missed');
    expect(missed.length).toBeGreaterThan(0);
    for (const row of missed) expect(row.textContent).toContain('passed');
    const met = rows.filter((r) => r.getAttribute('class') === 'met');
    expect(met.map((r) => r.querySelector('td')!.textContent)).toEqual(['AE-05']);
    expect(met[0].textContent).toMatch(/Met: “.+” done on Nov 12, 2026/);
  });

  it('shows thumbnails given as data: URLs, and no other image source', async () => {
    const dossier = (await gatherCase(database, CASE_ID, EXPORTED_AT))!;
    const photo = dossier.evidence.find((e) => e.mime === 'image/jpeg')!;
    const { document } = await report('en', new Map([[photo.id, 'data:image/jpeg;base64,AAAA']]));
    const images = [...document.querySelectorAll('img')];
    expect(images.map((i) => i.getAttribute('src'))).toEqual(['data:image/jpeg;base64,AAAA']);
    expect(images[0].closest('article')?.getAttribute('data-evidence-id')).toBe(photo.id);
  });
});
