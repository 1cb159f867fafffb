import type { PriceMatch } from '@/utils/money/parse';
import { OUR_INLINE_TAG as TAG } from '@/utils/platform/ui/ours';
import type { Look } from './look';

/**
 * Several prices in one text node ("Basic $10, Standard $25"): each gets an annotation of its own,
 * labelled with the price as the page writes it, all inserted after the text, since the page's
 * text node is never split.
 */
export interface Several {
  readonly matches: readonly PriceMatch[];
  readonly labels: readonly string[];
}

/** The looks in force: for prices before the platform's fee, and for those after it. */
export interface Looks {
  normal: Look;
  earned: Look;
}

/** After this many re-annotations of one spot, the page wins: it keeps re-rendering it. */
const MAX_REANNOTATIONS = 3;

/**
 * The annotations of one page: those inserted, and those found but held until the next flush.
 * Each price's host (its text node, or the element of a split price) has at most one.
 */
export function createInsertQueue(initial: Looks) {
  let looks = initial;
  /** Each annotation we inserted → its price. */
  const annotations = new Map<HTMLElement, PriceMatch>();
  /** The annotations of amounts already after the platform's fee. */
  const earnedSet = new WeakSet<HTMLElement>();
  /** The label of an annotation that is one of several after a text (see Several). */
  const labels = new WeakMap<HTMLElement, string>();
  /** The first of several annotations after a text → the others, which go with it. */
  const followers = new WeakMap<HTMLElement, HTMLElement[]>();
  /** Host node (text node or element) → its annotation, or QUEUED until the next flush. */
  const byHost = new WeakMap<Node, HTMLElement>();
  /** How often the page re-rendered a spot we annotated (MAX_REANNOTATIONS). */
  const fights = new WeakMap<Node, number>();
  /**
   * Whether any spot was fought over: until then givenUp() asks nothing of the DOM. A host's
   * parent is otherwise never needed in JS, and each node first touched costs our isolated world
   * a wrapper (one per card of a search page's first pass).
   */
  let anyFights = false;
  /** Stands in byHost for an annotation that is queued, made and inserted at the next flush. */
  const QUEUED = document.createElement(TAG);
  const pendingHosts: Node[] = [];
  const pendingMatches: (PriceMatch | Several)[] = [];
  const pendingFeeTaken: boolean[] = [];

  const lookOf = (a: HTMLElement): Look => (earnedSet.has(a) ? looks.earned : looks.normal);

  /** Takes an annotation of ours off the page, with the others after the same text. */
  function drop(own: HTMLElement) {
    own.remove();
    annotations.delete(own);
    for (const f of followers.get(own) ?? []) {
      f.remove();
      annotations.delete(f);
    }
  }
  const fought = (spot: Node) => {
    anyFights = true;
    fights.set(spot, (fights.get(spot) ?? 0) + 1);
  };

  /** Inserts the annotations of several prices after `host`, in the text's order; returns the first. */
  function insertSeveral(
    parent: Node,
    host: Node,
    { matches, labels: texts }: Several,
    feeTaken: boolean,
    inserted?: (annotation: HTMLElement) => void,
  ): HTMLElement | null {
    let first: HTMLElement | null = null;
    const rest: HTMLElement[] = [];
    let after: Node = host;
    for (let j = 0; j < matches.length; j++) {
      const taken = feeTaken || matches[j]!.afterFee;
      const model = (taken ? looks.earned : looks.normal).model(matches[j]!, texts[j]);
      if (!model) continue;
      const annotation = model.cloneNode(true) as HTMLElement;
      parent.insertBefore(annotation, after.nextSibling);
      inserted?.(annotation);
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

  return {
    annotations: annotations as ReadonlyMap<HTMLElement, PriceMatch>,
    looks: () => looks,
    lookOf,
    /** Whether `host` has an annotation on the page or about to be. */
    present(host: Node): boolean {
      const a = byHost.get(host);
      return a !== undefined && (a === QUEUED || a.isConnected || annotations.has(a));
    },
    /** Whether the page keeps re-rendering where `host` sits (its parent), so it is left alone. */
    givenUp(host: Node): boolean {
      if (!anyFights) return false;
      const spot = host.parentNode;
      return spot !== null && (fights.get(spot) ?? 0) > MAX_REANNOTATIONS;
    },
    /** Holds an annotation for `host` until the next flush. */
    queue(host: Node, found: PriceMatch | Several, feeTaken: boolean) {
      pendingHosts.push(host);
      pendingMatches.push(found);
      pendingFeeTaken.push(feeTaken);
      byHost.set(host, QUEUED);
    },
    pending: () => pendingHosts.length,
    /** The page changed the text of `host`: its annotation goes, queued or not. */
    changed(host: Node) {
      const own = byHost.get(host);
      if (!own) return;
      drop(own);
      byHost.delete(host);
      const parent = host.parentNode;
      if (parent) fought(parent);
    },
    /** The page removed `host` from `parent`: ours beside it goes too. */
    removed(host: Node, parent: Node) {
      const own = byHost.get(host);
      if (!own) return;
      drop(own);
      // A queued one is dropped at the flush; forgotten now, so the price is found again if it comes back.
      if (own === QUEUED) byHost.delete(host);
      fought(parent);
    },
    /**
     * Makes and inserts the queued annotations. Each is a native clone of its price's model, made
     * here rather than when the price was found: cloning and inserting in one loop cost less.
     * `inserted` hears of each one (the scanner, whose walk may meet their text).
     */
    flush(inserted?: (annotation: HTMLElement) => void) {
      // Latest first: a price the page changed meanwhile is queued twice, and its latest text counts.
      for (let i = pendingHosts.length - 1; i >= 0; i--) {
        const host = pendingHosts[i]! as Node & ChildNode;
        // The page may have changed, moved or dropped the price meanwhile.
        if (byHost.get(host) !== QUEUED) continue;
        // A connected host has a parent; after() below inserts beside it without our world ever
        // needing a wrapper of that parent or of the next sibling (see anyFights).
        const connected = host.isConnected;
        const found = pendingMatches[i]!;
        const feeTaken = pendingFeeTaken[i]!;
        if ('labels' in found) {
          const parent = host.parentNode;
          const first = connected && parent ? insertSeveral(parent, host, found, feeTaken, inserted) : null;
          if (first) byHost.set(host, first);
          else byHost.delete(host);
          continue;
        }
        const taken = feeTaken || found.afterFee;
        const model = connected ? (taken ? looks.earned : looks.normal).model(found) : null;
        if (!model) {
          byHost.delete(host);
          continue;
        }
        const annotation = model.cloneNode(true) as HTMLElement;
        host.after(annotation);
        inserted?.(annotation);
        annotations.set(annotation, found);
        if (taken) earnedSet.add(annotation);
        byHost.set(host, annotation);
      }
      pendingHosts.length = pendingMatches.length = pendingFeeTaken.length = 0;
    },
    /** New looks (rates or settings): every annotation rendered again. */
    restyle(next: Looks) {
      looks = next;
      for (const [a, match] of annotations) lookOf(a).render(a, match, labels.get(a));
    },
    /** Every annotation off the page, nothing queued. */
    clear() {
      for (const a of annotations.keys()) a.remove();
      annotations.clear();
      pendingHosts.length = pendingMatches.length = pendingFeeTaken.length = 0;
    },
  };
}

export type InsertQueue = ReturnType<typeof createInsertQueue>;
