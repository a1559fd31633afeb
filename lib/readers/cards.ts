/**
 * Order cards on a list page whose markup is unknown or has changed. Class names and data attributes come
 * and go; what every card keeps is something that names its order: a link to the order (its id in the URL)
 * or the order number written in its text. The card of an order is the largest element around that order's
 * marks that holds no mark of another order.
 *
 * Each mark walks up its ancestors once, tagging each with the order it holds (or "several"), so the
 * grouping is linear in the size of the page.
 */

/**
 * The card of each order, by order id in page order. `marks` are [order id, element that names it] in page
 * order; `top` are elements a card never grows into (the body, the list's root).
 */
export function cardsAround(marks: Iterable<readonly [string, Element]>, top: ReadonlySet<Element | null>): Map<string, Element> {
  const owner = new Map<Element, string | null>();
  const firstMark = new Map<string, Element>();
  for (const [id, mark] of marks) {
    if (!firstMark.has(id)) firstMark.set(id, mark);
    for (let el: Element | null = mark; el; el = el.parentElement) {
      const current = owner.get(el);
      if (current === undefined) owner.set(el, id);
      else if (current === id || current === null) break;
      else owner.set(el, null);
    }
  }
  const cards = new Map<string, Element>();
  for (const [id, mark] of firstMark) {
    let card: Element = mark;
    for (let el = mark.parentElement; el && !top.has(el) && owner.get(el) === id; el = el.parentElement) card = el;
    cards.set(id, card);
  }
  return cards;
}
