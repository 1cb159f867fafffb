import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_PAGES, realPagesMissing } from '../harness/real-pages';
import { startE2E, waitForCachedRates, type E2E } from './env';

/**
 * Our panels never cover what the seller came to the page for (#20): points inside the page's
 * prices, titles, packages and editors, and inside our own rupee figures, are sampled with
 * elementFromPoint, collapsed (as the panels open) and expanded, at two window sizes, on the
 * fixture pages and on the saved real gig page.
 */
const SIZES = [
  { width: 1280, height: 900 },
  { width: 1024, height: 768 },
];

interface Case {
  name: string;
  url: string;
  /** Our panel on that page (`data-gigsaathi-ui` of its layer). */
  ui: string;
  /** What must stay visible: the page's own elements, and our annotations. */
  targets: string[];
}

const CASES: Case[] = [
  {
    name: 'Fiverr gig page',
    url: 'https://www.fiverr.com/ayesha_designs/design-a-minimalist-logo',
    ui: 'seo',
    targets: ['h1', '.package-card', '.package-card .price', 'gigsaathipkr', '.description-content'],
  },
  {
    name: 'Fiverr gig editor',
    url: 'https://www.fiverr.com/users/ayesha_designs/manage_gigs/design-a-minimalist-logo/edit?wizard=0',
    ui: 'seo',
    targets: ['.price-input input[type="number"]', '[data-gigsaathi-live]'],
  },
  {
    name: 'Upwork proposal',
    url: 'https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/',
    ui: 'seo',
    targets: ['.fe-job-details', 'textarea[aria-labelledby="cover_letter_label"]', '[data-test="bid-input"]'],
  },
  {
    name: 'Fiverr search',
    url: 'https://www.fiverr.com/search/gigs?query=logo%20design',
    ui: 'seo-search',
    targets: ['h1', 'gigsaathipkr'],
  },
];

const realGig = REAL_PAGES.find((p) => p.name === 'fiverr-gig');
if (realGig && !realPagesMissing())
  CASES.push({
    name: 'saved real Fiverr gig page',
    url: realGig.url,
    ui: 'seo',
    targets: ['h1', '.package-type-price', '.package-content'],
  });

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  await waitForCachedRates(e2e);
});
afterAll(async () => {
  await e2e?.close();
});

/**
 * For every visible target (scrolled into view one by one), five points inside it; returns those
 * where our UI is on top, described. The page's own scroll does not count: each target is brought
 * into the viewport first, as the seller would scroll to it.
 */
function coveredPoints(page: Page, targets: string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const covered: string[] = [];
    for (const selector of selectors)
      for (const el of [...document.querySelectorAll<HTMLElement>(selector)].slice(0, 12)) {
        el.scrollIntoView({ block: 'center', inline: 'nearest' });
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) continue;
        const inset = (a: number, b: number, f: number) => a + (b - a) * f;
        for (const [fx, fy] of [
          [0.5, 0.5],
          [0.1, 0.15],
          [0.9, 0.15],
          [0.1, 0.85],
          [0.9, 0.85],
        ]) {
          const x = inset(r.left, r.right, fx!);
          const y = inset(r.top, r.bottom, fy!);
          if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
          const hit = document.elementFromPoint(x, y);
          const ours = hit?.closest('[data-gigsaathi-ui]');
          if (ours)
            covered.push(
              `${selector} at (${Math.round(x)}, ${Math.round(y)}) under ${ours.getAttribute('data-gigsaathi-ui')}`,
            );
        }
      }
    return covered;
  }, targets);
}

describe.each(SIZES)('panels at $width×$height', (size) => {
  it.each(CASES)('$name: collapsed at first, expanded on request, and never over the page', async (c) => {
    const page = await e2e.browser.context.newPage();
    await page.setViewportSize(size);
    await page.goto(c.url, { waitUntil: 'domcontentloaded' });
    const panel = page.locator(`[data-gigsaathi-ui="${c.ui}"] [data-gigsaathi-panel]`);
    await panel.waitFor({ timeout: 15_000 });
    if (c.targets.includes('gigsaathipkr')) await page.locator('gigsaathipkr').first().waitFor();
    // Opens collapsed: a small tab, with its score where it has one.
    expect(await panel.getAttribute('data-collapsed')).toBe('true');
    const tab = (await panel.boundingBox())!;
    expect(tab.height).toBeLessThan(60);
    expect(tab.width).toBeLessThan(320);
    expect(await coveredPoints(page, c.targets)).toEqual([]);

    await panel.getByRole('button', { name: 'Expand' }).click();
    expect(await panel.getAttribute('data-collapsed')).toBe('false');
    expect(await panel.locator('.body').isVisible()).toBe(true);
    expect(await coveredPoints(page, c.targets)).toEqual([]);

    // On the other side too, and collapsing gives the page its width back.
    await panel.getByRole('button', { name: 'Move left' }).click();
    expect(await coveredPoints(page, c.targets)).toEqual([]);
    await panel.getByRole('button', { name: 'Move right' }).click();
    await panel.getByRole('button', { name: 'Collapse' }).click();
    expect(await page.locator('style[data-gigsaathi-aside]').count()).toBe(0);
    await page.close();
    // The next page opens as the seller left it: collapsed.
    await e2e.browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { remove(k: string[]): Promise<void> } } } })
        .chrome;
      await c.storage.local.remove(['panel.seo', 'panel.seo-search']);
    });
  });
});
