/**
 * `npm run demo`: the built extension in a throwaway Chromium profile, on local imitations of
 * Fiverr and Upwork pages served under their real hostnames. With a display it opens a window
 * to try everything by hand; with --headless (or no display) it visits every page, saves
 * screenshots to demo-output/ and prints where they are.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildFixtures } from './build-fixtures';
import { chromiumMissingMessage, launchWithExtension } from './browser';
import { ROOT } from './paths';
import { importBackupFile, tempFile } from '../e2e/env';
import { demoBackup } from './demo-data';
import { DEMO_PAGES } from './routes';
import { startFixtureServer } from './server';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const OUT = join(ROOT, 'demo-output');
/** With --readme, these also go to .github/screenshots/, which the README shows. */
const README_SHOTS = [
  'popup',
  'popup-ur',
  'options-top',
  'fiverr-inbox-picker',
  'price-breakdown',
  'fiverr-gig-panel',
  'upwork-proposal-panel',
  'fiverr-gig-panel-ur',
];

/**
 * A page's panel, opened as the seller would open it (it starts as a small tab), shot, and
 * closed again so the next page starts as a seller's would.
 */
async function shootPanel(page: import('playwright-core').Page, shot: (name: string) => Promise<void>, name: string) {
  const expand = page.locator('[data-gigsaathi-panel] button[aria-expanded="false"]').first();
  if ((await expand.count()) === 0) return;
  await expand.click();
  await page.waitForTimeout(300);
  await shot(name);
  await page.locator('[data-gigsaathi-panel] button[aria-expanded="true"]').first().click();
}
const README_DIR = join(ROOT, '.github/screenshots');

const missing = chromiumMissingMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}

console.log('Building the demo pages…');
await buildFixtures();
const server = await startFixtureServer();
const browser = await launchWithExtension({ port: server.port, headless, viewport: headless ? undefined : null });
const shutdown = async () => {
  await browser.close().catch(() => {});
  await server.close();
};

try {
  // Demo data goes in through the options page's own Import backup control.
  const options = await browser.openExtensionPage('options.html');
  // A designer's year of templates and orders (tests/harness/demo-data.ts), not the test fixtures.
  const file = tempFile('gigsaathi-demo.json', JSON.stringify(demoBackup()));
  await importBackupFile(options, file, { replaceSettings: true });
  // The import's own message is for the seller who imported; the screenshots start clean.
  await options.reload();

  if (headless) {
    mkdirSync(OUT, { recursive: true });
    const shots: string[] = [];
    const shoot = async (page: import('playwright-core').Page, name: string, fullPage = false) => {
      const path = join(OUT, `${name}.png`);
      await page.screenshot({ path, fullPage });
      shots.push(relative(ROOT, path));
    };
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.locator('[data-gigsaathi-stat]').first().waitFor();
    await shoot(options, 'options', true);
    await shoot(options, 'options-top');
    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.locator('[data-gigsaathi-template]').first().waitFor();
    await popup.locator('[data-gigsaathi-stat]').first().waitFor();
    await shoot(popup, 'popup');
    for (const demo of DEMO_PAGES) {
      const page = await browser.context.newPage();
      await page.goto(demo.url);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      await shoot(page, demo.name);
      await shootPanel(page, (n) => shoot(page, n), `${demo.name}-panel`);
      if (demo.name === 'fiverr-inbox') {
        // The templates feature at work: Ctrl+Space, search, Enter.
        await page.locator('[data-slate-editor="true"]').click();
        await page.keyboard.press('Control+Space');
        // The picker is a frame of the extension's own page (out of the page's reach).
        const picker = await (async () => {
          for (;;) {
            const frame = page.frames().find((f) => f.url().includes('/picker-frame.html'));
            if (frame) return frame;
            await page.waitForTimeout(25);
          }
        })();
        await picker.getByRole('combobox', { name: 'Search templates' }).fill('timeline');
        await shoot(page, 'fiverr-inbox-picker');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => (window.__fixture?.getText() ?? '').includes('Here is the plan'));
        await shoot(page, 'fiverr-inbox-inserted');
      }
      if (demo.name === 'fiverr-search') {
        // What a price brings home: the breakdown on hover.
        await page.locator('gigsaathipkr').first().hover();
        await page.locator('[data-gigsaathi-price-card]').waitFor();
        await shoot(page, 'price-breakdown');
      }
      if (demo.name === 'fiverr-gig-editor') {
        // Under each package price, what it brings home in rupees.
        await page.locator('[data-gigsaathi-live]').last().scrollIntoViewIfNeeded();
        await shoot(page, 'fiverr-gig-editor-prices');
      }
      await page.close();
    }
    // The same screens in Urdu, right to left.
    await browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: StorageLike } } }).chrome;
      type StorageLike = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
      const { settings } = await c.storage.local.get('settings');
      await c.storage.local.set({ settings: { ...(settings as object), language: 'ur' } });
    });
    await popup.reload();
    await popup.locator('[data-gigsaathi-stat]').first().waitFor();
    await shoot(popup, 'popup-ur');
    await options.reload();
    await options.locator('[data-gigsaathi-stat]').first().waitFor();
    await shoot(options, 'options-ur');
    // Every page with a panel, the picker and a price breakdown, in Urdu.
    for (const name of ['fiverr-gig', 'fiverr-gig-editor', 'upwork-proposal', 'fiverr-search', 'fiverr-inbox']) {
      const demo = DEMO_PAGES.find((d) => d.name === name)!;
      const page = await browser.context.newPage();
      await page.goto(demo.url);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      await shoot(page, `${name}-ur`);
      await shootPanel(page, (n) => shoot(page, n), `${name}-panel-ur`);
      if (name === 'fiverr-search') {
        await page.locator('gigsaathipkr').first().hover();
        await page.locator('[data-gigsaathi-price-card]').waitFor();
        await shoot(page, 'price-breakdown-ur');
      }
      if (name === 'fiverr-inbox') {
        await page.locator('[data-slate-editor="true"]').click();
        await page.keyboard.press('Control+Space');
        for (let i = 0; i < 200 && !page.frames().some((f) => f.url().includes('/picker-frame.html')); i++)
          await page.waitForTimeout(25);
        await page.waitForTimeout(500);
        await shoot(page, 'fiverr-inbox-picker-ur');
      }
      await page.close();
    }
    if (process.argv.includes('--readme')) {
      mkdirSync(README_DIR, { recursive: true });
      for (const name of README_SHOTS) copyFileSync(join(OUT, `${name}.png`), join(README_DIR, `${name}.png`));
      console.log(`Copied ${README_SHOTS.length} of them to ${relative(ROOT, README_DIR)}/ for the README.`);
    }
    console.log(`\nSaved ${shots.length} screenshots:`);
    for (const s of shots) console.log(`  ${s}`);
    await shutdown();
  } else {
    for (const demo of DEMO_PAGES) await (await browser.context.newPage()).goto(demo.url);
    console.log('\nGigSaathi demo is open. Tabs:');
    for (const demo of DEMO_PAGES) console.log(`  ${demo.title}: ${demo.url}`);
    console.log(`  Options page: chrome-extension://${browser.extensionId}/options.html`);
    console.log('\nClose the browser window (or press Ctrl+C) to end the demo.');
    await new Promise<void>((resolve) => {
      browser.context.on('close', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    await shutdown();
  }
} catch (error) {
  await shutdown();
  throw error;
}
