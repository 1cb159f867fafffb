/**
 * Bundled into a blank page by tests/bench/run.ts: the price annotator on a generated
 * Fiverr-like search page, timed chunk by chunk, against a bare TreeWalker pass.
 */
import { findPrices, type PriceMatch } from '@/utils/money/parse';
import { annotationLook, startPriceAnnotator, TAG, type PriceAnnotator } from '@/utils/prices/annotate.content';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { fiverr } from '@/utils/sites';
import { ratesView } from '../unit/data';

const rates = ratesView({ EUR: 0.92, GBP: 0.79 });

const grid = document.getElementById('grid')!;
let made = 0;
function card(i: number): HTMLElement {
  const c = document.createElement('div');
  c.className = 'gig-card';
  const seller = document.createElement('div');
  seller.textContent = `seller_${i % 97} · Level ${1 + (i % 2)}`;
  const title = document.createElement('a');
  title.href = `/seller_${i}/gig-${i}?source=gig_cards&pckg_id=1`;
  title.textContent = `I will design a professional logo for your business number ${i}`;
  const rating = document.createElement('div');
  const score = document.createElement('strong');
  score.textContent = (4 + (i % 10) / 10).toFixed(1);
  const count = document.createElement('span');
  count.textContent = i % 3 ? `(${i % 900})` : '(1k+)';
  rating.append('★ ', score, ' ', count);
  const price = document.createElement('a');
  price.className = 'price';
  const from = document.createElement('span');
  from.textContent = 'From ';
  const cur = document.createElement('span');
  cur.textContent = i % 2 ? 'US$' : '$';
  const amount = document.createElement('span');
  amount.textContent = String(5 + (i % 300));
  price.append(from, cur, amount);
  c.append(seller, title, rating, price);
  return c;
}

function append(n: number) {
  const f = document.createDocumentFragment();
  for (let k = 0; k < n; k++) f.append(card(made++));
  grid.append(f);
}

const chunks: number[] = [];
const longTasks: number[] = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({
  type: 'longtask',
  buffered: false,
});
/** Frames over 50 ms, rendering included (style and layout after our insertions). */
const longFrames: { start: number; duration: number; renderMs: number }[] = [];
new PerformanceObserver((list) =>
  list.getEntries().forEach((e) => {
    const f = e as PerformanceEntry & { renderStart: number; styleAndLayoutStart: number };
    longFrames.push({ start: e.startTime, duration: e.duration, renderMs: e.startTime + e.duration - f.renderStart });
  }),
).observe({ type: 'long-animation-frame', buffered: false });
let annotator: PriceAnnotator | null = null;
let controller: AbortController | null = null;

const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
/**
 * Made once: a regex literal inside the loop is a new RegExp object per node, which made the
 * reference walk up to 1.4× slower than the walk itself (1,000 and 5,000 cards) and so flattered the ratio.
 */
const DIGIT = /\d/;
const MARKER = /[$€£]|USD|EUR|GBP|CAD|AUD|AED/;
const CODE = new Set(['SCRIPT', 'STYLE']);
/** The page with the annotator's annotations, after its latest first pass: what the bare pass must make too. */
let expected: string | null = null;

