import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_PAGES, realPagesMissing, type RealPage } from '../harness/real-pages';
import { expectedPkr, parseRealPage } from '../real/markup';
import { collectPageErrors, expandPanels, startE2E, waitForCachedRates, type E2E } from './env';

/**
 * Tier 4: the built extension on pages saved from the live sites (../shared/real-pages), served
 * under their real URLs with their own scripts blocked. Every expectation is read from the saved
 * markup by the test (tests/real/markup.ts), never from GigSaathi's readers.
 */
const missing = realPagesMissing();
if (missing && process.env.CI === 'true') {
  throw new Error(`The real-page tier is required in CI: ${missing}`);
}
if (missing) console.warn(`Real-page tier skipped: ${missing}`);

const PKR_PER_USD = 280; // the fake rate API (tests/harness/server.ts)
const byName = (name: string) => REAL_PAGES.find((p) => p.name === name)!;

/**
 * What the page's console shows that is not the page's own doing: its scripts are blocked by the
 * CSP we serve it with and its CDN assets cannot load here, and the browser says so.
 */
const NOT_OURS = [/Content Security Policy/i, /Failed to load resource/i, /Manifest fetch/i, /net::ERR_/];
const ourErrors = (errors: string[]) => errors.filter((e) => !NOT_OURS.some((re) => re.test(e)));

let e2e: E2E;

