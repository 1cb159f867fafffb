import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPanels, pickerFrame, startE2E, waitForCachedRates, type ChromeApi, type E2E } from './env';

/**
 * axe-core on everything GigSaathi shows: the popup, the options page, and each in-page UI (only
 * our own UI is audited there; the fixture pages stand for sites that are not ours). Serious and
 * critical violations fail.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function audit(page: Page | Frame, include?: string): Promise<Violation[]> {
  // evaluate, not a script tag: extension pages' CSP refuses inline scripts, DevTools' does not apply.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return (
      result.violations as {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[]
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  }, include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** English words in one of our shadow roots (text and accessible names), outside user content. */
async function englishIn(page: Page | Frame, ui: string): Promise<string[]> {
  return page.evaluate((name) => {
    const root = document.querySelector(`[data-gigsaathi-ui="${name}"]`)?.shadowRoot;
    if (!root) return ['<no UI>'];
    // Names that are the same in Urdu, as in the unit test of the options page.
    // Fiverr's package tiers are names, as Fiverr shows them.
    const allowed = new Set(
      'USD Fiverr Upwork Payoneer FAQ SEO Ctrl Space Tab Enter Esc ExchangeRate API JSON Basic Standard Premium'.split(
        ' ',
      ),
    );
    const theirs = [...root.querySelectorAll('[translate="no"], q, code, .title, .preview, [data-gigsaathi-tags] li')]
      .map((e) => e.textContent ?? '')
      // Longest first: removing "logo" before "cheap logo" would leave "cheap" behind.
      .sort((a, b) => b.length - a.length);
    const words: string[] = [];
    const scan = (raw: string) => {
      const text = theirs
        .reduce((t, u) => (u ? t.split(u).join(' ') : t), raw)
        .replace(/"[^"]*"|”[^“]*“/g, ' ')
        // Host names (the rate source, open.er-api.com) are names too.
        .replace(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi, ' ');
      for (const w of text.match(/[A-Za-z]{2,}/g) ?? []) if (!allowed.has(w)) words.push(w);
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('style')) continue;
      scan(n.textContent ?? '');
    }
    for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]'))
      for (const a of ['aria-label', 'placeholder', 'title']) scan(el.getAttribute(a) ?? '');
    return words;
  }, ui);
}

let e2e: E2E;
const setLanguage = (language: string) =>
  e2e.browser.worker.evaluate(async (lang) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const { settings } = (await c.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await c.storage.local.set({ settings: { ...settings, language: lang } });
  }, language);

