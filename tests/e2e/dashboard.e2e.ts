import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChromeApi,
  collectPageErrors,
  type E2E,
  importBackupFile,
  startE2E,
  tempFile,
  waitForCachedRates,
} from './env';

/**
 * A known backup, dated around the moment the test runs, so the figures are fixed:
 * $100 completed a second ago, clearing for 14 days → clearing $80 after Fiverr's 20%;
 * $50 completed a second ago and already cleared → available $40;
 * a $30 order, active, due in 2 days. Earned this month $150; net to the bank
 * 75.29 + 37.64 = $112.93 → Rs 31,620 at the fake API's 280.
 */
let e2e: E2E;
let options: Page;
let errors: string[];

/** When the test data was made; its dates are relative to it. */
let now = 0;
beforeAll(async () => {
  e2e = await startE2E();
  await waitForCachedRates(e2e);
  now = Date.now();
  const iso = (ms: number) => new Date(now + ms).toISOString();
  const base = { platform: 'fiverr', currency: 'USD', orderedAt: iso(-1000), title: 'Logo' };
  const backup = {
    format: 'gigsaathi-backup',
    version: 1,
    exportedAt: iso(0),
    templates: [],
    orders: [
      {
        ...base,
        id: 'd1',
        client: 'alice',
        amount: 100,
        status: 'completed',
        completedAt: iso(-1000),
        clearsAt: iso(14 * 86400_000),
      },
      {
        ...base,
        id: 'd2',
        client: 'bob',
        amount: 50,
        status: 'completed',
        completedAt: iso(-1000),
        clearsAt: iso(-500),
      },
      { ...base, id: 'd3', client: 'carol', amount: 30, status: 'active', dueAt: iso(2 * 86400_000) },
    ],
    settings: {},
  };
  const file = tempFile('dashboard.json', JSON.stringify(backup));
  options = await e2e.browser.openExtensionPage('options.html');
  errors = collectPageErrors(options);
  await importBackupFile(options, file);
});
afterAll(async () => {
  await e2e?.close();
});

const stats = (page: Page) =>
  page
    .locator('[data-gigsaathi-stat]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-gigsaathi-stat'), Number(e.getAttribute('data-value'))])),
    );

const EXPECTED = {
  'month-earned-usd': 150,
  'month-earned-net-pkr': 31620,
  'clearing-usd': 80,
  'available-usd': 40,
  'active-count': 1,
  'week-new-orders': 3,
};

