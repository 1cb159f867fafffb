import { rupees, translatorFor, type Translator } from '@/utils/platform/i18n';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { waitForElement } from '@/utils/platform/runner/dom';
import { request } from '@/utils/platform/messaging/client';
import { findPrices } from '@/utils/money/parse';
import { formatMoney } from '@/utils/money/format';
import type { RatesView } from '@/utils/schema';
import {
  gigPathOfLink,
  parsePerseusProps,
  perseusPropsText,
  addSearchGigs,
  readSearchListing,
  searchQuery,
  selectors,
  type SearchGig,
} from '@/utils/sites/fiverr';
import { h } from '@/utils/platform/ui/h';
import { createLayer } from '@/utils/platform/ui/layer';
import { holds, pageObserver, within } from '@/utils/platform/observer';
import { createShell, PANEL_CSS } from './panel';
import { createTermTally, type TermCount } from './words';

/** The panel follows the page at most this often (#19). */
const RENDER_EVERY_MS = 1000;

export interface PriceSpread {
  count: number;
  min: number;
  median: number;
  max: number;
}

/**
 * Min, median and max of the cards' starting prices, in USD. A card's price in another currency
 * is converted with the same USD-based table (`usdPer`); one that cannot be converted is left out.
 */
export function priceSpread(
  prices: ReadonlyArray<{ amount: number; currency: string }>,
  usdPer: (currency: string) => number | null,
): PriceSpread | null {
  const usd = prices
    .map((p) => inUsd(p, usdPer))
    .filter((n) => n !== null)
    .sort((a, b) => a - b);
  return spreadOfSorted(usd);
}

/** A price in US dollars, or null when it cannot be converted or is no price. */
export function inUsd(
  price: { amount: number; currency: string },
  usdPer: (currency: string) => number | null,
): number | null {
  const rate = price.currency === 'USD' ? 1 : usdPer(price.currency);
  const usd = rate === null ? null : price.amount * rate;
  return usd !== null && Number.isFinite(usd) && usd > 0 ? usd : null;
}

/** Min, median and max of dollar amounts already sorted, lowest first. */
export function spreadOfSorted(usd: ReadonlyArray<number>): PriceSpread | null {
  if (usd.length === 0) return null;
  const mid = usd.length >> 1;
  const median = usd.length % 2 ? usd[mid]! : (usd[mid - 1]! + usd[mid]!) / 2;
  const cents = (n: number) => Math.round(n * 100) / 100;
  return { count: usd.length, min: cents(usd[0]!), median: cents(median), max: cents(usd[usd.length - 1]!) };
}

/**
 * A card's starting price: the first price in its price text (the low end of a range), else the
 * page's JSON price for that gig (dollars).
 */
export function cardPrice(gig: SearchGig): { amount: number; currency: string } | null {
  const match = gig.priceText ? findPrices(gig.priceText)[0] : undefined;
  if (match) return { amount: match.min, currency: match.currency };
  return gig.priceUsd !== null ? { amount: gig.priceUsd, currency: 'USD' } : null;
}

const termList = (tr: Translator, terms: ReadonlyArray<TermCount>, label: string) =>
  terms.length
    ? h(
        'ul',
        { className: 'chips', 'aria-label': label },
        ...terms.map((t) =>
          h(
            'li',
            { 'data-gigsaathi-term': t.term, 'data-count': t.count },
            // The page's own words: shown as written, in any interface language.
            h('span', { translate: 'no', dir: 'auto' }, t.term),
            h('span', { className: 'count' }, `×${t.count}`),
          ),
        ),
      )
    : h('p', { className: 'muted' }, tr.t('search.notEnough'));

/**
 * "What ranks here" on a Fiverr search: the words and phrases the listed titles share, the tags
 * of the gigs the seller opened from this search, and the price spread. It reads only what the
 * page shows; the tags come from gig pages the seller opened themselves.
 */
