// The content scripts' zod-free side of the protocol: its plain checks agree with the schemas, and it carries no zod.
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageButton } from '@/lib/i18n/areas/page-button';
import { answerTabRequest, isPageButtonStringsReply, isSaveFromPageReply, sendFromContent, tabRequest, type TabHandlers } from '@/lib/messaging/content-protocol';
import { PageButtonStringsResponse, SaveOrderFromPageResponse } from '@/lib/messaging/messages';
import { PROTOCOL, type TabMessage } from '@/lib/messaging/protocol';

const TAB_MESSAGES = (Object.keys(PROTOCOL) as (keyof typeof PROTOCOL)[]).filter((n): n is TabMessage => PROTOCOL[n].to === 'tab');

const REQUESTS: unknown[] = [
  ...TAB_MESSAGES.map((type) => ({ type })),
  { type: 'page:read', extra: 1 },
  { type: 'fullpage:screen', y: 800, index: 1 },
  { type: 'fullpage:screen', y: 0, index: 0 },
  { type: 'fullpage:screen', y: 10.5, index: 2, z: 'x' },
  { type: 'fullpage:screen', y: -1, index: 1 },
  { type: 'fullpage:screen', y: Infinity, index: 0 },
  { type: 'fullpage:screen', y: Number.NaN, index: 0 },
  { type: 'fullpage:screen', y: 800, index: 1.5 },
  { type: 'fullpage:screen', y: 800, index: -1 },
  { type: 'fullpage:screen', y: '800', index: 1 },
  { type: 'fullpage:screen' },
  { type: 'capture:tab', tabId: 1, mode: 'fullpage' },
  { type: 'page:delete' },
  { type: 'toString' },
  { type: 'constructor' },
  {},
  'page:read',
  null,
  undefined,
  [{ type: 'page:read' }],
];

const REPLIES: unknown[] = [
  { ok: true, caseId: 'aliexpress:1', evidenceIds: ['a', 'b'], shortcut: 'Alt+Shift+E' },
  { ok: true, caseId: 'aliexpress:1', evidenceIds: [], shortcut: '' },
  { ok: true, caseId: 'aliexpress:1', evidenceIds: [1], shortcut: '' },
  { ok: true, caseId: 'aliexpress:1', evidenceIds: [] },
  { ok: true, evidenceIds: [], shortcut: '' },
  { ok: false, error: 'rateLimited' },
  { ok: false, error: 'orderMismatch', detail: '1 ≠ 2' },
  { ok: false, error: 'orderMismatch', detail: 12 },
  { ok: false, error: 'toString' },
  { ok: false, error: 'error.internal' },
  { ok: false },
  { ok: 'true', caseId: 'x', evidenceIds: [], shortcut: '' },
  { ok: false, error: 'internal' },
  undefined,
  null,
  'ok',
];

describe('what a content script accepts from the extension', () => {
  it('is what the declared request schemas accept, and nothing else', () => {
    for (const message of REQUESTS) {
      const schemas = TAB_MESSAGES.map((n) => PROTOCOL[n].request.safeParse(message)).filter((r) => r.success);
      const checked = tabRequest(message);
      expect(checked, JSON.stringify(message)).toEqual(schemas[0]?.data);
    }
  });

  it('its check of the in-page button’s reply agrees with the reply’s schema', () => {
    for (const reply of REPLIES) expect(isSaveFromPageReply(reply), JSON.stringify(reply)).toBe(SaveOrderFromPageResponse.safeParse(reply).success);
  });

  it('its check of the button’s strings agrees with their schema', () => {
    const { ['error.internal']: _dropped, ...incomplete } = pageButton.ru;
    const replies: unknown[] = [
      ...(['en', 'zh_CN', 'ru'] as const).map((locale) => ({ locale, strings: pageButton[locale] })),
      { locale: 'ru', strings: { ...pageButton.ru, extra: 'x' } },
      { locale: 'de', strings: pageButton.en },
      { locale: 'en' },
      { locale: 'en', strings: null },
      { locale: 'en', strings: incomplete },
      { locale: 'en', strings: { ...pageButton.en, 'actions.close': 42 } },
      { strings: pageButton.en },
      null,
      'en',
    ];
    for (const reply of replies) expect(isPageButtonStringsReply(reply), JSON.stringify(reply)).toBe(PageButtonStringsResponse.safeParse(reply).success);
  });
});

describe('the content script’s router', () => {
  const handlers = (): TabHandlers & Record<string, ReturnType<typeof vi.fn>> => ({
    'page:read': vi.fn(() => ({ reading: null })),
    'page:snapshot': vi.fn(),
    'page:selection': vi.fn(() => ({ text: 'hello' })),
    'fullpage:prepare': vi.fn(),
    'fullpage:screen': vi.fn(() => {
      throw new Error('no capture is under way in this page');
    }),
    'fullpage:restore': vi.fn(() => ({ restored: true as const })),
  });

  it('gives a handler its checked request and answers with its reply', async () => {
    const h = handlers();
    await expect(answerTabRequest(h, { type: 'page:selection', junk: '<script>' })).resolves.toEqual({ text: 'hello' });
    expect(h['page:selection']).toHaveBeenCalledWith({ type: 'page:selection' });
  });

  it('answers nothing that is not declared for it, and a handler’s failure is a rejection, not a throw into the page', async () => {
    const h = handlers();
    expect(answerTabRequest(h, { type: 'capture:tab', tabId: 1, mode: 'fullpage' })).toBeUndefined();
    expect(answerTabRequest(h, { type: 'fullpage:screen', y: -5, index: 0 })).toBeUndefined();
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
    await expect(answerTabRequest(h, { type: 'fullpage:screen', y: 5, index: 0 })).rejects.toThrow('no capture is under way');
  });
});

describe('the in-page button’s request to the background', () => {
  it('resolves with the checked reply, and rejects one that is not the declared one', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'rateLimited' });
    await expect(sendFromContent('order:saveFromPage')).resolves.toEqual({ ok: false, error: 'rateLimited' });
    expect(sendMessage).toHaveBeenLastCalledWith({ type: 'order:saveFromPage' });
    sendMessage.mockResolvedValueOnce({ ok: true, caseId: 'aliexpress:1' });
    await expect(sendFromContent('order:saveFromPage')).rejects.toThrow('order:saveFromPage');
  });
});

describe('the content side’s bundle', () => {
  it('carries neither zod nor the schemas', async () => {
    const result = await build({
      entryPoints: ['lib/messaging/content-protocol.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      external: ['wxt/browser'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The button's string keys and the locale names, no language's strings.
    expect(inputs.sort()).toEqual(['lib/i18n/areas/page-button-keys.ts', 'lib/i18n/translate.ts', 'lib/messaging/content-protocol.ts']);
  });
});
