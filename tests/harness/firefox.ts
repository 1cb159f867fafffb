import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './paths';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');

export function firefoxMissingMessage(): string | null {
  if (existsSync(FIREFOX)) return null;
  return (
    `Firefox was not found at ${FIREFOX}. The Firefox end-to-end tests drive Debian's Firefox ESR:\n` +
    `  sudo apt-get install -y firefox-esr\n` +
    `or point FIREFOX_PATH at another Firefox (128 or newer: WebDriver BiDi with webExtension.install).`
  );
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR, driven over WebDriver BiDi (puppeteer-core; Playwright's Firefox needs its
 * own patched build, which cannot be downloaded here), with the built Firefox extension installed
 * as a temporary add-on, as `web-ext run` does. Firefox has no --host-resolver-rules, so every
 * request goes to the fixture server as its proxy, which tunnels only the mapped hosts.
 */
export async function launchFirefoxWithExtension({ port }: { port: number }): Promise<FirefoxWithExtension> {
  const missing = firefoxMissingMessage();
  if (missing) throw new Error(missing);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox extension in ${FIREFOX_EXTENSION_DIR}: run \`wxt build -b firefox\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'gigsaathi-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Nothing of Firefox's own reaches for the network.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    extensionId,
    newPage: () => browser.newPage(),
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
