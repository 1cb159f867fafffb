import { afterEach, describe, expect, it } from 'vitest';
import { claimPageObservers, pageObserver, type PageChanges } from '@/utils/platform/observer';

const tick = () => new Promise((r) => setTimeout(r, 0));
/** Long enough for a batch: a frame, or the hidden-tab timer. */
const batch = () => new Promise((r) => setTimeout(r, 300));

function root() {
  const el = document.createElement('main');
  document.body.append(el);
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('the page observer', () => {
  it('hands each subscriber the page’s additions, text changes and removals, leaving ours out', async () => {
    const r = root();
    const p = document.createElement('p');
    p.textContent = 'From $5';
    r.append(p);
    const seen: PageChanges[] = [];
    const controller = new AbortController();
    pageObserver(r).subscribe((c) => seen.push(c), controller.signal);
    const card = document.createElement('div');
    r.append(card);
    const ours = document.createElement('gigsaathipkr');
    r.append(ours);
    ours.textContent = 'Rs 1,400';
    (p.firstChild as Text).data = 'From $6';
    p.remove();
    await batch();
    expect(seen).toHaveLength(1);
    const [c] = seen;
    expect(c!.added).toEqual([card]);
    expect(c!.changedText).toEqual([expect.objectContaining({ data: 'From $6' })]);
    expect(c!.removed.map((x) => x.node)).toEqual([p]);
    controller.abort();
  });

  it('batches a burst once, and immediate subscribers as the records come', async () => {
    const r = root();
    const batched: number[] = [];
    const immediate: number[] = [];
    const controller = new AbortController();
    const observer = pageObserver(r);
    observer.subscribe((c) => batched.push(c.added.length), controller.signal);
    observer.subscribe((c) => immediate.push(c.added.length), controller.signal, { immediate: true });
    for (let i = 0; i < 20; i++) r.append(document.createElement('div'));
    await tick();
    expect(immediate.reduce((a, b) => a + b, 0)).toBe(20);
    await batch();
    expect(batched).toEqual([20]);
    controller.abort();
  });

  it('does not report our own writes made quietly, and keeps the page’s from before them', async () => {
    const r = root();
    const seen: Node[] = [];
    const controller = new AbortController();
    const observer = pageObserver(r);
    observer.subscribe((c) => seen.push(...c.added), controller.signal, { immediate: true });
    const theirs = document.createElement('section');
    r.append(theirs);
    observer.quietly(() => r.append(document.createElement('span')));
    await tick();
    expect(seen).toEqual([theirs]);
    controller.abort();
  });

  it('is one observer per root, and stops when no one listens', async () => {
    const r = root();
    expect(pageObserver(r)).toBe(pageObserver(r));
    const seen: PageChanges[] = [];
    const controller = new AbortController();
    pageObserver(r).subscribe((c) => seen.push(c), controller.signal, { immediate: true });
    controller.abort();
    r.append(document.createElement('div'));
    await batch();
    expect(seen).toEqual([]);
  });

  it('is shared with the packs beside the content script, through the global scope, until claimed anew', async () => {
    const r = root();
    const first = pageObserver(r);
    // A pack's bundle has its own copy of this module: it finds the observer where the first left it.
    const key = Symbol.for('gigsaathi.pageObservers');
    expect((globalThis as unknown as Record<symbol, WeakMap<Node, unknown>>)[key]!.get(r)).toBe(first);
    // A content script of a new install does not reuse the old one's.
    claimPageObservers();
    expect(pageObserver(r)).not.toBe(first);
  });

  it('keeps handing changes to the others when one subscriber throws', async () => {
    const r = root();
    const seen: number[] = [];
    const controller = new AbortController();
    const observer = pageObserver(r);
    const quiet = console.error;
    console.error = () => {};
    try {
      observer.subscribe(
        () => {
          throw new Error('broken feature');
        },
        controller.signal,
        { immediate: true },
      );
      observer.subscribe((c) => seen.push(c.added.length), controller.signal, { immediate: true });
      r.append(document.createElement('div'));
      await tick();
      expect(seen).toEqual([1]);
    } finally {
      console.error = quiet;
      controller.abort();
    }
  });
});
