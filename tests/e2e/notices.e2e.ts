import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, startE2E, type ChromeApi, type E2E } from './env';

/**
 * A page GigSaathi applies to but cannot read (a redesign renamed every hook) degrades quietly:
 * nothing in the page's console, and the popup says in plain words what it could not find.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Everything the page's console shows, ours or not. */
function consoleOf(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  return lines;
}

const setLanguage = (language: string) =>
  e2e.browser.worker.evaluate(async (lang) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const { settings } = (await c.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await c.storage.local.set({ settings: { ...(settings ?? {}), language: lang } });
  }, language);

/** The popup, opened over the page the seller was on; its notices once it has read them. */
async function popupNotices(page: Page): Promise<string[]> {
  await page.bringToFront();
  const popup = await e2e.browser.openExtensionPage('popup.html');
  await popup.locator('.popup h1').waitFor();
  // The notices are read from storage after the first render: give that read its moment.
  await popup.waitForTimeout(500);
  const items = await popup.locator('[data-gigsaathi-notice]').allTextContents();
  await popup.close();
  return items;
}

describe('pages GigSaathi cannot read', () => {
  it('an inbox without a composer we know: quiet in the page, said once in the popup', async () => {
    const page = await e2e.browser.context.newPage();
    const lines = consoleOf(page);
    const errors = collectPageErrors(page);
    await page.goto('https://www.fiverr.com/inbox/alice_buyer?composer=none');
    await expect
      .poll(() => popupNotices(page), { timeout: 12_000, interval: 1000 })
      .toEqual(['On this page GigSaathi could not find the message box. Ctrl+Space still works in any text field.']);
    expect(lines.filter((l) => /gigsaathi/i.test(l))).toEqual([]);
    expect(errors).toEqual([]);
    // The same page loaded again: still said once, not twice.
    await page.reload();
    await page.waitForTimeout(6000);
    expect(await popupNotices(page)).toHaveLength(1);
    await page.close();
  });

  it('says it in Urdu when the seller reads Urdu', async () => {
    await setLanguage('ur');
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/inbox/bob_smith?composer=none');
    await expect
      .poll(() => popupNotices(page), { timeout: 12_000, interval: 1000 })
      .toEqual([
        'اس صفحے پر گِگ ساتھی کو پیغام لکھنے کا خانہ نہیں ملا۔ Ctrl+Space کسی بھی لکھنے کے خانے میں اب بھی کام کرتا ہے۔',
      ]);
    await setLanguage('en');
    await page.close();
  });

  it('says nothing where the page was understood', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/inbox/alice_buyer');
    await page.getByRole('button', { name: 'Insert template' }).first().waitFor();
    await page.waitForTimeout(5500);
    expect(await popupNotices(page)).toEqual([]);
    await page.close();
  });

  it('an order page whose details cannot be read: the click says so, and so does the popup', async () => {
    const page = await e2e.browser.context.newPage();
    const lines = consoleOf(page);
    await page.goto('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities');
    await page.evaluate(() => {
      document.getElementById('perseus-initial-props')!.remove();
      document.querySelector('aside')!.remove();
    });
    await page.getByRole('button', { name: 'Save to GigSaathi', exact: true }).click();
    const status = page.locator('[data-gigsaathi-ui="capture"]').getByRole('status');
    await expect.poll(() => status.textContent()).toContain('GigSaathi could not read this order from the page');
    await expect
      .poll(() => popupNotices(page), { timeout: 5000 })
      .toEqual(["On this page GigSaathi could not find the order's details to save."]);
    expect(lines.filter((l) => /gigsaathi/i.test(l))).toEqual([]);
    await page.close();
  });

  it('a message from a page that is not one of our sites is refused', async () => {
    const popup = await e2e.browser.openExtensionPage('popup.html');
    const reply = await popup.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({
        gigsaathi: 1,
        type: 'page.notice',
        payload: { feature: 'templates', message: 'x', notice: 'messageBox' },
      }),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await popup.close();
  });
});
