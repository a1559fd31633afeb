// The page-data recorder in a page of its own (happy-dom), with the page's fetch and XMLHttpRequest faked.
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_DATA_EVENT, PAGE_DATA_REQUEST_EVENT } from '@/lib/content/page-data/protocol';
import { installPageDataRecorder, runsInPageWorld, type Recorder } from '@/lib/content/page-data/recorder';
import { MAX_RESPONSE_CHARS } from '@/lib/readers/api';

const PAGE = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
const DETAIL_API = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.detail/1.0/?jsv=2.5.1&appKey=12574478&t=1&sign=abc&api=mtop.aliexpress.trade.buyer.order.detail&v=1.0&type=originaljson&dataType=json';
const LIST_API = DETAIL_API.replaceAll('order.detail', 'order.list');
const FEED_API = 'https://acs.aliexpress.com/h5/mtop.aliexpress.recommend.feed/1.0/?api=mtop.aliexpress.recommend.feed';
const BODY = JSON.stringify({ api: 'mtop.aliexpress.trade.buyer.order.detail', ret: ['SUCCESS::调用成功'], data: { data: { status: { type: 'detail_order_status_block', fields: { title: 'Awaiting delivery' } } } } });

type PageWindow = Window & typeof globalThis;
const windows: HappyWindow[] = [];
afterEach(async () => {
  for (const win of windows.splice(0)) await win.happyDOM.close();
});

function page(): PageWindow {
  const win = new HappyWindow({ url: PAGE, settings: { disableJavaScriptFileLoading: true, disableJavaScriptEvaluation: true, handleDisabledFileLoadingAsSuccess: true } });
  windows.push(win);
  return win as unknown as PageWindow;
}

/** A response as the browser gives it: with its URL (a constructed Response has none). */
function response(win: PageWindow, url: string, body: string, init: ResponseInit = {}): Response {
  const r = new win.Response(body, { headers: { 'content-type': 'application/json' }, ...init });
  Object.defineProperty(r, 'url', { value: url });
  return r;
}

/** The page's fetch: answers each URL from `routes`, or fails like the network. */
function fakeFetch(win: PageWindow, routes: Record<string, string | (() => Response)>) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const route = routes[url];
    if (route === undefined) throw new TypeError('Failed to fetch');
    return typeof route === 'string' ? response(win, url, route) : route();
  });
}

