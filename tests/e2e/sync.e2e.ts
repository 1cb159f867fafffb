import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../harness/browser';
import { startFixtureServer, type FixtureServer } from '../harness/server';
import { collectPageErrors, tempFile } from './env';

/** The storage.sync calls the test makes in each profile's background. */
interface SyncApi {
  storage: {
    sync: {
      get(k: null): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      remove(k: string[]): Promise<void>;
    };
    local: { get(k: string | null): Promise<Record<string, unknown>> };
  };
}
declare const chrome: SyncApi;

type Snapshot = Record<string, string>;

const readArea = (b: ExtensionBrowser): Promise<Snapshot> =>
  b.worker.evaluate(async () => {
    const all = await chrome.storage.sync.get(null);
    return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, JSON.stringify(v)]));
  });

/**
 * The test plays Chrome Sync: each profile's storage.sync changes since the last exchange go to
 * a shared copy, and from there into the other profile's storage.sync, item by item as Chrome
 * Sync does. (The profiles run with --disable-sync, so nothing else moves them.)
 */
class FakeChromeSync {
  shared: Snapshot = {};
  private last = new Map<ExtensionBrowser, Snapshot>();
  constructor(private browsers: ExtensionBrowser[]) {}

  async exchange(): Promise<void> {
    for (const b of this.browsers) {
      const now = await readArea(b);
      const before = this.last.get(b) ?? {};
      for (const [k, v] of Object.entries(now)) if (before[k] !== v) this.shared[k] = v;
      for (const k of Object.keys(before)) if (!(k in now)) delete this.shared[k];
    }
    for (const b of this.browsers) {
      const now = await readArea(b);
      const set: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(this.shared)) if (now[k] !== v) set[k] = JSON.parse(v);
      const removed = Object.keys(now).filter((k) => !(k in this.shared));
      await b.worker.evaluate(
        async ({ set, removed }) => {
          if (Object.keys(set).length > 0) await chrome.storage.sync.set(set);
          if (removed.length > 0) await chrome.storage.sync.remove(removed);
        },
        { set, removed },
      );
      this.last.set(b, { ...this.shared });
    }
  }

  /** Exchanges until `done` holds (the backgrounds write a few seconds after a change). */
  async until(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      await this.exchange();
      if (await done()) return;
      if (Date.now() > end) {
        for (const b of this.browsers)
          console.log(JSON.stringify(await b.worker.evaluate(() => chrome.storage.local.get('syncStatus'))));
        throw new Error('sync did not converge in time');
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

let server: FixtureServer;
let laptop: ExtensionBrowser;
let office: ExtensionBrowser;
let onLaptop: Page;
let onOffice: Page;
let sync: FakeChromeSync;
let errors: string[][] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  laptop = await launchWithExtension({ port: server.port });
  office = await launchWithExtension({ port: server.port });
  sync = new FakeChromeSync([laptop, office]);
  onLaptop = await laptop.openExtensionPage('options.html');
  onOffice = await office.openExtensionPage('options.html');
  errors = [collectPageErrors(onLaptop), collectPageErrors(onOffice)];
  for (const page of [onLaptop, onOffice]) await rows(page).nth(11).waitFor();
});
afterAll(async () => {
  await laptop?.close();
  await office?.close();
  await server?.close();
});

/** How many writes the background has made to storage.sync in the last hour (its own count). */
const writesOf = (b: ExtensionBrowser) =>
  b.worker.evaluate(async () => {
    const { syncStatus } = await chrome.storage.local.get('syncStatus');
    return (syncStatus as { writes?: number[] } | undefined)?.writes?.length ?? 0;
  });
const rows = (page: Page) => page.locator('[data-gigsaathi-template]');
const row = (page: Page, title: string) => rows(page).filter({ has: page.getByText(title, { exact: true }) });
const syncStatus = (page: Page) =>
  page.getByRole('region', { name: 'Sync across browsers' }).getByRole('status').textContent({ timeout: 2000 });
const hasTitle = (page: Page, title: string) => async () => (await row(page, title).count()) === 1;

async function newTemplate(page: Page, title: string, body: string) {
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('combobox', { name: 'Text' }).fill(body);
  await page.getByRole('button', { name: 'Save template' }).click();
  await row(page, title).waitFor();
}