beforeAll(async () => {
  e2e = await startE2E();
  // The panels open collapsed; what they show is checked open.
  await expandPanels(e2e);
  await waitForCachedRates(e2e);
});
afterAll(async () => {
  await e2e?.close();
});

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('the popup', async () => {
    const page = await e2e.browser.openExtensionPage('popup.html');
    await page.locator('[data-gigsaathi-stat="month-earned-usd"]').waitFor();
    await page
      .getByRole('button', { name: /^Copy / })
      .first()
      .waitFor();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('the popup in Urdu, right to left', async () => {
    await setLanguage('ur');
    try {
      const page = await e2e.browser.openExtensionPage('popup.html');
      await page.getByRole('heading', { name: 'آمدنی' }).waitFor();
      await page.getByRole('heading', { name: 'شرحِ تبادلہ' }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
        'rtl',
        'ur-PK',
      ]);
      // Laid out right to left: the heading starts at the right edge.
      const box = await page.getByRole('heading', { name: 'آمدنی' }).boundingBox();
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      expect(box!.x + box!.width).toBeGreaterThan(width - 40);
      expect(await audit(page)).toEqual([]);
      await page.close();
    } finally {
      await setLanguage('auto');
    }
  });

  it('the options page', async () => {
    const page = await e2e.browser.openExtensionPage('options.html');
    await page.locator('[data-gigsaathi-stat="month-earned-usd"]').waitFor();
    await page.getByRole('button', { name: 'Export backup' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('the template picker and the Insert template button', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/inbox/alice_buyer');
    const editor = page.locator('[data-slate-editor="true"]');
    await editor.click();
    await page.locator('[data-gigsaathi-ui="templates"]').getByRole('button', { name: 'Insert template' }).waitFor();
    expect(await audit(page, '[data-gigsaathi-ui="templates"]')).toEqual([]);
    await page.keyboard.press('Control+Space');
    // The picker is a frame of our own page: audited there, and its frame has a name.
    const picker = await pickerFrame(page);
    await picker.getByRole('listbox').waitFor();
    expect(await audit(picker, '[data-gigsaathi-ui="picker"]')).toEqual([]);
    expect(await audit(page, '[data-gigsaathi-ui="templates"]')).toEqual([]);
    expect(await (await picker.frameElement()).getAttribute('title')).toBe('Insert template');
    await page.close();
  });

  it('the price annotations and their hover card', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/search/gigs?query=logo%20design');
    const first = page.locator('gigsaathipkr').first();
    await first.waitFor();
    await first.hover();
    await page.locator('[data-gigsaathi-price-card]').waitFor();
    expect(await audit(page, '[data-gigsaathi-ui="prices"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-gigsaathi-price-card]').count()).toBe(0);
    expect(await audit(page, '.gig-card')).toEqual([]);
    expect(await audit(page, '[data-gigsaathi-ui="seo-search"]')).toEqual([]);
    await page.close();
  });

  it('the SEO panels and the capture button', async () => {
    const page = await e2e.browser.context.newPage();
    for (const url of [
      'https://www.fiverr.com/lazy_seller/logo-cheap',
      'https://www.fiverr.com/users/ayesha_designs/manage_gigs/design-a-minimalist-logo/edit?wizard=0&tab=general',
      'https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/',
    ]) {
      await page.goto(url);
      await page.locator('[data-gigsaathi-seo-score]').waitFor({ timeout: 15_000 });
      expect(await audit(page, '[data-gigsaathi-ui="seo"]'), url).toEqual([]);
    }
    // The audit sees inside our shadow roots: a planted nameless button is reported.
    await page.evaluate(() => {
      const root = document.querySelector('[data-gigsaathi-ui="seo"]')!.shadowRoot!;
      root.querySelector('[data-gigsaathi-panel]')!.append(document.createElement('button'));
    });
    expect((await audit(page, '[data-gigsaathi-ui="seo"]')).map((v) => v.id)).toEqual(['button-name']);

    await page.goto('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities');
    await page.getByRole('button', { name: 'Save to GigSaathi', exact: true }).waitFor();
    expect(await audit(page, '[data-gigsaathi-ui="capture"]')).toEqual([]);
    await page.close();
  });

  it('the in-page UI in Urdu: picker, price card, SEO panel and capture, right to left', async () => {
    await setLanguage('ur');
    try {
      const page = await e2e.browser.context.newPage();
      await page.goto('https://www.fiverr.com/inbox/alice_buyer');
      await page.locator('[data-slate-editor="true"]').click();
      await page
        .locator('[data-gigsaathi-ui="templates"]')
        .getByRole('button', { name: 'ٹیمپلیٹ شامل کریں' })
        .waitFor();
      await page.keyboard.press('Control+Space');
      const picker = await pickerFrame(page);
      await picker.getByRole('combobox', { name: 'ٹیمپلیٹ تلاش کریں' }).waitFor();
      expect(await picker.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
        'rtl',
        'ur-PK',
      ]);
      expect(await audit(picker, '[data-gigsaathi-ui="picker"]')).toEqual([]);
      expect(await englishIn(picker, 'picker')).toEqual([]);
      expect(
        await page
          .locator('[data-gigsaathi-ui="templates"]')
          .evaluate((h) => [(h as HTMLElement).dir, (h as HTMLElement).lang]),
      ).toEqual(['rtl', 'ur-PK']);
      expect(await audit(page, '[data-gigsaathi-ui="templates"]')).toEqual([]);
      expect(await englishIn(page, 'templates')).toEqual([]);

      await page.goto('https://www.fiverr.com/lazy_seller/logo-cheap');
      const panel = page.locator('[data-gigsaathi-ui="seo"] [data-gigsaathi-panel]');
      await panel.getByRole('heading', { name: 'گِگ SEO' }).waitFor({ timeout: 15_000 });
      expect(await panel.locator('[data-gigsaathi-check="title-prefix"] .badge').textContent()).toBe('✕ ناکام');
      expect(await audit(page, '[data-gigsaathi-ui="seo"]')).toEqual([]);
      expect(await englishIn(page, 'seo')).toEqual([]);
      const price = page.locator('gigsaathipkr').first();
      await price.hover();
      await page.locator('[data-gigsaathi-price-card]').waitFor();
      expect(await page.locator('[data-gigsaathi-price-card] caption').textContent()).toBe('بینک میں کتنا پہنچے گا');
      expect(await audit(page, '[data-gigsaathi-ui="prices"]')).toEqual([]);
      expect(await englishIn(page, 'prices')).toEqual([]);

      await page.goto('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities');
      await page.getByRole('button', { name: 'گِگ ساتھی میں محفوظ کریں', exact: true }).waitFor();
      expect(await audit(page, '[data-gigsaathi-ui="capture"]')).toEqual([]);
      expect(await englishIn(page, 'capture')).toEqual([]);
      await page.goto('https://www.fiverr.com/search/gigs?query=logo%20design');
      await page.locator('[data-gigsaathi-ui="seo-search"] [data-gigsaathi-panel]').waitFor({ timeout: 15_000 });
      expect(await englishIn(page, 'seo-search')).toEqual([]);
      await page.close();
    } finally {
      await setLanguage('auto');
    }
  });
});
