import type { Template, Tombstone } from '@/utils/schema';

/**
 * A tombstone is kept this long, then forgotten: longer than a laptop plausibly stays offline. A
 * browser that comes back after more than a year may bring a template deleted since then back.
 */
export const TOMBSTONE_DAYS = 400;
/** And at most this many, the newest (about 30 KB of the 100 KB quota). */
export const MAX_TOMBSTONES = 600;

export interface Library {
  templates: ReadonlyArray<Template>;
  tombstones: ReadonlyArray<Tombstone>;
}

export interface Merged {
  /** The library once the merge is applied. */
  templates: Template[];
  tombstones: Tombstone[];
  /** What to write to this browser's database. */
  put: Template[];
  remove: string[];
  /** Whether this browser's tombstones change. */
  tombstonesChanged: boolean;
  /** How many of the changes came from the other browsers (a remote edit, deletion or use). */
  received: number;
  /** Shortcuts two templates held after the merge: the later edit keeps it. */
  shortcutsMoved: { shortcut: string; keptBy: string; from: string }[];
}

/** When a template last changed: its edit, else its creation, else never. */
export function stampOf(t: Pick<Template, 'updatedAt' | 'createdAt'>): number {
  return Date.parse(t.updatedAt ?? t.createdAt ?? '') || 0;
}

/** What an edit changes; usage counters are not an edit. */
export function contentOf(t: Template): string {
  return JSON.stringify([t.title, t.body, t.shortcut, t.tags, t.createdAt ?? null, t.updatedAt ?? null]);
}

/** The later edit; two edits of the same instant are ordered by content, so every browser picks the same. */
function later(a: Template, b: Template): Template {
  const sa = stampOf(a);
  const sb = stampOf(b);
  if (sa !== sb) return sa > sb ? a : b;
  return contentOf(a) >= contentOf(b) ? a : b;
}

function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function sameTemplate(a: Template, b: Template): boolean {
  return contentOf(a) === contentOf(b) && a.usageCount === b.usageCount && a.lastUsedAt === b.lastUsedAt;
}

/**
 * Merges this browser's library with what sync holds, by template id: the later edit wins, a
 * deletion wins over every edit before it, usage counts keep the highest. Pure; the same two
 * libraries give the same result on every browser, so browsers converge.
 */
export function mergeLibraries(local: Library, remote: Library, now: Date): Merged {
  const cutoff = now.getTime() - TOMBSTONE_DAYS * 86_400_000;
  const deletedAt = new Map<string, number>();
  for (const t of [...local.tombstones, ...remote.tombstones]) {
    const at = Date.parse(t.deletedAt);
    if (at >= cutoff && at > (deletedAt.get(t.id) ?? -1)) deletedAt.set(t.id, at);
  }
  const localById = new Map(local.templates.map((t) => [t.id, t]));
  const remoteById = new Map(remote.templates.map((t) => [t.id, t]));
  const ids = new Set([...localById.keys(), ...remoteById.keys()]);

  const library = new Map<string, Template>();
  const put: Template[] = [];
  const remove: string[] = [];
  let received = 0;
  for (const id of ids) {
    const mine = localById.get(id);
    const theirs = remoteById.get(id);
    const winner = mine && theirs ? later(mine, theirs) : (mine ?? theirs)!;
    const gone = deletedAt.get(id);
    if (gone !== undefined && gone >= stampOf(winner)) {
      if (mine) {
        remove.push(id);
        if (!local.tombstones.some((t) => t.id === id)) received++;
      }
      continue;
    }
    // The template outlived (or came back after) its deletion: the tombstone goes.
    deletedAt.delete(id);
    const merged: Template = {
      ...winner,
      usageCount: Math.max(mine?.usageCount ?? 0, theirs?.usageCount ?? 0),
      lastUsedAt: maxDate(mine?.lastUsedAt ?? null, theirs?.lastUsedAt ?? null),
    };
    library.set(id, merged);
    if (!mine || !sameTemplate(mine, merged)) {
      put.push(merged);
      received++;
    }
  }

  // Two browsers can each give a new template the same shortcut; the index allows one.
  const shortcutsMoved: Merged['shortcutsMoved'] = [];
  const holders = new Map<string, Template>();
  const stamp = now.toISOString();
  for (const t of [...library.values()].sort((a, b) => (later(a, b) === a ? -1 : 1))) {
    if (t.shortcut === null) continue;
    const holder = holders.get(t.shortcut);
    if (!holder) {
      holders.set(t.shortcut, t);
      continue;
    }
    // An edit made now, so the other browsers take it too.
    const freed: Template = { ...t, shortcut: null, updatedAt: stamp };
    library.set(t.id, freed);
    const at = put.findIndex((p) => p.id === t.id);
    if (at >= 0) put[at] = freed;
    else put.push(freed);
    shortcutsMoved.push({ shortcut: t.shortcut, keptBy: holder.title, from: t.title });
  }

  const tombstones = [...deletedAt.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TOMBSTONES)
    .map(([id, at]) => ({ id, deletedAt: new Date(at).toISOString() }));
  const before = new Map(local.tombstones.map((t) => [t.id, Date.parse(t.deletedAt)]));
  const tombstonesChanged =
    before.size !== tombstones.length || tombstones.some((t) => before.get(t.id) !== Date.parse(t.deletedAt));
  return {
    templates: [...library.values()],
    tombstones,
    put,
    remove,
    tombstonesChanged,
    received,
    shortcutsMoved,
  };
}
