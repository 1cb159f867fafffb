import { ageText, rupees, translatorFor } from '@/utils/platform/i18n';
import { breakdown, feeModel } from '@/utils/money/fees';
import { formatMoney, formatRupeeRange } from '@/utils/money/format';
import { AFTER_FEE_LABEL, findPrices, type PriceMatch } from '@/utils/money/parse';
import { effectiveRates, pkrPer, type EffectiveRates } from '@/utils/money/rates';
import type { Platform, RatesView, Settings } from '@/utils/schema';
import { h } from '@/utils/platform/ui/h';
import type { Layer } from '@/utils/platform/ui/layer';
import { isOurElement, OUR_INLINE_TAG } from '@/utils/platform/ui/ours';

/** The annotation's element (see ours.ts for why this name). */
export const TAG = OUR_INLINE_TAG;

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
/** Main-thread time per chunk, well inside one 16 ms frame. */
const FRAME_BUDGET_MS = 8;
/** The clock is read once per this many text nodes: most cost one regex test, far below the budget. */
const CLOCK_EVERY = 64;
/**
 * A currency marker, as the parser reads them. Every price has one, so a text node without one is
 * passed over after this single test: ratings, counts, dates and titles cost no more than the walk.
 */
const MARKER = /[$€£]|USD|EUR|GBP|CAD|AUD|AED/;
/**
 * A marker left dangling at a node's edge, its amount in a neighbouring element: "From US$" before
 * `<span>25</span>`, or "USD" after it. Only such a node climbs to gather a split price; its amount
 * ("25"), a rating ("4.9") or a count never does, so no digit makes us look at a parent.
 */
const DANGLING = /(?:[$€£]|USD|EUR|GBP|CAD|AUD|AED)\s*$|^\s*(?:[-–—]\s*)?(?:USD|EUR|GBP|CAD|AUD|AED|€)/;
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/**
 * Parsed texts kept: a page repeats the same few ("From $5", "US$25") across thousands of cards,
 * so most prices cost one Map lookup, not a parse. Cleared when full. Only short texts: a long
 * one rarely repeats, and 2,000 of them would hold megabytes.
 */
const PARSED_MAX = 2000;
const PARSED_MAX_CHARS = 200;
/** The hourly words at a price's end, which its annotation's "/hr" says already. */
const HOURLY_TAIL = /\s*(?:\/\s*h\w*|per\s+h\w*|an\s+hour|hourly)$/i;

/**
 * Several prices in one text node ("Basic $10, Standard $25"): each gets an annotation of its own,
 * labelled with the price as the page writes it, all inserted after the text, since the page's
 * text node is never split.
 */
interface Several {
  readonly matches: readonly PriceMatch[];
  readonly labels: readonly string[];
}
/** After this many re-annotations of one spot, the page wins: it keeps re-rendering it. */
const MAX_REANNOTATIONS = 3;
/**
 * Insertions are held and made together at most this often: every insertion dirties the page's
 * layout, and on a 20,000-card grid one relayout per 8 ms chunk made the first pass take 18 s.
 */
const FLUSH_EVERY_MS = 200;
const FLUSH_AT = 1500;

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
 * What a price's annotation looks like under given rates and settings: its attributes and visible
 * text, and a finished model per price to clone. Shared by the annotator and the benchmark's bare
 * pass, so both make exactly the same annotations. `feeTaken`: an amount already after the
 * platform's fee (see EarnedAmounts).
 */
