import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n';
import { PLATFORMS } from '@/lib/common/marketplaces';
import { checklistFor, EVIDENCE_KINDS, ladderFor, stepMessage } from '@/lib/deadlines';
import { LADDERS, parseRules, RULES } from '@/lib/deadlines/rules';
import { RULE_DATA } from '@/lib/deadlines/rules/data';
import { RuleSchema } from '@/lib/deadlines/rules/schema';

// The rules doc lives outside the repository (../shared); the tests on it run wherever it is present.
const DOC = resolve('../shared/docs/dispute-rules.md');
const hasDoc = existsSync(DOC);
const inCI = process.env.CI === 'true';
if (!hasDoc && !inCI) console.warn(`[rules] ${DOC} is absent: the checks against dispute-rules.md are skipped.`);

interface DocRow {
  id: string;
  value: string;
  confidence: string;
}

/** The rule rows of the doc's tables: "| AE-01 | rule | value | start | … | conf |"; "CB-UP, CB-MIR" is two ids. */
function docRows(markdown: string): DocRow[] {
  const rows: DocRow[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 5 || !/^[A-Z]{2}-[0-9A-Za-z]+/.test(cells[0])) continue;
    for (const id of cells[0].split(/,\s*/)) rows.push({ id, value: cells[2], confidence: cells[cells.length - 1] });
  }
  return rows;
}

/** "M/L" → L, "L/M" → L, "M/H" → M, "H (exists)" → H, "—" → undefined. */
function lowestConfidence(text: string): string | undefined {
  const levels: string[] = text.match(/\b[HML]\b/g) ?? [];
  return ['L', 'M', 'H'].find((level) => levels.includes(level));
}

/** Where the data's confidence differs from the doc's on purpose. */
const CONFIDENCE_EXCEPTIONS: Record<string, string> = {
  // The doc's value is the seller's promised time, which only the page shows; 60/90 days is a stand-in.
  'AE-02': 'L',
  // The doc gives no confidence ("not found: ask the bank").
  'CB-UP': 'L',
  'CB-MIR': 'L',
};

