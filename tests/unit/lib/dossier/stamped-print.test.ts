import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { BAND_TEXT, layoutBand, makeStampedPrint, printLines, wrapLine, type PrintImaging } from '@/lib/dossier/stamped-print';
import { MAX_CANVAS_SIDE } from '@/lib/capture/fullpage-plan';

const SHA = 'ab'.repeat(32);
const FACTS = {
  url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012',
  capturedAt: '2026-11-20T10:00:05.123Z',
  timeZone: 'Europe/Moscow',
  sha256: SHA,
  extensionVersion: '0.1.0',
};
/** Every character 10 px wide at 20 px: a monospace stand-in for the canvas. */
const measureAt = (s: string, px: number) => [...s].length * px * 0.5;

describe('the stamped print', () => {
  it('states the address, the time in UTC and in the user’s zone, the original’s SHA-256 and the version, in each language', () => {
    const en = printLines(translator('en'), 'en', FACTS);
    expect(en).toEqual([
      `Page address: ${FACTS.url}`,
      'Captured: 2026-11-20 10:00:05 UTC; 2026-11-20 13:00:05 UTC+03:00 (Europe/Moscow)',
      `SHA-256 of the original image: ${SHA}`,
      'Print made by DisputeKit 0.1.0. The original image is kept unchanged beside this print.',
    ]);
    const zh = printLines(translator('zh_CN'), 'zh_CN', { ...FACTS, part: { index: 2, count: 3 } });
    expect(zh[0]).toBe(`页面地址：${FACTS.url}`);
    expect(zh[1]).toBe('截取时间：2026-11-20 10:00:05（UTC）；2026-11-20 13:00:05 UTC+03:00（Europe/Moscow）');
    expect(zh[3]).toContain('第 2 部分，共 3 部分');
    const ru = printLines(translator('ru'), 'ru', { ...FACTS, section: { first: 201, last: 400, total: 450 } });
    expect(ru[2]).toBe(`SHA-256 исходного снимка: ${SHA}`);
    expect(ru[3]).toContain('Экраны 201–400 из 450.');
  });

  it('a single-part screenshot does not say "part 1 of 1"', () => {
    expect(printLines(translator('en'), 'en', { ...FACTS, part: { index: 1, count: 1 } }).join(' ')).not.toContain('Part');
  });

  it('wraps at spaces where it can and anywhere in an address or a hash, losing no character', () => {
    const measure = (s: string) => [...s].length;
    expect(wrapLine('SHA-256 of the original image: ' + SHA, 40, measure)).toEqual(['SHA-256 of the original image:', SHA.slice(0, 40), SHA.slice(40)]);
    const url = FACTS.url;
    const rows = wrapLine(url, 25, measure);
    expect(rows.join('')).toBe(url);
    expect(rows.every((r) => measure(r) <= 25)).toBe(true);
    // A surrogate pair (an emoji in a title) is never cut in half.
    expect(wrapLine('😀😀😀', 2, measure)).toEqual(['😀😀', '😀']);
  });

  it('scales the text with the image width and keeps image and band inside the canvas limits', () => {
    const small = layoutBand(1280, 800, ['x'.repeat(300)], measureAt);
    const large = layoutBand(2560, 1600, ['x'.repeat(300)], measureAt);
    expect(large.fontPx).toBe(small.fontPx * 2);
    expect(small.imageScale).toBe(1);
    const tall = layoutBand(1280, MAX_CANVAS_SIDE, ['a line'], measureAt);
    expect(tall.imageScale).toBeLessThan(1);
    expect(Math.floor(MAX_CANVAS_SIDE * tall.imageScale) + tall.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  });

  it('draws the image unchanged at the top and every row of the band below it', async () => {
    const drawn: string[] = [];
    const imaging: PrintImaging<{ width: number; height: number; close(): void }> = {
      decode: async () => ({ width: 1280, height: 2000, close: () => drawn.push('closed') }),
      measure: measureAt,
      canvas: (width, height) => {
        drawn.push(`canvas ${width}x${height}`);
        return {
          drawImage: (_b, w, h) => drawn.push(`image ${w}x${h}`),
          fillRect: () => undefined,
          fillText: (text, _x, y, _px, color) => drawn.push(`text@${y} ${color === BAND_TEXT ? 'ok' : color} ${text}`),
          toPng: async () => new Blob(['png'], { type: 'image/png' }),
        };
      },
    };
    const lines = printLines(translator('en'), 'en', FACTS);
    const print = await makeStampedPrint(imaging, new Blob(['original']), lines);
    expect(drawn[0]).toBe(`canvas 1280x${2000 + print.band.height}`);
    expect(drawn[1]).toBe('image 1280x2000');
    const texts = drawn.filter((d) => d.startsWith('text@'));
    expect(texts.map((d) => d.replace(/^text@\d+ ok /, '')).join(' ')).toContain(SHA);
    expect(texts.every((d) => Number(d.match(/^text@(\d+)/)![1]) > 2000)).toBe(true);
    expect(drawn.at(-1)).toBe('closed');
    expect(print.height).toBe(2000 + print.band.height);
  });
});