describe.skipIf(missing !== null)('the built extension on pages saved from the live sites', () => {
  beforeAll(async () => {
    e2e = await startE2E();
    // The panels open collapsed; what they show is checked open.
    await expandPanels(e2e);
    await waitForCachedRates(e2e);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  async function open(real: RealPage): Promise<{ page: Page; errors: string[] }> {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(real.url, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe("script-src 'none'");
    return { page, errors };
  }

  /** Every annotation's gross rupees, in document order, once the page has been scanned. */
  const annotations = (page: Page) =>
    page.$$eval('gigsaathipkr', (els) => els.map((e) => e.getAttribute('data-gigsaathi-pkr')));

  describe.each(REAL_PAGES)('$name', (real) => {
    it('annotates every dollar price once with the right rupees, ranges as MIN-MAX, and nothing else', async () => {
      const expected = expectedPkr(parseRealPage(real), PKR_PER_USD);
      const { page, errors } = await open(real);
      if (expected.length === 0) {
        // Nothing to convert (the categories index): give the scan time, then expect nothing.
        await page.waitForTimeout(1500);
        expect(await annotations(page)).toEqual([]);
      } else {
        await expect.poll(() => annotations(page), { timeout: 15_000 }).toHaveLength(expected.length);
        expect(await annotations(page)).toEqual(expected);
      }
      // Each annotation follows text that holds a dollar amount: the page's own, left as it was.
      const preceding = await page.$$eval('gigsaathipkr', (els) =>
        els.map((e) => (e.parentElement?.textContent ?? '').replace(e.textContent ?? '', '')),
      );
      for (const text of preceding) expect(text).toMatch(/\$\s?\d/);
      expect(ourErrors(errors)).toEqual([]);
      await page.close();
    });
  });

  it('annotates each search card’s own price, as the card shows it', async () => {
    const real = byName('fiverr-search');
    const doc = parseRealPage(real);
    // The saved cards: 27, one gig listed twice (promoted and organic), each "From $N".
    const cards = [...doc.querySelectorAll('.gig-wrapper[data-gig-id]')].map((card) => {
      const price = card.querySelector('span.text-bold.co-grey-1200 > span')!.textContent!;
      return String(Number(price.replace(/[$,]/g, '')) * PKR_PER_USD);
    });
    expect(cards).toHaveLength(27);
    const { page } = await open(real);
    await expect
      .poll(() =>
        page.$$eval('.gig-wrapper[data-gig-id]', (els) =>
          els.map((card) =>
            [...card.querySelectorAll('span.text-bold.co-grey-1200 gigsaathipkr')].map((a) =>
              a.getAttribute('data-gigsaathi-pkr'),
            ),
          ),
        ),
      )
      .toEqual(cards.map((pkr) => [pkr]));
    await page.close();
  });

  it.each(['upwork-job-search', 'upwork-job-search-2024', 'upwork-find-work'])(
    '%s: every job tile’s budget in rupees, hourly ranges per hour',
    async (name) => {
      const real = byName(name);
      const doc = parseRealPage(real);
      const dollars = (t: string) => Number(t.replace(/[$,]/g, ''));
      // Each tile's budget as the saved markup writes it: search tiles (2024, 2026) and feed tiles.
      const tiles = [...doc.querySelectorAll('article.job-tile, section[data-ev-sublocation="job_feed_tile"]')];
      expect(tiles.length).toBeGreaterThan(0);
      const expected = tiles.map((tile) => {
        const type = tile.querySelector('[data-test="job-type-label"] strong, strong[data-test="job-type"]');
        const hourly = /^Hourly:\s*\$([\d,.]+)\s*-\s*\$([\d,.]+)/.exec(type?.textContent?.trim() ?? '');
        if (hourly) return `${dollars(hourly[1]!) * PKR_PER_USD}-${dollars(hourly[2]!) * PKR_PER_USD} /hr`;
        const fixed = tile.querySelector('[data-test="is-fixed-price"] strong:last-child, [data-test="budget"]');
        const amount = /\$([\d,.]+)/.exec(fixed?.textContent ?? '');
        return amount ? `${Math.round(dollars(amount[1]!) * PKR_PER_USD)}` : 'none';
      });
      const { page, errors } = await open(real);
      const read = () =>
        page.$$eval('article.job-tile, section[data-ev-sublocation="job_feed_tile"]', (els) =>
          els.map((tile) => {
            const a = tile.querySelector(
              '[data-test="job-type-label"] gigsaathipkr, [data-test="is-fixed-price"] gigsaathipkr, [data-test="budget"] gigsaathipkr',
            );
            if (!a) return 'none';
            const pkr = a.getAttribute('data-gigsaathi-pkr')!;
            return a.textContent!.endsWith('/hr') ? `${pkr} /hr` : pkr;
          }),
        );
      await expect.poll(read, { timeout: 15_000 }).toEqual(expected);
      expect(expected.filter((e) => e !== 'none').length).toBeGreaterThan(0);
      expect(ourErrors(errors)).toEqual([]);
      await page.close();
    },
  );

  describe('the saved gig page', () => {
    const real = byName('fiverr-gig');
    const panel = (page: Page) => page.locator('[data-gigsaathi-ui="seo"] [data-gigsaathi-panel]');
    const check = (page: Page, id: string) => panel(page).locator(`[data-gigsaathi-check="${id}"]`);

    /** The gig as its own JSON and markup say, read here by the test. */
    function savedGig() {
      const doc = parseRealPage(real);
      const raw = JSON.parse(doc.querySelector('script#perseus-initial-props')!.textContent!) as unknown;
      const props = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
        overview: { gig: { title: string } };
        tags: { tagsGigList: unknown[] };
        packages: { packageList: { price: number }[] };
        faq: { questionsAndAnswers: unknown[] };
        gallery: { slides: { slide: { itemScopeType: string; isWorkSample: boolean } }[] };
      };
      const own = props.gallery.slides.map((s) => s.slide).filter((s) => !s.isWorkSample);
      const kind = (k: string) => own.filter((s) => s.itemScopeType === k).length;
      return {
        h1: doc.querySelector('h1')!.textContent!.trim(),
        field: props.overview.gig.title,
        tags: props.tags.tagsGigList.length,
        packages: props.packages.packageList.map((p) => p.price / 100),
        faqs: props.faq.questionsAndAnswers.length,
        images: kind('ImageSlide'),
        videos: kind('VideoSlide'),
        pdfs: kind('PdfSlide'),
        workSamples: props.gallery.slides.length - own.length,
      };
    }

    it('checks the gig as the page shows it: "I will" drawn by Fiverr, the gallery without buyers’ work', async () => {
      const gig = savedGig();
      // What SITES.md says of this page, checked against the file itself.
      expect(gig).toMatchObject({ tags: 5, faqs: 0, images: 3, videos: 0, pdfs: 2, workSamples: 15 });
      expect(gig.h1).toBe(`I will ${gig.field}`);
      const { page, errors } = await open(real);
      await panel(page).waitFor({ timeout: 15_000 });
      const status = (id: string) => check(page, id).getAttribute('data-status');
      expect(await status('title-prefix')).toBe('pass');
      expect(await status('title-length')).toBe('pass');
      expect(await check(page, 'title-length').locator('.message').textContent()).toBe(
        `${gig.field.length} characters`,
      );
      expect(await status('tags-count')).toBe('pass');
      expect(await status('packages')).toBe('pass');
      expect(await check(page, 'packages').locator('.message').textContent()).toBe(
        `${gig.packages.length} packages (${gig.packages.map((p) => `$${p.toFixed(2)}`).join(' · ')})`,
      );
      expect(await status('faq')).toBe('warn');
      expect(await status('gallery')).toBe('warn');
      const gallery = check(page, 'gallery');
      expect(await gallery.getAttribute('data-images')).toBe(String(gig.images));
      expect(await gallery.getAttribute('data-videos')).toBe(String(gig.videos));
      expect(await gallery.getAttribute('data-pdfs')).toBe(String(gig.pdfs));
      // A gig page is not the editor: no fix is offered to apply.
      expect(await panel(page).locator('[data-gigsaathi-check] button').count()).toBe(0);
      expect(ourErrors(errors)).toEqual([]);
      await page.close();
    });
  });

  it('search insights agree with the cards on the saved search page', async () => {
    const real = byName('fiverr-search');
    const doc = parseRealPage(real);
    // One gig per gig id: the promoted and the organic card of the same gig are one gig.
    const byGig = new Map<string, number>();
    for (const card of doc.querySelectorAll('.gig-wrapper[data-gig-id]')) {
      const id = card.getAttribute('data-gig-id')!.split('_')[0]!;
      const price = Number(card.querySelector('span.text-bold.co-grey-1200 > span')!.textContent!.replace(/[$,]/g, ''));
      byGig.set(id, price);
    }
    const prices = [...byGig.values()].sort((a, b) => a - b);
    const mid = prices.length >> 1;
    const median = prices.length % 2 ? prices[mid]! : (prices[mid - 1]! + prices[mid]!) / 2;
    const { page, errors } = await open(real);
    const spread = page.locator('[data-gigsaathi-ui="seo-search"] [data-gigsaathi-price-spread]');
    await spread.waitFor({ timeout: 15_000 });
    expect({
      count: await spread.getAttribute('data-count'),
      min: await spread.getAttribute('data-min'),
      median: await spread.getAttribute('data-median'),
      max: await spread.getAttribute('data-max'),
    }).toEqual({
      count: String(byGig.size),
      min: String(prices[0]),
      median: String(median),
      max: String(prices.at(-1)),
    });
    const card = page.locator('[data-gigsaathi-ui="seo-search"] [data-gigsaathi-panel]');
    expect(await card.textContent()).toContain(`in ${byGig.size} titles`);
    expect(ourErrors(errors)).toEqual([]);
    await page.close();
  });
});
