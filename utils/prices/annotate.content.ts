import type { Layer } from '@/utils/platform/ui/layer';
import { pageObserver, type PageChanges } from '@/utils/platform/observer';
import type { Platform, RatesView, Settings } from '@/utils/schema';
import { startHoverCard } from './hover-card.content';
import { createInsertQueue, type Looks } from './insert-queue';
import { annotationLook } from './look';
import { createScanner, type EarnedAmounts, type HourlyAmounts } from './scanner';

export { annotationLook } from './look';
export { PRICE_CARD_CSS } from './hover-card.content';
export type { EarnedAmounts, HourlyAmounts } from './scanner';
export { OUR_INLINE_TAG as TAG } from '@/utils/platform/ui/ours';

/** Main-thread time per chunk, well inside one 16 ms frame. */
const FRAME_BUDGET_MS = 8;
/**
 * Insertions are held and made together at most this often: every insertion dirties the page's
 * layout, and on a 20,000-card grid one relayout per 8 ms chunk made the first pass take 18 s.
 */
const FLUSH_EVERY_MS = 200;
const FLUSH_AT = 1500;

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
 * cost of an appended batch of cards does not grow with the page. The scanner finds prices, the
 * insert queue puts their annotations in, the hover card explains one.
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
  const looksFor = (): Looks => ({
    normal: annotationLook(rates, settings, platform),
    earned: annotationLook(rates, settings, platform, true),
  });
  const inserts = createInsertQueue(looksFor());
  const scanner = createScanner({ root, layer, earned, hourly, inserts });
  const queue: Node[] = [root];
  let queueHead = 0;
  let walker: TreeWalker | null = null;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];
  let lastFlush = performance.now();

  function flush() {
    // Unobserved: our own insertions would queue a mutation record each.
    observer.quietly(() => inserts.flush(scanner.inserted));
    lastFlush = performance.now();
  }

  function work() {
    scheduled = false;
    if (signal.aborted) return;
    const start = performance.now();
    scanner.beginChunk(location.href);
    while (performance.now() - start < FRAME_BUDGET_MS) {
      const w = walker;
      if (!w) {
        if (queueHead >= queue.length) {
          queue.length = queueHead = 0;
          break;
        }
        const next = queue[queueHead++]!;
        if (!next.isConnected) continue;
        if (next.nodeType === Node.TEXT_NODE) {
          scanner.scanText(next as Text);
          continue;
        }
        if (next.nodeType !== Node.ELEMENT_NODE) continue;
        // The budget is asked again before the walk: on a 20,000-card page its start (the
        // scanner's queries, then the root's text) takes tens of milliseconds, each in a task.
        walker = scanner.walkerFor(next as Element);
        continue;
      }
      if (!scanner.walkSome(w)) walker = null;
    }
    const finished = !walker && queueHead >= queue.length;
    const pending = inserts.pending();
    if (pending > 0 && (finished || pending >= FLUSH_AT || performance.now() - lastFlush >= FLUSH_EVERY_MS)) flush();
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

  function onChanges({ added, changedText, removed }: PageChanges) {
    if (added.length + changedText.length + removed.length > 0) scanner.invalidate();
    for (const node of changedText) {
      // Also takes back a queued annotation: the text it was for has changed.
      inserts.changed(node);
      queue.push(node);
    }
    for (const node of added) queue.push(node);
    // The page removed a price we annotated from beside it: take ours away too.
    for (const { node, parent } of removed) inserts.removed(node, parent);
    schedule();
  }
  // The page's one observer; as the records come, since a change must be seen before the next
  // flush inserts beside the old text.
  const observer = pageObserver(root);
  const watching = new AbortController();
  observer.subscribe(onChanges, watching.signal, { immediate: true });

  const card = startHoverCard({
    layer,
    signal,
    describe: (a) => {
      const match = inserts.annotations.get(a);
      return match ? { match, look: inserts.lookOf(a) } : null;
    },
    current: () => ({ rates, settings }),
  });

  const stop = () => {
    watching.abort();
    card.hide();
    inserts.clear();
    queue.length = queueHead = 0;
    walker = null;
    idleWaiters.forEach((w) => w());
    idleWaiters = [];
  };
  signal.addEventListener('abort', stop, { once: true });
  schedule();

  return {
    count: () => inserts.annotations.size,
    idle: () =>
      scheduled || walker || queueHead < queue.length
        ? new Promise<void>((resolve) => idleWaiters.push(resolve))
        : Promise.resolve(),
    refresh: (nextRates, nextSettings) => {
      rates = nextRates;
      settings = nextSettings;
      inserts.restyle(looksFor());
      scanner.invalidate();
    },
    stop,
  };
}