describe.runIf(hasDoc)('the rules against dispute-rules.md', () => {
  const rows = hasDoc ? docRows(readFileSync(DOC, 'utf8')) : [];

  it('reads the doc’s tables', () => {
    expect(rows.length).toBeGreaterThan(50);
  });

  it('has every rule of the doc, with the same id, and no other', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('keeps each rule’s value as the doc words it', () => {
    for (const row of rows) expect(RULES.find((r) => r.id === row.id)?.valueText, row.id).toBe(row.value);
  });

  it('takes the doc’s confidence, the lower one where it gives two', () => {
    for (const row of rows) {
      const expected = CONFIDENCE_EXCEPTIONS[row.id] ?? lowestConfidence(row.confidence);
      expect(RULES.find((r) => r.id === row.id)?.confidence, row.id).toBe(expected);
    }
  });
});

describe.runIf(inCI && !hasDoc)('dispute-rules.md in CI', () => {
  it('is present (it must be in CI)', () => {
    expect(hasDoc).toBe(true);
  });
});

describe('rule data', () => {
  it('validates with zod (as it does at load time)', () => {
    expect(z.array(RuleSchema).safeParse(RULE_DATA).success).toBe(true);
  });

  it('rejects a computable rule without a start, and a non-computable one without a reason', () => {
    const base = RULE_DATA.find((r) => r.id === 'AE-07')!;
    expect(() => parseRules([{ ...base, start: undefined }])).toThrow(/needs start/);
    expect(() => parseRules([{ ...base, computable: false }])).toThrow(/say why/);
    expect(() => parseRules([base, base])).toThrow(/listed twice/);
    expect(() => parseRules([{ ...base, unit: 'days' }])).toThrow();
  });

  it('marks rules without a computable deadline as such, so the ladder can still cite them', () => {
    for (const id of ['CN-55', 'RU-17', 'YM-01']) expect(RULES.find((r) => r.id === id)).toMatchObject({ computable: false });
  });

  it('says whose deadline each rule is: buyer windows are met by events, other parties\' timers are not', () => {
    const role = (id: string) => RULES.find((r) => r.id === id)!.role;
    for (const id of ['RU-261a', 'RU-19', 'TB-01', 'CN-25', 'AE-04', 'PP-1', 'PP-2', 'CB-V131', 'CN-12315b', 'EU-9', 'UK-22']) expect(role(id), id).toBe('buyer');
    for (const id of ['AE-07', 'AE-08', 'TB-02', 'TB-04', 'TB-05', 'RU-22', 'RU-261c', 'CN-12315a', 'YM-03', 'EU-13']) expect(role(id), id).toBe('other');
    for (const id of ['AE-06', 'AE-13', 'TB-03', 'AE-12']) expect(role(id), id).toBe('opens');
    for (const id of ['CN-55', 'RU-17', 'YM-01']) expect(role(id), id).toBe('fact');
    expect(RULES.find((r) => r.id === 'AE-04')!.metBy).toContain('disputeOpened');
    expect(RULES.find((r) => r.id === 'RU-19')!.metBy).toContain('claimSent');
    expect(RULES.find((r) => r.id === 'CB-MC')!.metBy).toEqual(['paymentDisputeOpened']);
    const base = RULE_DATA.find((r) => r.id === 'AE-07')!;
    expect(() => parseRules([{ ...base, metBy: ['disputeOpened'] }])).toThrow(/only a buyer's window/);
    expect(() => parseRules([{ ...base, role: 'fact' }])).toThrow(/a fact has no date/);
    expect(() => parseRules([{ ...base, role: undefined }])).toThrow();
  });

  it('counts PP-2 from the day a PayPal dispute or chargeback was opened; the doc gives no bank answer window', () => {
    expect(RULES.find((r) => r.id === 'PP-2')).toMatchObject({ computable: true, start: { events: ['paymentDisputeOpened'] }, value: 20, unit: 'CD', confidence: 'H' });
    const fromPaymentDispute = RULES.filter((r) => r.start && 'events' in r.start && r.start.events.includes('paymentDisputeOpened')).map((r) => r.id);
    expect(fromPaymentDispute).toEqual(['PP-2']);
  });

  it('uses the conservative end of a range and marks it L', () => {
    expect(RULES.find((r) => r.id === 'AE-06')).toMatchObject({ value: 10, confidence: 'L' });
    expect(RULES.find((r) => r.id === 'TB-06')).toMatchObject({ value: 15, confidence: 'L' });
    expect(RULES.find((r) => r.id === 'YM-02')).toMatchObject({ value: 7, confidence: 'L' });
  });
});

const LANGUAGES = ['en', 'zh_CN', 'ru'] as const;
const text = (locale: (typeof LANGUAGES)[number], key: string) => (LOCALES[locale] as Record<string, unknown>)[key];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('rule and ladder texts', () => {
  it('labels every rule in en, zh_CN and ru (translated, not copied)', () => {
    const keys = RULES.map((r) => `rule.${r.id}`);
    for (const key of keys) {
      for (const locale of LANGUAGES) expect(typeof text(locale, key), `${locale} ${key}`).toBe('string');
      expect(text('zh_CN', key), key).not.toBe(text('en', key));
      expect(text('ru', key), key).not.toBe(text('en', key));
    }
  });

  it('gives every rule a short name for one-line headlines in en, zh_CN and ru (translated, not copied)', () => {
    for (const rule of RULES) {
      const key = `deadline.name.${rule.id}`;
      for (const locale of LANGUAGES) expect(typeof text(locale, key), `${locale} ${key}`).toBe('string');
      expect(text('zh_CN', key), key).not.toBe(text('en', key));
      expect(text('ru', key), key).not.toBe(text('en', key));
    }
  });

  it('gives every step a title, what to do, when to move on and, where it has one, a message with the same placeholders in each language', () => {
    for (const platform of PLATFORMS) {
      for (const step of ladderFor(platform)) {
        const keys = [step.titleKey, step.todoKey, step.moveOnKey, ...(step.messageKey ? [step.messageKey] : [])];
        for (const key of keys) for (const locale of LANGUAGES) expect(typeof text(locale, key), `${locale} ${key}`).toBe('string');
        if (step.messageKey) {
          const en = placeholders(text('en', step.messageKey) as string);
          expect(en.length, step.messageKey).toBeGreaterThan(0);
          for (const name of en) expect(['orderId', 'store', 'amount', 'orderDate', 'deliveredDate', 'due']).toContain(name);
          expect(placeholders(text('zh_CN', step.messageKey) as string), step.messageKey).toEqual(en);
          expect(placeholders(text('ru', step.messageKey) as string), step.messageKey).toEqual(en);
        }
      }
    }
  });
});

describe('ladders', () => {
  it('follow the doc’s order for each platform', () => {
    expect(ladderFor('aliexpress').map((s) => s.id)).toEqual(['document', 'contact-seller', 'open-dispute', 'seller-timeout', 'platform-decides', 'appeal', 'payment-provider', 'agency-court']);
    expect(ladderFor('taobao').map((s) => s.id)).toEqual(['document', 'contact-seller', 'request-refund', 'seller-timeout', 'platform-intervenes', 'authenticate', 'chargeback', 'complaint-12315', 'court']);
    expect(ladderFor('tmall').map((s) => s.id)).toEqual(ladderFor('taobao').map((s) => s.id));
    expect(ladderFor('yandex-market').map((s) => s.id)).toEqual(['document', 'contact-seller', 'return-request', 'claim', 'escalate', 'expert-check', 'bank-dispute', 'rospotrebnadzor', 'court']);
    expect(LADDERS).toHaveLength(3);
  });

  it('cite TB-08 only on Tmall', () => {
    const authenticate = (platform: 'taobao' | 'tmall') => ladderFor(platform).find((s) => s.id === 'authenticate')!.rules;
    expect(authenticate('tmall')).toContain('TB-08');
    expect(authenticate('taobao')).not.toContain('TB-08');
  });

  it('ask for evidence from the fixed vocabulary', () => {
    for (const platform of PLATFORMS) for (const step of ladderFor(platform)) for (const kind of step.evidence) expect(EVIDENCE_KINDS).toContain(kind);
    expect(ladderFor('aliexpress')[0].evidence).toEqual(['order-page', 'listing', 'tracking', 'unboxing-video']);
  });
});

describe('checklistFor', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('makes the first open step next, and later ones upcoming', () => {
    const steps = checklistFor('aliexpress', { events: {}, done: {}, now, deadlines: [] });
    expect(steps.map((s) => s.state)).toEqual(['next', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('takes done and skipped from the user and from case events', () => {
    const steps = checklistFor('aliexpress', { events: { disputeOpened: '2026-11-18T20:00:00+03:00' }, done: { document: 'done' }, now, deadlines: [] });
    expect(steps.slice(0, 4).map((s) => [s.id, s.state])).toEqual([
      ['document', 'done'],
      ['contact-seller', 'done'],
      ['open-dispute', 'done'],
      ['seller-timeout', 'next'],
    ]);
    expect(steps[2].doneByEvent).toBe(true);
    const skipped = checklistFor('yandex-market', { events: {}, done: { document: 'done', 'contact-seller': 'skipped' }, now, deadlines: [] });
    expect(skipped.slice(0, 3).map((s) => s.state)).toEqual(['done', 'skipped', 'next']);
  });

  it('gives the next step its evidence, message and deadlines', () => {
    const deadlines = [
      { rule: 'RU-22', label: '', labelKey: 'rule.RU-22' as MessageKey, due: '2027-01-12T00:00:00+03:00', dueMs: 0, confidence: 'H' as const, source: '', setBy: 'rule' as const, precision: 'day' as const, zone: 'Europe/Moscow', role: 'other' as const },
      { rule: 'TB-02', label: '', labelKey: 'rule.TB-02' as MessageKey, due: '2026-11-20T23:30:00+08:00', dueMs: 0, confidence: 'L' as const, source: '', setBy: 'rule' as const, precision: 'minute' as const, zone: 'Asia/Shanghai', role: 'other' as const },
    ];
    const steps = checklistFor('yandex-market', { events: { refundRequested: '2026-11-18T10:00:00+03:00' }, done: { document: 'done' }, now, deadlines });
    const next = steps.find((s) => s.state === 'next')!;
    expect(next.id).toBe('claim');
    expect(next.evidence).toContain('claim-letter');
    expect(next.messageKey).toBe('ladder.yandex-market.claim.message');
    expect(next.deadlines.map((d) => d.rule)).toEqual(['RU-22']);
  });
});

describe('stepMessage', () => {
  it('fills the case into the message in each language, leaving a blank for what is unknown', () => {
    const facts = { orderId: '8190123456789012', store: 'Best Store', amount: '36.80 USD', orderDate: '3 Nov 2026' };
    const en = stepMessage('en', 'ladder.aliexpress.open-dispute.message' as MessageKey, facts);
    expect(en).toContain('Order 8190123456789012 (Best Store), 36.80 USD');
    expect(en).not.toMatch(/\{\w+\}/);
    const ru = stepMessage('ru', 'ladder.yandex-market.claim.message' as MessageKey, { orderId: '123', amount: '4 990 ₽' });
    expect(ru).toContain('заказ 123');
    expect(ru).toContain('____');
    expect(stepMessage('zh_CN', 'ladder.taobao.request-refund.message' as MessageKey, { orderId: '4012', amount: '¥128.00' })).toBe(
      '订单4012：申请退款¥128.00。原因：（与描述不符/质量问题/七天无理由退货）。已附上照片和开箱视频。',
    );
  });
});
