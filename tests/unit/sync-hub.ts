import Dexie from 'dexie';
import { GigSaathiDB } from '@/utils/platform/db';
import { DEFAULT_SETTINGS, SyncStatusSchema, type SyncStatus } from '@/utils/schema';
import { createSyncEngine, type SyncArea } from '@/utils/sync/engine.background';
import { CHROME_QUOTAS, itemBytes, type Items, type StampedSettings } from '@/utils/sync/pack';

/** A clock the hub, the areas and the engines share, moved by the test. */
export interface Clock {
  t: number;
}

/** As Chrome stores a value: its objects come back with their keys sorted. */
function stored(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

interface Entry {
  value: string | null;
  at: number;
}

/**
 * Chrome Sync, simulated: each browser has its own copy of `storage.sync` with Chrome's quotas
 * and write limits (errors worded as Chrome's); its writes go to a server copy, per item, the later
 * write winning, and from there to the other browsers that are online. A browser offline keeps its
 * writes and sends them when it is back. With `hold`, deliveries wait for `deliver()`, item by
 * item if asked, as Chrome Sync delivers them.
 */
export class SyncHub {
  readonly server = new Map<string, Entry>();
  readonly areas: SimArea[] = [];
  hold = false;
  readonly queue: { to: SimArea; key: string; entry: Entry }[] = [];
  private seq = 0;

  constructor(readonly clock: Clock) {}

  area(name: string): SimArea {
    const area = new SimArea(name, this);
    // A browser that signs in takes everything sync holds.
    for (const [k, e] of this.server) if (e.value !== null) area.data.set(k, e.value);
    this.areas.push(area);
    return area;
  }

  stamp(): number {
    return this.clock.t * 1000 + this.seq++;
  }

  upload(from: SimArea, changes: Map<string, Entry>): void {
    for (const [key, entry] of changes) {
      const there = this.server.get(key);
      if (there && there.at > entry.at) continue;
      this.server.set(key, entry);
      for (const to of this.areas) {
        if (to === from || !to.online) continue;
        if (this.hold) this.queue.push({ to, key, entry });
        else to.receive(key, entry);
      }
    }
  }

  /** Delivers held items: all, or only those whose key passes `which`. */
  deliver(which: (key: string) => boolean = () => true): void {
    for (let i = 0; i < this.queue.length;) {
      const q = this.queue[i]!;
      if (which(q.key)) {
        this.queue.splice(i, 1);
        q.to.receive(q.key, q.entry);
      } else i++;
    }
  }
}

export class SimArea implements SyncArea {
  readonly QUOTA_BYTES = CHROME_QUOTAS.bytes;
  readonly QUOTA_BYTES_PER_ITEM = CHROME_QUOTAS.perItem;
  readonly MAX_ITEMS = CHROME_QUOTAS.items;
  readonly MAX_WRITE_OPERATIONS_PER_MINUTE = CHROME_QUOTAS.perMinute;
  readonly MAX_WRITE_OPERATIONS_PER_HOUR = CHROME_QUOTAS.perHour;
  readonly data = new Map<string, string>();
  readonly writes: number[] = [];
  online = true;
  private pending = new Map<string, Entry>();

  constructor(
    readonly name: string,
    private hub: SyncHub,
  ) {}

  async get(): Promise<Items> {
    const out: Items = {};
    for (const [k, v] of this.data) out[k] = JSON.parse(v);
    return out;
  }

  private countWrite(): void {
    const now = this.hub.clock.t;
    const minute = this.writes.filter((t) => t > now - 60_000).length;
    const hour = this.writes.filter((t) => t > now - 3_600_000).length;
    if (minute >= this.MAX_WRITE_OPERATIONS_PER_MINUTE)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (hour >= this.MAX_WRITE_OPERATIONS_PER_HOUR)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    this.writes.push(now);
  }

  bytesInUse(): number {
    let total = 0;
    for (const [k, v] of this.data) total += itemBytes(k, JSON.parse(v));
    return total;
  }

  async set(items: Items): Promise<void> {
    this.countWrite();
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > this.QUOTA_BYTES_PER_ITEM)
        throw new Error('This request exceeds the QUOTA_BYTES_PER_ITEM quota.');
      next.set(key, stored(value));
    }
    if (next.size > this.MAX_ITEMS) throw new Error('This request exceeds the MAX_ITEMS quota.');
    let total = 0;
    for (const [k, v] of next) total += itemBytes(k, JSON.parse(v));
    if (total > this.QUOTA_BYTES) throw new Error('This request exceeds the QUOTA_BYTES quota.');
    const changes = new Map<string, Entry>();
    for (const [key, value] of Object.entries(items)) {
      this.data.set(key, stored(value));
      changes.set(key, { value: stored(value), at: this.hub.stamp() });
    }
    this.send(changes);
  }

  async remove(keys: string[]): Promise<void> {
    this.countWrite();
    const changes = new Map<string, Entry>();
    for (const key of keys) {
      this.data.delete(key);
      changes.set(key, { value: null, at: this.hub.stamp() });
    }
    this.send(changes);
  }

  /** What a page of another extension, or a broken client, could leave in sync: written as is. */
  plant(key: string, value: unknown): void {
    this.data.set(key, stored(value));
  }

  private send(changes: Map<string, Entry>): void {
    if (this.online) this.hub.upload(this, changes);
    else for (const [k, e] of changes) this.pending.set(k, e);
  }

  receive(key: string, entry: Entry): void {
    if (entry.value === null) this.data.delete(key);
    else this.data.set(key, entry.value);
  }

  goOffline(): void {
    this.online = false;
  }

  /** Back online: what it wrote meanwhile goes up, then it takes the server's copy of everything. */
  goOnline(): void {
    this.online = true;
    const pending = this.pending;
    this.pending = new Map();
    this.hub.upload(this, pending);
    this.data.clear();
    for (const [k, e] of this.hub.server) if (e.value !== null) this.data.set(k, e.value);
  }
}

/** One browser: its own database, settings and sync area, and the engine that joins them. */
export function simulatedBrowser(hub: SyncHub, name: string) {
  const area = hub.area(name);
  const db = new GigSaathiDB(`sync-${name}-${Math.random().toString(36).slice(2)}`);
  let settings: StampedSettings = { settings: DEFAULT_SETTINGS, updatedAt: '' };
  let status: SyncStatus = SyncStatusSchema.parse({});
  const prefs = { enabled: true };
  const later: { reason: string; delayMs: number }[] = [];
  const engine = createSyncEngine({
    area,
    db,
    settings: {
      read: async () => settings,
      write: async (s) => {
        settings = s;
      },
    },
    status: {
      get: async () => status,
      set: async (s) => {
        status = s;
      },
    },
    prefs: { get: async () => prefs },
    later: (reason, delayMs) => later.push({ reason, delayMs }),
    now: () => new Date(hub.clock.t),
  });
  return {
    name,
    area,
    db,
    prefs,
    later,
    engine,
    run: (flushUsage = false) => engine.run({ flushUsage }),
    get settings() {
      return settings;
    },
    setSettings(next: StampedSettings) {
      settings = next;
    },
    get status() {
      return status;
    },
    async close() {
      db.close();
      await Dexie.delete(db.name);
    },
  };
}

export type SimulatedBrowser = ReturnType<typeof simulatedBrowser>;
