/**
 * Runs in the page's own JavaScript world (Firefox only: there, a page script cannot read a
 * DataTransfer built in the content script's compartment, so editors ignore our paste). It
 * builds the paste from page objects and answers, synchronously, whether the editor took it.
 * Only strings cross between the worlds.
 */
export const REQUEST = 'gigsaathi:paste';
export const RESPONSE = 'gigsaathi:pasted';

export function listenForPasteRequests(doc: Document): void {
  doc.addEventListener(
    REQUEST,
    (event) => {
      const target = event.target;
      const text = (event as CustomEvent<unknown>).detail;
      if (!(target instanceof Element) || typeof text !== 'string') return;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const paste = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      target.dispatchEvent(paste);
      target.dispatchEvent(
        new CustomEvent(RESPONSE, { detail: paste.defaultPrevented ? 'handled' : 'ignored', bubbles: true }),
      );
    },
    true,
  );
}
