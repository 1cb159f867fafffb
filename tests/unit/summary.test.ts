import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GigSaathiDB } from '@/utils/platform/db';
import { importBackup } from '@/utils/backup/store';
import { saveOrder } from '@/utils/orders/store';
import { computeDashboard } from '@/utils/orders/dashboard';
import { readOrdersRevision, readSummary, saveSummary, summaryKey, validUntil } from '@/utils/orders/summary';
import { DEFAULT_SETTINGS, type Order } from '@/utils/schema';
import { fullOrder } from './data';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentFigures, refreshSummary, SUMMARY_ALARM } from '@/utils/orders/summary.background';
import { currentRates } from '@/utils/rates/store';
import { orderTimes } from '@/utils/orders/times';

const basis = { rates: { USD: 1, EUR: 0.9, PKR: 280 }, pkrPerUsd: 280 };
const NOW = new Date('2026-11-18T12:00:00.000Z'); // a Wednesday
const orders: Order[] = [
  fullOrder({
    id: 'a',
    status: 'active',
    dueAt: '2026-11-19T12:00:00.000Z',
    completedAt: undefined,
    clearsAt: undefined,
    withdrawnAt: undefined,
  }),
  fullOrder({
    id: 'b',
    status: 'completed',
    completedAt: '2026-11-10T12:00:00.000Z',
    clearsAt: '2026-11-20T09:00:00.000Z',
    withdrawnAt: undefined,
  }),
];

const revisionSettled = async (before: string) => {
  for (let i = 0; i < 50 && (await readOrdersRevision()) === before; i++) await new Promise((r) => setTimeout(r, 5));
  return readOrdersRevision();
};

