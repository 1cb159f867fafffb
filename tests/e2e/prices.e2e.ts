import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, startE2E, waitForCachedRates, type ChromeApi, type E2E } from './env';

/** The fake rate API answers 280 PKR per USD (tests/harness/server.ts). */
let e2e: E2E;
const SEARCH = 'https://www.fiverr.com/search/gigs?query=logo%20design';

const setFeature = (on: boolean) =>
  e2e.browser.worker.evaluate(async (enabled) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const { settings } = (await c.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await c.storage.local.set({ settings: { ...(settings ?? {}), features: { prices: enabled } } });
  }, on);

beforeAll(async () => {
  e2e = await startE2E();
  expect(await waitForCachedRates(e2e)).toBe('open.er-api.com');
});
afterAll(async () => {
  await e2e?.close();
});

async function openSearch(): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(SEARCH);
  await page.locator('.gig-card').nth(11).waitFor();
  return { page, errors };
}

const cardAnnotations = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.gig-card')].map((card) => {
      const a = card.querySelector('gigsaathipkr');
      return a
        ? {
            price: card.querySelector('.price')!.textContent,
            pkr: a.getAttribute('data-gigsaathi-pkr'),
            net: a.getAttribute('data-gigsaathi-pkr-net'),
            text: a.textContent,
          }
        : null;
    }),
  );

