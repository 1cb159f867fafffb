import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, startE2E, type E2E } from './env';

let e2e: E2E;
let popup: Page;
let fiverr: Page;
let upwork: Page;
let errors: string[] = [];
beforeAll(async () => {
  e2e = await startE2E();
  fiverr = await e2e.browser.context.newPage();
  upwork = await e2e.browser.context.newPage();
  errors = [...collectPageErrors(fiverr), ...collectPageErrors(upwork)];
  await fiverr.goto('https://www.fiverr.com/earnings');
  await upwork.goto('https://www.upwork.com/nx/payments/reports/transactions/1234567');
  await fiverr.locator('main gigsaathipkr').first().waitFor();
  await upwork.locator('gigsaathipkr').first().waitFor();
  popup = await e2e.browser.openExtensionPage('popup.html');
});
afterAll(async () => {
  await e2e?.close();
});

const filterOf = (l: Locator) => l.evaluate((el) => getComputedStyle(el).filter);
const toggle = () => popup.getByRole('button', { name: 'Hide amounts (screen sharing)' });

describe('the screen-sharing blur', () => {
  it('is off at first: nothing is blurred', async () => {
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    expect(await filterOf(fiverr.locator('main gigsaathipkr').first())).toBe('none');
    expect(await filterOf(fiverr.locator('header a[href*="/earnings"]').first())).toBe('none');
  });

  it('one click in the popup blurs the balances, the earnings and our rupees on both sites', async () => {
    await toggle().click();
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => filterOf(fiverr.locator('main').first())).toContain('blur');
    expect(await filterOf(fiverr.locator('header a[href*="/earnings"]').first())).toContain('blur');
    expect(await filterOf(fiverr.locator('gigsaathipkr').first())).toContain('blur');
    await expect
      .poll(() => filterOf(upwork.locator('[data-qa="available_balance_card"] [data-qa="amount"]')))
      .toContain('blur');
    // The page's own text is untouched: only our style hides it.
    expect(await fiverr.locator('main').first().textContent()).toContain('$1,234.56');
    // The popup's own figures too.
    await popup.locator('[data-gigsaathi-stat="available-usd"] .stat-value').waitFor();
    expect(await filterOf(popup.locator('[data-gigsaathi-stat="available-usd"] .stat-value'))).toContain('blur');
  });

  it('opens no breakdown while on', async () => {
    await fiverr.locator('header gigsaathipkr').first().hover({ force: true });
    await fiverr.waitForTimeout(400);
    expect(await fiverr.locator('[data-gigsaathi-price-card]').count()).toBe(0);
  });

  it('a second click shows everything again', async () => {
    await toggle().click();
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => filterOf(fiverr.locator('main').first())).toBe('none');
    expect(await filterOf(fiverr.locator('gigsaathipkr').first())).toBe('none');
    await expect
      .poll(() => filterOf(upwork.locator('[data-qa="available_balance_card"] [data-qa="amount"]')))
      .toBe('none');
    expect(await fiverr.locator('style[data-gigsaathi-privacy]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