/** Lets the recorder's reads of cloned bodies finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function recordedAfter(recorder: Recorder, work: () => Promise<unknown>) {
  await work();
  await settle();
  return recorder.responses();
}

describe('the recorder and fetch', () => {
  it('keeps a copy of a known endpoint’s JSON, and the page gets the very response, body intact', async () => {
    const win = page();
    const native = fakeFetch(win, { [DETAIL_API]: BODY });
    win.fetch = native;
    const recorder = installPageDataRecorder(win)!;
    expect(win.fetch).not.toBe(native);

    const answer = await win.fetch(DETAIL_API, { credentials: 'include' });
    expect(native).toHaveBeenCalledWith(DETAIL_API, { credentials: 'include' });
    expect(await answer.text()).toBe(BODY);
    await settle();
    expect(recorder.responses()).toEqual([{ url: DETAIL_API, body: BODY, at: expect.any(Number) }]);
  });

  it('keeps JSONP bodies, and nothing from other endpoints, HTML pages or over-long bodies', async () => {
    const win = page();
    const huge = `{"data":"${'x'.repeat(MAX_RESPONSE_CHARS)}"}`;
    const jsonp = `mtopjsonp3(${BODY})`;
    win.fetch = fakeFetch(win, {
      [LIST_API]: jsonp,
      [FEED_API]: '{"feed":[]}',
      [DETAIL_API]: '<!doctype html><title>Sign in</title>',
      [`${DETAIL_API}&huge=1`]: huge,
    });
    const recorder = installPageDataRecorder(win)!;
    const recorded = await recordedAfter(recorder, async () => {
      for (const url of [LIST_API, FEED_API, DETAIL_API, `${DETAIL_API}&huge=1`]) await (await win.fetch(url)).text();
    });
    expect(recorded.map((r) => r.body)).toEqual([jsonp]);
    // The page still got every body whole.
    expect(await (await win.fetch(`${DETAIL_API}&huge=1`)).text()).toBe(huge);
  });

  it('passes a failed fetch to the page as it failed, once, with nothing recorded', async () => {
    const win = page();
    const failure = new TypeError('Failed to fetch');
    win.fetch = vi.fn(async () => {
      throw failure;
    });
    const recorder = installPageDataRecorder(win)!;
    await expect(win.fetch(DETAIL_API)).rejects.toBe(failure);
    await settle();
    expect(recorder.responses()).toEqual([]);
  });

  it('leaves the page’s response alone when cloning it fails', async () => {
    const win = page();
    const broken = response(win, DETAIL_API, BODY);
    Object.defineProperty(broken, 'clone', {
      value: () => {
        throw new TypeError('Response body is already used');
      },
    });
    win.fetch = fakeFetch(win, { [DETAIL_API]: () => broken });
    const recorder = installPageDataRecorder(win)!;
    const answer = await win.fetch(DETAIL_API);
    expect(answer).toBe(broken);
    expect(await answer.text()).toBe(BODY);
    await settle();
    expect(recorder.responses()).toEqual([]);
  });

  it('keeps recording, and the page’s own calls keep working, when the page wraps fetch after it', async () => {
    const win = page();
    win.fetch = fakeFetch(win, { [DETAIL_API]: BODY, [FEED_API]: '{"feed":[]}' });
    const recorder = installPageDataRecorder(win)!;
    // The page's own wrapper, as analytics and retry libraries install one.
    const ours = win.fetch;
    const seen: string[] = [];
    win.fetch = async function (this: unknown, ...args: Parameters<typeof fetch>) {
      seen.push(String(args[0]));
      const answer = await ours.apply(this, args);
      return answer;
    } as typeof fetch;
    const recorded = await recordedAfter(recorder, async () => {
      expect(await (await win.fetch(DETAIL_API)).json()).toEqual(JSON.parse(BODY));
      expect(await (await win.fetch(FEED_API)).json()).toEqual({ feed: [] });
    });
    expect(seen).toEqual([DETAIL_API, FEED_API]);
    expect(recorded.map((r) => r.url)).toEqual([DETAIL_API]);
  });

  it('keeps the most recent responses only, within the total size', async () => {
    const win = page();
    win.fetch = vi.fn(async (input: RequestInfo | URL) => response(win, String(input), `{"n":${new URL(String(input)).searchParams.get('n')},"pad":"${'p'.repeat(90)}"}`));
    const recorder = installPageDataRecorder(win, { maxResponses: 3, maxTotalChars: 250 })!;
    const recorded = await recordedAfter(recorder, async () => {
      for (let n = 1; n <= 5; n++) await (await win.fetch(`${LIST_API}&n=${n}`)).text();
    });
    // Three would fit by count, but only two by size: the newest two.
    expect(recorded.map((r) => JSON.parse(r.body).n)).toEqual([4, 5]);
  });
});

/** An XMLHttpRequest as far as the recorder uses it: open, the response fields and a loadend event. */
function fakeXhrClass(win: PageWindow) {
  return class FakeXhr extends win.EventTarget {
    static opened: unknown[][] = [];
    responseType: XMLHttpRequestResponseType = '';
    responseURL = '';
    readyState = 0;
    private body = '';
    open(...args: unknown[]): void {
      FakeXhr.opened.push(args);
      if (args[0] === 'BAD METHOD') throw new SyntaxError('invalid method');
      this.responseURL = String(args[1]);
      this.readyState = 1;
    }
    get responseText(): string {
      if (this.responseType !== '' && this.responseType !== 'text') throw new DOMException('not text', 'InvalidStateError');
      return this.body;
    }
    get response(): unknown {
      if (this.responseType === 'json') return JSON.parse(this.body);
      if (this.responseType === 'arraybuffer') return new TextEncoder().encode(this.body).buffer;
      return this.body;
    }
    /** The server's answer arrives. */
    answer(body: string) {
      this.body = body;
      this.readyState = 4;
      this.dispatchEvent(new win.Event('load'));
      this.dispatchEvent(new win.Event('loadend'));
    }
  };
}