describe('prices in rupees', () => {
  it('annotates every search card with gross and net rupees, and nothing else', async () => {
    const { page, errors } = await openSearch();
    await expect.poll(async () => (await cardAnnotations(page)).filter(Boolean).length).toBe(12);
    const cards = await cardAnnotations(page);
    // $10 → 2,800 gross; net: 10 − 20% = 8 − 3% = 7.76 − 2% = 7.60 − 1% tax = 7.52 → 2,106.
    expect(cards[0]).toEqual({ price: 'From $10', pkr: '2800', net: '2106', text: '≈ Rs 2,800' });
    // US$25 → 7,000; net 25 → 20 → 19.40 → 19.01 → 18.82 → 5,270.
    expect(cards[1]).toEqual({ price: 'From US$25', pkr: '7000', net: '5270', text: '≈ Rs 7,000' });
    // Ratings (4.9) and review counts ((1k+)) beside the prices are left alone.
    expect(await page.locator('.rating gigsaathipkr').count()).toBe(0);
    expect(await page.locator('gigsaathipkr').count()).toBe(12);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('annotates cards appended later, once each', async () => {
    const { page, errors } = await openSearch();
    await expect.poll(() => page.locator('gigsaathipkr').count()).toBe(12);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('gigsaathipkr').count()).toBe(36);
    await page.waitForTimeout(300);
    expect(await page.locator('.gig-card gigsaathipkr').count()).toBe(36);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the breakdown on hover, with the rate, its age and the attribution', async () => {
    const { page } = await openSearch();
    const first = page.locator('gigsaathipkr').first();
    await first.waitFor();
    await first.hover();
    const card = page.locator('[data-gigsaathi-price-card]');
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('Platform fee 20%');
    expect(text).toContain('Income tax 1%');
    expect(text).toMatch(/Reaches your bank\$7\.52Rs 2,106/);
    expect(text).toContain('1 USD = Rs 280.00 · open.er-api.com');
    expect(text).toContain('Rates by ExchangeRate-API');
    await page.close();
  });

  it('annotates Upwork job budgets, hourly ranges and amounts spent', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.upwork.com/nx/search/jobs/?q=logo');
    await expect.poll(() => page.locator('gigsaathipkr').count()).toBe(9);
    const values = await page
      .locator('gigsaathipkr')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-gigsaathi-pkr'), e.textContent]));
    expect(values).toEqual([
      ['140000', '≈ Rs 140,000'],
      // Two prices in one sentence: each its own annotation, saying which price it converts.
      ['84000', '$300 ≈ Rs 84,000'],
      ['42000', '$150 ≈ Rs 42,000'],
      // "Hourly:" makes the range hourly, with no "/hr" after it.
      ['4200-9800', '≈ Rs 4,200–9,800/hr'],
      // "$5k+ spent" by the client is money too.
      ['1400000', '≈ Rs 1,400,000+'],
      ['42000', '≈ Rs 42,000'],
      // A million-dollar client's "$1M+", not one dollar.
      ['280000000', '≈ Rs 280,000,000+'],
      ['140000', '≈ Rs 140,000'],
      // A client's own words: "$800 NZD" is no US dollar amount and is left alone; "20-25 USD/hour" is a range.
      ['5600-7000', '≈ Rs 5,600–7,000/hr'],
    ]);
    // The breakdown of an hourly rate is per hour, worked out for the low end of the range.
    await page.locator('gigsaathipkr').nth(3).hover();
    const caption = page.locator('[data-gigsaathi-price-card] caption');
    await expect.poll(() => caption.textContent()).toBe('What reaches your bank per hour (for $15.00)');
    await page.locator('gigsaathipkr').nth(0).hover();
    await expect.poll(() => caption.textContent()).toBe('What reaches your bank');
    await page.close();
  });

  it("annotates a job's details: every price in the client's own words, the budget and the client's spend", async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.upwork.com/jobs/~021234567894');
    const annotations = page.locator('main gigsaathipkr');
    await expect.poll(() => annotations.count()).toBe(6);
    const values = await annotations.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-gigsaathi-pkr'), e.getAttribute('data-gigsaathi-pkr-net'), e.textContent]),
    );
    expect(values).toEqual([
      // Three prices in one sentence, each labelled. Net of Upwork's 10%, then its Direct to Local
      // Bank route ($0.99 and a 1% markup), 1% tax: 800 → 720 → 719.01 → 711.82 → 704.70 → Rs 197,316.
      ['224000', '197316', '$800 ≈ Rs 224,000'],
      ['112000', '98524', '$400 ≈ Rs 112,000'],
      ['28000', '24427', '$100 ≈ Rs 28,000'],
      // "$2,000 NZD" is left alone: no US dollars, and no rate of ours.
      ['336000', '296111', '≈ Rs 336,000'],
      ['2800000', '2469580', '≈ Rs 2,800,000+'],
      // A rate per hour carries no per-withdrawal fee: 25.50 → 22.95 → 22.72 → 22.49.
      ['7140', '6297', '≈ Rs 7,140/hr'],
    ]);
    // Counts, ratings, times and dates beside them are left alone.
    for (const text of ['Proposals: 20 to 50', '4.87 of 27 reviews', '11:42 pm', 'Mar 14, 2019'])
      expect(await page.locator('p', { hasText: text }).locator('gigsaathipkr').count(), text).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads an hourly job's rate as per hour, from the clock its terms carry", async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.upwork.com/jobs/~0299123456789');
    const rate = page.locator('ul.features gigsaathipkr');
    await expect.poll(() => rate.count()).toBe(1);
    expect(await rate.getAttribute('data-gigsaathi-pkr')).toBe('4200-8400');
    expect(await rate.textContent()).toBe('≈ Rs 4,200–8,400/hr');
    await rate.hover();
    const caption = page.locator('[data-gigsaathi-price-card] caption');
    await expect.poll(() => caption.textContent()).toBe('What reaches your bank per hour (for $15.00)');
    // The client's spend beside it is no rate.
    expect(await page.locator('[data-test="about-client-container"] gigsaathipkr').textContent()).toBe('≈ Rs 560,000+');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switching the feature off returns the page to exactly its own DOM', async () => {
    await setFeature(false);
    const { page } = await openSearch();
    await page.waitForTimeout(500);
    const original = await page.evaluate(() => document.body.outerHTML);
    expect(await page.locator('gigsaathipkr').count()).toBe(0);
    await setFeature(true);
    await expect.poll(() => page.locator('gigsaathipkr').count()).toBe(12);
    await setFeature(false);
    await expect.poll(() => page.locator('gigsaathipkr').count()).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(original);
    await setFeature(true);
    await page.close();
  });

  it('shows what the freelancer receives as they type a bid', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/');
    const note = page.locator('[data-gigsaathi-live]');
    await note.waitFor();
    // $500 → 140,000; net of Upwork 10% by Direct to Local Bank: 500 → 450 → 449.01 → 444.52 →
    // 440.07 → 123,220.
    await expect.poll(() => note.getAttribute('data-gigsaathi-pkr-net')).toBe('123220');
    expect(await note.getAttribute('title')).toBe('By Upwork Direct to Local Bank');
    await page.locator('[data-test="bid-input"]').fill('100');
    await expect.poll(() => note.textContent()).toBe('≈ Rs 28,000 · reaches your bank ≈ Rs 24,427');
    // The bid sits in a narrow flex row (max-width 14rem). Inside it, the note wrapped into three
    // lines or, kept on one, squeezed the input to nothing: it goes on its own line under the row.
    const lines = await note.evaluate(
      (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize),
    );
    expect(lines).toBeLessThan(1.6);
    const row = () =>
      page.locator('.bid-row').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const input = el.querySelector('input')!.getBoundingClientRect();
        return [r.width, r.height, input.width, input.height];
      });
    const withNote = await row();
    await setFeature(false);
    try {
      await expect.poll(() => note.count()).toBe(0);
      expect(await row()).toEqual(withNote);
    } finally {
      await setFeature(true);
    }
    await expect.poll(() => note.count()).toBe(1);
    // A framework re-rendering the row drops its field: the old note goes, the new field gets one.
    await page.locator('.bid-row').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      el.replaceWith(copy);
      copy.querySelector('input')!.value = '100';
    });
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.bid-row')!.nextElementSibling?.textContent))
      .toBe('≈ Rs 28,000 · reaches your bank ≈ Rs 24,427');
    expect(await note.count()).toBe(1);
    // The page's own "You'll receive" still works from its Vue state.
    await expect
      .poll(() => page.locator('[data-test="receive"] strong').evaluate((el) => el.firstChild?.textContent))
      .toBe('$90.00');
    // That amount is after Upwork's fee, so no fee is taken from it again: its net agrees with the note's.
    await expect
      .poll(() => page.locator('[data-test="receive"] gigsaathipkr').getAttribute('data-gigsaathi-pkr-net'))
      .toBe('24427');
    await page.close();
  });

  it("uses the service fee Upwork states for the contract, so the note agrees with Upwork's own figure", async () => {
    const page = await e2e.browser.context.newPage();
    // A contract whose fee is 5%, not the 10% of the settings.
    await page.goto('https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/?fee=5');
    const note = page.locator('[data-gigsaathi-live]');
    // $500 → 475 → $0.99 withdrawal 474.01 → 1% markup 469.27 → 1% tax 464.58 → Rs 130,082.
    await expect.poll(() => note.getAttribute('data-gigsaathi-pkr-net')).toBe('130082');
    // Upwork's own "You'll receive $475.00", after its fee, comes to the same rupees.
    const receive = page.locator('[data-test="receive"] gigsaathipkr');
    await expect.poll(() => receive.getAttribute('data-gigsaathi-pkr-net')).toBe('130082');
    // Its card says that figure is after Upwork's fee only, and how the bank's follows from it.
    await receive.hover();
    const receiveCard = page.locator('[data-gigsaathi-price-card]');
    await expect.poll(() => receiveCard.textContent()).toMatch(/Earned\$475\.00.*Platform feealready taken/);
    expect(await receiveCard.textContent()).toMatch(/Withdrawal 0% \+ \$0\.99− \$0\.99/);
    expect(await receiveCard.textContent()).toMatch(/Reaches your bank\$464\.58Rs 130,082/);
    // The breakdown names the route the money takes.
    expect(await receiveCard.locator('[data-gigsaathi-route]').textContent()).toBe('By Upwork Direct to Local Bank');
    expect(await receiveCard.locator('[data-gigsaathi-earned-note]').textContent()).toBe(
      "This amount is after the platform's fee only. What reaches your bank is less: the withdrawal, the exchange markup and tax still come off it, as above.",
    );
    await page.mouse.move(0, 0);
    // So does the job's $500 budget on the same page, and its breakdown names the contract's fee.
    const budget = page.locator('.fe-job-details ul.features gigsaathipkr');
    await expect.poll(() => budget.getAttribute('data-gigsaathi-pkr-net')).toBe('130082');
    await budget.hover();
    await expect.poll(() => page.locator('[data-gigsaathi-price-card]').textContent()).toContain('Platform fee 5%');
    await page.locator('[data-test="bid-input"]').fill('100');
    // 100 → 95 → 94.01 → 93.07 → 92.14.
    await expect.poll(() => note.textContent()).toBe('≈ Rs 28,000 · reaches your bank ≈ Rs 25,799');
    await expect.poll(() => receive.getAttribute('data-gigsaathi-pkr-net')).toBe('25799');
    await page.close();
  });

  it('shows under each gig package price, as the seller types, what it brings home', async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.fiverr.com/users/ayesha_designs/manage_gigs/design-a-minimalist-logo/edit?wizard=0');
    const notes = page.locator('[data-gigsaathi-live]');
    await expect.poll(() => notes.count()).toBe(3);
    // Basic $15, Standard $45, Premium not priced yet. $45 → 12,600; net of Fiverr's 20% → 9,486.
    expect(await notes.nth(1).getAttribute('data-gigsaathi-pkr')).toBe('12600');
    expect(await notes.nth(1).getAttribute('data-gigsaathi-pkr-net')).toBe('9486');
    expect(await notes.nth(2).textContent()).toBe('');
    await page.getByLabel('Package 3 price').fill('45');
    await expect.poll(() => notes.nth(2).textContent()).toBe('≈ Rs 12,600 · reaches your bank ≈ Rs 9,486');
    // Each note sits in its own package's column, under the price field, which keeps its size.
    const layout = () =>
      page.locator('.package').evaluateAll((packages) =>
        packages.map((p) => {
          const input = p.querySelector('input')!.getBoundingClientRect();
          const note = p.querySelector('[data-gigsaathi-live]')?.getBoundingClientRect();
          return { input: [input.width, input.height], below: note ? note.top >= input.bottom : null };
        }),
      );
    const withNotes = await layout();
    expect(withNotes.map((p) => p.below)).toEqual([true, true, true]);
    await setFeature(false);
    try {
      await expect.poll(() => notes.count()).toBe(0);
      expect((await layout()).map((p) => p.input)).toEqual(withNotes.map((p) => p.input));
    } finally {
      await setFeature(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('annotates the gig page packages and the order page price', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.fiverr.com/ayesha_designs/design-a-minimalist-logo');
    await expect
      .poll(() => page.locator('.package-card gigsaathipkr').getAttribute('data-gigsaathi-pkr'))
      .toBe('12600');
    await page.goto('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities');
    await expect.poll(() => page.locator('.order-head gigsaathipkr').getAttribute('data-gigsaathi-pkr')).toBe('12600');
    await page.close();
  });

  it('annotates earnings, contracts and custom offers, taking no fee again from what is already earned', async () => {
    const page = await e2e.browser.context.newPage();
    const values = (within = 'main') =>
      page
        .locator(`${within} gigsaathipkr`)
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-gigsaathi-pkr'), e.getAttribute('data-gigsaathi-pkr-net')]),
        );
    await page.goto('https://www.fiverr.com/earnings');
    // $1,234.56, $90, $45, $3,210, $36, −$500 (a withdrawal: its amount, shown as is), $4. Fiverr
    // took its 20% before they were earned: $1,234.56 − 3% withdrawal = 1,197.52 − 2% FX = 1,173.57
    // − 1% tax = 1,161.83 → Rs 325,312.
    await expect
      .poll(() => values())
      .toEqual([
        ['345677', '325312'],
        ['25200', '23713'],
        ['12600', '11858'],
        ['898800', '845858'],
        ['10080', '9486'],
        // The withdrawal keeps its minus: money out of the balance.
        ['-140000', '-131754'],
        ['1120', '1053'],
      ]);
    // The balance in the header, on every page.
    expect(await values('header')).toEqual([['345677', '325312']]);
    await page.locator('main gigsaathipkr').first().hover();
    const card = page.locator('[data-gigsaathi-price-card]');
    await expect.poll(() => card.textContent()).toMatch(/Earned\$1,234\.56Rs 345,677Platform feealready taken/);
    expect(await card.textContent()).toMatch(/Reaches your bank\$1,161\.83Rs 325,312/);
    await page.goto('https://www.upwork.com/nx/payments/reports/transactions/1234567');
    // The pending and available balance: Upwork's fee is taken too; its route still comes off.
    await expect
      .poll(() => values())
      .toEqual([
        ['126000', '123220'],
        ['285740', '279782'],
      ]);
    await page.goto('https://www.upwork.com/nx/wm/workroom/38123456/overview');
    // A contract's rate and milestones are before Upwork's 10%: $25/hr → 22.50 → 22.27 → 22.05 (no
    // per-withdrawal fee on a rate per hour); $250 → 225 → 224.01 → 221.77 → 219.55.
    await expect
      .poll(() => values())
      .toEqual([
        ['7000', '6174'],
        ['70000', '61474'],
        ['49000', '42949'],
      ]);
    expect(await page.locator('main gigsaathipkr').first().textContent()).toBe('≈ Rs 7,000/hr');
    await page.goto('https://www.fiverr.com/inbox/alice_buyer');
    await expect
      .poll(() => page.locator('[data-testid="custom-offer"] gigsaathipkr').getAttribute('data-gigsaathi-pkr'))
      .toBe('33600');
    await page.close();
  });

  it('the popup says which rate is in use, how old, and by whom', async () => {
    const popup = await e2e.browser.openExtensionPage('popup.html');
    const panel = popup.getByRole('region', { name: 'Exchange rate' });
    await expect
      .poll(() => panel.textContent({ timeout: 2000 }))
      .toMatch(/1 USD = Rs 280\.00 · open\.er-api\.com · (just now|\d+ min ago)/);
    expect(await panel.textContent()).toContain('Rates by ExchangeRate-API');
    await popup.close();
  });

  it('"Use my own rate" overrides every source, on the page and in the popup', async () => {
    await e2e.browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const { settings } = (await c.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await c.storage.local.set({ settings: { ...(settings ?? {}), rate: { mode: 'manual', manualPkrPerUsd: 300 } } });
    });
    const { page } = await openSearch();
    await expect.poll(async () => (await cardAnnotations(page))[0]?.pkr).toBe('3000');
    const popup = await e2e.browser.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.getByRole('region', { name: 'Exchange rate' }).textContent({ timeout: 2000 }))
      .toContain('1 USD = Rs 300.00 · your own rate');
    await e2e.browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const { settings } = (await c.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await c.storage.local.set({ settings: { ...(settings ?? {}), rate: { mode: 'live', manualPkrPerUsd: null } } });
    });
    await popup.close();
    await page.close();
  });

  it('falls back when the primary rate API fails', async () => {
    e2e.server.rates.modes.erApi = 'http-500';
    const options = await e2e.browser.openExtensionPage('options.html');
    const view = await options.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await c.storage.local.remove(['rates', 'ratesLastAttempt']);
      return c.runtime.sendMessage({ gigsaathi: 1, type: 'rates.refresh', payload: {} });
    });
    expect(view).toMatchObject({
      ok: true,
      data: { source: 'jsdelivr', pkrPerUsd: 280, failures: [{ source: 'open.er-api.com', reason: 'HTTP 500' }] },
    });
    e2e.server.rates.modes.erApi = 'ok';
    await options.close();
  });
});