const bench = {
  generate: (n: number) => append(n),
  /** A reference below the floor: visiting the same text nodes with a TreeWalker, only reading each (ms per run). */
  walk(runs: number): number[] {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let digits = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) if (DIGIT.test((n as Text).data)) digits++;
      times.push(performance.now() - t);
      if (digits < 0) throw new Error('unreachable');
    }
    return times;
  },
  async firstPass() {
    chunks.length = 0;
    longTasks.length = 0;
    longFrames.length = 0;
    controller = new AbortController();
    const wall = performance.now();
    annotator = startPriceAnnotator({
      root: document.body,
      platform: 'fiverr',
      rates,
      settings: DEFAULT_SETTINGS,
      layer: null,
      signal: controller.signal,
      // As on Fiverr, where every scanned root is asked for the header's balance.
      earned: fiverr.earnedAmounts,
      onChunk: (ms) => chunks.push(ms),
    });
    await annotator.idle();
    expected = document.body.innerHTML;
    return {
      mainThreadMs: sum(chunks),
      wallMs: performance.now() - wall,
      chunks: chunks.length,
      maxChunkMs: Math.max(...chunks),
      annotations: annotator.count(),
      longTasks: [...longTasks],
      // Entries arrive after their frame: one of the page's own frames can land here late.
      longFrames: longFrames.filter((f) => f.start >= wall),
    };
  },
  /**
   * The DOM work the issue requires and nothing else: each annotation the last pass made, cloned
   * and inserted after its price again, with no finding, parsing or bookkeeping (ms). Stops the
   * annotator first; the copies are removed after, untimed.
   */
  insertionsAlone(): number {
    const made = [...document.getElementsByTagName(TAG)];
    const hosts = made.map((a) => a.previousSibling!);
    controller?.abort();
    const copies: Node[] = [];
    const t = performance.now();
    for (let i = 0; i < made.length; i++) {
      const host = hosts[i]!;
      copies.push(host.parentNode!.insertBefore(made[i]!.cloneNode(true), host.nextSibling));
    }
    const ms = performance.now() - t;
    for (const c of copies) c.parentNode!.removeChild(c);
    return ms;
  },
  /**
   * The floor, as #4 defines it: the same work done as one bare TreeWalker pass (ms): the same prices found with the same
   * parser, the same annotations inserted after them, in one synchronous loop with no frame
   * budget, no observer and no bookkeeping against annotating twice. Checked to leave exactly the
   * page the annotator leaves, then its annotations are removed, untimed. Run with the annotator
   * stopped.
   */
  barePass(): number {
    const look = annotationLook(rates, DEFAULT_SETTINGS, 'fiverr');
    const t = performance.now();
    const parsed = new Map<string, PriceMatch[]>();
    const parse = (text: string) => {
      let found = parsed.get(text);
      if (!found) parsed.set(text, (found = findPrices(text)));
      return found;
    };
    const hosts: Node[] = [];
    const models: HTMLElement[] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
      const data = n.data;
      if (!MARKER.test(data) || CODE.has(n.parentElement!.tagName)) continue;
      let host: Node = n;
      let prices = parse(data);
      // Split over elements: the price is in the nearest container with more than this piece.
      for (let el = n.parentElement, level = 0; prices.length === 0 && el && level < 3; level++) {
        if (el.firstChild !== el.lastChild) {
          host = el;
          prices = parse(el.textContent!);
          break;
        }
        el = el.parentElement;
      }
      const model = prices.length > 0 ? look.model(prices[0]!) : null;
      if (!model) continue;
      hosts.push(host);
      models.push(model);
    }
    for (let i = 0; i < hosts.length; i++)
      hosts[i]!.parentNode!.insertBefore(models[i]!.cloneNode(true), hosts[i]!.nextSibling);
    const ms = performance.now() - t;
    if (expected !== null && document.body.innerHTML !== expected)
      throw new Error('The bare pass made other annotations than the annotator');
    for (const a of [...document.getElementsByTagName(TAG)]) a.remove();
    return ms;
  },
  /** Stops the annotator (the page returns to its own DOM), so the pass can be measured again. */
  stop() {
    controller?.abort();
  },
  async appendBatch(n: number) {
    chunks.length = 0;
    await new Promise((r) => setTimeout(r, 20));
    longTasks.length = 0;
    append(n);
    // Let the observer's callback run, then wait until the queue is empty.
    await new Promise((r) => setTimeout(r, 0));
    await annotator!.idle();
    return {
      mainThreadMs: sum(chunks),
      maxChunkMs: chunks.length ? Math.max(...chunks) : 0,
      annotations: annotator!.count(),
      longTasks: [...longTasks],
    };
  },
};
(window as unknown as { __bench: typeof bench }).__bench = bench;
