import { describe, expect, test } from 'vitest';
import type { Deadline } from '@/lib/deadlines';
import { deadlinesFor } from '@/lib/deadlines/case-input';
import type { CaseRecord } from '@/lib/common/model';
import type { Locale } from '@/lib/i18n';
import {
  composeLetter,
  defaultLetterLanguage,
  LETTER_DEMANDS,
  LETTER_LANGUAGES,
  LETTER_PROBLEMS,
  LETTER_ROUTES,
  letterDue,
  letterFacts,
  initialLetterChoices,
  type LetterChoices,
  type LetterFacts,
} from '@/lib/letters';
import { TEMPLATES } from '@/lib/letters/templates';

const SHA = '0123456789abcdef'.repeat(4);
const FACTS: LetterFacts = {
  platform: 'yandex-market',
  orderId: '50123987',
  store: 'ТехноМир',
  items: [{ title: 'Электрический чайник K-200', quantity: 2, price: { amount: 1245.5, currency: 'RUB' } }],
  total: { amount: 2491, currency: 'RUB' },
  dates: { placed: '2026-11-02T09:15:00+03:00', paid: '2026-11-02T09:16:00+03:00', delivered: '2026-11-12T18:00:00+03:00' },
  evidence: [{ kind: 'visible-screenshot', sha256: SHA, capturedAt: '2026-11-12T16:30:00.000Z' }],
  deadlines: [],
};
// Friday 20 November 2026, 12:00 in Moscow.
const CHOICES: LetterChoices = { problem: 'damaged', demand: 'refund', date: new Date('2026-11-20T09:00:00Z'), timeZone: 'Europe/Moscow' };

// What each language's formatters make of the facts above (lib/format/money.ts and Intl's dates): roubles are
// "₽" in every language, never the bare code "RUB".
const FORMATTED: Record<Locale, { amount: string; placed: string; claimDate: string; itemPrice: string }> = {
  ru: { amount: '2 491,00 ₽', placed: '2 ноября 2026 г.', claimDate: '20 ноября 2026 г.', itemPrice: '1 245,50 ₽' },
  zh_CN: { amount: '₽2,491.00', placed: '2026年11月2日', claimDate: '2026年11月20日', itemPrice: '₽1,245.50' },
  en: { amount: '₽2,491.00', placed: 'November 2, 2026', claimDate: 'November 20, 2026', itemPrice: '₽1,245.50' },
};
// Intl puts narrow no-break spaces in some locales: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('composeLetter: every route in every language', () => {
  for (const route of LETTER_ROUTES) {
    for (const locale of LETTER_LANGUAGES) {
      test(`${route} in ${locale}`, () => {
        const letter = composeLetter(route, locale, FACTS, { ...CHOICES, details: 'Трещина на корпусе, вода протекает.' });
        const text = plain(`${letter.subject}\n${letter.body}`);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).not.toMatch(/undefined|NaN|null|\[object/);
        expect(letter.subject).toContain('50123987');
        expect(text).toContain('ТехноМир');
        expect(text).toContain('Электрический чайник K-200');
        expect(text).toContain(FORMATTED[locale].amount);
        expect(text).toContain(FORMATTED[locale].itemPrice);
        expect(text).toContain(FORMATTED[locale].placed);
        expect(text).toContain(FORMATTED[locale].claimDate);
        expect(text).toContain('Трещина на корпусе, вода протекает.');
        expect(text).toContain('01234567…89abcdef');
        expect(text).toContain(TEMPLATES[locale].problems.damaged.happened);
        expect(text).toContain(TEMPLATES[locale].you.name);
        // Every fact is known, so no blank appears (the претензия's signature line is longer).
        expect(text).not.toMatch(/(^|[^_])____([^_]|$)/m);
      });
    }
  }

  test('every problem and demand fills in every route and language', () => {
    for (const route of LETTER_ROUTES)
      for (const locale of LETTER_LANGUAGES)
        for (const problem of LETTER_PROBLEMS)
          for (const demand of LETTER_DEMANDS) {
            const letter = composeLetter(route, locale, FACTS, { ...CHOICES, problem, demand });
            expect(`${letter.subject}${letter.body}`).not.toMatch(/\{\w+\}|undefined/);
            expect(letter.body).toContain(TEMPLATES[locale].problems[problem].promised);
          }
  });

  test('the letters are written in their language, not copies of the English', () => {
    for (const route of LETTER_ROUTES) {
      expect(composeLetter(route, 'zh_CN', FACTS, CHOICES).body).toMatch(/[\u4e00-\u9fff]{8}/);
      expect(composeLetter(route, 'ru', FACTS, CHOICES).body).toMatch(/[а-яё]{6} [а-яё]{3,} [а-яё]{3,}/i);
    }
  });
});

