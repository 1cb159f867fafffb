import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../harness/paths';
import {
  collectPageErrors,
  startE2E,
  storeCounts,
  tempFile,
  waitForCachedRates,
  type ChromeApi,
  type E2E,
} from './env';

const STATEMENTS = join(FIXTURES, 'statements');

let e2e: E2E;
let page: Page;
let errors: string[];
beforeAll(async () => {
  e2e = await startE2E();
  // The day of the statement's withdrawal: 278.50 per dollar, not today's 280.
  e2e.server.rates.history = { '2026-11-20': 278.5 };
  await waitForCachedRates(e2e);
  page = await e2e.browser.openExtensionPage('options.html');
  errors = collectPageErrors(page);
});
afterAll(async () => {
  await e2e?.close();
});

const counts = () => storeCounts(page, ['orders', 'withdrawals', 'costs'] as const);
const preview = () => page.locator('[data-gigsaathi-statement-preview]').first();
const payouts = () => page.getByRole('region', { name: 'Money to your bank' });

describe('Import statement', () => {
  it('sits beside "Import backup", named exactly "Import statement"', async () => {
    const backup = page.getByRole('region', { name: 'Backup' });
    expect(await backup.getByLabel('Import statement', { exact: true }).count()).toBe(1);
    expect(await backup.getByLabel('Import backup', { exact: true }).count()).toBe(1);
  });

  it('previews an Upwork file: what it adds, and every line it cannot read, before writing anything', async () => {
    await page
      .getByLabel('Import statement', { exact: true })
      .setInputFiles(join(STATEMENTS, 'upwork-transactions.csv'));
    await preview().waitFor();
    const p = page.locator('section[data-gigsaathi-statement-preview]');
    expect(await p.getByRole('heading').textContent()).toBe('Import statement “upwork-transactions.csv”?');
    expect(await p.locator('[data-gigsaathi-statement-preview="orders"]').textContent()).toBe(
      'Orders: 3 to add, 0 already here',
    );
    expect(await p.locator('[data-gigsaathi-statement-preview="withdrawals"]').textContent()).toBe(
      'Withdrawals: 1 to add, 0 already here',
    );
    expect(await p.locator('[data-gigsaathi-statement-lines="unreadable"] li').allTextContents()).toEqual([
      'Line 13: the date “Nov 31, 2026” is not a date',
      'Line 14: the transaction type “Adjustment” is not one GigSaathi knows',
      'Line 15: the amount “not a number” is not a number',
    ]);
    expect(await counts()).toEqual({ orders: 0, withdrawals: 0, costs: 0 });

    await p.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByText(/^Statement imported/).textContent())
      .toBe('Statement imported: 3 orders, 1 withdrawal, 3 costs added.');
    expect(await counts()).toEqual({ orders: 3, withdrawals: 1, costs: 3 });
  });

  it('adds nothing when the same file comes again, and Cancel writes nothing', async () => {
    await page
      .getByLabel('Import statement', { exact: true })
      .setInputFiles(join(STATEMENTS, 'upwork-transactions.csv'));
    await preview().waitFor();
    expect(await page.locator('[data-gigsaathi-statement-preview="orders"]').textContent()).toBe(
      'Orders: 0 to add, 3 already here',
    );
    await page.locator('section[data-gigsaathi-statement-preview]').getByRole('button', { name: 'Cancel' }).click();
    expect(await counts()).toEqual({ orders: 3, withdrawals: 1, costs: 3 });
  });

  it('refuses a file that is no statement, saying what to download', async () => {
    await page
      .getByLabel('Import statement', { exact: true })
      .setInputFiles(tempFile('contacts.csv', 'name,email\nA,a@b.c\n'));
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/^This is not a statement GigSaathi knows\. Download Upwork's Reports → Transactions/);
  });
});

describe('Money to your bank', () => {
  it('shows the imported withdrawal at the rate it really got against that day’s mid-market rate', async () => {
    const row = payouts().locator('[data-gigsaathi-withdrawal="wd-upwork-700000010"]');
    // $500.99 out ($0.99 fee), Rs 139,250 in; mid-market 278.50 that day → 500 × 278.5 = 139,250: no markup.
    await expect.poll(() => row.getAttribute('data-markup'), { timeout: 10_000 }).toBe('0');
    expect(await row.textContent()).toContain('278.5');
  });

  it('records a withdrawal by hand, refusing one without an amount', async () => {
    const form = payouts().locator('[data-gigsaathi-withdrawal-form]');
    await form.getByLabel('Withdrawal date').fill('2026-11-20');
    await form.getByLabel('Withdrawal route').selectOption({ label: 'Payoneer → PKR bank' });
    await form.getByRole('button', { name: 'Save withdrawal' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('Not saved: amount: expected a positive number');
    // 3% of 600 = 18; 582 at 278.50 = 162,087; 158,845 arrived → 2% markup.
    await form.getByLabel('Amount sent').fill('600');
    await form.getByLabel('Rupees received').fill('158,845');
    await form.getByRole('button', { name: 'Save withdrawal' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Withdrawal saved.');
    const payoneer = payouts().locator('[data-gigsaathi-markups] [data-gigsaathi-route="payoneer"] td').first();
    await expect.poll(() => payoneer.getAttribute('data-value'), { timeout: 10_000 }).toBe('2');
    expect(await payoneer.textContent()).toBe('2% (1 withdrawal)');
  });

  it('adds the month to the tax year, with its final tax', async () => {
    const nov = payouts().locator('[data-gigsaathi-tax-month="2026-11"]');
    // 139,250 + 158,845 = 298,095; 1% = 2,981.
    expect(await nov.getAttribute('data-pkr')).toBe('298095');
    expect(await nov.getAttribute('data-tax')).toBe('2981');
    expect(await payouts().textContent()).toContain('purpose code 9186');
    expect(errors).toEqual([]);
  });

  it('uses the seller’s own markup in the prices on a page, and says so', async () => {
    // The background works the averages out after the withdrawals change.
    await expect
      .poll(
        () =>
          e2e.browser.worker.evaluate(async () => {
            const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
            const kept = (await c.storage.local.get('learnedMarkups')) as {
              learnedMarkups?: Record<string, { percent: number }>;
            };
            return kept.learnedMarkups?.payoneer?.percent;
          }),
        { timeout: 10_000 },
      )
      .toBe(2);
    const site = await e2e.browser.context.newPage();
    await site.goto('https://www.fiverr.com/search/gigs?query=logo');
    const first = site.locator('gigsaathipkr').first();
    await first.waitFor();
    await first.hover();
    const card = site.locator('[data-gigsaathi-price-card]');
    await expect.poll(() => card.textContent()).toContain('Exchange markup 2% (your average, 1 withdrawal)');
    expect(await card.locator('[data-gigsaathi-route]').textContent()).toBe('By Payoneer → PKR bank');
    await site.close();
  });
});
