import { Window } from 'happy-dom';
import { realPageHtml, type RealPage } from '../harness/real-pages';

/**
 * Expectations for the real-page tier, read from the saved markup by the test itself (happy-dom,
 * no page script, none of GigSaathi's readers): what a seller sees on the page, as written.
 */
export function parseRealPage(page: RealPage): Document {
  const window = new Window({
    url: page.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildPageNavigation: true, disableMainFrameNavigation: true },
    },
  });
  // Parsed as data (no script runs: evaluation is off), never written into a live page.
  return new window.DOMParser().parseFromString(realPageHtml(page), 'text/html') as unknown as Document;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'title']);

/** Every text node a seller could read, in document order. */
export function visibleTexts(doc: Document): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push((child as Text).data);
      else if (child.nodeType === 1 && !SKIP.has((child as Element).localName)) walk(child);
    }
  };
  walk(doc.body);
  return out;
}

const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)\s?([KkMm])?\+?`;
/**
 * A US-dollar amount or range as the sites write them: `$30`, `$1,800`, `$5K+`, `$100-$200`,
 * `$100 to $500`, `Hourly: $20.00 - $45.00`. Not `A$`, `HK$`, `NZ$` (a letter before the `$`).
 */
const PRICE = new RegExp(String.raw`(?<![A-Za-z$])(?:US)?\$\s?${AMOUNT}(?:\s*(?:-|–|to)\s*\$\s?${AMOUNT})?`, 'g');

const dollars = (n: string, unit: string | undefined) =>
  Number(n.replace(/,/g, '')) * (unit ? (/k/i.test(unit) ? 1_000 : 1_000_000) : 1);

/** The `data-gigsaathi-pkr` each dollar amount on the page should get at `pkrPerUsd`, in order. */
export function expectedPkr(doc: Document, pkrPerUsd: number): string[] {
  const out: string[] = [];
  for (const text of visibleTexts(doc)) {
    for (const m of text.matchAll(PRICE)) {
      const low = Math.round(dollars(m[1]!, m[2]) * pkrPerUsd);
      out.push(m[3] ? `${low}-${Math.round(dollars(m[3], m[4]) * pkrPerUsd)}` : String(low));
    }
  }
  return out;
}
