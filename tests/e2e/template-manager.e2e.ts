import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, startE2E, type E2E } from './env';

let e2e: E2E;
let page: Page;
let errors: string[];
beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.browser.openExtensionPage('options.html');
  errors = collectPageErrors(page);
  await rows().nth(11).waitFor();
});
afterAll(async () => {
  await e2e?.close();
});

const rows = () => page.locator('[data-gigsaathi-template]');
const row = (title: string) => rows().filter({ has: page.getByText(title, { exact: true }) });
const status = () => page.getByRole('status').first().textContent({ timeout: 2000 });

async function fillEditor(fields: { title?: string; shortcut?: string; tags?: string; body?: string }) {
  if (fields.title !== undefined) await page.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.shortcut !== undefined) await page.getByLabel('Shortcut', { exact: true }).fill(fields.shortcut);
  if (fields.tags !== undefined) await page.getByLabel('Tags', { exact: true }).fill(fields.tags);
  if (fields.body !== undefined) await page.getByRole('combobox', { name: 'Text' }).fill(fields.body);
}

describe('template manager (options page)', () => {
  it('creates a template, completing a variable as it is typed', async () => {
    await page.getByRole('button', { name: 'New template' }).click();
    await fillEditor({ title: 'Quick quote', shortcut: '/quote', tags: 'pricing, fiverr' });
    const body = page.getByRole('combobox', { name: 'Text' });
    await body.click();
    await page.keyboard.type('Hi {{cli');
    const option = page.getByRole('option', { name: /client_name/ });
    await option.waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type(', 3 concepts for $45.');
    expect(await body.inputValue()).toBe('Hi {{client_name}}, 3 concepts for $45.');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(status).toBe('Saved “Quick quote”. ');
    await expect.poll(() => rows().count()).toBe(13);
    expect(await row('Quick quote').textContent()).toContain('/quote');
  });

  it('refuses a duplicate shortcut with a clear error', async () => {
    await page.getByRole('button', { name: 'New template' }).click();
    await fillEditor({ title: 'Another thanks', shortcut: '/thanks', body: 'Thanks again!' });
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent({ timeout: 2000 }))
      .toBe('The shortcut /thanks is already used by the template "Thank-you after the project".');
    expect(await rows().count()).toBe(13);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('warns on text that would break the sites’ rules, saying why', async () => {
    await page.getByRole('button', { name: 'New template' }).click();
    await fillEditor({ title: 'Risky', body: 'Add me on WhatsApp: +92 300 1234567' });
    await expect
      .poll(() => page.getByRole('note').textContent({ timeout: 2000 }))
      .toBe(
        '⚠ This shares a phone number, which moves the conversation off the platform. Fiverr and Upwork suspend accounts for taking talk or payment off the platform.',
      );
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('edits a template', async () => {
    await page.getByRole('button', { name: 'Edit Quick quote' }).click();
    await fillEditor({ title: 'Quick quote v2' });
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => row('Quick quote v2').count()).toBe(1);
    expect(await rows().count()).toBe(13);
  });

  it('duplicates a template without its shortcut', async () => {
    await page.getByRole('button', { name: 'Duplicate Quick quote v2' }).click();
    await expect.poll(() => row('Quick quote v2 (copy)').count()).toBe(1);
    expect(await row('Quick quote v2 (copy)').locator('code').count()).toBe(0);
  });

  it('deletes a template and undoes the delete', async () => {
    await page.getByRole('button', { name: 'Delete Quick quote v2', exact: true }).click();
    await expect.poll(status).toMatch(/^Deleted “Quick quote v2”\./);
    // The status is set when the write returns; the list follows on Dexie's live query a moment later.
    await expect.poll(() => row('Quick quote v2').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row('Quick quote v2').count()).toBe(1);
    expect(await row('Quick quote v2').textContent()).toContain('/quote');
  });

  it('searches by title, text, shortcut and tag', async () => {
    const search = page.getByLabel('Search templates');
    for (const [query, title] of [
      ['quick quote v2', 'Quick quote v2'],
      ['3 concepts', 'Quick quote v2'],
      ['/decline', '"Not a fit" decline'],
      ['pricing', 'Quick quote v2'],
    ] as const) {
      await search.fill(query);
      await expect.poll(() => rows().first().locator('strong').textContent()).toBe(title);
    }
    await search.fill('zzz no such thing');
    await expect.poll(() => page.getByText('No template matches your search.').count()).toBe(1);
    await search.fill('');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