export async function startSearchInsights({ signal, url, settings, log }: FeatureContext): Promise<void> {
  const tr = translatorFor(settings.language);
  const query = searchQuery(url);
  if (!query) return log.standDown('no search query in the URL');
  if (!(await waitForElement(selectors.search.gigCardLink, { signal })))
    return log.standDown('no gig cards found', 'gigCards');

  let rates: RatesView | null = null;
  try {
    rates = await request('rates.get', {});
  } catch (e) {
    log.once('rates', `no exchange rate, prices in USD only (${e instanceof Error ? e.message : String(e)})`);
  }
  if (signal.aborted) return;

  const layer = createLayer('seo-search', PANEL_CSS, signal, { below: true });
  const shell = await createShell(layer, 'seo-search', tr.t('panel.ranksHere'), tr);
  if (signal.aborted) return;
  const termsBox = h('div', {});
  const priceBox = h('div', {});
  const tagsBox = h('div', {});
  shell.body.append(h('p', { className: 'muted' }, tr.t('search.for', { query })), termsBox, priceBox, tagsBox);

  const usdPer = (currency: string) => {
    const perUsd = rates?.rates[currency];
    return typeof perUsd === 'number' && perUsd > 0 ? 1 / perUsd : null;
  };
  const inRupees = (usd: number) => (rates ? ` (${rupees(tr, usd * rates.pkrPerUsd, settings.pkrGrouping)})` : '');

  // The server's JSON describes the first page of cards; it is parsed once, not on every change,
  // and only when a card is first read: on a real search page it is hundreds of kilobytes, which
  // a panel left collapsed never needs (#19). Its text is taken now, as the page loaded it.
  const propsText = perseusPropsText(document);
  let read: ReturnType<typeof readSearchListing> | undefined;
  const listing = () => (read ??= readSearchListing(parsePerseusProps(propsText)));
  /** The cards, counted as the page adds them; read again whole only after cards went. */
  const byPath = new Map<string, SearchGig>();
  /** The gigs added or changed since they were last counted. */
  const touched = new Set<string>();
  let recount = true;
  /** What is counted of each gig: its title in the tally, its price in dollars in `prices`. */
  const counted = new Map<string, { title: string; priceText: string | null; usd: number | null }>();
  let tally = createTermTally();
  /** The counted starting prices in dollars, kept sorted. */
  let prices: number[] = [];
  let titled = 0;
  const toUsd = (gig: SearchGig) => {
    const p = cardPrice(gig);
    return p ? inUsd(p, usdPer) : null;
  };
  const sortedIndex = (usd: number) => {
    let lo = 0;
    let hi = prices.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prices[mid]! < usd) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Brings the tally and prices up to the cards read; true when anything changed. */
  const count = (): boolean => {
    if (recount) {
      byPath.clear();
      touched.clear();
      addSearchGigs(document, byPath, listing(), document, touched);
      counted.clear();
      tally = createTermTally();
      prices = [];
      titled = 0;
      recount = false;
    }
    let changed = false;
    for (const path of touched) {
      const gig = byPath.get(path);
      if (!gig) continue;
      const before = counted.get(gig.path);
      if (before && before.title === gig.title && before.priceText === gig.priceText) continue;
      changed = true;
      if (before?.title) {
        tally.remove(before.title);
        titled--;
      }
      if (before?.usd != null) prices.splice(sortedIndex(before.usd), 1);
      const usd = gig.title ? toUsd(gig) : null;
      if (gig.title) {
        tally.add(gig.title);
        titled++;
      }
      if (usd !== null) prices.splice(sortedIndex(usd), 0, usd);
      counted.set(gig.path, { title: gig.title, priceText: gig.priceText, usd });
    }
    touched.clear();
    return changed;
  };
  let drawn = false;
  const renderPage = () => {
    if (!count() && drawn) return;
    drawn = true;
    const { words, phrases } = tally.top(8);
    termsBox.replaceChildren(
      h('h3', {}, tr.tn('search.wordsIn', titled)),
      termList(tr, words, tr.t('search.mostWords')),
      h('h3', {}, tr.t('search.phrases')),
      termList(tr, phrases, tr.t('search.mostPhrases')),
    );
    const spread = spreadOfSorted(prices);
    priceBox.replaceChildren(
      h('h3', {}, tr.t('search.prices')),
      spread
        ? h(
            'dl',
            {
              className: 'stats',
              'data-gigsaathi-price-spread': '',
              'data-count': spread.count,
              'data-min': spread.min,
              'data-median': spread.median,
              'data-max': spread.max,
            },
            h('dt', {}, tr.t('search.lowest')),
            h('dd', {}, formatMoney(spread.min, 'USD') + inRupees(spread.min)),
            h('dt', {}, tr.t('search.median')),
            h('dd', {}, formatMoney(spread.median, 'USD') + inRupees(spread.median)),
            h('dt', {}, tr.t('search.highest')),
            h('dd', {}, formatMoney(spread.max, 'USD') + inRupees(spread.max)),
          )
        : h('p', { className: 'muted' }, tr.t('search.noPrices')),
    );
  };

  const renderTags = async () => {
    try {
      const seen = await request('seo.search.tags', { query });
      tagsBox.replaceChildren(
        h('h3', {}, tr.t('search.openedTags')),
        seen.tags.length
          ? h(
              'ul',
              { className: 'chips', 'aria-label': tr.t('search.openedTags'), 'data-gigsaathi-search-tags': seen.gigs },
              ...seen.tags.map((t) =>
                h(
                  'li',
                  { 'data-gigsaathi-term': t.tag, 'data-count': t.count },
                  h('span', { translate: 'no', dir: 'auto' }, t.tag),
                  h('span', { className: 'count' }, `×${t.count}`),
                ),
              ),
            )
          : h('p', { className: 'muted' }, tr.t('search.openToSee')),
        ...(seen.tags.length ? [h('p', { className: 'muted' }, tr.tn('search.fromGigs', seen.gigs))] : []),
      );
    } catch (e) {
      log.once('tags', `search tags unavailable (${e instanceof Error ? e.message : String(e)})`);
    }
  };

  /** The largest element around `link` holding links to its gig only: its card. */
  const cardOf = (link: Element, path: string): Element => {
    let card = link;
    for (let up = link.parentElement; up && up !== document.body; up = up.parentElement) {
      const links = up.querySelectorAll<HTMLAnchorElement>(selectors.search.gigCardLink);
      if ([...links].some((l) => gigPathOfLink(l) !== path)) break;
      card = up;
    }
    return card;
  };

  // The seller's own click on a card: remember the gig under this search, so the tags its page
  // shows land here. Nothing is fetched; the gig page is read only if the seller opens it.
  const onOpen = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link =
      event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(selectors.search.gigCardLink) : null;
    const path = link ? gigPathOfLink(link) : null;
    if (!link || !path) return;
    // Collapsed, the panel has read no card yet: this one is read now, for its title.
    if (!byPath.has(path)) addSearchGigs(cardOf(link, path), byPath, listing(), document, touched);
    const gig = byPath.get(path);
    request('seo.search.opened', { query, slug: path.split('/')[2]!, title: gig?.title ?? null }).catch(() => {});
  };
  document.addEventListener('click', onOpen, { capture: true, passive: true, signal });
  document.addEventListener('auxclick', onOpen, { capture: true, passive: true, signal });
  // Back from a gig opened in another tab: its tags may be known now.
  document.addEventListener(
    'visibilitychange',
    () => document.visibilityState === 'visible' && !shell.collapsed() && void renderTags(),
    {
      signal,
    },
  );

  // Drawn at most once a second while shown, and not at all while collapsed: on a page that
  // keeps appending cards, the panel follows without re-reading the page each time.
  let dirty = false;
  let lastRender = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    timer = undefined;
    if (signal.aborted || shell.collapsed() || !dirty) return;
    dirty = false;
    lastRender = performance.now();
    renderPage();
  };
  const changed = () => {
    dirty = true;
    if (shell.collapsed() || timer !== undefined) return;
    timer = setTimeout(draw, Math.max(0, lastRender + RENDER_EVERY_MS - performance.now()));
  };
  shell.onToggle((collapsed) => {
    if (collapsed) return;
    if (dirty) draw();
    void renderTags();
  });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  const link = selectors.search.gigCardLink;
  const holdsCard = (n: Node) => holds(n, link);
  const inCard = (n: Node) => within(n, link);
  pageObserver().subscribe(({ added, changedText, removed }) => {
    // Collapsed and never drawn, nothing has been read yet: the first expand reads the page whole.
    if (recount && !drawn) return changed();
    let relevant = false;
    for (const n of added) {
      if (n.parentNode && inCard(n.parentNode)) recount = relevant = true;
      else if (holdsCard(n)) {
        addSearchGigs(n as Element, byPath, listing(), document, touched);
        relevant = true;
      }
    }
    if (changedText.some(inCard) || removed.some(({ node, parent }) => holdsCard(node) || inCard(parent)))
      recount = relevant = true;
    if (relevant) changed();
  }, signal);

  // Collapsed (as it opens until the seller expands it once) it reads nothing of the page, nor asks
  // for the tags: on a search of thousands of cards, that reading is most of our first pass (#19).
  if (shell.collapsed()) dirty = true;
  else {
    lastRender = performance.now();
    renderPage();
    await renderTags();
  }
}
