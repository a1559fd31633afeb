// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textAfterLabel } from '@/lib/readers/dom';
import { htmlDocument } from '../../support/fixtures';

describe('the text next to a label', () => {
  it.each([
    ['<p>Order ID: 8190123456789012</p>', 'Order ID', '8190123456789012'],
    ['<dl><dt>Store</dt><dd>Sunrise</dd><dd>Follow</dd></dl>', 'Store', 'Sunrise'],
    ['<p><span>Store:</span><a>Sunrise</a> <button>Follow</button></p>', 'Store', 'Sunrise'],
    ['<p><span>Total:</span><span>U</span><span>S</span> <span>$</span><span>3</span><span>.</span><span>9</span><span>9</span></p>', 'Total', 'US $3.99'],
    ['<div><div><span>Итого</span></div><div>2 468 ₽</div></div>', 'Итого', '2 468 ₽'],
    ['<p>Store:<script>var x = 1</script><b>Sunrise</b></p>', 'Store', 'Sunrise'],
  ])('%s', (html, label, value) => {
    expect(textAfterLabel(htmlDocument(`<html><body>${html}</body></html>`), [label])).toBe(value);
  });

  it('tries the longest label first', () => {
    expect(textAfterLabel(htmlDocument('<html><body><p>Store name: Sunrise</p></body></html>'), ['Store', 'Store name'])).toBe('Sunrise');
  });
});
