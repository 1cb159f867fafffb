import {
  AFTER_FEE_LABEL,
  AFTER_FEE_WORDS_ANYWHERE as LABEL_WORDS,
  CURRENCY_MARKER,
  DANGLING_MARKER,
  findPrices,
  type PriceMatch,
} from '@/utils/money/parse';
import type { Layer } from '@/utils/platform/ui/layer';
import { OUR_INLINE_TAG as TAG } from '@/utils/platform/ui/ours';
import type { InsertQueue, Several } from './insert-queue';

/** Never look inside these: code, form fields, editors, media, and our own UI. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'CODE',
  'PRE',
  TAG.toUpperCase(),
]);
const EDITABLE = ['', 'true', 'plaintext-only'];
/** The same as a selector, for native closest() on the roots of what is scanned. */
const SKIP_SELECTOR =
  [...SKIP_TAGS].map((t) => t.toLowerCase()).join(',') +
  ',' +
  EDITABLE.map((v) => `[contenteditable="${v}"]`).join(',');
/**
 * Where a found price can sit deeper than a direct child of a skipped element: highlighted code
 * and rich editors. Scripts, styles, text areas and options hold only text, so a text node's own
 * parent tells; SVG and MathML text by its parent's namespace; media and canvas fallback content
 * is never shown. So a found price asks closest() about three selectors, not the whole list,
 * which cost three times as much on the benchmark page.
 */
const NESTED_SKIP_TAGS = new Set(['code', 'pre']);
const NESTED_SKIP_SELECTOR = 'code,pre,[contenteditable]';
const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** A split price ("From" "$" "25" in three spans) fits in this many characters of its container. */
const SPLIT_PRICE_MAX_CHARS = 60;
/** How far up a split price's pieces are gathered. */
const SPLIT_PRICE_MAX_LEVELS = 3;
/** The clock is read once per this many text nodes: most cost one regex test, far below the budget. */
export const CLOCK_EVERY = 64;
/**
 * Every price has a currency marker, so a text node without one is passed over after this single
 * test: ratings, counts, dates and titles cost no more than the walk.
 */
const MARKER = CURRENCY_MARKER;
/**
 * Only a node with a marker at its edge climbs to gather a split price; its amount ("25"), a
 * rating ("4.9") or a count never does, so no digit makes us look at a parent.
 */
const DANGLING = DANGLING_MARKER;
/**
 * Parsed texts kept: a page repeats the same few ("From $5", "US$25") across thousands of cards,
 * so most prices cost one Map lookup, not a parse. Cleared when full. Only short texts: a long
 * one rarely repeats, and 2,000 of them would hold megabytes.
 */
const PARSED_MAX = 2000;
const PARSED_MAX_CHARS = 200;
/** The longest currency marker ("USD"): one found in a root's text starts at most this far before its end. */
const MARKER_MAX = 3;
/** The hourly words at a price's end, which its annotation's "/hr" says already. */
const HOURLY_TAIL = /\s*(?:\/\s*h\w*|per\s+h\w*|an\s+hour|hourly)$/i;

/**
 * Where the platform's fee is already taken: a seller's balance and earnings. Fiverr's earnings
 * page and balance show what the seller earned, 80% of the orders; Upwork's balance cards likewise.
 * Taking the fee again put a fifth too little beside a Fiverr balance as what reaches the bank.
 */
export interface EarnedAmounts {
  /** Every price on the page, by the page's URL (read as the scan goes, so SPA navigation counts). */
  page?: (url: string) => boolean;
  /** Only the prices inside these (the header's balance on every Fiverr page). */
  within?: string;
}

/**
 * Where an amount is a rate per hour although its own text says nothing of hours: Upwork's job
 * details draw "$15.00 - $30.00" in one element and "Hourly" in the next, under a clock icon.
 */
export interface HourlyAmounts {
  within?: string;
}

/**
 * Finds the prices in what it is given and queues their annotations. It reads the page and
 * never changes it: the insert queue does that, in batches.
 */
