import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, startE2E, storedOrders as storedOrdersOf, type E2E } from './env';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const storedOrders = () => storedOrdersOf(e2e);

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save to GigSaathi', exact: true }).click();
  const status = page.locator('[data-gigsaathi-ui="capture"]').getByRole('status');
  await expect.poll(() => status.textContent()).toMatch(/GigSaathi: /);
  return status.textContent();
}

describe('Save to GigSaathi', () => {
  it('captures a Fiverr order from the page, and a second capture updates it', async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities');
    expect(await save(page)).toBe('Saved to GigSaathi: I will design a modern minimalist logo (active).');
    let orders = await storedOrders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      platform: 'fiverr',
      externalId: 'FO1A2B3C4D5E',
      client: 'alice_buyer',
      title: 'I will design a modern minimalist logo',
      amount: 45,
      currency: 'USD',
      status: 'active',
      dueAt: '2026-11-27T12:00:00.000Z',
    });
    // The buyer completes it: the page's data says so, and a second capture updates the same order.
    await page.evaluate(() => {
      const script = document.getElementById('perseus-initial-props')!;
      script.textContent = script.textContent!.replace('"in_progress"', '"completed"');
    });
    expect(await save(page)).toBe('Updated in GigSaathi: I will design a modern minimalist logo (completed).');
    orders = await storedOrders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'completed', externalId: 'FO1A2B3C4D5E' });
    const completed = Date.parse(orders[0]!.completedAt as string);
    expect(Date.parse(orders[0]!.clearsAt as string) - completed).toBe(14 * 86400_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads the same order from the page’s details list when the page has no embedded JSON', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities');
    // Fiverr's order JSON paths have no public evidence (SITES.md): the details list must do.
    await page.evaluate(() => document.getElementById('perseus-initial-props')!.remove());
    expect(await save(page)).toBe('Updated in GigSaathi: I will design a modern minimalist logo (completed).');
    const [order] = (await storedOrders()).filter((o) => o.externalId === 'FO1A2B3C4D5E');
    expect(order).toMatchObject({
      client: 'alice_buyer',
      title: 'I will design a modern minimalist logo',
      amount: 45,
      dueAt: '2026-11-27T12:00:00.000Z',
      orderedAt: '2026-11-20T12:00:00.000Z',
    });
    await page.close();
  });

  it('captures an Upwork contract', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.upwork.com/nx/wm/workroom/38123456/overview');
    expect(await save(page)).toBe('Saved to GigSaathi: Logo and brand kit for an organic tea shop (active).');
    const upwork = (await storedOrders()).filter((o) => o.platform === 'upwork');
    expect(upwork).toEqual([
      expect.objectContaining({ externalId: '38123456', client: 'Green Leaf Teas', amount: 25 }),
    ]);
    await page.close();
  });

  it('saves every visible row of the manage-orders list at once, updating ones it has', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/users/ayesha_designs/manage_orders');
    await page.getByRole('button', { name: 'Save all to GigSaathi', exact: true }).click();
    const status = page.locator('[data-gigsaathi-ui="capture"]').getByRole('status');
    // FO1A2B3C4D5E was saved from its order page above: updated, not duplicated.
    await expect.poll(() => status.textContent()).toBe('GigSaathi: 2 orders saved, 1 order updated.');
    const fiverrOrders = (await storedOrders()).filter((o) => o.platform === 'fiverr');
    // Rows are divs (the real list's shape); bob's order carries a $10 extra in the row below it.
    expect(fiverrOrders.map((o) => [o.externalId, o.status, o.amount, o.client]).sort()).toEqual([
      ['FO1A2B3C4D5E', 'completed', 45, 'alice_buyer'],
      ['FO2B3C4D5E6F', 'delivered', 35, 'bob_smith'],
      ['FO3C4D5E6F7G', 'completed', 120, 'carlos_m'],
    ]);
    await page.close();
  });

  it('appears only on order and contract pages', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/inbox/alice_buyer');
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: 'Save to GigSaathi' }).count()).toBe(0);
    await page.close();
  });
});
