import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, type E2E, importBackupFile, startE2E, tempFile } from './env';

let e2e: E2E;
let page: Page;
let errors: string[];
beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.browser.openExtensionPage('options.html');
  errors = collectPageErrors(page);
  await page.getByRole('button', { name: 'Add order' }).waitFor();
});
afterAll(async () => {
  await e2e?.close();
});

const rows = () => page.locator('[data-gigsaathi-order]');
const status = () => page.getByRole('region', { name: 'Orders' }).getByRole('status').textContent({ timeout: 2000 });

async function add(fields: Record<string, string>, selects: Record<string, string> = {}) {
  await page.getByRole('button', { name: 'Add order' }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  for (const [label, value] of Object.entries(selects))
    await page.getByLabel(label, { exact: true }).selectOption(value);
  await page.getByRole('button', { name: 'Save order' }).click();
}

describe('orders by hand (options page)', () => {
  it('adds an order for an offline client', async () => {
    await add(
      { Client: 'Uncle Aslam (offline)', 'Order title': 'Shop banner', Amount: '15000', Currency: 'PKR' },
      { Platform: 'other' },
    );
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Uncle Aslam (offline)');
  });

  it('refuses a bad amount with a clear error', async () => {
    await add({ Client: 'x', 'Order title': 'y', Amount: '-5' });
    await expect
      .poll(() => page.getByRole('alert').textContent({ timeout: 2000 }))
      .toBe('Not saved: amount: expected a positive number');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await rows().count()).toBe(1);
  });

  it('moves an order along: delivered, completed (clearing), and filters by status', async () => {
    await add({ Client: 'Sara', 'Order title': 'Logo', Amount: '45' });
    await page.getByRole('button', { name: 'Mark Logo delivered' }).click();
    await page.getByRole('button', { name: 'Mark Logo completed' }).click();
    await expect.poll(() => page.locator('tr', { hasText: 'Sara' }).textContent()).toMatch(/clearing until/);
    await page.getByLabel('Status filter').selectOption('clearing');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByLabel('Status filter').selectOption('');
  });

  it('searches, and deletes with undo', async () => {
    await page.getByLabel('Search orders').fill('banner');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByLabel('Search orders').fill('');
    await page.getByRole('button', { name: 'Delete Shop banner' }).click();
    await expect.poll(status).toMatch(/^Deleted “Shop banner”\./);
    // The status is set when the write returns; the list follows on Dexie's live query a moment later.
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows().count()).toBe(2);
  });

  it('shows years of orders a page at a time', async () => {
    const orders = Array.from({ length: 250 }, (_, i) => ({
      id: `bulk-${i}`,
      platform: 'fiverr',
      client: `client ${i}`,
      title: `Bulk order ${i}`,
      amount: 10 + i,
      currency: 'USD',
      status: 'active',
      orderedAt: new Date(Date.UTC(2024, 0, 1) + i * 86400_000).toISOString(),
    }));
    const file = tempFile(
      'orders.json',
      JSON.stringify({
        format: 'gigsaathi-backup',
        version: 1,
        exportedAt: new Date().toISOString(),
        templates: [],
        orders,
        settings: {},
      }),
    );
    await importBackupFile(page, file);
    const total = await page.locator('table.orders caption').textContent();
    expect(total).toMatch(/^Orders \((\d+) of \1\)$/);
    await expect.poll(() => rows().count()).toBe(100);
    await page.getByRole('button', { name: 'Show 100 more orders' }).click();
    await expect.poll(() => rows().count()).toBe(200);
    const rest = Number(/\((\d+) of/.exec(total!)![1]) - 200;
    await page.getByRole('button', { name: `Show ${rest} more orders` }).click();
    await expect.poll(() => rows().count()).toBe(200 + rest);
    expect(await page.getByRole('button', { name: /more orders$/ }).count()).toBe(0);
    // A new search starts from the first page again.
    await page.getByLabel('Search orders').fill('Bulk order');
    await expect.poll(() => rows().count()).toBe(100);
    await page.getByLabel('Search orders').fill('');
  });

  it('filters by month from a list of the months that have orders, by name', async () => {
    const filter = page.getByLabel('Month', { exact: true });
    const labels = await filter.locator('option').allTextContents();
    expect(labels[0]).toBe('All months');
    // 250 days from 1 January 2024: January 2024 to September 2024, newest first, and the orders of today.
    expect(labels).toContain('January 2024');
    expect(labels).toContain('September 2024');
    expect(labels.indexOf('September 2024')).toBeLessThan(labels.indexOf('January 2024'));
    expect(labels.every((l) => !/-{3,}/.test(l))).toBe(true);
    await filter.selectOption({ label: 'February 2024' });
    await expect.poll(() => rows().count()).toBe(29);
    await filter.selectOption({ label: 'All months' });
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
