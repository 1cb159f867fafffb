import { isOurElement, withinOurs } from './ui/ours';

/** What the page changed since the last batch, our own nodes left out. */
export interface PageChanges {
  /** Nodes the page added, as added (a subtree once, by its root). */
  readonly added: ReadonlyArray<Node>;
  /** Text nodes whose text the page changed. */
  readonly changedText: ReadonlyArray<Node>;
  /** Nodes the page removed, with the parent they were removed from. */
  readonly removed: ReadonlyArray<{ node: Node; parent: Node }>;
}

export interface PageObserver {
  /**
   * `changed` gets each batch of the page's changes, at most once a frame, until `signal` aborts.
   * `immediate`: batches as the records arrive instead (the price annotator, which keeps its own
   * frame budget and must see a change before it inserts beside the old text).
   */
  subscribe(changed: (changes: PageChanges) => void, signal: AbortSignal, options?: { immediate?: boolean }): void;
  /**
   * Runs `write`, our own change to the page, unobserved: the page's records from before are kept
   * for the next batch, and ours are never made (one record per insertion made them 3× dearer).
   */
  quietly<T>(write: () => T): T;
}

/** Whether a node the page added or removed is, or holds, something `selector` matches. */
export function holds(node: Node, selector: string): boolean {
  return (
    node.nodeType === Node.ELEMENT_NODE &&
    ((node as Element).matches(selector) || (node as Element).querySelector(selector) !== null)
  );
}

/** Whether a node is, or sits inside, something `selector` matches. */
export function within(node: Node, selector: string): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(selector) != null;
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Batch a frame, or this long when no frame comes (a hidden tab draws none). */
const HIDDEN_TAB_MS = 250;

function changesOf(records: ReadonlyArray<MutationRecord>): PageChanges {
  const added: Node[] = [];
  const changedText: Node[] = [];
  const removed: { node: Node; parent: Node }[] = [];
  for (const r of records) {
    // Inside our own UI or annotations: never the page's change.
    if (withinOurs(r.target)) continue;
    if (r.type === 'characterData') {
      changedText.push(r.target);
      continue;
    }
    for (const n of r.addedNodes) if (!isOurElement(n)) added.push(n);
    for (const n of r.removedNodes) removed.push({ node: n, parent: r.target });
  }
  return { added, changedText, removed };
}

function createPageObserver(root: Node): PageObserver {
  type Subscriber = { changed: (changes: PageChanges) => void; immediate: boolean };
  const subscribers = new Set<Subscriber>();
  let held: MutationRecord[] = [];
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let observing = false;

  const deliver = (records: ReadonlyArray<MutationRecord>, which: (s: Subscriber) => boolean) => {
    if (records.length === 0) return;
    const changes = changesOf(records);
    if (changes.added.length + changes.changedText.length + changes.removed.length === 0) return;
    for (const s of [...subscribers]) {
      if (!which(s)) continue;
      try {
        s.changed(changes);
      } catch (e) {
        // One feature's failure is its own (the runner logs it); the others still get the page.
        console.error('[GigSaathi] a page-change handler failed', e);
      }
    }
  };
  const flushHeld = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = timer = null;
    const records = held;
    held = [];
    deliver(records, (s) => !s.immediate);
  };
  const onRecords = (records: MutationRecord[]) => {
    deliver(records, (s) => s.immediate);
    if (![...subscribers].some((s) => !s.immediate)) return;
    held.push(...records);
    if (frame === null) frame = requestAnimationFrame(flushHeld);
    if (timer === null) timer = setTimeout(flushHeld, HIDDEN_TAB_MS);
  };
  const observer = new MutationObserver(onRecords);
  const start = () => {
    if (observing) return;
    observer.observe(root, OBSERVED);
    observing = true;
  };
  const stopIfUnused = () => {
    if (subscribers.size > 0 || !observing) return;
    observer.disconnect();
    observing = false;
    held = [];
  };

  return {
    subscribe(changed, signal, { immediate = false } = {}) {
      if (signal.aborted) return;
      const s = { changed, immediate };
      subscribers.add(s);
      start();
      signal.addEventListener(
        'abort',
        () => {
          subscribers.delete(s);
          stopIfUnused();
        },
        { once: true },
      );
    },
    quietly(write) {
      if (!observing) return write();
      const before = observer.takeRecords();
      observer.disconnect();
      try {
        return write();
      } finally {
        observer.observe(root, OBSERVED);
        if (before.length > 0) onRecords(before);
      }
    },
  };
}

/**
 * Kept in the global scope the content script shares with its packs (utils/platform/runner/packs.ts),
 * so a pack's features subscribe to the content script's one observer, not a second of their own.
 */
const OBSERVERS = Symbol.for('gigsaathi.pageObservers');
const scope = globalThis as { [OBSERVERS]?: WeakMap<Node, PageObserver> };

/** Called as a site's content script starts: an observer of an earlier install is not reused. */
export function claimPageObservers(): void {
  scope[OBSERVERS] = new WeakMap();
}

/**
 * The one MutationObserver of a content script over the page (Dark Reader's
 * createOptimizedTreeObserver is the model): every feature subscribes here instead of observing
 * the page itself, our own nodes are filtered out once, and each feature is handed only what was
 * added or changed.
 */
export function pageObserver(root: Node = document.body ?? document.documentElement): PageObserver {
  const observers = (scope[OBSERVERS] ??= new WeakMap());
  let found = observers.get(root);
  if (!found) observers.set(root, (found = createPageObserver(root)));
  return found;
}
