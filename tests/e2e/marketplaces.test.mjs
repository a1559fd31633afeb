// The popup reads the sample order page of every marketplace in real Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SAMPLES } from '../fixtures/samples.mjs';
import { expectText, fixture, launchExtension, openPopup, openTab, serve } from './harness.mjs';

describe('the popup on every marketplace', () => {
  let ext;
  before(async () => {
    ext = await launchExtension();
    for (const { file, url } of SAMPLES) await serve(ext.context, url, fixture(file));
  });
  after(async () => ext?.close());

  for (const sample of SAMPLES) {
    it(`${sample.name}: ${sample.expect.orderId ? 'names the order' : 'lists the orders'}`, async () => {
      const { tabId } = await openTab(ext, sample.url);
      const popup = await openPopup(ext, tabId);
      if (sample.expect.orderId) {
        await expectText(popup.getByTestId('order-id'), sample.expect.orderId);
        if (sample.expect.store) await expectText(popup.getByTestId('order-store'), sample.expect.store);
        if (sample.expect.status) await expectText(popup.getByTestId('order-status'), sample.expect.status);
        assert.equal(await popup.getByTestId('capture').count(), 1);
      } else {
        const count = Number((await popup.getByTestId('order-count').textContent()).match(/\d+/)[0]);
        if (sample.expect.orders === 'some') assert.ok(count > 0);
        else assert.equal(count, sample.expect.orders);
        assert.equal(await popup.getByTestId('save-all').count(), 1);
      }
      await popup.close();
    });
  }
});
