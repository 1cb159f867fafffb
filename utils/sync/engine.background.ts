import type { GigSaathiDB } from '@/utils/platform/db';
import { readTemplates } from '@/utils/templates';
import type { SyncPrefs, SyncStatus } from '@/utils/schema';
import { mergeLibraries } from './merge';
import { decodeArea, quotasOf, type Items, type QuotaSource, type StampedSettings } from './pack';
import { planPush } from './plan';

/** `browser.storage.sync`, as much of it as sync uses (tests give a simulated one). */
export interface SyncArea extends QuotaSource {
  get(keys?: null): Promise<Items>;
  set(items: Items): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncPorts {
  area: SyncArea;
  db: GigSaathiDB;
  settings: { read(): Promise<StampedSettings>; write(s: StampedSettings): Promise<void> };
  status: { get(): Promise<SyncStatus>; set(status: SyncStatus): Promise<void> };
  prefs: { get(): Promise<SyncPrefs> };
  /** Asks to run again in `delayMs`: a write the rate limit held back, a failed write, usage counters. */
  later(reason: 'retry' | 'usage', delayMs: number): void;
  now?: () => Date;
}

/**
 * Our own write budget, well inside Chrome's 120 a minute and 1,800 an hour: sync is shared with
 * nothing else of ours, but a seller editing all afternoon must never meet Chrome's limit.
 */
export const WRITES_PER_MINUTE = 10;
export const WRITES_PER_HOUR = 300;
/** Usage counters alone are sent at most this often. */
export const USAGE_EVERY_MS = 30 * 60_000;
export const RETRY_MS = 60_000;
/**
 * A template whose pieces stay mismatched this long is not a write still arriving but a broken
 * one (a client that died halfway): refused, so this browser's copy may replace it.
 */
export const WAIT_MS = 10 * 60_000;

/** The screen-sharing blur is this screen's, not the seller's: it never travels (nor fights). */
const shareable = (s: StampedSettings): StampedSettings => ({ ...s, settings: { ...s.settings, privacy: false } });

export type RunResult =
  | { kind: 'off' }
  | { kind: 'done'; received: number; wrote: boolean; synced: number; total: number }
  | { kind: 'held'; until: number }
  | { kind: 'failed'; error: string };

/** When `ops` more writes fit in the budget: now, or the first moment they would. */
function nextSlot(writes: number[], now: number, ops: number): number {
  const lastHour = writes.filter((t) => t > now - 3_600_000).sort((a, b) => a - b);
  const lastMinute = lastHour.filter((t) => t > now - 60_000);
  let at = now;
  if (lastMinute.length + ops > WRITES_PER_MINUTE)
    at = Math.max(at, lastMinute[lastMinute.length + ops - WRITES_PER_MINUTE - 1]! + 60_000);
  if (lastHour.length + ops > WRITES_PER_HOUR)
    at = Math.max(at, lastHour[lastHour.length + ops - WRITES_PER_HOUR - 1]! + 3_600_000);
  return at;
}

/**
 * One sync run: read what sync holds, merge it into this browser (templates in one database
 * transaction, settings if sync's are later), then write back what this browser has that sync
 * lacks, in at most two writes. Runs never overlap.
 */
export function createSyncEngine(ports: SyncPorts) {
  const now = () => ports.now?.() ?? new Date();
  let chain: Promise<unknown> = Promise.resolve();
  /** When each template now waiting in sync was first seen waiting (this background's lifetime). */
  const waitingSince = new Map<string, number>();

  const once = async ({ flushUsage }: { flushUsage: boolean }): Promise<RunResult> => {
    if (!(await ports.prefs.get()).enabled) return { kind: 'off' };
    const status = await ports.status.get();
    const next: SyncStatus = { ...status };
    const remoteItems = await ports.area.get(null);
    const remote = decodeArea(remoteItems);
    const at = now();
    for (const id of [...waitingSince.keys()]) if (!remote.waiting.has(id)) waitingSince.delete(id);
    for (const id of [...remote.waiting]) {
      const since = waitingSince.get(id) ?? at.getTime();
      waitingSince.set(id, since);
      if (at.getTime() - since >= WAIT_MS) {
        remote.waiting.delete(id);
        remote.refused.push(`t:${id}`);
      }
    }

    const { db } = ports;
    const merged = await db.transaction('rw', db.templates, db.tombstones, async () => {
      const { templates } = await readTemplates(db);
      // Not yet whole in sync: this browser's copy stands until it is.
      const theirs = [...remote.templates.values()];
      const result = mergeLibraries(
        { templates, tombstones: await db.tombstones.toArray() },
        { templates: theirs, tombstones: remote.tombstones },
        at,
      );
      const changedIds = [...result.put.map((t) => t.id), ...result.remove];
      // Cleared first, so shortcuts that move between templates never meet in the unique index.
      if (changedIds.length > 0) await db.templates.bulkDelete(changedIds);
      if (result.put.length > 0) await db.templates.bulkPut(result.put);
      if (result.tombstonesChanged) {
        await db.tombstones.clear();
        await db.tombstones.bulkPut(result.tombstones);
      }
      return result;
    });
    for (const m of merged.shortcutsMoved)
      console.info(`[GigSaathi] sync: ${m.shortcut} stays with "${m.keptBy}"; "${m.from}" kept without it`);

    let settings = await ports.settings.read();
    let received = merged.received;
    if (remote.settings && remote.settings.updatedAt > settings.updatedAt) {
      const taken: StampedSettings = {
        settings: { ...remote.settings.settings, privacy: settings.settings.privacy },
        updatedAt: remote.settings.updatedAt,
      };
      await ports.settings.write(taken);
      settings = taken;
      received++;
    }

    const quotas = quotasOf(ports.area);
    const plan = planPush({
      templates: merged.templates,
      tombstones: merged.tombstones,
      settings: shareable(settings),
      remoteItems,
      remote,
      quotas,
      flushUsage,
    });
    if (received > 0) next.lastReceivedAt = at.toISOString();
    next.synced = plan.synced;
    next.total = plan.total;
    next.refused = remote.refused.length;
    if (plan.usageWaiting) ports.later('usage', USAGE_EVERY_MS);
    if (remote.waiting.size > 0) ports.later('retry', RETRY_MS);

    const ops = (Object.keys(plan.set).length > 0 ? 1 : 0) + (plan.remove.length > 0 ? 1 : 0);
    let result: RunResult = { kind: 'done', received, wrote: false, synced: plan.synced, total: plan.total };
    if (ops > 0) {
      const writes = next.writes.filter((t) => t > at.getTime() - 3_600_000);
      const slot = nextSlot(writes, at.getTime(), ops);
      if (slot > at.getTime()) {
        ports.later('retry', slot - at.getTime());
        result = { kind: 'held', until: slot };
      } else {
        try {
          // Pieces and headers in one write, removals after: a reader never meets a header whose
          // pieces were removed first.
          if (Object.keys(plan.set).length > 0) {
            writes.push(at.getTime());
            await ports.area.set(plan.set);
          }
          if (plan.remove.length > 0) {
            writes.push(at.getTime());
            await ports.area.remove(plan.remove);
          }
          next.lastSentAt = at.toISOString();
          next.error = null;
          result = { ...result, wrote: true } as RunResult;
        } catch (e) {
          // A quota the plan did not foresee (another browser filled it), or the rate limit.
          next.error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
          ports.later('retry', RETRY_MS);
          result = { kind: 'failed', error: next.error };
        }
      }
      next.writes = writes.slice(-2000);
    } else next.error = null;
    if (JSON.stringify(next) !== JSON.stringify(status)) await ports.status.set(next);
    return result;
  };

  return {
    /** Runs after any run in progress; `flushUsage` sends usage counters even with no edit. */
    run(options: { flushUsage?: boolean } = {}): Promise<RunResult> {
      const run = chain.then(() => once({ flushUsage: options.flushUsage ?? false }));
      chain = run.catch(() => undefined);
      return run;
    },
  };
}
