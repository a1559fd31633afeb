// @vitest-environment happy-dom
// Which box "Capture this chat" scrolls: the one around the right-click, else the largest that scrolls. happy-dom
// has no layout, so each box's sizes are given as the browser would measure them.
import { afterEach, describe, expect, it } from 'vitest';
import { ChatCaptureSession, findChatBox } from '@/lib/content/chat-box';
import { chatBoxRequest } from '@/lib/messaging/content-protocol';

function sized(id: string, size: { scrollHeight: number; clientHeight: number; clientWidth: number }, overflowY = 'auto'): HTMLElement {
  const element = document.createElement('div');
  element.id = id;
  element.style.overflowY = overflowY;
  for (const [key, value] of Object.entries(size)) Object.defineProperty(element, key, { value, configurable: true });
  element.append(document.createElement('p'));
  document.body.append(element);
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the chat box', () => {
  it('is the scrolling box around the right-click, even when another one is larger', () => {
    const list = sized('list', { scrollHeight: 3000, clientHeight: 700, clientWidth: 300 });
    const chat = sized('chat', { scrollHeight: 9000, clientHeight: 500, clientWidth: 600 });
    expect(findChatBox(document, window, chat.firstElementChild)).toEqual({ box: chat, found: 'pointer' });
    expect(findChatBox(document, window, list.firstElementChild)?.box).toBe(list);
  });

  it('is otherwise the largest box that scrolls: not one that does not, not a drop-down, not the page', () => {
    sized('hidden', { scrollHeight: 9000, clientHeight: 800, clientWidth: 1200 }, 'hidden');
    sized('dropdown', { scrollHeight: 900, clientHeight: 60, clientWidth: 200 });
    sized('full', { scrollHeight: 500, clientHeight: 500, clientWidth: 900 });
    const chat = sized('chat', { scrollHeight: 9000, clientHeight: 500, clientWidth: 600 });
    const side = sized('side', { scrollHeight: 3000, clientHeight: 400, clientWidth: 250 });
    expect(findChatBox(document, window, document.body)).toEqual({ box: chat, found: 'largest' });
    expect(findChatBox(document, window, side.firstElementChild)?.found).toBe('pointer');
    expect(findChatBox(document, window, 'not an element')?.box).toBe(chat);
  });

  it('is none on a page where nothing scrolls inside it', () => {
    sized('full', { scrollHeight: 500, clientHeight: 500, clientWidth: 900 });
    expect(findChatBox(document, window)).toBeUndefined();
  });
});

describe('a chat capture put back', () => {
  it('scrolls the box back once: a second restore leaves where the user scrolled it since', () => {
    const box = sized('chat', { scrollHeight: 9000, clientHeight: 500, clientWidth: 600 });
    let scrollTop = 8500;
    Object.defineProperty(box, 'scrollTop', { get: () => scrollTop, set: (v: number) => (scrollTop = v), configurable: true });
    const session = new ChatCaptureSession(document, window, box, 'largest');
    scrollTop = 0;
    session.restore();
    expect(scrollTop).toBe(8500);
    scrollTop = 1234;
    session.restore();
    expect(scrollTop).toBe(1234);
  });
});

describe('requests to the chat script', () => {
  it('are checked field by field', () => {
    expect(chatBoxRequest({ type: 'chat:prepare', pointer: true })).toEqual({ type: 'chat:prepare', pointer: true });
    expect(chatBoxRequest({ type: 'chat:prepare' })).toBeUndefined();
    expect(chatBoxRequest({ type: 'chat:screen', y: 500, index: 1, extra: 'x' })).toEqual({ type: 'chat:screen', y: 500, index: 1 });
    expect(chatBoxRequest({ type: 'chat:screen', y: -1, index: 1 })).toBeUndefined();
    expect(chatBoxRequest({ type: 'chat:screen', y: 5, index: 1.5 })).toBeUndefined();
    expect(chatBoxRequest({ type: 'fullpage:prepare' })).toBeUndefined();
    expect(chatBoxRequest('chat:restore')).toBeUndefined();
  });
});
