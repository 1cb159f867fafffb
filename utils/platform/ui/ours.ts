/**
 * The one test of "is this node GigSaathi's, not the page's?". Everything we put into a page is
 * either an element whose name starts with `gigsaathi` (the inline price tags, `gigsaathipkr`) or
 * a layer's host, marked `data-gigsaathi-ui` (./layer.ts). Readers skip ours so they read the
 * page, and the page observer skips ours so our own changes are not taken for the page's.
 */
export const OUR_PREFIX = 'gigsaathi';
/**
 * The element name of every inline annotation: ours alone, so the page's CSS and queries never
 * pick it up. No hyphen on purpose: a hyphenated name is a possible custom element, which the
 * browser registers as an upgrade candidate on every insertion and keeps in a weak set; cloning
 * and inserting one cost 10-20% more of the whole first pass on the benchmark page.
 */
export const OUR_INLINE_TAG = 'gigsaathipkr';
export const OURS_SELECTOR = `[data-gigsaathi-ui], ${OUR_INLINE_TAG}`;

/** The node itself is one of ours. */
export function isOurElement(node: Node): boolean {
  return (
    node.nodeType === Node.ELEMENT_NODE &&
    ((node as Element).localName.startsWith(OUR_PREFIX) || (node as Element).hasAttribute('data-gigsaathi-ui'))
  );
}

/** The node is ours or inside something of ours. */
export function withinOurs(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(OURS_SELECTOR) != null;
}
