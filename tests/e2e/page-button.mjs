// The in-page button lives in a closed shadow root, so neither the page nor Playwright's locators (which
// pierce open roots only) can reach into it. The DevTools protocol sees every root, as DevTools itself
// does: these helpers find the button's parts through it, click with the real mouse at the button's
// position (a trusted event, as the user's own click) and read what the button says.
import { waitUntil } from './harness.mjs';

/** Every node of the page, closed shadow roots included. */
async function documentTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    return { root, cdp };
  } catch (error) {
    await cdp.detach();
    throw error;
  }
}

function* walk(node) {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

const testIdOf = (node) => {
  const attributes = node.attributes ?? [];
  const at = attributes.indexOf('data-testid');
  return at >= 0 && at % 2 === 0 ? attributes[at + 1] : undefined;
};

/** The button's part with this data-testid: its text and the centre of its box, or undefined when it is not on the page. */
export async function pageButtonPart(page, testId) {
  const { root, cdp } = await documentTree(page);
  try {
    const node = [...walk(root)].find((n) => testIdOf(n) === testId);
    if (!node) return undefined;
    const text = [...walk(node)].filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join('');
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId });
    const [x1, y1, , , x3, y3] = model.border;
    return { text, x: (x1 + x3) / 2, y: (y1 + y3) / 2, width: x3 - x1, height: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

/** 'closed' or 'open': the kind of shadow root the button's host has. */
export async function pageButtonRootType(page) {
  const { root, cdp } = await documentTree(page);
  await cdp.detach();
  return [...walk(root)].find((n) => n.localName === 'disputekit-page-button')?.shadowRoots?.[0]?.shadowRootType;
}

/** Clicks "Save order to DisputeKit" with the mouse, as the user would (once it is on the page). */
export async function clickPageButton(page) {
  const button = await waitUntil(() => pageButtonPart(page, 'page-button'), (part) => part !== undefined && part.width > 0, { what: 'the in-page button' });
  await page.mouse.click(button.x, button.y);
}

/** Waits until the button's message says this (a string: exactly; a RegExp: matching) and returns it. */
export function expectPageButtonMessage(page, expected) {
  return waitUntil(async () => (await pageButtonPart(page, 'page-button-message'))?.text, expected, { what: 'the in-page button’s message' });
}
