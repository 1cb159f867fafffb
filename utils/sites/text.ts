import { isOurElement, OURS_SELECTOR } from '@/utils/platform/ui/ours';

/**
 * An element's text as the page wrote it: GigSaathi's own elements (the price annotations,
 * `gigsaathi…` tags) are left out, so reading a page we annotated reads the page, not us.
 * `separator` goes between text nodes, where figures in neighbouring elements must not run
 * together.
 */
export function ownText(el: Element | null | undefined, separator = ''): string {
  if (!el) return '';
  // Nearly always nothing of ours inside: then the browser's own textContent, not a walk with a
  // filter called per node (card links by the thousand on a search page).
  if (separator === '' && el.querySelector(OURS_SELECTOR) === null) return (el.textContent ?? '').trim();
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE
        ? isOurElement(n)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    out += out ? separator + (n as Text).data : (n as Text).data;
  return out.trim();
}
