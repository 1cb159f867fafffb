import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../harness/paths';
import { startE2E, type ChromeApi, type E2E } from './env';

/**
 * A page's own scripts (ads, analytics, session replay) attacking GigSaathi as they could:
 * synthetic events, `.click()` and `requestSubmit()` from the page's world (page.evaluate runs
 * there). Each attack is held off, and beside it the seller's own keystroke or click still works.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  const options = await e2e.browser.openExtensionPage('options.html');
  await options
    .getByLabel('Import backup', { exact: true })
    .setInputFiles(join(FIXTURES, 'backups/templates-e2e.json'));
  await options.getByText(/^Backup imported/).waitFor();
  await options.close();
});
afterAll(async () => {
  await e2e?.close();
});

const settings = () =>
  e2e.browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return ((await c.storage.local.get('settings')) as { settings: { myName: string } }).settings;
  });

async function storedOrderIds(): Promise<string[]> {
  const page = await e2e.browser.openExtensionPage('popup.html');
  const ids = await page.evaluate(async () => {
    const open = indexedDB.open('gigsaathi');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<{ externalId?: string }[]>((resolve) => {
      const req = db.transaction('orders').objectStore('orders').getAll();
      req.onsuccess = () => resolve(req.result as { externalId?: string }[]);
    });
    db.close();
    return all.map((o) => o.externalId ?? '');
  });
  await page.close();
  return ids.sort();
}

/** What a page script sees of the picker: whether it is in any open shadow root. */
const pickerOpen = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-gigsaathi-ui]')].some((h) =>
      h.shadowRoot?.querySelector('[data-gigsaathi-picker]'),
    ),
  );

const textarea = 'textarea[data-testid="message-box"]';

async function inbox(): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto('https://www.fiverr.com/inbox/alice_buyer?composer=message-box');
  await page.locator(textarea).click();
  return page;
}

describe('a page script cannot drive GigSaathi', () => {
  it('a synthetic Ctrl+Space opens no picker; the seller’s own does', async () => {
    const page = await inbox();
    await page.evaluate((sel) => {
      const field = document.querySelector(sel)!;
      for (const type of ['keydown', 'keyup'])
        field.dispatchEvent(new KeyboardEvent(type, { key: ' ', code: 'Space', ctrlKey: true, bubbles: true }));
    }, textarea);
    await page.waitForTimeout(300);
    expect(await pickerOpen(page)).toBe(false);
    await page.keyboard.press('Control+Space');
    await expect.poll(() => pickerOpen(page)).toBe(true);
    await page.close();
  });

  it('a synthetic Tab after a shortcut expands nothing; the seller’s Tab does', async () => {
    const page = await inbox();
    // The page puts "/sig" in its own field, as React would, and presses a Tab of its own.
    await page.evaluate((sel) => {
      const field = document.querySelector<HTMLTextAreaElement>(sel)!;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, 'Thanks /sig');
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.setSelectionRange(11, 11);
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', bubbles: true, cancelable: true }));
    }, textarea);
    await page.waitForTimeout(400);
    expect(await page.locator(textarea).inputValue()).toBe('Thanks /sig');
    await page.locator(textarea).press('End');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(textarea).inputValue()).toBe('Thanks Best regards, Ayesha');
    await page.close();
  });

  it('.click() on Insert template opens nothing; the seller’s click does', async () => {
    const page = await inbox();
    const button = page.getByRole('button', { name: 'Insert template' }).first();
    await button.waitFor();
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('[data-gigsaathi-ui]'))
        host.shadowRoot?.querySelector<HTMLElement>('[data-gigsaathi-insert]')?.click();
    });
    await page.waitForTimeout(300);
    expect(await pickerOpen(page)).toBe(false);
    await button.click();
    await expect.poll(() => pickerOpen(page)).toBe(true);
    await page.close();
  });

  it('.click() on a template and requestSubmit() on the variables form change nothing', async () => {
    const before = await settings();
    await e2e.browser.worker.evaluate(async (s) => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await c.storage.local.set({ settings: { ...s, myName: '' } });
    }, before);
    try {
      const page = await inbox();
      await page.keyboard.press('Control+Space');
      await page.getByRole('combobox', { name: 'Search templates' }).fill('signature');
      // The page clicks the template for the seller: no form, nothing inserted.
      await page.evaluate(() => {
        for (const host of document.querySelectorAll('[data-gigsaathi-ui]'))
          host.shadowRoot?.querySelector<HTMLElement>('[data-gigsaathi-template]')?.click();
      });
      await page.waitForTimeout(300);
      expect(await page.getByRole('textbox', { name: 'My name' }).count()).toBe(0);
      // The seller chooses it; the page fills the name and submits the form itself.
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: 'My name' }).waitFor();
      await page.evaluate(() => {
        for (const host of document.querySelectorAll('[data-gigsaathi-ui]')) {
          const form = host.shadowRoot?.querySelector('form');
          const input = form?.querySelector('input');
          if (!form || !input) continue;
          input.value = 'Mallory';
          form.requestSubmit();
          form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
        }
      });
      await page.waitForTimeout(400);
      expect((await settings()).myName).toBe('');
      expect(await page.locator(textarea).inputValue()).toBe('');
      // The seller's own Enter in the form does insert, and remembers the name they typed.
      await page.getByRole('textbox', { name: 'My name' }).fill('Ayesha');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(textarea).inputValue()).toBe('Best regards, Ayesha');
      expect((await settings()).myName).toBe('Ayesha');
      await page.close();
    } finally {
      const now = await settings();
      await e2e.browser.worker.evaluate(
        async (s) => {
          const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
          await c.storage.local.set({ settings: s });
        },
        { ...now, myName: before.myName },
      );
    }
  });

  it('.click() on Save to GigSaathi and Save all saves nothing; the seller’s click does', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities');
    await page.getByRole('button', { name: 'Save to GigSaathi', exact: true }).waitFor();
    // The page writes an order of its choosing into the page, then clicks for the seller.
    await page.evaluate(() => {
      const script = document.getElementById('perseus-initial-props')!;
      script.textContent = script.textContent!.replace('4500', '99999999900');
      document
        .querySelector<HTMLElement>('[data-gigsaathi-ui="capture"]')!
        .shadowRoot!.querySelector('button')!
        .click();
    });
    await page.waitForTimeout(500);
    expect(await storedOrderIds()).not.toContain('FO1A2B3C4D5E');
    // Even the seller's own click cannot save an amount no order comes near.
    await page.getByRole('button', { name: 'Save to GigSaathi', exact: true }).click();
    const status = page.locator('[data-gigsaathi-ui="capture"]').getByRole('status');
    await expect.poll(() => status.textContent()).toContain('Not saved');
    expect(await storedOrderIds()).not.toContain('FO1A2B3C4D5E');

    await page.goto('https://www.fiverr.com/users/ayesha_designs/manage_orders');
    await page.getByRole('button', { name: 'Save all to GigSaathi', exact: true }).waitFor();
    await page.evaluate(() =>
      document
        .querySelector<HTMLElement>('[data-gigsaathi-ui="capture"]')!
        .shadowRoot!.querySelector('button')!
        .click(),
    );
    await page.waitForTimeout(500);
    expect(await storedOrderIds()).toEqual([]);
    await page.getByRole('button', { name: 'Save all to GigSaathi', exact: true }).click();
    await expect.poll(() => storedOrderIds()).toEqual(['FO1A2B3C4D5E', 'FO2B3C4D5E6F', 'FO3C4D5E6F7G']);
    await page.close();
  });
});
