import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, localeFor, translator } from '@/lib/i18n';
import { AREAS } from '@/lib/i18n/areas';
import { pageButton } from '@/lib/i18n/areas/page-button';
import { PAGE_BUTTON_KEYS } from '@/lib/i18n/areas/page-button-keys';
import { translatorOf } from '@/lib/i18n/translate';
import { en } from '@/lib/i18n/en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (value: string | Record<string, string>) => (typeof value === 'string' ? [value] : Object.values(value));

describe('translations', () => {
  const english = LOCALES.en;
  for (const [locale, catalogue] of Object.entries(LOCALES)) {
    it(`${locale} has every message, non-empty, with the same placeholders as English`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      for (const [key, value] of Object.entries(catalogue)) {
        const expected = placeholders(texts(english[key as keyof typeof english])[0]);
        for (const text of texts(value)) {
          expect(text.trim(), `${locale} ${key}`).not.toBe('');
          expect(placeholders(text), `${locale} ${key}`).toEqual(expected);
        }
      }
    });
  }

  it('no area reuses a key of the core catalogue or of another area (the later one would win silently)', () => {
    const seen = new Set(Object.keys(en));
    for (const area of AREAS) {
      for (const key of Object.keys(area.en)) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('the manifest strings exist in all three _locales', () => {
    const read = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));
    const keys = Object.keys(read('en')).sort();
    for (const locale of ['zh_CN', 'ru']) expect(Object.keys(read(locale)).sort()).toEqual(keys);
    const manifestKeys = [...readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    for (const key of manifestKeys) expect(keys).toContain(key);
  });

  it('the in-page button’s own table (sent to a content script in the user’s language) has every key in all three languages, as the full catalogue has them', () => {
    const keys = Object.keys(pageButton.en).sort();
    // The keys the content script checks what it receives against.
    expect([...PAGE_BUTTON_KEYS].sort()).toEqual(keys);
    for (const locale of ['en', 'zh_CN', 'ru'] as const) {
      expect(Object.keys(pageButton[locale]).sort(), locale).toEqual(keys);
      const t = translatorOf(pageButton[locale], locale);
      for (const key of keys as (keyof typeof pageButton.en)[]) expect(t(key, { shortcut: 'Alt+Shift+E', detail: 'x' }), `${locale} ${key}`).toBe(translator(locale)(key, { shortcut: 'Alt+Shift+E', detail: 'x' }));
    }
  });

  it('uses Russian plural forms', () => {
    const t = translator('ru');
    expect([1, 2, 5, 21].map((n) => t('case.files', { n }))).toEqual(['1 файл', '2 файла', '5 файлов', '21 файл']);
    expect(translator('en')('case.files', { n: 1 })).toBe('1 file');
    expect(translator('zh_CN')('case.files', { n: 3 })).toBe('3个文件');
  });

  it('names the marketplace of an order as each language says it (Russian «на» takes the prepositional case)', () => {
    expect(translator('ru')('order.heading.yandex-market')).toBe('Заказ на Яндекс Маркете');
    expect(translator('ru')('order.heading.aliexpress')).toBe('Заказ на AliExpress');
    expect(translator('zh_CN')('order.heading.tmall')).toBe('天猫订单');
    expect(translator('en')('order.heading.taobao')).toBe('Order on Taobao');
  });

  it('picks the catalogue from the browser language', () => {
    expect(localeFor('zh-CN')).toBe('zh_CN');
    expect(localeFor('zh-Hans-CN')).toBe('zh_CN');
    expect(localeFor('ru-RU')).toBe('ru');
    expect(localeFor('en-GB')).toBe('en');
    expect(localeFor('de')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });
});
