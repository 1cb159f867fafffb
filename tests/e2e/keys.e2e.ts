import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../harness/paths';
import { collectPageErrors, importBackupFile, pickerFrame, startE2E, type E2E } from './env';

const INBOX = 'https://www.fiverr.com/inbox/alice_buyer?composer=message-box-text-area';
const BOX = '#message-box-text-area';

let e2e: E2E;
let options: Page;
beforeAll(async () => {
  e2e = await startE2E();
  options = await e2e.browser.openExtensionPage('options.html');
  // /sig → "Best regards, Ayesha" (the file's settings carry the name).
  await importBackupFile(options, join(FIXTURES, 'backups/templates-e2e.json'), { replaceSettings: true });
});
afterAll(async () => {
  await e2e?.close();
});

async function chooseKeys(picker: string, expansion: string) {
  await options.reload();
  await options.getByLabel('Open the template picker').selectOption({ label: picker });
  await options.getByLabel('Expand a shortcut (after typing it)').selectOption({ label: expansion });
  await options.getByRole('button', { name: 'Save settings' }).click();
  await options.getByText('Settings saved.').waitFor();
}

async function inbox(): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(INBOX);
  await page.locator(BOX).click();
  // The picker's frame loads when an editor takes focus; it shows only when opened.
  await pickerFrame(page);
  return { page, errors };
}

/** Whether the picker is showing now (its frame is in the page from the first focus on). */
async function pickerShown(page: Page): Promise<boolean> {
  const frame = await (await pickerFrame(page)).frameElement();
  return frame.isVisible();
}
const text = (page: Page) => page.locator(BOX).inputValue();

describe('the seller’s own keys', () => {
  it('by default Ctrl+Space opens the picker and Tab expands a shortcut', async () => {
    const { page, errors } = await inbox();
    await page.keyboard.press('Control+Space');
    await expect.poll(() => pickerShown(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => pickerShown(page)).toBe(false);
    await page.keyboard.type('Thanks! /sig');
    await page.keyboard.press('Tab');
    await expect.poll(() => text(page)).toBe('Thanks! Best regards, Ayesha');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('other keys chosen in settings take over, and the old ones do what they did before', async () => {
    await chooseKeys('Ctrl+.', 'Space');
    const { page, errors } = await inbox();
    await page.keyboard.press('Control+Space');
    await page.waitForTimeout(300);
    expect(await pickerShown(page)).toBe(false);
    await page.keyboard.press('Control+Period');
    await expect.poll(() => pickerShown(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => pickerShown(page)).toBe(false);
    // Tab no longer expands: it leaves the box as it always does.
    await page.keyboard.type('/sig');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(await text(page)).toBe('/sig');
    await page.locator(BOX).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    await expect.poll(() => text(page)).toBe('Best regards, Ayesha');
    // A space after ordinary words is just a space.
    await page.keyboard.type(' ok');
    await page.keyboard.press('Space');
    expect(await text(page)).toBe('Best regards, Ayesha ok ');
    expect(await page.getByRole('button', { name: 'Insert template', exact: true }).first().getAttribute('title')).toBe(
      'Insert template (Ctrl+.)',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('both switched off: no key opens or expands, and the Insert template button still does', async () => {
    await chooseKeys('Off', 'Off');
    const { page, errors } = await inbox();
    await page.keyboard.press('Control+Space');
    await page.keyboard.press('Control+Period');
    await page.waitForTimeout(300);
    expect(await pickerShown(page)).toBe(false);
    await page.keyboard.type('/sig');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    expect(await text(page)).toBe('/sig ');
    await page.getByRole('button', { name: 'Insert template', exact: true }).first().click();
    await expect.poll(() => pickerShown(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
