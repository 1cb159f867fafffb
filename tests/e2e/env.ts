import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../harness/browser';
import { startFixtureServer, type FixtureServer } from '../harness/server';

export interface E2E {
  server: FixtureServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const server = await startFixtureServer();
  try {
    const browser = await launchWithExtension({ port: server.port });
    return {
      server,
      browser,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Collects everything a page would show in red in its console: uncaught exceptions and
 * console.error calls, from the page or from us.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return errors;
}

/** The chrome.* calls the tests make from the service worker or an extension page. */
export interface ChromeApi {
  storage: {
    local: {
      get(k: string): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      remove(k: string[]): Promise<void>;
    };
  };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  scripting: { executeScript(i: object): Promise<unknown> };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
}

/**
 * Opens the SEO panel and the search card expanded from now on, as a seller who expanded them
 * once would find them: they open collapsed (tests/e2e/panels.e2e.ts), and the tests of what
 * they show read them open.
 */
export async function expandPanels(e2e: E2E): Promise<void> {
  await e2e.browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const open = { collapsed: false, side: 'right' };
    await c.storage.local.set({ 'panel.seo': open, 'panel.seo-search': open });
  });
}

/** Waits until the background has fetched and cached the rates at install; returns their source. */
export async function waitForCachedRates(e2e: E2E): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const source = await e2e.browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return ((await c.storage.local.get('rates')) as { rates?: { source: string } }).rates?.source;
    });
    if (source) return source;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the background never cached the rates');
}

/** A file for an <input type=file> (a backup to import), in a fresh temporary folder. */
export function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gigsaathi-e2e-')), name);
  writeFileSync(path, content);
  return path;
}

/**
 * The template picker: a frame of GigSaathi's own page, in a closed shadow root the page (and a
 * CSS locator) cannot enter; the browser lists it among the page's frames.
 */
export async function pickerFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().includes('/picker-frame.html'));
    if (frame) return frame;
    await page.waitForTimeout(25);
  }
  throw new Error('the picker frame never appeared');
}

/**
 * "Import backup" on the options page, as a seller does it: choose the file, read the preview,
 * tick "Also replace my settings" when asked to, press Import, and wait for the summary.
 */
export async function importBackupFile(
  page: Page,
  path: string,
  { replaceSettings = false, timeout = 30_000 }: { replaceSettings?: boolean; timeout?: number } = {},
): Promise<void> {
  await page.getByLabel('Import backup', { exact: true }).setInputFiles(path);
  const preview = page.locator('[data-gigsaathi-import-preview]');
  await preview.waitFor({ timeout });
  if (replaceSettings) await preview.getByLabel("Also replace my settings with the file's").check();
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Backup imported/).waitFor({ timeout });
}

/** The orders as the extension stored them, read from its own origin (IndexedDB of the popup's page). */
export async function storedOrders(e2e: E2E): Promise<Record<string, unknown>[]> {
  const page = await e2e.browser.openExtensionPage('popup.html');
  const orders = await page.evaluate(async () => {
    const open = indexedDB.open('gigsaathi');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<unknown[]>((resolve) => {
      const req = db.transaction('orders').objectStore('orders').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return all as Record<string, unknown>[];
  });
  await page.close();
  return orders;
}

/** How many records each of `stores` holds, read from the extension's own origin (one of its pages). */
export async function storeCounts<S extends string>(page: Page, stores: readonly S[]): Promise<Record<S, number>> {
  return page.evaluate(
    async (names) => {
      const open = indexedDB.open('gigsaathi');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const req = db.transaction(store).objectStore(store).count();
          req.onsuccess = () => resolve(req.result);
        });
      const result: Record<string, number> = {};
      for (const name of names) result[name] = await count(name);
      db.close();
      return result;
    },
    stores as readonly string[],
  ) as Promise<Record<S, number>>;
}
