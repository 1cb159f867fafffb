import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../harness/paths';
import { collectPageErrors, startE2E, storeCounts, tempFile, type E2E } from './env';

const SAMPLE = join(FIXTURES, 'backups/sample.json');
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown> & {
  templates: { id: string; title: string }[];
  orders: { id: string; amount: number }[];
};

let e2e: E2E;
let page: Page;
let errors: string[];
beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.browser.openExtensionPage('options.html');
  errors = collectPageErrors(page);
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});
afterAll(async () => {
  await e2e?.close();
});

const backupStatus = () =>
  page.getByRole('region', { name: 'Backup' }).getByRole('status').textContent({ timeout: 2000 });

/** Reads the database the way the extension does: from its own origin. */
const dbCounts = () => storeCounts(page, ['templates', 'orders'] as const);

/** Chooses a file only: a bad one is refused at once, a good one waits in the preview. */
async function importFile(path: string) {
  await page.getByLabel('Import backup', { exact: true }).setInputFiles(path);
}
const preview = () => page.locator('[data-gigsaathi-import-preview]');

describe('options page: backup', () => {
  it('opens with the starter library, and the import control named exactly "Import backup"', async () => {
    await expect.poll(() => dbCounts()).toEqual({ templates: 12, orders: 0 });
    await expect.poll(() => page.locator('[data-gigsaathi-template]').count()).toBe(12);
    expect(await page.getByLabel('Import backup', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export backup' }).count()).toBe(1);
  });

  it('rejects a truncated file with an alert and changes nothing', async () => {
    await importFile(tempFile('truncated.json', readFileSync(SAMPLE, 'utf8').slice(0, 300)));
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^The file is not valid JSON \(is it complete\?\).*Nothing was imported\.$/);
    expect(await dbCounts()).toEqual({ templates: 12, orders: 0 });
  });

  it('names the record of an invalid field', async () => {
    const bad = structuredClone(sample);
    bad.orders[1]!.amount = -20;
    await importFile(tempFile('negative.json', JSON.stringify(bad)));
    await expect
      .poll(() => page.getByRole('alert').textContent({ timeout: 2000 }))
      .toBe('orders[1].amount: expected a positive number Nothing was imported.');
    expect(await dbCounts()).toEqual({ templates: 12, orders: 0 });
  });

  it('previews an import, writes nothing until Import, and nothing on Cancel', async () => {
    await importFile(SAMPLE);
    await preview().waitFor();
    expect(await preview().locator('li').allTextContents()).toEqual([
      'Templates: 2 added, 0 replaced',
      'Orders: 2 added, 0 replaced',
      'Withdrawals: 1 added, 0 replaced',
      '/hi moves from “First reply to a new buyer” to the imported template.',
    ]);
    const replace = preview().getByLabel("Also replace my settings with the file's");
    expect(await replace.isChecked()).toBe(false);
    expect(await preview().getByRole('button', { name: 'Import', exact: true }).count()).toBe(1);
    expect(await dbCounts()).toEqual({ templates: 12, orders: 0 });
    await preview().getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => backupStatus()).toBe('Nothing was imported.');
    expect(await dbCounts()).toEqual({ templates: 12, orders: 0 });
  });

  it('imports a valid backup and shows its records, script text kept inert', async () => {
    await importFile(SAMPLE);
    await preview().getByLabel("Also replace my settings with the file's").check();
    await preview().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => backupStatus())
      .toBe(
        "Backup imported: 2 templates added, 0 updated; 2 orders added, 0 updated; 1 withdrawals added, 0 updated. Settings replaced with the file's. /hi now belongs to the imported template; “First reply to a new buyer” kept without it.",
      );
    expect(await dbCounts()).toEqual({ templates: 14, orders: 2 });
    expect(await page.getByRole('alert').count()).toBe(0);
    // The markup in the evil template is shown as literal text and never runs.
    await expect.poll(() => page.getByText('<img src=x onerror=alert(1)> Literal markup').count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'Green Leaf Teas' }).count()).toBe(1);
    // Settings came with it.
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ayesha');
  });

  it('adds nothing when the same backup is imported again, and keeps the settings unless asked', async () => {
    await importFile(SAMPLE);
    await preview().waitFor();
    expect(await preview().locator('li').allTextContents()).toEqual([
      'Templates: 0 added, 2 replaced',
      'Orders: 0 added, 2 replaced',
      'Withdrawals: 0 added, 1 replaced',
    ]);
    await preview().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => backupStatus())
      .toBe(
        'Backup imported: 0 templates added, 2 updated; 0 orders added, 2 updated; 0 withdrawals added, 1 updated. Your settings were kept.',
      );
    expect(await dbCounts()).toEqual({ templates: 14, orders: 2 });
  });

  it('imports a template pack a friend shares, which has no settings', async () => {
    const pack = {
      format: 'gigsaathi-backup',
      version: 1,
      exportedAt: '2026-11-30T10:00:00.000Z',
      templates: [{ id: 'pack-1', title: 'Pack: quote', body: 'My quote is {{gig_title}}.', shortcut: '/quote' }],
      orders: [],
    };
    await importFile(tempFile('pack.json', JSON.stringify(pack)));
    await expect.poll(() => preview().textContent()).toContain('This file has no settings: yours stay as they are.');
    await preview().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => backupStatus())
      .toBe('Backup imported: 1 templates added, 0 updated; 0 orders added, 0 updated. Your settings were kept.');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ayesha');
    expect(await dbCounts()).toEqual({ templates: 15, orders: 2 });
  });

  it('exports a backup that round-trips every field exactly', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gigsaathi-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(Date.parse(exported.exportedAt as string)).toBeGreaterThan(Date.parse('2026-01-01'));
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    const ids = new Set(sample.templates.map((t) => t.id));
    const templates = exported.templates as { id: string }[];
    expect(templates).toHaveLength(15);
    expect({ ...exported, exportedAt: sample.exportedAt, templates: templates.filter((t) => ids.has(t.id)) }).toEqual({
      ...sample,
      templates: byId(sample.templates),
      orders: byId(sample.orders),
    });
  });

  it('saves settings and keeps them across reloads', async () => {
    await page.getByLabel('Weekly order limit').fill('5');
    await page.getByLabel('Income tax status').selectOption('unregistered');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Settings saved.').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByLabel('Weekly order limit').inputValue()).toBe('5');
    expect(await page.getByLabel('Income tax status').inputValue()).toBe('unregistered');
  });

  it('refuses invalid settings with an alert', async () => {
    await page.getByLabel('Weekly order limit').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent({ timeout: 2000 }))
      .toBe('Not saved: weeklyOrderLimit: the weekly limit is at least 1');
  });

  it('logged no errors and ran no script from the data', () => {
    expect(errors).toEqual([]);
  });
});

