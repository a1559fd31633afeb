// @vitest-environment happy-dom
// The page must not learn the extension's id from WXT's "content-script-started" announcement (issue 12).
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import aliexpress from '@/entrypoints/aliexpress.content';
import taobao from '@/entrypoints/taobao.content';
import yandexMarket from '@/entrypoints/yandex-market.content';

describe('what a content script tells the page when it starts', () => {
  for (const [name, definition] of Object.entries({ aliexpress, taobao, 'yandex-market': yandexMarket })) {
    it(`${name}: no window message, so nothing naming the extension reaches the page`, async () => {
      const heard: unknown[] = [];
      const listener = (event: MessageEvent) => heard.push(event.data);
      window.addEventListener('message', listener);
      try {
        const { main: _main, ...options } = definition;
        const ctx = new ContentScriptContext(name, options);
        // A message posted now would be delivered in a later task.
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(heard).toEqual([]);
        expect(JSON.stringify(heard)).not.toContain(fakeBrowser.runtime.id);
        ctx.abort();
      } finally {
        window.removeEventListener('message', listener);
      }
    });
  }

  it('WXT does post it without the option (what this test guards against)', async () => {
    const heard: unknown[] = [];
    const listener = (event: MessageEvent) => heard.push(event.data);
    window.addEventListener('message', listener);
    try {
      const ctx = new ContentScriptContext('aliexpress');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(JSON.stringify(heard)).toContain(fakeBrowser.runtime.id);
      ctx.abort();
    } finally {
      window.removeEventListener('message', listener);
    }
  });
});
