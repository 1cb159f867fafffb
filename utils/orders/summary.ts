import { addWeeks, startOfMonth, addMonths, startOfWeek } from 'date-fns';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { readRevision } from '@/utils/platform/db/revision';
import { DashboardSchema, type Dashboard, type Order, type Settings } from '@/utils/schema';
import type { RateBasis } from './dashboard';
import { orderTimes, type OrderTimes } from './times';

/**
 * The dashboard's figures, kept between popup openings so the popup shows them at once instead
 * of reading every order first (10,000 orders: ~110 ms to read, ~45 ms to compute).
 *
 * A summary is used only while it is provably current:
 * - the orders have not changed since (a revision bumped by every write to the orders table);
 * - the settings and rates it was computed with are the ones in force (its key);
 * - no date that moves a figure has passed since (`validUntil`: the next month or week start, or
 *   the next date on any order, such as money clearing).
 * Only the background computes and keeps them (summary.background.ts), again after each change of
 * the orders' revision, so a write that raced a computation is corrected by the next one.
 */
const summaryItem = storage.defineItem<unknown>('local:dashboardSummary');

export function readOrdersRevision(): Promise<string> {
  return readRevision('orders');
}

const StoredSummarySchema = z.object({
  key: z.string(),
  revision: z.string(),
  validUntil: z.number(),
  figures: DashboardSchema,
});

/** What the figures depend on besides the orders and the date. */
export function summaryKey(settings: Settings, basis: RateBasis): string {
  return JSON.stringify([
    settings,
    basis.pkrPerUsd,
    Object.entries(basis.rates).sort(([a], [b]) => (a < b ? -1 : 1)),
    basis.markups ?? {},
  ]);
}

/**
 * The first moment after `now` at which time alone changes a figure: the order, completion,
 * clearing and withdrawal dates (due dates only move countdowns, which freshen() recomputes).
 */
export function validUntil(
  orders: ReadonlyArray<Order>,
  now: Date,
  times: ReadonlyArray<OrderTimes> = orderTimes(orders),
): number {
  let next = Math.min(
    startOfMonth(addMonths(now, 1)).getTime(),
    startOfWeek(addWeeks(now, 1), { weekStartsOn: 1 }).getTime(),
  );
  const t = now.getTime();
  for (const o of times) {
    // NaN (no such date) compares false.
    for (const at of [o.ordered, o.completed, o.clears, o.withdrawn]) if (at > t && at < next) next = at;
  }
  return next;
}

/** The active orders' countdowns, as of `now` (the only figures that move every minute). */
function freshen(figures: Dashboard, now: Date): Dashboard {
  return {
    ...figures,
    active: figures.active.map((a) => {
      const msLeft = a.order.dueAt ? Date.parse(a.order.dueAt) - now.getTime() : null;
      return { ...a, msLeft, overdue: msLeft !== null && msLeft < 0 };
    }),
  };
}

/** The kept figures if they are current for these settings and rates at `now`; else null. */
export async function readSummary(settings: Settings, basis: RateBasis, now: Date): Promise<Dashboard | null> {
  const [raw, revision] = await Promise.all([summaryItem.getValue(), readOrdersRevision()]);
  const parsed = StoredSummarySchema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  if (s.revision !== revision || s.key !== summaryKey(settings, basis) || now.getTime() >= s.validUntil) return null;
  return freshen(s.figures, now);
}

/** Keeps figures computed from all orders read at `revision`. */
export async function saveSummary(
  figures: Dashboard,
  orders: ReadonlyArray<Order>,
  settings: Settings,
  basis: RateBasis,
  revision: string,
  now: Date,
  times?: ReadonlyArray<OrderTimes>,
): Promise<void> {
  await summaryItem.setValue({
    key: summaryKey(settings, basis),
    revision,
    validUntil: validUntil(orders, now, times),
    figures,
  });
}

/** Calls `changed` each time new figures are kept; returns the way to stop. */
export function watchSummary(changed: () => void): () => void {
  return summaryItem.watch(() => changed());
}
