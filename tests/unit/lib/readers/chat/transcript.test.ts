// A chat's rows made lines with times: day rows, bare clock times, relative days, the page's own timestamps.
import { describe, expect, it } from 'vitest';
import { readTranscript, transcriptText } from '@/lib/readers/chat/transcript';
import type { ChatEntry } from '@/lib/readers/chat/rows';

const NOW = new Date('2026-11-20T09:00:00.000Z');
const words = { me: 'Me', them: 'Seller' };

describe('a chat transcript', () => {
  it('gives no instant for a time far after the capture, and keeps the time as the page shows it', () => {
    const entries: ChatEntry[] = [
      { top: 0, text: 'from the future', side: 'them', when: '2099-01-01 10:00' },
      { top: 1, text: 'forged stamp', side: 'them', when: '10:01', datetime: '2099-01-01T10:01:00Z' },
      { top: 2, text: '2099-01-02' },
      { top: 3, text: 'under a future day', side: 'me', when: '10:02' },
      { top: 4, text: 'a zone ahead', side: 'me', when: '2026-11-20 22:00' },
    ];
    expect(readTranscript(entries, { now: NOW, timeZone: 'UTC' })).toEqual([
      { when: '2099-01-01 10:00', side: 'them', text: 'from the future' },
      { when: '10:01', side: 'them', text: 'forged stamp' },
      { when: '2099-01-02 10:02', side: 'me', text: 'under a future day' },
      { when: '2026-11-20 22:00', at: '2026-11-20T22:00:00.000Z', side: 'me', text: 'a zone ahead' },
    ]);
  });

  it('puts each bare time on the day of the date row above it, in the zone the browser shows', () => {
    const entries: ChatEntry[] = [
      { top: 0, text: '2026年11月3日' },
      { top: 10, text: '你好', side: 'me', when: '23:58' },
      { top: 20, text: 'Nov 4, 2026' },
      { top: 30, text: 'hi', who: 'Shop', side: 'them', when: '00:03' },
    ];
    expect(readTranscript(entries, { now: NOW, timeZone: 'Asia/Shanghai' })).toEqual([
      { when: '2026年11月3日 23:58', at: '2026-11-03T15:58:00.000Z', side: 'me', text: '你好' },
      { when: 'Nov 4, 2026 00:03', at: '2026-11-03T16:03:00.000Z', who: 'Shop', side: 'them', text: 'hi' },
    ]);
  });

  it('reads dated times, "Вчера"/"Today" rows, 12-hour times and the page’s timestamps', () => {
    const entries: ChatEntry[] = [
      { top: 0, text: 'one', when: '2026-11-02 14:42:51' },
      { top: 1, text: 'Вчера' },
      { top: 2, text: 'two', when: '9:05 PM' },
      { top: 3, text: 'Today' },
      { top: 4, text: 'three', when: '11:15' },
      { top: 5, text: 'four', when: '11:16', datetime: '1763637360' },
    ];
    const lines = readTranscript(entries, { now: NOW, timeZone: 'Europe/Moscow' });
    expect(lines.map((l) => [l.when, l.at])).toEqual([
      ['2026-11-02 14:42:51', '2026-11-02T11:42:51.000Z'],
      ['Вчера 9:05 PM', '2026-11-19T18:05:00.000Z'],
      ['Today 11:15', '2026-11-20T08:15:00.000Z'],
      ['Today 11:16', new Date(1763637360 * 1000).toISOString()],
    ]);
  });

  it('a bare time with no date row is today’s, or yesterday’s when today’s would be after the capture', () => {
    const lines = readTranscript(
      [
        { top: 0, text: 'late last night', when: '23:50' },
        { top: 1, text: 'this morning', when: '08:30' },
      ],
      { now: NOW, timeZone: 'UTC' },
    );
    expect(lines.map((l) => l.at)).toEqual(['2026-11-19T23:50:00.000Z', '2026-11-20T08:30:00.000Z']);
  });

  it('keeps rows in the box’s order, leaves the time out when the page gives none, and writes one line per message', () => {
    const lines = readTranscript(
      [
        { top: 50, text: 'second\nline two', side: 'me', when: '10:01' },
        { top: 10, text: 'first', who: 'Shop', when: '10:00' },
        { top: 90, text: 'no time', side: 'them' },
        { top: 95, text: '' },
      ],
      { now: NOW, timeZone: 'UTC' },
    );
    expect(transcriptText(lines, words)).toBe('[10:00] Shop: first\n[10:01] Me: second line two\n[?] Seller: no time\n');
    expect(lines[2].at).toBeUndefined();
  });
});

describe('a chat that stamps groups of messages with a time row', () => {
  it('gives each message the time of the row above it', () => {
    const entries: ChatEntry[] = [
      { top: 0, text: '2026-11-18 09:00' },
      { top: 1, text: '在吗？', side: 'me' },
      { top: 2, text: '在的亲', who: '小店客服', side: 'them' },
      { top: 3, text: '昨天 14:42' },
      { top: 4, text: '退款什么时候到？', side: 'me' },
      { top: 5, text: '15:10' },
      { top: 6, text: '已经处理', who: '小店客服', side: 'them' },
    ];
    const lines = readTranscript(entries, { now: NOW, timeZone: 'Asia/Shanghai' });
    expect(lines.map((l) => [l.when, l.at, l.text])).toEqual([
      ['2026-11-18 09:00', '2026-11-18T01:00:00.000Z', '在吗？'],
      ['2026-11-18 09:00', '2026-11-18T01:00:00.000Z', '在的亲'],
      ['昨天 14:42', '2026-11-19T06:42:00.000Z', '退款什么时候到？'],
      ['昨天 15:10', '2026-11-19T07:10:00.000Z', '已经处理'],
    ]);
  });
});