export function createScanner({
  root,
  layer,
  earned,
  hourly,
  inserts,
}: {
  root: Node;
  layer: Layer | null;
  earned: EarnedAmounts;
  hourly: HourlyAmounts;
  inserts: InsertQueue;
}) {
  /**
   * The text of a small container (a split price's pieces), or null for anything bigger. Native
   * textContent behind a cheap size guard: a JS walk per digit-bearing node cost 10× more.
   * Our own annotations add "≈ Rs …", which holds no currency marker the parser reads.
   */
  function shortText(el: Element): string | null {
    if (el.childElementCount > 12) return null;
    const text = el.textContent ?? '';
    return text.length > SPLIT_PRICE_MAX_CHARS + 30 ? null : text;
  }

  /** Whether one of the places `piece` occurs in `text` overlaps the price. */
  function overlaps(text: string, piece: string, price: PriceMatch): boolean {
    for (let i = text.indexOf(piece); i !== -1; i = text.indexOf(piece, i + 1)) {
      if (price.start < i + piece.length && price.end > i) return true;
    }
    return false;
  }

  /** A text → the prices in it (see PARSED_MAX). The matches are shared, so never changed. */
  const parsed = new Map<string, readonly PriceMatch[]>();
  function pricesIn(text: string): readonly PriceMatch[] {
    if (text.length > PARSED_MAX_CHARS) return findPrices(text);
    let found = parsed.get(text);
    if (found === undefined) {
      if (parsed.size >= PARSED_MAX) parsed.clear();
      found = findPrices(text);
      parsed.set(text, found);
    }
    return found;
  }

  /** The prices of a text that holds several, labelled; made once per parsed text. */
  const severalOf = new WeakMap<readonly PriceMatch[], Several>();
  function several(text: string, matches: readonly PriceMatch[]): Several {
    let made = severalOf.get(matches);
    if (!made) {
      const labels = matches.map((m) => {
        const label = text.slice(m.start, m.end).replace(HOURLY_TAIL, '').replace(/\s+/g, ' ');
        // "$25 AUD": the code that made the bare $ Australian sits after the match.
        return label.includes(m.currency) || !label.startsWith('$') || m.currency === 'USD'
          ? label
          : `${label} ${m.currency}`;
      });
      severalOf.set(matches, (made = { matches, labels }));
    }
    return made;
  }

  /** Whether the page is one of earnings (EarnedAmounts.page), read once per chunk. */
  let earnedPage = false;
  /**
   * Whether a found price sits in an earned region. Asked per price, not by a query per scanned
   * root as holdsNestedSkips does: one simple selector's closest() costs about 0.4 µs a price,
   * while a query over the 20,000-card benchmark page took 9 ms in one task.
   */
  function inEarnedRegion(host: Node): boolean {
    if (earned.within === undefined) return false;
    const el = host.nodeType === Node.ELEMENT_NODE ? (host as Element) : host.parentElement;
    return el?.closest(earned.within) != null;
  }

  /** Whether a found price sits where the site says amounts are hourly; closest(), as above. */
  function inHourlyRegion(host: Node): boolean {
    if (hourly.within === undefined) return false;
    const el = host.nodeType === Node.ELEMENT_NODE ? (host as Element) : host.parentElement;
    return el?.closest(hourly.within) != null;
  }
  const asHourly = (m: PriceMatch): PriceMatch => (m.hourly ? m : { ...m, hourly: true });

  /**
   * Whether a label can be anywhere: false only while the walk is of a body whose text holds
   * nothing a label could be (LABEL_WORDS). Asking needs the node before each price, a wrapper
   * per card of a search page's first pass; the body's text is read once for the walk anyway
   * (TextIndex).
   */
  let labelsPossible = true;
  /**
   * Whether the text just before a price in an element of its own says the seller's share follows:
   * "You'll receive <strong>$90.00</strong>", or a label element and then the amount's. A label in
   * the price's own text node is the parser's (PriceMatch.afterFee).
   */
  function labelledAfterFee(host: Node, first: PriceMatch): boolean {
    if (!labelsPossible) return false;
    if (host.nodeType === Node.TEXT_NODE && (host as Text).data.slice(0, first.start).trim() !== '') return false;
    let n: Node = host;
    for (let level = 0; level < SPLIT_PRICE_MAX_LEVELS && !n.previousSibling && n.parentNode; level++) n = n.parentNode;
    let prev = n.previousSibling;
    if (prev?.nodeType === Node.TEXT_NODE && (prev as Text).data.trim() === '') prev = prev.previousSibling;
    if (!prev) return false;
    const label =
      prev.nodeType === Node.TEXT_NODE
        ? (prev as Text).data
        : prev.nodeType === Node.ELEMENT_NODE && (prev as Element).childElementCount === 0
          ? (prev.textContent ?? '')
          : '';
    return AFTER_FEE_LABEL.test(label.slice(-40));
  }

  /** Queues annotations after `host`, which its callers found not annotated yet. */
  function annotate(host: Node, parsed: PriceMatch | Several) {
    if (inserts.givenUp(host)) return;
    const found: PriceMatch | Several = !inHourlyRegion(host)
      ? parsed
      : 'labels' in parsed
        ? { matches: parsed.matches.map(asHourly), labels: parsed.labels }
        : asHourly(parsed);
    const first = 'labels' in found ? found.matches[0]! : found;
    // Earned where the page, a region or a label says so: the platform's fee is already taken.
    const feeTaken = earnedPage || inEarnedRegion(host) || labelledAfterFee(host, first);
    const looks = inserts.looks();
    if ('labels' in found) {
      const lookFor = (m: PriceMatch) => (feeTaken || m.afterFee ? looks.earned : looks.normal);
      if (!found.matches.some((m, j) => lookFor(m).model(m, found.labels[j]))) return;
    } else if (!(feeTaken || found.afterFee ? looks.earned : looks.normal).model(found)) return;
    inserts.queue(host, found, feeTaken);
  }

  /** Inside code, a form field, an editor or our own UI. */
  function skipped(el: Element): boolean {
    return el.closest(SKIP_SELECTOR) !== null || (layer?.owns(el) ?? false);
  }

  /**
   * Whether the root being scanned holds any code or editor at all: on most pages none, and then
   * no price needs skippedWithin(). Three native queries per root cost about a millisecond on
   * the 5,000-card benchmark page; closest() per price cost twenty.
   */
  let nestedSkips = true;
  const holdsNestedSkips = (el: Element) =>
    el.getElementsByTagName('pre').length > 0 ||
    el.getElementsByTagName('code').length > 0 ||
    el.querySelector('[contenteditable]') !== null;

  /** The same, for an element inside a scanned root that passed skipped() (see NESTED_SKIP_SELECTOR). */
  function skippedWithin(el: Element): boolean {
    if (!nestedSkips) return false;
    for (let e = el.closest(NESTED_SKIP_SELECTOR); e; e = e.parentElement?.closest(NESTED_SKIP_SELECTOR) ?? null) {
      // contenteditable="false" (or a value the browser ignores) is not an editor.
      if (NESTED_SKIP_TAGS.has(e.localName) || EDITABLE.includes(e.getAttribute('contenteditable') ?? 'false'))
        return true;
    }
    return false;
  }

  /**
   * One text node that holds a currency marker. Costs rise only as a node proves itself: the
   * direct parent's tag (scripts and styles, whose JSON is full of "$" and "USD"), parsing, and
   * only for a price found, and only if the root holds any, closest() over code and editors.
   */
  function consider(node: Text, data: string) {
    const parent = node.parentElement;
    if (!parent || SKIP_TAGS.has(parent.tagName) || parent.namespaceURI !== HTML_NS || inserts.present(node)) return;
    const matches = pricesIn(data);
    if (matches.length > 0) {
      if (!skippedWithin(parent)) annotate(node, matches.length === 1 ? matches[0]! : several(data, matches));
      return;
    }
    // A price split over elements: gather the pieces from a small container, and take a price
    // only if this text node is one of its pieces.
    if (!DANGLING.test(data)) return;
    for (let el: Element | null = parent, level = 0; el && level < SPLIT_PRICE_MAX_LEVELS; level++) {
      if (inserts.present(el)) return;
      // With one child, its text is what the level below already held: no price there. Two
      // elements or more need no look at which: each child asked for is a wrapper to make.
      if (el.childElementCount < 2 && el.firstChild === el.lastChild) {
        if (el === root) return;
        el = el.parentElement;
        continue;
      }
      const text = shortText(el);
      if (text === null) return;
      for (const price of pricesIn(text)) {
        if (!overlaps(text, data, price)) continue;
        if (!skippedWithin(el)) annotate(el, price);
        return;
      }
      if (el === root) return;
      el = el.parentElement;
    }
  }

  /**
   * The text of the root being walked, read once (native textContent), and where the walk is in
   * it. A text node's `length` costs no string and its `data` one each, held weakly until the
   * next GC: so the walk reads `data` only of a node that a marker found in this text overlaps.
   * That reads 5,000 strings on the 5,000-card benchmark page instead of 45,000. The walker shows
   * exactly the text nodes textContent joins (CDATA sections too), in the same order.
   */
  interface TextIndex {
    readonly text: string;
    /** MARKER, global: each test() finds the next marker and sets lastIndex to its end. */
    readonly markers: RegExp;
    /** Where the next marker ends, or Infinity. */
    next: number;
    /** Where the next node's text starts. */
    off: number;
  }
  let index: TextIndex | null = null;
  /** The root whose text the walk reads first, in a step of its own (see walkerFor). */
  let indexPending: Element | null = null;
  /** Our annotations' text that the walk may meet: inserted after the text was read, so not in it. */
  const oursSinceRead = new Set<Node>();

  /** The text read is the page's no longer: nor is what it said of labels. */
  function forgetIndex() {
    index = null;
    oursSinceRead.clear();
    labelsPossible = true;
  }

  function readIndex(el: Element) {
    const text = el.textContent ?? '';
    const markers = new RegExp(MARKER.source, 'g');
    index = { text, markers, off: 0, next: markers.test(text) ? markers.lastIndex : Infinity };
    // A label outside a smaller root is not in its text.
    labelsPossible = el !== el.ownerDocument.body || LABEL_WORDS.test(text);
  }

  /** The walk without an index: every node's text read and tested. */
  function walkSomeReading(w: TreeWalker): boolean {
    for (let n = 0; n < CLOCK_EVERY; n++) {
      const node = w.nextNode() as Text | null;
      if (node === null) return false;
      const data = node.data;
      if (MARKER.test(data)) consider(node, data);
    }
    return true;
  }

  /**
   * Every text node of the page passes through here, so this does what the floor's bare walk does
   * and no more: a length, and for the few nodes a marker falls in, one regex test. A function of
   * its own, small enough to be optimised early on a page's first pass. No JS filter callback
   * either: it would run for every node. Returns false when the walk is over.
   */
  function walkSome(w: TreeWalker): boolean {
    if (indexPending !== null) {
      readIndex(indexPending);
      indexPending = null;
      return true;
    }
    const at = index;
    if (at === null) return walkSomeReading(w);
    for (let n = 0; n < CLOCK_EVERY; n++) {
      const node = w.nextNode() as Text | null;
      if (node === null) {
        // Every node's length adds up to the text read, or something changed it unseen: then
        // the root is walked again, reading every node (what is annotated already stays).
        const whole = at.off === at.text.length;
        forgetIndex();
        if (whole) return false;
        w.currentNode = w.root;
        return true;
      }
      if (oursSinceRead.size > 0 && oursSinceRead.has(node)) continue;
      const off = at.off;
      const end = (at.off = off + node.length);
      while (at.next <= off) at.next = at.markers.test(at.text) ? at.markers.lastIndex : Infinity;
      // The next marker starts at most MARKER_MAX before it ends: from this node's end on, none is in it.
      if (at.next - MARKER_MAX >= end) continue;
      const data = node.data;
      if (!at.text.startsWith(data, off)) {
        // Out of step with the text read: the rest is read node by node, and from the start.
        forgetIndex();
        w.currentNode = w.root;
        return true;
      }
      if (MARKER.test(data)) consider(node, data);
    }
    return true;
  }

  return {
    /** Read once per chunk: SPA navigation can change what the page is. */
    beginChunk(url: string) {
      earnedPage = earned.page?.(url) ?? false;
    },
    /** A text node the page added or changed on its own. */
    scanText(node: Text) {
      const parent = node.parentElement;
      const data = node.data;
      nestedSkips = true;
      if (parent && MARKER.test(data) && !skipped(parent)) consider(node, data);
    },
    /** A walker over an element's text, or null when the element is one never looked inside. */
    walkerFor(el: Element): TreeWalker | null {
      if (skipped(el)) return null;
      nestedSkips = holdsNestedSkips(el);
      // Its text is read by the first walkSome(), a step of its own: the queries above and the
      // text of a 20,000-card page would make one task of 40 ms.
      forgetIndex();
      indexPending = el;
      return document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
    },
    walkSome,
    /**
     * The page changed, or our annotations were rendered again: the text read for the walk is
     * no longer the page's, so the rest of it reads each node.
     */
    invalidate: forgetIndex,
    /** One of our annotations went in: the walk under way may meet its text. */
    inserted(annotation: HTMLElement) {
      if (index !== null && annotation.firstChild) oursSinceRead.add(annotation.firstChild);
    },
  };
}