export function annotationLook(rates: RatesView, settings: Settings, platform: Platform, feeTaken = false) {
  const effective: EffectiveRates = effectiveRates(
    {
      rates: rates.rates,
      source: rates.source as 'built-in',
      fetchedAt: rates.fetchedAt,
      publishedAt: rates.publishedAt,
    },
    rates.manual ? rates.pkrPerUsd : null,
  );
  const fees = feeModel(settings, platform, feeTaken ? 0 : undefined);
  // Styled inline: an unknown element the page's CSS has no rules for, made to sit quietly beside
  // the price without moving it or taking its clicks' target. Cloned, so the style is parsed once.
  const prototype = document.createElement(TAG);
  prototype.style.cssText =
    'all: initial; display: inline; margin-inline-start: 0.3em; font: inherit; font-size: 0.85em; font-weight: 500; color: #0b6e4f; white-space: nowrap; cursor: help;';
  prototype.tabIndex = 0;

  /**
   * Sets an annotation's attributes and text; false for a currency without a rate (then removed).
   * `label`: the price as the page writes it, for one of several prices in one text, whose
   * annotations all follow that text: "$10 ≈ Rs 2,800 $25 ≈ Rs 7,000", not two bare figures to
   * pair up by position.
   */
  function render(annotation: HTMLElement, match: PriceMatch, label?: string): boolean {
    const perUnit = pkrPer(effective, match.currency);
    if (perUnit === null) {
      annotation.remove();
      return false;
    }
    const currencyPerUsd = effective.table.rates[match.currency] ?? 1;
    const gross = [match.min * perUnit, match.max * perUnit];
    const netMin = breakdown(match.min, fees, currencyPerUsd).net * perUnit;
    const net = [netMin, match.max === match.min ? netMin : breakdown(match.max, fees, currencyPerUsd).net * perUnit];
    // The page's own sign and "+": a withdrawal of -$500 is money out, "$5K+" at least that much.
    const sign = match.negative ? '-' : '';
    const attr = ([a, b]: number[]) =>
      Math.round(a!) === Math.round(b!) ? `${sign}${Math.round(a!)}` : `${Math.round(a!)}-${Math.round(b!)}`;
    annotation.setAttribute('data-gigsaathi-pkr', attr(gross));
    annotation.setAttribute('data-gigsaathi-pkr-net', attr(net));
    const rupees = formatRupeeRange(gross[0]!, gross[1]!, settings.pkrGrouping);
    annotation.textContent = `${label ? `${label} ` : ''}≈ ${match.negative ? '−' : ''}${rupees}${match.plus ? '+' : ''}${match.hourly ? '/hr' : ''}`;
    return true;
  }

  /**
   * A parsed price → a finished annotation to clone, or null for a currency without a rate. By
   * value too: "From $25" and "From US$25" are one annotation, rendered once.
   */
  const ready = new WeakMap<PriceMatch, HTMLElement | null>();
  const readyByValue = new Map<string, HTMLElement | null>();
  function model(match: PriceMatch, label?: string): HTMLElement | null {
    let made = label === undefined ? ready.get(match) : undefined;
    if (made === undefined) {
      const key = `${match.currency} ${match.min} ${match.max} ${match.hourly ? 'h' : ''}${match.negative ? '-' : ''}${match.plus ? '+' : ''} ${label ?? ''}`;
      made = readyByValue.get(key);
      if (made === undefined) {
        if (readyByValue.size >= PARSED_MAX) readyByValue.clear();
        made = prototype.cloneNode() as HTMLElement;
        // A hairline before each of several annotations in a row tells where one ends.
        if (label !== undefined)
          made.style.cssText += 'border-inline-start: 1px solid #9cc7b5; padding-inline-start: 0.35em;';
        if (!render(made, match, label)) made = null;
        readyByValue.set(key, made);
      }
      if (label === undefined) ready.set(match, made);
    }
    return made;
  }
  return { effective, fees, feeTaken, render, model };
}
type Look = ReturnType<typeof annotationLook>;

export interface PriceAnnotator {
  /** Everything annotated so far. */
  count(): number;
  /** Resolves when the queued work is done (tests and the benchmark). */
  idle(): Promise<void>;
  /** Recomputes every annotation (new rates or settings). */
  refresh(rates: RatesView, settings: Settings): void;
  stop(): void;
}

/**
 * Annotates every price on the page with its PKR value, inserting an element right after it; the
 * page's own nodes are never changed. The first pass walks the page in chunks that stay inside a
 * frame budget; afterwards one MutationObserver queues only what was added or changed, so the
 * cost of an appended batch of cards does not grow with the page.
 */
