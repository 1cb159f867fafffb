import { ageText, rupees, translatorFor } from '../i18n';
import { breakdown, feeModel } from '../money/fees';
import { formatMoney, formatRupeeRange } from '../money/format';
import { findPrices, mayContainPrice, type PriceMatch } from '../money/parse';
import { effectiveRates, pkrPer, type EffectiveRates } from '../rates';
import type { RatesView } from '../rates/service';
import type { Platform, Settings } from '../schema';
import { h } from '../ui/h';
import type { Layer } from '../ui/layer';

export const TAG = 'gigsaathi-pkr';

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
/** The same as a selector, for native closest() on candidate nodes only. */
const SKIP_SELECTOR =
  [...SKIP_TAGS].map((t) => t.toLowerCase()).join(',') +
  ',[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]';
/** A split price ("From" "$" "25" in three spans) fits in this many characters of its container. */
const SPLIT_PRICE_MAX_CHARS = 60;
/** How far up a split price's pieces are gathered. */
const SPLIT_PRICE_MAX_LEVELS = 3;
/** Main-thread time per chunk, well inside one 16 ms frame. */
const FRAME_BUDGET_MS = 8;
/** A text node worth a look: a digit or a currency sign. */
const CANDIDATE = /[\d$€£]/;
/**
 * Text that can only be a piece of a split price: a currency marker, an amount, "From", a dash,
 * "/hr". Titles, counts like "(1k+)" and "Level 2" are not, so they never climb to their parents.
 */
const PIECE =
  /^\s*(?:from\s*)?(?:us\$|ca\$|au\$|c\$|a\$|\$|€|£|usd|eur|gbp|cad|aud|aed)?\s*(?:\d[\d.,]*\s*k?)?\s*(?:[-–—]|to)?\s*(?:\/\s*(?:hr|hour))?\s*$/i;
/** After this many re-annotations of one spot, the page wins: it keeps re-rendering it. */
const MAX_REANNOTATIONS = 3;
/**
 * Insertions are held and made together at most this often: every insertion dirties the page's
 * layout, and on a 20,000-card grid one relayout per 8 ms chunk made the first pass take 18 s.
 */
const FLUSH_EVERY_MS = 200;
const FLUSH_AT = 1500;