describe('the претензия', () => {
  test('has the form: Кому / От кого / ПРЕТЕНЗИЯ / facts / legal basis / demand / срок / приложения / дата, подпись', () => {
    const { body } = composeLetter('ru-claim', 'ru', FACTS, CHOICES);
    const order = ['Кому:', 'От кого:', 'ПРЕТЕНЗИЯ', 'заказу № 50123987', 'ст. 18', 'требую вернуть', 'не позднее', 'Приложения:', 'Дата:', 'Подпись:'];
    const positions = order.map((part) => body.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('asks for an answer 10 calendar days after the claim date (RU-22)', () => {
    // 20 Nov 2026 + 10 days = Monday 30 Nov 2026, a working day.
    expect(plain(composeLetter('ru-claim', 'ru', FACTS, CHOICES).body)).toContain('не позднее 30 ноября 2026 г.');
    // 5 Dec 2026 + 10 = 15 Dec (Tuesday).
    expect(plain(composeLetter('ru-claim', 'ru', FACTS, { ...CHOICES, date: new Date('2026-12-05T10:00:00Z') }).body)).toContain('не позднее 15 декабря 2026 г.');
    expect(plain(composeLetter('ru-claim', 'en', FACTS, CHOICES).body)).toContain('no later than November 30, 2026');
  });

  test('a 10th day on a Russian day off moves to the next working day (Civil Code art. 193)', () => {
    // 11 Nov 2026 + 10 = Saturday 21 Nov → Monday 23 Nov.
    expect(plain(composeLetter('ru-claim', 'ru', FACTS, { ...CHOICES, date: new Date('2026-11-11T10:00:00Z') }).body)).toContain('не позднее 23 ноября 2026 г.');
  });

  test('the claim date is the Moscow calendar date, whatever the writer’s zone', () => {
    // 20 Nov 23:30 in Moscow is already 21 Nov in Shanghai: still the 20th for the Russian count.
    const late = new Date('2026-11-20T20:30:00Z');
    expect(letterDue('ru-claim', FACTS, { date: late, timeZone: 'Asia/Shanghai' })).toMatchObject({ precision: 'day', rule: 'RU-22' });
    expect(plain(composeLetter('ru-claim', 'ru', FACTS, { ...CHOICES, date: late, timeZone: 'Asia/Shanghai' }).body)).toContain('не позднее 30 ноября 2026 г.');
    // 00:30 on 21 Nov in Moscow: the 10 days run from the 21st to 1 December.
    const afterMidnight = new Date('2026-11-20T21:30:00Z');
    expect(plain(composeLetter('ru-claim', 'ru', FACTS, { ...CHOICES, date: afterMidnight }).body)).toContain('не позднее 1 декабря 2026 г.');
  });

  test('cites the articles that fit the problem', () => {
    const notReceived = composeLetter('ru-claim', 'ru', FACTS, { ...CHOICES, problem: 'not-received' }).body;
    expect(notReceived).toContain('ст. 23.1');
    expect(notReceived).toContain('ст. 26.1');
    const defect = composeLetter('ru-claim', 'ru', FACTS, { ...CHOICES, problem: 'not-as-described' }).body;
    for (const article of ['ст. 18', 'ст. 22', 'ст. 23 ', 'ст. 26.1']) expect(defect).toContain(article);
  });
});

describe('by when', () => {
  const timer = (rule: string, due: string): Deadline => ({
    rule, label: rule, labelKey: 'rule.AE-07', due, dueMs: Date.parse(due), confidence: 'M', source: '', setBy: 'page', precision: 'minute', zone: 'UTC', role: 'other',
  });

  test('a letter to the seller asks for an answer within 48 hours', () => {
    const due = letterDue('seller', FACTS, CHOICES);
    expect(due.ms - CHOICES.date.getTime()).toBe(48 * 3_600_000);
    expect(plain(composeLetter('seller', 'en', FACTS, CHOICES).body)).toContain('Please reply by November 22, 2026 at 12:00');
  });

  test('…or by the platform’s answer timer when the case has one ahead', () => {
    const facts = { ...FACTS, platform: 'aliexpress' as const, deadlines: [timer('AE-07', '2026-11-21T08:00:00Z'), timer('AE-07', '2026-11-19T08:00:00Z')] };
    expect(letterDue('seller', facts, CHOICES)).toEqual({ ms: Date.parse('2026-11-21T08:00:00Z'), precision: 'time', rule: 'AE-07' });
    expect(plain(composeLetter('seller', 'en', facts, CHOICES).body)).toContain('Please reply by November 21, 2026 at 11:00');
  });

  test('a deadline of another rule does not set the date', () => {
    const facts = { ...FACTS, deadlines: [timer('CB-V131', '2026-11-21T08:00:00Z')] };
    expect(letterDue('seller', facts, CHOICES).rule).toBeUndefined();
  });

  test('a 12315 complaint asks for the decision on accepting it within 7 Chinese working days', () => {
    // Friday 20 Nov (Shanghai) + 7 working days = Tuesday 1 Dec.
    expect(composeLetter('cn-12315', 'zh_CN', FACTS, CHOICES).body).toContain('恳请贵局于2026年12月1日前');
  });
});

describe('missing facts', () => {
  const bare: LetterFacts = { platform: 'taobao', items: [], dates: {}, evidence: [], deadlines: [] };

  test('show a blank to fill, never undefined', () => {
    for (const route of LETTER_ROUTES)
      for (const locale of LETTER_LANGUAGES) {
        const { subject, body } = composeLetter(route, locale, bare, CHOICES);
        const text = `${subject}\n${body}`;
        expect(text).not.toMatch(/undefined|NaN|\{\w+\}/);
        expect(subject).toContain('____');
        expect(text).toContain(`${TEMPLATES[locale].dateLabels.placed}${locale === 'zh_CN' ? '：' : ': '}____`);
        expect(text).toContain(TEMPLATES[locale].noEvidence);
      }
  });

  test('an amount is the sum of the items when there is no total, and blank when currencies differ', () => {
    const items = [{ title: 'A', quantity: 2, price: { amount: 10, currency: 'CNY' } }, { title: 'B', price: { amount: 5.5, currency: 'CNY' } }];
    expect(composeLetter('seller', 'zh_CN', { ...bare, items }, CHOICES).body).toContain('实付金额：¥25.50');
    const mixed = [{ title: 'A', price: { amount: 10, currency: 'CNY' } }, { title: 'B', price: { amount: 5, currency: 'USD' } }];
    expect(composeLetter('seller', 'zh_CN', { ...bare, items: mixed }, CHOICES).body).toContain('实付金额：____');
  });

  test('no free text leaves no empty line of its own', () => {
    const { body } = composeLetter('cn-12315', 'zh_CN', FACTS, CHOICES);
    expect(body).toContain(`${TEMPLATES.zh_CN.problems.damaged.happened}\n本人已与卖家`);
    expect(body).not.toMatch(/\n\n\n/);
  });
});

describe('the letter’s default language', () => {
  test('is the route’s own, then the platform’s for letters to it, else the UI’s', () => {
    expect(defaultLetterLanguage('cn-12315', 'aliexpress', 'en')).toBe('zh_CN');
    expect(defaultLetterLanguage('ru-claim', 'taobao', 'en')).toBe('ru');
    expect(defaultLetterLanguage('seller', 'taobao', 'ru')).toBe('zh_CN');
    expect(defaultLetterLanguage('platform-dispute', 'tmall', 'en')).toBe('zh_CN');
    expect(defaultLetterLanguage('platform-escalation', 'yandex-market', 'en')).toBe('ru');
    expect(defaultLetterLanguage('seller', 'aliexpress', 'ru')).toBe('ru');
    expect(defaultLetterLanguage('chargeback', 'taobao', 'en')).toBe('en');
    expect(defaultLetterLanguage('consumer-agency', 'yandex-market', 'zh_CN')).toBe('zh_CN');
  });
});

describe('letterFacts', () => {
  test('takes the order, the page’s and the user’s dates, the evidence with its names, and the deadlines', () => {
    const record = {
      id: 'taobao:3301',
      platform: 'taobao' as const,
      orderId: '3301',
      order: { orderId: '3301', placedAt: '2026-11-01T10:00:00+08:00', store: { name: '星光数码旗舰店' }, items: [{ title: '蓝牙耳机', quantity: 1, price: { amount: 199, currency: 'CNY' } }], sources: {} },
      state: 'open' as const,
      createdAt: '2026-11-01T02:00:00.000Z',
      updatedAt: '2026-11-01T02:00:00.000Z',
      dates: { delivered: { at: '2026-11-05T15:00:00+08:00', setBy: 'user' as const }, notAnEvent: { at: '2026-11-06T00:00:00Z', setBy: 'user' as const } },
    };
    const evidence = [
      { kind: 'file' as const, sha256: SHA, capturedAt: '2026-11-06T01:00:00.000Z', fileName: 'unboxing.mp4' },
    ] as unknown as Parameters<typeof letterFacts>[1];
    const facts = letterFacts(record, evidence, []);
    expect(facts).toEqual({
      platform: 'taobao',
      orderId: '3301',
      store: '星光数码旗舰店',
      items: [{ title: '蓝牙耳机', quantity: 1, price: { amount: 199, currency: 'CNY' } }],
      dates: { placed: '2026-11-01T10:00:00+08:00', delivered: '2026-11-05T15:00:00+08:00' },
      evidence: [{ kind: 'file', sha256: SHA, capturedAt: '2026-11-06T01:00:00.000Z', fileName: 'unboxing.mp4' }],
      deadlines: [],
    });
    const { body } = composeLetter('seller', 'zh_CN', facts, { ...CHOICES, timeZone: 'Asia/Shanghai' });
    expect(body).toContain('签收时间：2026年11月5日');
    expect(body).toContain('实付金额：¥199.00');
    expect(body).toContain('1. 文件“unboxing.mp4”，SHA-256 01234567…89abcdef，取证时间：2026年11月6日 09:00');
  });
});

describe('letters start from the case', () => {
  const NOW = new Date('2026-12-01T09:00:00Z');
  // A Yandex Market order the page shows as delivered on 5 November (a day), read before any user date.
  const delivered: CaseRecord = {
    id: 'yandex-market:512034876', platform: 'yandex-market', orderId: '512034876', state: 'open', createdAt: '', updatedAt: '',
    order: { orderId: '512034876', items: [{ title: 'Наушники Vostok Air 3' }], total: { amount: 5468, currency: 'RUB' }, sources: {}, placedAt: '2026-11-03T14:42:00+03:00', events: { placed: '2026-11-03T14:42:00+03:00', paid: '2026-11-03T14:43:00+03:00', delivered: '2026-11-05' } },
  };
  const start = (record: CaseRecord, steps: Record<string, 'done' | 'skipped'> = {}) =>
    initialLetterChoices({ record, steps, deadlines: deadlinesFor({ platform: record.platform, order: record.order, userDates: record.dates }, NOW), uiLocale: 'en', now: NOW });

  test('a delivered order starts as "not as described", to whom the ladder\'s next step says, in the recipient\'s language', () => {
    expect(start(delivered)).toEqual({ route: 'seller', problem: 'not-as-described', demand: 'return-refund', language: 'ru', step: 'document' });
    expect(start(delivered, { document: 'done', 'contact-seller': 'done' })).toMatchObject({ route: 'platform-dispute', step: 'return-request' });
    // Once the return request was made (an event ticks that step), the claim (претензия) is next.
    const requested = { ...delivered, dates: { refundRequested: { at: '2026-11-20T10:00:00+03:00', setBy: 'user' as const } } };
    expect(start(requested, { document: 'done' })).toMatchObject({ route: 'ru-claim', step: 'claim', language: 'ru' });
    expect(start(requested, { document: 'done', claim: 'skipped', escalate: 'skipped', 'expert-check': 'skipped' })).toMatchObject({ route: 'chargeback', language: 'en' });
  });

  test('an order not delivered (the promised date passed) starts as "not received"', () => {
    const late: CaseRecord = { ...delivered, platform: 'aliexpress', id: 'aliexpress:1', order: { ...delivered.order, events: { placed: '2026-11-03', shipped: '2026-11-05', expectedDelivery: '2026-11-28' } } };
    expect(start(late)).toMatchObject({ problem: 'not-received', demand: 'refund', route: 'seller', language: 'en' });
  });

  test('the letter of a delivered order never says the goods were not received, and fills every date the case knows', () => {
    const choices = start(delivered, { document: 'done', 'contact-seller': 'done', 'return-request': 'done' });
    expect(choices.route).toBe('ru-claim');
    const facts = letterFacts(delivered, [], deadlinesFor({ platform: 'yandex-market', order: delivered.order }, NOW));
    const { body } = composeLetter(choices.route, choices.language, facts, { problem: choices.problem, demand: choices.demand, date: NOW, timeZone: 'America/New_York' });
    expect(body).not.toContain('Товар мною не получен');
    // The page's delivered day is that day in the letter, in any zone (not 4 November in New York).
    expect(plain(body)).toContain('Дата получения: 5 ноября 2026 г.');
    expect(plain(body)).toContain('Дата оплаты: 3 ноября 2026 г.');
    expect(body).not.toMatch(/Дата получения: _/);
  });
});