export function startPriceAnnotator({
  root = document.body,
  platform,
  rates: initialRates,
  settings: initialSettings,
  layer,
  signal,
  earned = {},
  hourly = {},
  onChunk,
}: {
  root?: HTMLElement;
  platform: Platform;
  rates: RatesView;
  settings: Settings;
  layer: Layer | null;
  signal: AbortSignal;
  earned?: EarnedAmounts;
  hourly?: HourlyAmounts;
  /** Called with each chunk's main-thread time (the benchmark). */
  onChunk?: (ms: number) => void;
}): PriceAnnotator {
  let rates = initialRates;
  let settings = initialSettings;
  let look = annotationLook(rates, settings, platform);
  let earnedLook = annotationLook(rates, settings, platform, true);
  /** Each annotation we inserted → its price. */
  const annotations = new Map<HTMLElement, PriceMatch>();
  /** The annotations of amounts already after the platform's fee. */
  const earnedSet = new WeakSet<HTMLElement>();
  const lookOf = (a: HTMLElement): Look => (earnedSet.has(a) ? earnedLook : look);
  /** The label of an annotation that is one of several after a text (see Several). */
  const labels = new WeakMap<HTMLElement, string>();
  /** The first of several annotations after a text → the others, which go with it. */
  const followers = new WeakMap<HTMLElement, HTMLElement[]>();
  /** Host node (text node or element) → its annotation, or QUEUED until the next flush. */
  const byHost = new WeakMap<Node, HTMLElement>();
  const fights = new WeakMap<Node, number>();
  const queue: Node[] = [root];
  let queueHead = 0;
  let walker: TreeWalker | null = null;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

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
  /** Stands in byHost for an annotation that is queued, made and inserted at the next flush. */
  const QUEUED = document.createElement(TAG);
  /** An annotation that is on the page or about to be. */
  const present = (a: HTMLElement | undefined) =>
    a !== undefined && (a === QUEUED || a.isConnected || annotations.has(a));

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
   * Whether the text just before a price in an element of its own says the seller's share follows:
   * "You'll receive <strong>$90.00</strong>", or a label element and then the amount's. A label in
   * the price's own text node is the parser's (PriceMatch.afterFee).
   */
  function labelledAfterFee(host: Node, first: PriceMatch): boolean {
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
    const parent = host.parentNode;
    if (!parent || (fights.get(parent) ?? 0) > MAX_REANNOTATIONS) return;
    const found: PriceMatch | Several = !inHourlyRegion(host)
      ? parsed
      : 'labels' in parsed
        ? { matches: parsed.matches.map(asHourly), labels: parsed.labels }
        : asHourly(parsed);
    const first = 'labels' in found ? found.matches[0]! : found;
    // Earned where the page, a region or a label says so: the platform's fee is already taken.
    const feeTaken = earnedPage || inEarnedRegion(host) || labelledAfterFee(host, first);
    const lookFor = (m: PriceMatch) => (feeTaken || m.afterFee ? earnedLook : look);
    if (
      'labels' in found
        ? !found.matches.some((m, j) => lookFor(m).model(m, found.labels[j]))
        : !lookFor(found).model(found)
    )
      return;
    pendingHosts.push(host);
    pendingMatches.push(found);
    pendingFeeTaken.push(feeTaken);
    byHost.set(host, QUEUED);
  }

  /** Takes an annotation of ours off the page, with the others after the same text. */
  function drop(own: HTMLElement) {
    own.remove();
    annotations.delete(own);
    for (const f of followers.get(own) ?? []) {
      f.remove();
      annotations.delete(f);
    }
  }

  const pendingHosts: Node[] = [];
  const pendingMatches: (PriceMatch | Several)[] = [];
  const pendingFeeTaken: boolean[] = [];
  let lastFlush = performance.now();
  /**
   * Makes and inserts the queued annotations. Each is a native clone of its price's model, made
   * here rather than when the price was found: cloning and inserting in one loop cost less.
   */
  function flush() {
    // Our own insertions would queue a mutation record each, which made insertion three times
    // dearer: take the page's records, stop watching while we insert (nothing else runs meanwhile),
    // then watch again.
    const theirs = observer.takeRecords();
    observer.disconnect();
    // Latest first: a price the page changed meanwhile is queued twice, and its latest text counts.
    for (let i = pendingHosts.length - 1; i >= 0; i--) {
      const host = pendingHosts[i]!;
      // The page may have changed, moved or dropped the price meanwhile.
      if (byHost.get(host) !== QUEUED) continue;
      const parent = host.parentNode;
      const found = pendingMatches[i]!;
      const feeTaken = pendingFeeTaken[i]!;
      if ('labels' in found) {
        const first = parent?.isConnected ? insertSeveral(parent, host, found, feeTaken) : null;
        if (first) byHost.set(host, first);
        else byHost.delete(host);
        continue;
      }
      const taken = feeTaken || found.afterFee;
      const model = parent?.isConnected ? (taken ? earnedLook : look).model(found) : null;
      if (!model) {
        byHost.delete(host);
        continue;
      }
      const annotation = model.cloneNode(true) as HTMLElement;
      parent!.insertBefore(annotation, host.nextSibling);
      annotations.set(annotation, found);
      if (taken) earnedSet.add(annotation);
      byHost.set(host, annotation);
    }
    pendingHosts.length = pendingMatches.length = pendingFeeTaken.length = 0;
    observer.observe(root, OBSERVED);
    if (theirs.length > 0) onRecords(theirs);
    lastFlush = performance.now();
  }

  /** Inserts the annotations of several prices after `host`, in the text's order; returns the first. */
  function insertSeveral(
    parent: Node,
    host: Node,
    { matches, labels: texts }: Several,
    feeTaken: boolean,
  ): HTMLElement | null {
    let first: HTMLElement | null = null;
    const rest: HTMLElement[] = [];
    let after: Node = host;
    for (let j = 0; j < matches.length; j++) {
      const taken = feeTaken || matches[j]!.afterFee;
      const model = (taken ? earnedLook : look).model(matches[j]!, texts[j]);
      if (!model) continue;
      const annotation = model.cloneNode(true) as HTMLElement;
      parent.insertBefore(annotation, after.nextSibling);
      after = annotation;
      annotations.set(annotation, matches[j]!);
      labels.set(annotation, texts[j]!);
      if (taken) earnedSet.add(annotation);
      if (first) rest.push(annotation);
      else first = annotation;
    }
    if (first && rest.length > 0) followers.set(first, rest);
    return first;
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
    if (!parent || SKIP_TAGS.has(parent.tagName) || parent.namespaceURI !== HTML_NS || present(byHost.get(node)))
      return;
    const matches = pricesIn(data);
    if (matches.length > 0) {
      if (!skippedWithin(parent)) annotate(node, matches.length === 1 ? matches[0]! : several(data, matches));
      return;
    }
    // A price split over elements: gather the pieces from a small container, and take a price
    // only if this text node is one of its pieces.
    if (!DANGLING.test(data)) return;
    for (let el: Element | null = parent, level = 0; el && level < SPLIT_PRICE_MAX_LEVELS; level++) {
      if (present(byHost.get(el))) return;
      // With one child, its text is what the level below already held: no price there.
      if (el.firstChild === el.lastChild) {
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
   * Every text node of the page passes through here, so this does what the floor's bare walk does
   * and no more: one regex test. A function of its own, small enough to be optimised early on a
   * page's first pass. No JS filter callback either: it would run for every node.
   * Returns false when the walk is over.
   */
  function walkSome(w: TreeWalker): boolean {
    for (let n = 0; n < CLOCK_EVERY; n++) {
      const node = w.nextNode() as Text | null;
      if (node === null) return false;
      const data = node.data;
      if (MARKER.test(data)) consider(node, data);
    }
    return true;
  }

  function work() {
    scheduled = false;
    if (signal.aborted) return;
    const start = performance.now();
    earnedPage = earned.page?.(location.href) ?? false;
    while (performance.now() - start < FRAME_BUDGET_MS) {
      let w = walker;
      if (!w) {
        if (queueHead >= queue.length) {
          queue.length = queueHead = 0;
          break;
        }
        const next = queue[queueHead++]!;
        if (!next.isConnected) continue;
        if (next.nodeType === Node.TEXT_NODE) {
          const parent = next.parentElement;
          const data = (next as Text).data;
          nestedSkips = true;
          if (parent && MARKER.test(data) && !skipped(parent)) consider(next as Text, data);
          continue;
        }
        if (next.nodeType !== Node.ELEMENT_NODE || skipped(next as Element)) continue;
        nestedSkips = holdsNestedSkips(next as Element);
        w = walker = document.createTreeWalker(next, NodeFilter.SHOW_TEXT);
      }
      if (!walkSome(w)) walker = null;
    }
    const finished = !walker && queueHead >= queue.length;
    if (
      pendingHosts.length > 0 &&
      (finished || pendingHosts.length >= FLUSH_AT || performance.now() - lastFlush >= FLUSH_EVERY_MS)
    )
      flush();
    // The page's records that the flush took may have queued more.
    const done = !walker && queueHead >= queue.length;
    onChunk?.(performance.now() - start);
    if (!done) schedule();
    else {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  function schedule() {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    // A new task per chunk lets the page handle input and paint between chunks.
    setTimeout(work, 0);
  }

  function onRecords(records: MutationRecord[]) {
    for (const r of records) {
      if (r.type === 'characterData') {
        const own = byHost.get(r.target);
        if (own) {
          drop(own);
          // Also takes back a queued annotation: the text it was for has changed.
          byHost.delete(r.target);
          const parent = r.target.parentNode;
          if (parent) fights.set(parent, (fights.get(parent) ?? 0) + 1);
        }
        queue.push(r.target);
        continue;
      }
      for (const n of r.addedNodes) {
        if (isOurElement(n)) continue;
        queue.push(n);
      }
      for (const n of r.removedNodes) {
        // The page removed a price we annotated from beside it: take ours away too.
        const own = byHost.get(n);
        if (own) {
          drop(own);
          // A queued one is dropped at the flush; forgotten now, so the price is found again if it comes back.
          if (own === QUEUED) byHost.delete(n);
          const parent = r.target;
          fights.set(parent, (fights.get(parent) ?? 0) + 1);
        }
      }
    }
    schedule();
  }
  const observer = new MutationObserver(onRecords);
  observer.observe(root, OBSERVED);

  // --- hover card: gross → fee → withdrawal → tax → net, with the rate and its age
  let card: HTMLElement | null = null;
  const hideCard = () => {
    card?.remove();
    card = null;
  };
  const showCard = (annotation: HTMLElement) => {
    const match = annotations.get(annotation);
    if (!match || !layer) return;
    hideCard();
    const { effective, fees, feeTaken } = lookOf(annotation);
    const perUnit = pkrPer(effective, match.currency) ?? 0;
    const b = breakdown(match.min, fees, effective.table.rates[match.currency] ?? 1);
    const tr = translatorFor(settings.language);
    layer.setLocale(tr);
    const row = (label: string, amount: number, sign = '') =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, label),
        h('td', { dir: 'ltr' }, `${sign}${formatMoney(amount, match.currency)}`),
        h('td', {}, `${sign}${rupees(tr, amount * perUnit, settings.pkrGrouping)}`),
      );
    const rate = effective.pkrPerUsd.toFixed(2);
    const rateLine = effective.manual
      ? tr.t('card.ownRate', { rate })
      : tr.t('card.rateLine', {
          rate,
          source: rates.source === 'built-in' ? tr.t('rates.builtIn') : rates.source,
          age: ageText(tr, effective.ageMs),
        });
    card = h(
      'div',
      { className: 'price-card', role: 'tooltip', 'data-gigsaathi-price-card': '' },
      h(
        'table',
        {},
        h(
          'caption',
          {},
          match.min === match.max
            ? tr.t(match.hourly ? 'card.reachesBankHourly' : 'card.reachesBank')
            : tr.t(match.hourly ? 'card.reachesBankForHourly' : 'card.reachesBankFor', {
                amount: formatMoney(match.min, match.currency),
              }),
        ),
        row(tr.t(feeTaken ? 'card.earned' : 'card.gross'), b.gross),
        feeTaken
          ? h(
              'tr',
              {},
              h('th', { scope: 'row' }, tr.t('card.platformFeeTaken')),
              h('td', { colspan: 2 }, tr.t('card.alreadyTaken')),
            )
          : row(tr.t('card.platformFee', { percent: fees.platformPercent }), b.platformFee, '− '),
        row(
          fees.withdrawalFixedUsd
            ? tr.t('card.withdrawalFixed', { percent: fees.withdrawalPercent, fixed: fees.withdrawalFixedUsd })
            : tr.t('card.withdrawal', { percent: fees.withdrawalPercent }),
          b.withdrawalFee,
          '− ',
        ),
        row(tr.t('card.fxMarkup', { percent: fees.fxMarkupPercent }), b.fxMarkup, '− '),
        row(tr.t('card.tax', { percent: fees.taxPercent }), b.tax, '− '),
        h(
          'tr',
          { className: 'net' },
          h('th', { scope: 'row' }, tr.t('card.net')),
          h('td', { dir: 'ltr' }, formatMoney(b.net, match.currency)),
          h('td', {}, rupees(tr, b.net * perUnit, settings.pkrGrouping)),
        ),
      ),
      h(
        'p',
        { className: effective.stale ? 'rate stale' : 'rate' },
        rateLine,
        effective.stale ? ` · ${tr.t('rates.stale')}` : '',
      ),
      effective.manual ? null : h('p', { className: 'attribution' }, tr.t('rates.attribution')),
    );
    layer.root.append(card);
    const r = annotation.getBoundingClientRect();
    const top = r.bottom + 6 + 240 < window.innerHeight ? r.bottom + 6 : Math.max(8, r.top - 246);
    card.style.top = `${top}px`;
    card.style.left = `${Math.min(Math.max(8, r.left), window.innerWidth - 328)}px`;
  };
  const onOver = (e: Event) => {
    const t = e.target;
    if (t instanceof HTMLElement && t.tagName === TAG.toUpperCase()) showCard(t);
  };
  const onOut = (e: Event) => {
    const t = e.target;
    if (t instanceof HTMLElement && t.tagName === TAG.toUpperCase()) hideCard();
  };
  document.addEventListener('mouseover', onOver, { signal, passive: true });
  document.addEventListener('focusin', onOver, { signal });
  document.addEventListener('mouseout', onOut, { signal, passive: true });
  document.addEventListener('focusout', onOut, { signal });
  // A card that appears on hover or focus can be dismissed without moving (WCAG 1.4.13).
  document.addEventListener('keydown', (e) => e.key === 'Escape' && card && hideCard(), { signal });

  const stop = () => {
    observer.disconnect();
    hideCard();
    for (const a of annotations.keys()) a.remove();
    annotations.clear();
    pendingHosts.length = pendingMatches.length = 0;
    queue.length = queueHead = 0;
    walker = null;
    idleWaiters.forEach((w) => w());
    idleWaiters = [];
  };
  signal.addEventListener('abort', stop, { once: true });
  schedule();

  return {
    count: () => annotations.size,
    idle: () =>
      scheduled || walker || queueHead < queue.length
        ? new Promise<void>((resolve) => idleWaiters.push(resolve))
        : Promise.resolve(),
    refresh: (nextRates, nextSettings) => {
      rates = nextRates;
      settings = nextSettings;
      look = annotationLook(rates, settings, platform);
      earnedLook = annotationLook(rates, settings, platform, true);
      for (const [a, match] of annotations) lookOf(a).render(a, match, labels.get(a));
    },
    stop,
  };
}

export const PRICE_CARD_CSS = `
:host { all: initial; }
.price-card { position: fixed; width: 320px; padding: 10px 12px; background: #fff; color: #1b1f24; border: 1px solid #8c959f; border-radius: 10px; box-shadow: 0 8px 24px rgba(0,0,0,.18); font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; }
.price-card table { width: 100%; border-collapse: collapse; }
.price-card caption { text-align: start; font-weight: 600; margin-bottom: 4px; }
.price-card th { text-align: start; font-weight: 400; color: #57606a; padding: 1px 0; }
.price-card td { text-align: end; font-variant-numeric: tabular-nums; padding: 1px 0 1px 8px; }
.price-card tr.net th, .price-card tr.net td { font-weight: 700; color: #0b6e4f; border-top: 1px solid #d0d7de; padding-top: 3px; }
.price-card .rate { margin: 6px 0 0; color: #57606a; font-size: 12px; }
.price-card .rate.stale { color: #8a4600; font-weight: 600; }
.price-card .attribution { margin: 2px 0 0; color: #57606a; font-size: 11px; }
`;
