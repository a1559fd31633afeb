import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_HEAD, ARCHIVE_POLICY, archivePageHtml, originalPageHtml, pageHtmlEvidence } from '@/lib/capture/page-archive';

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('a captured page as stored', () => {
  it('gets the policy right after its doctype, and nothing else changes', () => {
    const html = '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="gbk"><script>document.title = "run"</script></head><body>实付款 ¥25.80</body></html>';
    const { bytes, htmlArchive } = archivePageHtml(html);
    expect(text(bytes)).toBe(`<!DOCTYPE html>${ARCHIVE_HEAD}\n<html lang="zh-CN"><head><meta charset="gbk"><script>document.title = "run"</script></head><body>实付款 ¥25.80</body></html>`);
    const original = new TextEncoder().encode(html);
    expect(htmlArchive).toEqual({ originalSha256: sha(original), originalBytes: original.length, insertedAt: 15, insertedBytes: ARCHIVE_HEAD.length });
    expect(originalPageHtml(bytes, htmlArchive)).toEqual(original);
  });

  it('a page with no doctype (or a missing <head>) gets it at the very start', () => {
    const html = '<html><body onload="alert(1)"><a href="javascript:alert(2)">x</a></body></html>';
    const { bytes, htmlArchive } = archivePageHtml(html);
    expect(text(bytes).startsWith(`${ARCHIVE_HEAD}<html>`)).toBe(true);
    expect(htmlArchive.insertedAt).toBe(0);
    expect(text(originalPageHtml(bytes, htmlArchive))).toBe(html);
  });

  it('a doctype after white space or a byte-order mark stays first', () => {
    for (const lead of ['  \n', '\uFEFF']) {
      const html = `${lead}<!doctype html PUBLIC "-//W3C//DTD HTML 4.01//EN"><p>x`;
      const { bytes, htmlArchive } = archivePageHtml(html);
      expect(text(bytes)).toBe(`${lead}<!doctype html PUBLIC "-//W3C//DTD HTML 4.01//EN">${ARCHIVE_HEAD}<p>x`);
      expect(text(originalPageHtml(bytes, htmlArchive))).toBe(html);
    }
  });

  it('the policy forbids scripts, plugins, frames, fetches, forms and <base>; the charset says UTF-8', () => {
    expect(ARCHIVE_POLICY).toContain("default-src 'none'");
    expect(ARCHIVE_POLICY).toContain("script-src 'none'");
    expect(ARCHIVE_POLICY).not.toMatch(/script-src[^;]*(unsafe|https?:|\*)/);
    expect(ARCHIVE_POLICY).toContain("base-uri 'none'");
    expect(ARCHIVE_POLICY).toContain("form-action 'none'");
    expect(ARCHIVE_HEAD).toMatch(/^<meta http-equiv="Content-Security-Policy" content="[^"]+"><meta charset="utf-8">$/);
    // Within the first 1024 bytes, where a browser looks for the charset, even after a long doctype.
    expect(ARCHIVE_HEAD.length + 200).toBeLessThan(1024);
  });

  it('the evidence fields: the stored bytes’ SHA-256 and size, the page’s own kept', async () => {
    const html = '<!DOCTYPE html><html><body>Order</body></html>';
    const item = pageHtmlEvidence(html);
    const stored = new Uint8Array(await item.blob.arrayBuffer());
    expect(item.sha256).toBe(sha(stored));
    expect(item.bytes).toBe(stored.length);
    expect(item.mime).toBe('text/html');
    expect(item.blob.type).toBe('text/html;charset=utf-8');
    expect(item.htmlArchive.originalSha256).toBe(sha(html));
  });
});
