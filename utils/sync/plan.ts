import type { Template, Tombstone } from '@/utils/schema';
import { contentOf, stampOf } from './merge';
import {
  encodeSettings,
  encodeTemplate,
  encodeTombstones,
  itemsBytes,
  piecesOf,
  SETTINGS_KEY,
  TOMBSTONES_KEY,
  type Items,
  type Quotas,
  type RemoteState,
  type StampedSettings,
} from './pack';

/**
 * We fill at most this share of the quota: the rest is room for another browser's write that
 * crosses ours, so neither fails on a full store.
 */
export const FILL = 0.9;

export interface Plan {
  set: Items;
  remove: string[];
  /** Templates in sync once this plan is written, of all in the library. */
  synced: number;
  total: number;
  /** Only usage counters differ from sync: written later, with the next real change or hourly. */
  usageWaiting: boolean;
}

/** Most recently used (or edited) first: what fits of the library when not all of it does. */
function byRecency(a: Template, b: Template): number {
  const ra = Math.max(Date.parse(a.lastUsedAt ?? '') || 0, stampOf(a));
  const rb = Math.max(Date.parse(b.lastUsedAt ?? '') || 0, stampOf(b));
  return rb - ra || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** JSON with every object's keys sorted: Chrome's storage hands objects back in key order, not ours. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function sameItems(remote: Items, items: Items): boolean {
  return Object.entries(items).every(([key, value]) => canonical(remote[key]) === canonical(value));
}

/**
 * What to write to sync so it holds this browser's merged library: every changed item, and the
 * removal of what sync should no longer hold. Pure. Items of templates still arriving (`waiting`)
 * and items it cannot read are left alone: they may be another browser's write in flight.
 */
export function planPush({
  templates,
  tombstones,
  settings,
  remoteItems,
  remote,
  quotas,
  flushUsage,
}: {
  templates: ReadonlyArray<Template>;
  tombstones: ReadonlyArray<Tombstone>;
  settings: StampedSettings;
  remoteItems: Items;
  remote: RemoteState;
  quotas: Quotas;
  flushUsage: boolean;
}): Plan {
  const perItem = quotas.perItem;
  const set: Items = {};
  const remove = new Set<string>();
  let changed = false;
  let usageWaiting = false;

  // Whatever is there and not ours to rewrite keeps its room.
  const foreign: Items = {};
  for (const key of [...remote.refused, ...[...remote.waiting].flatMap((id) => remote.keysOf.get(id) ?? [])])
    foreign[key] = remoteItems[key];
  let bytesLeft = Math.floor(quotas.bytes * FILL) - itemsBytes(foreign);
  let itemsLeft = Math.floor(quotas.items * FILL) - Object.keys(foreign).length;

  const take = (key: string, items: Items, old: string[] = [key, ...piecesOf(remoteItems, key)]) => {
    if (!sameItems(remoteItems, items) || old.some((k) => !(k in items))) {
      Object.assign(set, items);
      for (const k of old) if (!(k in items)) remove.add(k);
      changed = true;
    }
  };

  const settingsItems = encodeSettings(settings, perItem);
  const remoteSettingsNewer = remote.settings !== null && remote.settings.updatedAt > settings.updatedAt;
  if (!remoteSettingsNewer) take(SETTINGS_KEY, settingsItems);
  bytesLeft -= itemsBytes(settingsItems);
  itemsLeft -= Object.keys(settingsItems).length;

  if (tombstones.length > 0) {
    const items = encodeTombstones(tombstones, perItem);
    take(TOMBSTONES_KEY, items);
    bytesLeft -= itemsBytes(items);
    itemsLeft -= Object.keys(items).length;
  } else if (TOMBSTONES_KEY in remoteItems && !remote.refused.includes(TOMBSTONES_KEY)) {
    for (const k of [TOMBSTONES_KEY, ...piecesOf(remoteItems, TOMBSTONES_KEY)]) remove.add(k);
    changed = true;
  }

  const kept = new Set<string>();
  let synced = 0;
  const candidates = templates.filter((t) => !remote.waiting.has(t.id));
  for (const t of [...candidates].sort(byRecency)) {
    const items = encodeTemplate(t, perItem);
    const bytes = itemsBytes(items);
    const count = Object.keys(items).length;
    if (bytes > bytesLeft || count > itemsLeft) continue;
    bytesLeft -= bytes;
    itemsLeft -= count;
    kept.add(t.id);
    synced++;
    const there = remote.templates.get(t.id);
    if (there && contentOf(there) === contentOf(t)) {
      if (there.usageCount === t.usageCount && there.lastUsedAt === t.lastUsedAt) continue;
      // A use is not an edit: it waits for one, so sending a message costs no write of its own.
      if (!flushUsage) {
        usageWaiting = true;
        continue;
      }
    }
    take(`t:${t.id}`, items, remote.keysOf.get(t.id) ?? [`t:${t.id}`, ...piecesOf(remoteItems, `t:${t.id}`)]);
  }
  // Deleted, or no longer among the ones that fit: out of sync, never deleted elsewhere for that
  // (only a tombstone deletes).
  for (const [id, keys] of remote.keysOf) {
    if (kept.has(id) || remote.waiting.has(id)) continue;
    if (remote.refused.includes(`t:${id}`) && !templates.some((t) => t.id === id)) continue;
    for (const k of [...keys, ...piecesOf(remoteItems, `t:${id}`)]) remove.add(k);
    changed = true;
  }
  // With usage waiting, a real change takes the counters along in the same write.
  if (changed && usageWaiting)
    return planPush({ templates, tombstones, settings, remoteItems, remote, quotas, flushUsage: true });
  for (const k of Object.keys(set)) remove.delete(k);
  return { set, remove: [...remove], synced, total: templates.length, usageWaiting };
}
