import type { WxtBrowser } from 'wxt/browser';
import { onRevision, type GigSaathiDB } from '@/utils/platform/db';
import { getSettings } from '@/utils/platform/settings';
import { currentRates } from '@/utils/rates';
import type { Dashboard, Order, RatesView, Settings } from '@/utils/schema';
import { computeDashboard } from './dashboard';
import { listOrders } from './store';
import { orderTimes, type OrderTimes } from './times';
import { readOrdersRevision, readSummary, saveSummary, validUntil } from './summary';

export const SUMMARY_ALARM = 'dashboard-summary';

type Api = Pick<WxtBrowser, 'alarms' | 'runtime' | 'storage'>;

/**
 * Recomputes the dashboard from every order and keeps it, due again when a date moves a figure.
 * The only place the figures are computed: the popup and options page read what this keeps.
 */
export async function refreshSummary(api: Pick<Api, 'alarms'>, db: GigSaathiDB, now = new Date()): Promise<Dashboard> {
  const { figures, kept } = await computeSummary(api, db, now);
  await kept;
  return figures;
}

/**
 * The orders as last read, by the revision read before them. Recomputing with the orders unchanged
 * (the settings or the rates changed, a date moved a figure, the kept figures were lost) then
 * skips reading every order again: 10,000 take ~100 ms to read in Chromium's service worker, the
 * computation ~30 ms. Sound because every write to the table bumps the revision after it
 * succeeds (db/index.ts), and a read begun after that sees the write: the same revision means
 * orders at least as new as it. Kept in memory only, so it goes with the service worker.
 */
type Read = { orders: Order[]; times: OrderTimes[] };
let lastRead: { db: GigSaathiDB; revision: string; orders: Promise<Read> } | null = null;

/** The orders, with their dates parsed once per read (orderTimes). */
function ordersAt(db: GigSaathiDB, revision: string): Promise<Read> {
  if (lastRead && lastRead.db === db && lastRead.revision === revision) return lastRead.orders;
  const orders = listOrders(db).then((list) => ({ orders: list, times: orderTimes(list) }));
  const read = { db, revision, orders };
  lastRead = read;
  orders.catch(() => {
    if (lastRead === read) lastRead = null;
  });
  return orders;
}

/**
 * What a page asking for the figures gets (dashboard.get): the kept ones while they are current,
 * else new ones, as soon as they are computed.
 */
export async function currentFigures(
  api: Pick<Api, 'alarms'>,
  db: GigSaathiDB,
  now = new Date(),
): Promise<{ figures: Dashboard; kept: Promise<void> }> {
  const inForce = await Promise.all([getSettings(), currentRates(now)]);
  const figures = await readSummary(...inForce, now);
  return figures ? { figures, kept: Promise.resolve() } : computeSummary(api, db, now, inForce);
}

/**
 * The figures as soon as they are computed, and `kept` once they are stored: a popup waiting for
 * them (dashboard.get) is answered before the storage write, which it then sees as a change.
 */
async function computeSummary(
  api: Pick<Api, 'alarms'>,
  db: GigSaathiDB,
  now: Date,
  // The settings and rates the caller has just read, so they are not read twice.
  inForce?: readonly [Settings, RatesView],
): Promise<{ figures: Dashboard; kept: Promise<void> }> {
  // The revision is read before the orders, so figures are never kept under a newer revision
  // than the orders they came from.
  const revision = await readOrdersRevision();
  const [{ orders, times }, [settings, rates]] = await Promise.all([
    ordersAt(db, revision),
    inForce ?? Promise.all([getSettings(), currentRates(now)]),
  ]);
  const figures = computeDashboard(orders, settings, rates, now, times);
  // Kept in a task of its own: the popup waiting for these figures is answered first, not after
  // the figures' key and every order's next date are worked out (~10 ms at 10,000 orders).
  const kept = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() => saveSummary(figures, orders, settings, rates, revision, now, times))
    .then(() =>
      api.alarms.create(SUMMARY_ALARM, { when: Math.max(validUntil(orders, now, times), now.getTime() + 60_000) }),
    );
  return { figures, kept };
}

/**
 * The background keeps the popup's figures current, so the popup opens with them (a popup that
 * first reads 10,000 orders takes ~430 ms; with the kept figures ~170 ms). It recomputes after
 * the orders' revision, the settings or the rates change (once per burst) and when a date moves a
 * figure (an alarm).
 */
export function setUpSummary(api: Api, db: GigSaathiDB): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(
      () => void refreshSummary(api, db).catch((e: unknown) => console.info('[GigSaathi] dashboard summary:', e)),
      delay,
    );
  };
  onRevision(api.storage, { tables: ['orders'], keys: ['settings', 'rates', 'learnedMarkups'] }, () => refresh(0));
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SUMMARY_ALARM) refresh(0);
  });
  api.runtime.onStartup.addListener(() => refresh(0));
  api.runtime.onInstalled.addListener(() => refresh(0));
}