describe('the recorder and XMLHttpRequest', () => {
  it('keeps text and JSON responses of known endpoints; binary ones are neither read nor kept', async () => {
    const win = page();
    const Xhr = fakeXhrClass(win);
    (win as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = Xhr;
    const recorder = installPageDataRecorder(win)!;
    const send = (type: XMLHttpRequestResponseType, url: string, body: string) => {
      const xhr = new Xhr() as unknown as InstanceType<ReturnType<typeof fakeXhrClass>>;
      xhr.responseType = type;
      const loaded = vi.fn();
      xhr.addEventListener('load', loaded);
      xhr.open('GET', url);
      xhr.answer(body);
      expect(loaded).toHaveBeenCalledTimes(1);
      return xhr;
    };
    send('', DETAIL_API, BODY);
    send('json', LIST_API, '{"list":1}');
    send('text', FEED_API, '{"feed":1}');
    const binary = send('arraybuffer', DETAIL_API, '{"binary":1}');
    send('blob', DETAIL_API, '{"blob":1}');
    await settle();
    expect(recorder.responses().map((r) => r.body)).toEqual([BODY, '{"list":1}']);
    expect(new TextDecoder().decode(binary.response as ArrayBuffer)).toBe('{"binary":1}');
  });

  it('passes open’s arguments as given, and its errors', () => {
    const win = page();
    const Xhr = fakeXhrClass(win);
    (win as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = Xhr;
    installPageDataRecorder(win);
    const xhr = new Xhr();
    xhr.open('GET', DETAIL_API);
    xhr.open('POST', DETAIL_API, false, undefined);
    expect(Xhr.opened).toEqual([['GET', DETAIL_API], ['POST', DETAIL_API, false, undefined]]);
    expect(() => xhr.open('BAD METHOD', DETAIL_API)).toThrow(SyntaxError);
  });
});

describe('the recorder and JSONP by <script src>', () => {
  it('copies the argument of the callback a known endpoint’s script calls, and calls the page’s own', async () => {
    const win = page();
    const recorder = installPageDataRecorder(win)!;
    const pageCallback = vi.fn((data: unknown) => `handled ${typeof data}`);
    const scope = win as unknown as Record<string, (data: unknown) => string>;
    scope.mtopjsonp7 = pageCallback;
    const script = win.document.createElement('script');
    script.src = `${LIST_API.replace('originaljson', 'jsonp').replace('dataType=json', 'dataType=jsonp')}&callback=mtopjsonp7`;
    win.document.head.append(script);
    await settle();
    // What the loaded script does:
    const data = JSON.parse(BODY);
    expect(scope.mtopjsonp7.call(win, data)).toBe('handled object');
    expect(pageCallback).toHaveBeenCalledWith(data);
    expect(pageCallback.mock.contexts[0]).toBe(win);
    expect(recorder.responses()).toEqual([{ url: script.src, body: BODY, at: expect.any(Number) }]);
  });

  it('leaves the callbacks of other scripts alone', async () => {
    const win = page();
    installPageDataRecorder(win);
    const scope = win as unknown as Record<string, unknown>;
    const feed = () => 'feed';
    scope.mtopjsonp8 = feed;
    const script = win.document.createElement('script');
    script.src = `${FEED_API}&type=jsonp&callback=mtopjsonp8`;
    win.document.head.append(script);
    await settle();
    expect(scope.mtopjsonp8).toBe(feed);
  });
});

describe('what the recorder tells the content script', () => {
  it('announces each response as a JSON string, and sends all it kept when asked', async () => {
    const win = page();
    win.fetch = fakeFetch(win, { [DETAIL_API]: BODY });
    installPageDataRecorder(win);
    const heard: unknown[] = [];
    win.addEventListener(PAGE_DATA_EVENT, (event) => heard.push((event as CustomEvent).detail));
    await (await win.fetch(DETAIL_API)).text();
    await settle();
    win.dispatchEvent(new win.CustomEvent(PAGE_DATA_REQUEST_EVENT));
    expect(heard).toHaveLength(2);
    for (const detail of heard) {
      expect(typeof detail).toBe('string');
      expect(JSON.parse(detail as string)).toMatchObject({ url: DETAIL_API, body: BODY });
    }
  });

  it('is not broken by a page listener that throws or fetches from inside it', async () => {
    const win = page();
    const native = fakeFetch(win, { [DETAIL_API]: BODY, [LIST_API]: '{"list":1}' });
    win.fetch = native;
    const recorder = installPageDataRecorder(win)!;
    let calls = 0;
    win.addEventListener(PAGE_DATA_EVENT, () => {
      if (calls++ === 0) void win.fetch(LIST_API);
      throw new Error('page bug');
    });
    expect(await (await win.fetch(DETAIL_API)).text()).toBe(BODY);
    await settle();
    await settle();
    expect(native).toHaveBeenCalledWith(LIST_API);
    expect(recorder.responses().map((r) => r.url)).toEqual([DETAIL_API, LIST_API]);
  });

  it('stays out of an extension’s isolated world (where window.fetch is the content script’s own)', () => {
    const win = page();
    expect(runsInPageWorld(win)).toBe(true);
    (win as unknown as { chrome: unknown }).chrome = { runtime: { id: 'abcdefghijklmnop' } };
    expect(runsInPageWorld(win)).toBe(false);
  });
});