let db: GigSaathiDB;
beforeEach(async () => {
  db = new GigSaathiDB(`summary-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('dashboard summary', () => {
  it('is valid until the next date that moves a figure', () => {
    // Next: money clears on the 20th 09:00 (before the week turns on Monday the 23rd).
    expect(new Date(validUntil(orders, NOW)).toISOString()).toBe('2026-11-20T09:00:00.000Z');
    // Without orders: the next Monday (local time) or the next month, whichever comes first.
    const monday = new Date(validUntil([], NOW));
    expect(monday.getDay()).toBe(1);
    expect(monday.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('is read back only for the same orders revision, settings and rates, before it expires', async () => {
    const revision = await readOrdersRevision();
    const figures = computeDashboard(orders, DEFAULT_SETTINGS, basis, NOW);
    await saveSummary(figures, orders, DEFAULT_SETTINGS, basis, revision, NOW);

    const later = new Date(NOW.getTime() + 3600_000);
    const kept = await readSummary(DEFAULT_SETTINGS, basis, later);
    // Countdowns move with the clock; everything else is as computed.
    expect(kept).toEqual({
      ...figures,
      active: figures.active.map((a) => ({ ...a, msLeft: a.msLeft! - 3600_000 })),
    });
    expect(await readSummary({ ...DEFAULT_SETTINGS, weeklyOrderLimit: 9 }, basis, later)).toBeNull();
    expect(await readSummary(DEFAULT_SETTINGS, { ...basis, pkrPerUsd: 281 }, later)).toBeNull();
    expect(await readSummary(DEFAULT_SETTINGS, basis, new Date('2026-11-20T09:00:00.000Z'))).toBeNull();
    expect(summaryKey(DEFAULT_SETTINGS, basis)).not.toBe(
      summaryKey(DEFAULT_SETTINGS, { ...basis, rates: { EUR: 0.91 } }),
    );
  });

  it('goes stale on every kind of write to the orders: add, edit, delete, import', async () => {
    await saveSummary(
      computeDashboard([], DEFAULT_SETTINGS, basis, NOW),
      [],
      DEFAULT_SETTINGS,
      basis,
      await readOrdersRevision(),
      NOW,
    );
    expect(await readSummary(DEFAULT_SETTINGS, basis, NOW)).not.toBeNull();

    let before = await readOrdersRevision();
    await saveOrder(db, fullOrder({ id: 'x' }), NOW);
    before = await revisionSettled(before);
    expect(await readSummary(DEFAULT_SETTINGS, basis, NOW)).toBeNull();

    for (const write of [
      () => db.orders.update('x', { title: 'Edited' }),
      () => db.orders.delete('x'),
      () =>
        importBackup(db, {
          format: 'gigsaathi-backup',
          version: 1,
          exportedAt: NOW.toISOString(),
          templates: [],
          orders: [fullOrder({ id: 'y' })],
          settings: DEFAULT_SETTINGS,
          gigKeywords: [],
          withdrawals: [],
          costs: [],
        }),
    ]) {
      await saveSummary(computeDashboard([], DEFAULT_SETTINGS, basis, NOW), [], DEFAULT_SETTINGS, basis, before, NOW);
      expect(await readSummary(DEFAULT_SETTINGS, basis, NOW)).not.toBeNull();
      await write();
      const after = await revisionSettled(before);
      expect(after).not.toBe(before);
      expect(await readSummary(DEFAULT_SETTINGS, basis, NOW)).toBeNull();
      before = after;
    }
  });

  it('ignores a damaged summary', async () => {
    await browser.storage.local.set({ dashboardSummary: { key: 1, figures: 'nope' } });
    expect(await readSummary(DEFAULT_SETTINGS, basis, NOW)).toBeNull();
  });
});

describe('background summary', () => {
  it('recomputes from every order, keeps it, and wakes again when a date moves a figure', async () => {
    await db.orders.bulkPut(orders);
    await revisionSettled('');
    await refreshSummary(fakeBrowser as never, db, NOW);
    const rates = await currentRates(NOW);
    expect(await readSummary(DEFAULT_SETTINGS, rates, NOW)).toEqual(
      computeDashboard(await db.orders.toArray(), DEFAULT_SETTINGS, rates, NOW),
    );
    const alarm = await fakeBrowser.alarms.get(SUMMARY_ALARM);
    expect(alarm?.scheduledTime).toBe(Date.parse('2026-11-20T09:00:00.000Z'));
  });

  it('reads the orders again only when their revision moved, and answers from the kept figures while current', async () => {
    await db.orders.bulkPut(orders);
    const revision = await revisionSettled('');
    const reads = vi.spyOn(db.orders, 'toArray');
    const rates = await currentRates(NOW);
    await refreshSummary(fakeBrowser as never, db, NOW);
    expect(reads).toHaveBeenCalledTimes(1);

    // The kept figures are lost (or the settings or rates changed): computed again, not read again.
    await browser.storage.local.remove('dashboardSummary');
    const again = await currentFigures(fakeBrowser as never, db, NOW);
    await again.kept;
    expect(reads).toHaveBeenCalledTimes(1);
    expect(again.figures).toEqual(computeDashboard(orders, DEFAULT_SETTINGS, rates, NOW));

    // Current kept figures: the answer, with nothing computed.
    const kept = await currentFigures(fakeBrowser as never, db, NOW);
    expect(kept.figures).toEqual(again.figures);
    expect(reads).toHaveBeenCalledTimes(1);

    // A write moves the revision: the next figures read the orders and include it.
    await saveOrder(db, { ...fullOrder({ id: 'c', status: 'completed', amount: 40 }) }, NOW);
    await revisionSettled(revision);
    const after = await currentFigures(fakeBrowser as never, db, NOW);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(after.figures).toEqual(computeDashboard(await db.orders.toArray(), DEFAULT_SETTINGS, rates, NOW));
    expect(after.figures).not.toEqual(again.figures);
    reads.mockRestore();
  });

  it('answers with new figures before it keeps them, and keeps exactly those', async () => {
    await db.orders.bulkPut(orders);
    await revisionSettled('');
    const rates = await currentRates(NOW);
    const { figures, kept } = await currentFigures(fakeBrowser as never, db, NOW);
    expect(await readSummary(DEFAULT_SETTINGS, rates, NOW)).toBeNull();
    await kept;
    expect(await readSummary(DEFAULT_SETTINGS, rates, NOW)).toEqual(figures);
  });

  it('parses each order’s dates once for the figures and for their expiry, with the same result', () => {
    const times = orderTimes(orders);
    expect(computeDashboard(orders, DEFAULT_SETTINGS, basis, NOW, times)).toEqual(
      computeDashboard(orders, DEFAULT_SETTINGS, basis, NOW),
    );
    expect(validUntil(orders, NOW, times)).toBe(validUntil(orders, NOW));
    expect(times[0]).toMatchObject({ due: Date.parse('2026-11-19T12:00:00.000Z') });
    expect(Number.isNaN(times[0]!.completed)).toBe(true);
  });
});
