import type { Page } from 'playwright-core';
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