describe('earnings dashboard', () => {
  it('shows the hand-computed figures in the options page', async () => {
    await expect.poll(() => stats(options)).toMatchObject(EXPECTED);
    expect(await stats(options)).toMatchObject({
      'average-order-usd': 75,
      'withdrawn-month-usd': 0,
      'repeat-client-share': 0,
    });
    expect(await options.locator('[data-gigsaathi-active="d3"]').textContent()).toContain('due in 2 days');
    // The chart has its numbers as a table too.
    expect(await options.getByRole('img', { name: /Bar chart of completed earnings/ }).count()).toBe(1);
    // Its bars carry their values, and its months are named as date-fns names them ("Sep", not "Sept").
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(await options.locator(`[data-gigsaathi-chart-value="${thisMonth}"]`).textContent()).toBe('$150');
    const monthNames = await options.locator('.chart svg text:not([data-gigsaathi-chart-value])').allTextContents();
    expect(monthNames).toHaveLength(12);
    for (const name of monthNames) expect(name).toMatch(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/);
    expect(errors).toEqual([]);
  });

  it('shows the same glance in the popup', async () => {
    const popup = await e2e.browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 600 });
    await expect.poll(() => stats(popup)).toEqual(EXPECTED);
    // Rupees first, the dollars beside; labels that name the period.
    const month = new Date().toLocaleString('en-US', { month: 'long' });
    const earned = popup.locator('[data-gigsaathi-stat="month-earned-usd"]');
    expect(await earned.textContent()).toBe(`Earned in ${month} (completed orders)Rs 42,000 $150.00`);
    expect(await popup.locator('[data-gigsaathi-stat="month-earned-net-pkr"]').textContent()).toMatch(
      new RegExp(`^Reaches your bank from ${month}Rs 31,620 \\$\\d`),
    );
    expect(await popup.locator('[data-gigsaathi-stat="available-usd"]').textContent()).toBe(
      'Available to withdraw nowRs 11,200 $40.00',
    );
    // The templates and their Copy buttons are in view without scrolling.
    const copy = popup.getByRole('button', { name: /^Copy / }).first();
    await copy.waitFor();
    const box = (await copy.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(await popup.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    await popup.close();
  });

  it('keeps the figures current in the background, and the popup shows the kept ones first', async () => {
    // After the import the background recomputed and kept the figures for this orders revision.
    const kept = () =>
      e2e.browser.worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const got = await c.storage.local.get('dashboardSummary');
        const rev = await c.storage.local.get('ordersRevision');
        const s = got.dashboardSummary as { revision: string; figures: { availableUsd: number } } | undefined;
        return s && s.revision === rev.ordersRevision ? s.figures.availableUsd : null;
      });
    await expect.poll(kept, { timeout: 10_000 }).toBe(40);
    // A popup that never gets to read the orders still shows the kept figures.
    const popup = await e2e.browser.context.newPage();
    await popup.addInitScript(() => {
      // This popup cannot open IndexedDB at all (the request never answers): whatever figures
      // it shows come from the kept summary.
      const real = indexedDB;
      Object.defineProperty(window, 'indexedDB', {
        value: { open: () => ({}), deleteDatabase: () => ({}), cmp: (a: unknown, b: unknown) => real.cmp(a, b) },
      });
    });
    await popup.goto(`chrome-extension://${e2e.browser.extensionId}/popup.html`);
    await expect.poll(() => stats(popup), { timeout: 5000 }).toEqual(EXPECTED);
    await popup.close();
  });

  it('with no kept figures, the popup reads every order and keeps what it computed', async () => {
    const summary = () =>
      e2e.browser.worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const got = await c.storage.local.get('dashboardSummary');
        return (got.dashboardSummary as { figures: { clearingUsd: number } } | undefined)?.figures.clearingUsd ?? null;
      });
    await e2e.browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.remove(['dashboardSummary']),
    );
    expect(await summary()).toBeNull();
    const popup = await e2e.browser.openExtensionPage('popup.html');
    await expect.poll(() => stats(popup)).toEqual(EXPECTED);
    // Kept again by the popup, from the orders it read: the next opening shows them at once.
    await expect.poll(summary, { timeout: 5000 }).toBe(80);
    await popup.close();
  });

  it('schedules the next reminder from the imported orders, on one alarm', async () => {
    const alarms = async () =>
      (
        await e2e.browser.worker.evaluate(async () =>
          (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.getAll(),
        )
      ).filter((a) => a.name.startsWith('gs-reminder:'));
    // d3 is due in 2 days: its 24-hour reminder, a day from now, is the next of all (d1 clears in
    // 14 days, d2 has cleared already). One alarm, whatever the number of orders.
    await expect.poll(async () => (await alarms()).map((a) => a.name)).toEqual(['gs-reminder:next']);
    const [next] = await alarms();
    expect(next!.scheduledTime).toBe(now + 2 * 86400_000 - 24 * 3600_000);
  });

  it('exports the period’s orders as CSV', async () => {
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('id,platform,external_id,client,title,status')).toBe(true);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['d1', 'd2', 'd3']);
    // Dates as ISO days (2026-12-01), never a timestamp or month first.
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/,\d{4}-\d{2}-\d{2},/);
      expect(line).not.toMatch(/\d{2}:\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/);
    }
    expect(await options.getByText('Exported 3 orders.').count()).toBe(1);
  });

  it('warns gently when this week’s orders pass the weekly limit', async () => {
    await options.getByLabel('Weekly order limit').fill('2');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => options.getByRole('note').filter({ hasText: 'over your limit of 2' }).count()).toBe(1);
  });
});
