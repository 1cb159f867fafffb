import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR } from './paths';
import { MAPPED_HOSTS } from './server';

export function chromiumMissingMessage(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return (
    `Chromium was not found at ${CHROMIUM}. The end-to-end tests and the demo drive Debian's Chromium:\n` +
    `  sudo apt-get install -y chromium\n` +
    `or point CHROMIUM_PATH at another Chromium build (branded Chrome ignores --load-extension).`
  );
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** A page of the extension itself, e.g. `popup.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, in a throwaway profile. Every mapped host
 * goes to the local fixture server; every other host fails to resolve, so nothing reaches the
 * internet.
 */
export async function launchWithExtension({
  port,
  headless = true,
  extensionDir = EXTENSION_DIR,
  viewport = { width: 1280, height: 800 },
}: {
  port: number;
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
}): Promise<ExtensionBrowser> {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'gigsaathi-profile-'));
  const rules = [...MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules.join(', ')}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