describe('popup', () => {
  it('lists the templates, most used first, and records a copy', async () => {
    const popup = await e2e.browser.openExtensionPage('popup.html');
    const popupErrors = collectPageErrors(popup);
    const items = popup.locator('[data-gigsaathi-template]');
    await expect.poll(() => items.count()).toBe(15);
    expect(await items.first().getAttribute('data-gigsaathi-template')).toBe('tpl-first-reply');
    await popup.getByRole('button', { name: 'Copy First reply', exact: true }).click();
    await expect.poll(() => popup.locator('[data-gigsaathi-copy-status]').textContent()).toBe('Copied “First reply”.');
    await expect.poll(() => items.first().textContent()).toContain('used 8 times');
    expect(popupErrors).toEqual([]);
    await popup.close();
  });
});

describe('background message API', () => {
  it('answers valid requests and survives malformed ones', async () => {
    const popup = await e2e.browser.openExtensionPage('popup.html');
    const replies = await popup.evaluate(async () => {
      // The page's own chrome.runtime, as a content script or the popup would use it.
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      const send = (m: unknown) => runtime.sendMessage(m);
      return {
        bad: await send({ gigsaathi: 1, type: 'templates.recordUse', payload: { id: 42 } }),
        unknown: await send({ gigsaathi: 1, type: 'db.drop', payload: {} }),
        good: await send({ gigsaathi: 1, type: 'templates.list', payload: {} }),
      };
    });
    expect(replies.bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies.unknown).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies.good).toMatchObject({ ok: true });
    expect((replies.good as { data: unknown[] }).data).toHaveLength(15);
    await popup.close();
  });
});
