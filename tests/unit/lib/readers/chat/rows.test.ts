// @vitest-environment happy-dom
// The generic chat reader on chats built in different ways: rows found through wrappers, the sender by a name's
// class, the side by classes or data attributes, the time as a leaf or a <time datetime>; no layout needed.
import { describe, expect, it } from 'vitest';
import { chatRows, readChatRow } from '@/lib/readers/chat/rows';

function box(html: string): Element {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

const read = (element: Element) => chatRows(element).map((row, i) => readChatRow(row, i));

describe('the rows of a chat box', () => {
  it('go down through wrappers and past a header to the list, and read who, when, what and which side', () => {
    const chat = box(`
      <div class="scroll-inner"><div class="wrap">
        <div class="load-more">查看更多消息</div>
        <ul class="im-list">
          <li class="im-item item-left"><img src="a.png"><div class="im-nickname">小店客服</div><div class="im-bubble">亲，在的</div><span class="im-time">10:20</span></li>
          <li class="im-item item-right"><div class="im-bubble">包裹还没到</div><span class="im-time">10:21</span></li>
          <li class="im-item item-right"><div class="im-bubble">能退款吗？</div><span class="im-time">10:22</span></li>
          <li class="im-item item-left"><div class="im-nickname">小店客服</div><div class="im-bubble">可以的</div><span class="im-time">10:30</span></li>
        </ul>
      </div></div>`);
    expect(read(chat)).toEqual([
      { top: 0, text: '亲，在的', who: '小店客服', side: 'them', when: '10:20' },
      { top: 1, text: '包裹还没到', side: 'me', when: '10:21' },
      { top: 2, text: '能退款吗？', side: 'me', when: '10:22' },
      { top: 3, text: '可以的', who: '小店客服', side: 'them', when: '10:30' },
    ]);
  });

  it('takes a machine-readable time, data attributes for the side, and a date row as plain text', () => {
    const chat = box(`
      <div role="log">
        <div class="separator">3 ноября 2026</div>
        <article data-role="incoming"><header class="author">Магазин «Техно»</header><p>Здравствуйте! Чем помочь?</p><time datetime="2026-11-03T11:42:00+03:00">11:42</time></article>
        <article data-side="outgoing"><p>Заказ не пришёл</p><time datetime="2026-11-03T11:45:00+03:00">11:45</time></article>
      </div>`);
    expect(read(chat)).toEqual([
      { top: 0, text: '3 ноября 2026' },
      { top: 1, text: 'Здравствуйте! Чем помочь?', who: 'Магазин «Техно»', side: 'them', when: '11:42', datetime: '2026-11-03T11:42:00+03:00' },
      { top: 2, text: 'Заказ не пришёл', side: 'me', when: '11:45', datetime: '2026-11-03T11:45:00+03:00' },
    ]);
  });

  it('cleans what the page wrote (invisible and direction characters, runs of spaces) and skips empty rows and scripts', () => {
    const chat = box(`
      <div class="msg other"><span class="name">Shop\u200B</span><span>pay   outside\u202E the   site</span><span>14:02</span></div>
      <div class="msg"></div>
      <script>var x = "12:00 not a message";</script>
      <div class="msg mine"><span>No</span><span>14:03</span></div>`);
    expect(read(chat)).toEqual([
      { top: 0, text: 'pay outside the site', who: 'Shop', side: 'them', when: '14:02' },
      { top: 1, text: 'No', side: 'me', when: '14:03' },
    ]);
  });

  it('takes the side from the row and its message’s bubble, not from layout classes both sides’ rows carry', () => {
    const chat = box(`
      <ul class="list">
        <li class="row"><span class="time float-right">10:20</span><div class="bubble bubble-left"><p>Hello, how can I help?</p></div></li>
        <li class="row"><span class="time float-right">10:21</span><div class="bubble bubble-right"><p>Where is my parcel?</p></div></li>
        <li class="row"><div class="content"><p>Shipped today</p></div><span class="time pull-right">10:25</span><i class="icon-out"></i><b class="btn-send">↻</b></li>
        <li class="row"><div class="content"><p>Thank you</p></div><span class="status status-sent">10:26</span></li>
      </ul>`);
    expect(read(chat).map((entry) => entry?.side)).toEqual(['them', 'me', undefined, 'me']);
  });

  it('does not take a time inside the message for the message’s time, nor a message that only looks like one', () => {
    const chat = box(`
      <div class="row"><span>We ship at 15:00 every day, please wait until then and check the tracking page</span><span>09:10</span></div>
      <div class="row"><span>12:30</span></div>`);
    expect(read(chat)).toEqual([
      { top: 0, text: 'We ship at 15:00 every day, please wait until then and check the tracking page', when: '09:10' },
      { top: 1, text: '12:30' },
    ]);
  });
});
