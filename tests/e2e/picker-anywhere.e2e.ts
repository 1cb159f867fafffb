import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, pickerFrame, startE2E, type ChromeApi, type E2E } from './env';

/**
 * The context menu and keyboard command inject /picker.js into the page the user acted on. A
 * test cannot click a native context menu or hold activeTab, so it injects the same script the
 * same way (scripting.executeScript from the background) into a page the extension may script.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const LEXICAL = 'https://www.fiverr.com/__editors/lexical/page';

async function inject(url: string) {
  expect(e2e.browser.context.pages().at(-1)?.url()).toBe(url);
  await e2e.browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    // The tab the user acted on; activeTab would grant exactly this one.
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    await c.scripting.executeScript({ target: { tabId: tab!.id!, allFrames: true }, files: ['/picker.js'] });
  });
}

async function setTemplatesFeature(on: boolean) {
  await e2e.browser.worker.evaluate(async (enabled) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const { settings } = (await c.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await c.storage.local.set({
      settings: { ...(settings ?? {}), myName: 'Ayesha', features: { templates: enabled } },
    });
  }, on);
}

async function openEditor(): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(LEXICAL);
  await page.waitForFunction(() => Boolean(window.__fixtures?.lexical));
  await page.bringToFront();
  await page.locator('#lexical-editor').click();
  await page.keyboard.type('Dear client, ');
  return { page, errors };
}

describe('picker injected by the context menu or keyboard command', () => {
  it('works on a page where no GigSaathi feature runs', async () => {
    await setTemplatesFeature(false);
    const { page, errors } = await openEditor();
    expect(await page.getByRole('button', { name: 'Insert template' }).count()).toBe(0);
    await inject(LEXICAL);
    const picker = await pickerFrame(page);
    await picker.getByRole('combobox', { name: 'Search templates' }).fill('thank-you after');
    await page.keyboard.press('Enter');
    await picker.getByRole('textbox', { name: 'Client name' }).fill('Sarah');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => window.__fixtures!.lexical!.getText()))
      .toContain('Dear client, Hi Sarah,');
    expect(await page.evaluate(() => window.__fixtures!.lexical!.getText())).toContain('Ayesha');
    // Injected again (a second right-click), it reuses the same picker.
    await inject(LEXICAL);
    await (await pickerFrame(page)).getByRole('listbox').waitFor();
    expect(await page.locator('[data-gigsaathi-ui="templates"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('defers to the templates feature where it already runs', async () => {
    await setTemplatesFeature(true);
    const { page, errors } = await openEditor();
    await page.getByRole('button', { name: 'Insert template' }).waitFor();
    await inject(LEXICAL);
    await (await pickerFrame(page)).getByRole('listbox').waitFor();
    expect(await page.locator('[data-gigsaathi-ui="templates"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});
