// @vitest-environment happy-dom
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CasePlan } from '@/components/CasePlan';
import { casePlanApi, orderForPlan } from '@/lib/case-plan';
import { DisputeKitDB } from '@/lib/db';
import { translator } from '@/lib/i18n';
import type { OrderFacts } from '@/lib/model';

const NAME = 'disputekit-case-plan-test';
const HOUR = 3_600_000;
let database: DisputeKitDB;
let root: HTMLElement;

afterEach(async () => {
  render(null, root);
  root.remove();
  database.close();
  await Dexie.delete(NAME);
});

function order(protectionLeftMs: number): OrderFacts {
  return {
    orderId: '8190123456789012',
    placedAt: new Date(Date.now() - 5 * 24 * HOUR).toISOString(),
    store: { name: 'Sunrise Gadgets Store' },
    items: [],
    sources: {},
    countdowns: [{ label: 'Buyer protection', text: 'Buyer protection: …', endsAt: new Date(Date.now() + protectionLeftMs).toISOString() }],
  };
}

async function show(facts: OrderFacts, copy = vi.fn(async () => true)) {
  database = new DisputeKitDB(NAME);
  const notifyChanged = vi.fn();
  const api = casePlanApi({ database, now: () => new Date(), notifyChanged, copy, openSettings: () => {} });
  root = document.createElement('div');
  document.body.append(root);
  await act(async () =>
    render(
      <CasePlan t={translator('en')} lang="en" locale="en" api={api} platform="aliexpress" order={facts} caseId="aliexpress:8190123456789012">
        <button data-testid="capture">Capture evidence</button>
      </CasePlan>,
      root,
    ),
  );
  await act(async () => {});
  return { notifyChanged, copy };
}
const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 50))));

describe('the case plan in the popup', () => {
  it('before any capture: the page\'s countdown, then the next step, then the capture button', async () => {
    await show(order(2 * 24 * HOUR + 5 * HOUR + 30_000));
    expect(byTestId('countdown-left')?.textContent).toBe('2 days 5 hours left');
    expect(byTestId('countdown-label')?.textContent).toContain('from the page');
    expect(root.querySelector('[data-testid="countdown"] [data-testid="tag-typical"]')).toBeNull();
    const order_ = [...root.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid'));
    expect(order_.indexOf('countdown')).toBeLessThan(order_.indexOf('next-step'));
    expect(order_.indexOf('next-step')).toBeLessThan(order_.indexOf('capture'));
    // The ladder's condition for going on to the following step is part of the next step.
    expect(byTestId('next-step-move-on')?.textContent).toMatch(/^Move on when: \S/);
    expect(byTestId('checklist')?.tagName).toBe('DETAILS');
    expect(byTestId('deadlines')?.tagName).toBe('DETAILS');
    expect(byTestId('deadlines')?.hasAttribute('open')).toBe(false);
  });

  it('marking the next step done stores it (creating the case) and moves on to a step with a message to copy', async () => {
    const { notifyChanged, copy } = await show(order(10 * 24 * HOUR));
    const first = byTestId('next-step-title')!.textContent;
    await act(async () => byTestId('step-done')!.click());
    await vi.waitFor(async () => expect(await database.checklist.count()).toBe(1));
    await settle();
    expect(await database.checklist.toArray()).toMatchObject([{ caseId: 'aliexpress:8190123456789012', state: 'done' }]);
    expect(await database.cases.get('aliexpress:8190123456789012')).toBeDefined();
    expect(notifyChanged).toHaveBeenCalled();
    expect(byTestId('next-step-title')!.textContent).not.toBe(first);

    const message = (byTestId('next-step-message') as HTMLTextAreaElement).value;
    expect(message).toContain('8190123456789012');
    expect(message).not.toMatch(/\{\w+\}/);
    await act(async () => byTestId('copy-message')!.click());
    expect(copy).toHaveBeenCalledWith(message);
    expect(byTestId('copy-message')!.textContent).toBe('Copied');
  });

  it('a rule known only from guides is marked typical', async () => {
    // Only a shipping date: AE-06 (earliest day to open a dispute, 5–10 days) is a confidence-L rule.
    const facts: OrderFacts = { orderId: '8190123456789012', items: [], sources: {} };
    await show(facts);
    const api = casePlanApi({ database, now: () => new Date(), notifyChanged: () => {}, copy: async () => true, openSettings: () => {} });
    await api.setDate({ platform: 'aliexpress', order: facts }, 'shipped', new Date(Date.now() - 2 * 24 * HOUR).toISOString());
    render(null, root);
    await act(async () =>
      render(<CasePlan t={translator('en')} lang="en" locale="en" api={api} platform="aliexpress" order={facts} caseId="aliexpress:8190123456789012" />, root),
    );
    await settle();
    expect(byTestId('countdown-label')?.textContent).toMatch(/typical/);
  });
});

describe('setting a deadline by hand in the list', () => {
  it('stores it for the rule, marks it "set by you", and removing it brings the page\'s back', async () => {
    await show(order(2 * 24 * HOUR + 5 * HOUR + 30_000));
    const input = () => byTestId('due-input-AE-02') as HTMLInputElement;
    await act(async () => byTestId('due-edit-AE-02')!.click());
    input().value = '2030-01-02T10:30';
    await act(async () => void input().dispatchEvent(new Event('change')));
    await vi.waitFor(async () => expect((await database.cases.get('aliexpress:8190123456789012'))?.userDue).toBeDefined());
    await settle();
    expect((await database.cases.get('aliexpress:8190123456789012'))?.userDue?.['AE-02']).toMatch(/^2030-01-02T10:30:00\.000[+-]\d\d:\d\d$/);
    const item = root.querySelector('[data-rule="AE-02"]')!;
    expect(item.textContent).toContain('set by you');
    await act(async () => byTestId('due-clear-AE-02')!.click());
    await vi.waitFor(async () => expect((await database.cases.get('aliexpress:8190123456789012'))?.userDue).toEqual({}));
    await settle();
    expect(byTestId('countdown-label')?.textContent).toContain('from the page');
  });
});

describe('the order the plan is computed from', () => {
  it('is the page\'s, with what only the stored case still knows', () => {
    const stored = order(HOUR);
    const page: OrderFacts = { orderId: stored.orderId, status: 'Delivered', items: [], sources: {} };
    expect(orderForPlan(page, stored)).toMatchObject({ status: 'Delivered', placedAt: stored.placedAt, countdowns: stored.countdowns });
    const fresher = order(2 * HOUR);
    expect(orderForPlan(fresher, stored).countdowns).toEqual(fresher.countdowns);
    expect(orderForPlan(page, undefined)).toBe(page);
  });
});