describe('sync between two Chromium profiles', () => {
  it('two fresh browsers share one starter library, not two', async () => {
    await sync.until(async () => Object.keys(sync.shared).some((k) => k.startsWith('t:starter-')));
    await sync.exchange();
    expect(await rows(onLaptop).count()).toBe(12);
    expect(await rows(onOffice).count()).toBe(12);
    expect(Object.keys(sync.shared).filter((k) => k.startsWith('t:'))).toHaveLength(12);
  });

  it('a template made in one options page shows in the other, open, at once', async () => {
    await newTemplate(onLaptop, 'Sync hello', 'Hello from the laptop, {{client_name}}!');
    await sync.until(hasTitle(onOffice, 'Sync hello'));
    await expect.poll(() => syncStatus(onOffice)).toMatch(/All 13 templates sync\.This browser last received a change/);
  });

  it('an edit on the other browser comes back', async () => {
    await onOffice.getByRole('button', { name: 'Edit Sync hello' }).click();
    await onOffice.getByLabel('Title', { exact: true }).fill('Sync hello, edited at the office');
    await onOffice.getByRole('button', { name: 'Save template' }).click();
    await sync.until(hasTitle(onLaptop, 'Sync hello, edited at the office'));
    expect(await row(onLaptop, 'Sync hello').count()).toBe(0);
  });

  it('a deletion reaches the other browser and stays deleted', async () => {
    await onLaptop.getByRole('button', { name: 'Delete Sync hello, edited at the office' }).click();
    await sync.until(async () => (await rows(onOffice).count()) === 12);
    // A few more rounds: nothing brings it back, and with nothing new neither browser writes.
    await new Promise((r) => setTimeout(r, 4_000));
    await sync.exchange();
    const before = [await writesOf(laptop), await writesOf(office)];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1_500));
      await sync.exchange();
    }
    expect([await writesOf(laptop), await writesOf(office)]).toEqual(before);
    expect(await row(onOffice, 'Sync hello, edited at the office').count()).toBe(0);
    expect(await row(onLaptop, 'Sync hello, edited at the office').count()).toBe(0);
  });

  it('templates restored with "Import backup" on one browser reach the other', async () => {
    const file = tempFile(
      'sync-backup.json',
      JSON.stringify({
        format: 'gigsaathi-backup',
        version: 1,
        exportedAt: '2026-11-30T10:00:00.000Z',
        templates: [
          {
            id: 'tpl-from-backup',
            title: 'Restored from a backup',
            body: 'Thanks for your patience!',
            shortcut: '/patience',
            tags: [],
            usageCount: 0,
            lastUsedAt: null,
            createdAt: '2026-11-01T10:00:00.000Z',
            updatedAt: '2026-11-02T10:00:00.000Z',
          },
        ],
        orders: [],
      }),
    );
    await onOffice.getByLabel('Import backup', { exact: true }).setInputFiles(file);
    await onOffice.getByRole('button', { name: 'Import', exact: true }).click();
    await sync.until(hasTitle(onLaptop, 'Restored from a backup'));
  });

  it('settings follow the seller', async () => {
    await onLaptop.getByLabel('Your name', { exact: true }).fill('Ayesha Khan');
    await onLaptop.getByRole('button', { name: 'Save settings' }).click();
    await sync.until(
      async () => (await onOffice.getByLabel('Your name', { exact: true }).inputValue()) === 'Ayesha Khan',
    );
  });

  it('with sync off, a browser writes nothing to storage.sync and takes nothing from it', async () => {
    await onOffice.getByLabel('Sync templates and settings on this browser').uncheck();
    await expect.poll(() => syncStatus(onOffice)).toContain('Sync is off on this browser');
    await newTemplate(onOffice, 'Office only', 'Stays here.');
    await newTemplate(onLaptop, 'Laptop news', 'Sent to sync.');
    await sync.until(async () => Object.values(sync.shared).some((v) => v.includes('Laptop news')));
    await new Promise((r) => setTimeout(r, 5_000));
    await sync.exchange();
    expect(Object.values(await readArea(office)).some((v) => v.includes('Office only'))).toBe(false);
    expect(await row(onOffice, 'Laptop news').count()).toBe(0);

    await onOffice.getByLabel('Sync templates and settings on this browser').check();
    await sync.until(
      async () => (await hasTitle(onOffice, 'Laptop news')()) && (await hasTitle(onLaptop, 'Office only')()),
    );
    expect(errors.flat()).toEqual([]);
  });
});