interface Annotated {
  match: PriceMatch;
  host: Node;
}

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
  onChunk,
}: {
  root?: HTMLElement;
  platform: Platform;
  rates: RatesView;
  settings: Settings;
  layer: Layer | null;
  signal: AbortSignal;
  /** Called with each chunk's main-thread time (the benchmark). */
  onChunk?: (ms: number) => void;
}): PriceAnnotator {
  let rates = initialRates;
  let settings = initialSettings;
  let effective: EffectiveRates = effectiveFrom(rates);
  const annotations = new Map<HTMLElement, Annotated>();
  /** Host node (text node or element) → its annotation. */
  const byHost = new WeakMap<Node, HTMLElement>();
  const fights = new WeakMap<Node, number>();
  const queue: Node[] = [root];
  let walker: TreeWalker | null = null;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  function effectiveFrom(view: RatesView): EffectiveRates {
    return effectiveRates(
      {
        rates: view.rates,
        source: view.source as 'built-in',
        fetchedAt: view.fetchedAt,
        publishedAt: view.publishedAt,
      },
      view.manual ? view.pkrPerUsd : null,
    );
  }

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

  // Styled inline: an unknown element the page's CSS has no rules for, made to sit quietly beside
  // the price without moving it or taking its clicks' target. Cloned, so the style is parsed once.
  const prototype = document.createElement(TAG);
  prototype.style.cssText =
    'all: initial; display: inline; margin-inline-start: 0.3em; font: inherit; font-size: 0.85em; font-weight: 500; color: #0b6e4f; white-space: nowrap; cursor: help;';
  prototype.tabIndex = 0;
  let fees = feeModel(initialSettings, platform);

  function render(annotation: HTMLElement, match: PriceMatch) {
    const perUnit = pkrPer(effective, match.currency);
    if (perUnit === null) {
      annotation.remove();
      return false;
    }
    const currencyPerUsd = effective.table.rates[match.currency] ?? 1;
    const gross = [match.min * perUnit, match.max * perUnit];
    const net = [
      breakdown(match.min, fees, currencyPerUsd).net * perUnit,
      breakdown(match.max, fees, currencyPerUsd).net * perUnit,
    ];
    const attr = ([a, b]: number[]) =>
      Math.round(a!) === Math.round(b!) ? String(Math.round(a!)) : `${Math.round(a!)}-${Math.round(b!)}`;
    annotation.setAttribute('data-gigsaathi-pkr', attr(gross));
    annotation.setAttribute('data-gigsaathi-pkr-net', attr(net));
    annotation.textContent = `≈ ${formatRupeeRange(gross[0]!, gross[1]!, settings.pkrGrouping)}${match.hourly ? '/hr' : ''}`;
    return true;
  }

  /** An annotation that is on the page or about to be. */
  const present = (a: HTMLElement | undefined) => a !== undefined && (a.isConnected || annotations.has(a));

  function annotate(host: Node, match: PriceMatch) {
    if (present(byHost.get(host))) return;
    const parent = host.parentNode;
    if (!parent) return;
    const fought = fights.get(parent) ?? 0;
    if (fought > MAX_REANNOTATIONS) return;
    const annotation = prototype.cloneNode() as HTMLElement;
    if (!render(annotation, match)) return;
    pending.push(annotation);
    annotations.set(annotation, { match, host });
    byHost.set(host, annotation);
  }

  const pending: HTMLElement[] = [];
  let lastFlush = performance.now();
  function flush() {
    for (const annotation of pending) {
      const host = annotations.get(annotation)?.host;
      // The page may have moved or dropped the price meanwhile.
      if (host?.parentNode?.isConnected) host.parentNode.insertBefore(annotation, host.nextSibling);
      else annotations.delete(annotation);
    }
    pending.length = 0;
    lastFlush = performance.now();
  }

  function visitText(node: Text) {
    if (present(byHost.get(node))) return;
    const matches = findPrices(node.data);
    if (matches.length > 0) {
      annotate(node, matches[0]!);
      return;
    }
    // A price split over elements: gather the pieces from a small container, and take a price
    // only if this text node is one of its pieces (the "4.9" beside "$10" is not).
    if (!PIECE.test(node.data)) return;
    let el = node.parentElement;
    for (
      let level = 0;
      el && el !== root.parentElement && level < SPLIT_PRICE_MAX_LEVELS;
      level++, el = el.parentElement
    ) {
      if (present(byHost.get(el))) return;
      const text = shortText(el);
      if (text === null) return;
      if (!mayContainPrice(text)) continue;
      const price = findPrices(text).find((p) => overlaps(text, node.data, p));
      if (price) {
        annotate(el, price);
        return;
      }
    }
  }

  /** Inside code, a form field, an editor or our own UI. */
  function skipped(el: Element): boolean {
    return el.closest(SKIP_SELECTOR) !== null || (layer?.owns(el) ?? false);
  }

  /** A cheap test first; only candidates pay for closest() and parsing. */
  function consider(node: Text) {
    if (!CANDIDATE.test(node.data) || !(mayContainPrice(node.data) || PIECE.test(node.data))) return;
    const parent = node.parentElement;
    if (parent && !skipped(parent)) visitText(node);
  }

  function work() {
    scheduled = false;
    if (signal.aborted) return;
    const start = performance.now();
    while (performance.now() - start < FRAME_BUDGET_MS) {
      if (!walker) {
        const next = queue.shift();
        if (!next) break;
        if (!next.isConnected) continue;
        if (next.nodeType === Node.TEXT_NODE) {
          consider(next as Text);
          continue;
        }
        if (next.nodeType !== Node.ELEMENT_NODE || skipped(next as Element)) continue;
        // No JS filter callback: it would run for every node of a big page. Text nodes are
        // pre-filtered by a cheap test, and only candidates ask closest() whether to skip.
        walker = document.createTreeWalker(next, NodeFilter.SHOW_TEXT);
      }
      const node = walker.nextNode() as Text | null;
      if (!node) {
        walker = null;
        continue;
      }
      consider(node);
    }
    const done = !walker && queue.length === 0;
    if (pending.length > 0 && (done || pending.length >= FLUSH_AT || performance.now() - lastFlush >= FLUSH_EVERY_MS))
      flush();
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

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        const own = byHost.get(r.target);
        if (own) {
          own.remove();
          annotations.delete(own);
          byHost.delete(r.target);
          const parent = r.target.parentNode;
          if (parent) fights.set(parent, (fights.get(parent) ?? 0) + 1);
        }
        queue.push(r.target);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeName === TAG.toUpperCase()) continue;
        queue.push(n);
      }
      for (const n of r.removedNodes) {
        // The page removed a price we annotated from beside it: take ours away too.
        const own = byHost.get(n);
        if (own) {
          own.remove();
          annotations.delete(own);
          const parent = r.target;
          fights.set(parent, (fights.get(parent) ?? 0) + 1);
        }
      }
    }
    schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  // --- hover card: gross → fee → withdrawal → tax → net, with the rate and its age
  let card: HTMLElement | null = null;
  const hideCard = () => {
    card?.remove();
    card = null;
  };
  const showCard = (annotation: HTMLElement) => {
    const info = annotations.get(annotation);
    if (!info || !layer) return;
    hideCard();
    const perUnit = pkrPer(effective, info.match.currency) ?? 0;
    const fees = feeModel(settings, platform);
    const b = breakdown(info.match.min, fees, effective.table.rates[info.match.currency] ?? 1);
    const tr = translatorFor(settings.language);
    layer.setLocale(tr);
    const row = (label: string, amount: number, sign = '') =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, label),
        h('td', { dir: 'ltr' }, `${sign}${formatMoney(amount, info.match.currency)}`),
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
          info.match.min === info.match.max
            ? tr.t('card.reachesBank')
            : tr.t('card.reachesBankFor', { amount: formatMoney(info.match.min, info.match.currency) }),
        ),
        row(tr.t('card.gross'), b.gross),
        row(tr.t('card.platformFee', { percent: fees.platformPercent }), b.platformFee, '− '),
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
          h('td', { dir: 'ltr' }, formatMoney(b.net, info.match.currency)),
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
    pending.length = 0;
    queue.length = 0;
    walker = null;
    idleWaiters.forEach((w) => w());
    idleWaiters = [];
  };
  signal.addEventListener('abort', stop, { once: true });
  schedule();

  return {
    count: () => annotations.size,
    idle: () =>
      scheduled || walker || queue.length > 0
        ? new Promise<void>((resolve) => idleWaiters.push(resolve))
        : Promise.resolve(),
    refresh: (nextRates, nextSettings) => {
      rates = nextRates;
      settings = nextSettings;
      effective = effectiveFrom(rates);
      fees = feeModel(settings, platform);
      for (const [a, info] of annotations) render(a, info.match);
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
