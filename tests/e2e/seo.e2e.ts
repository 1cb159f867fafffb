import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, expandPanels, startE2E, waitForCachedRates, type E2E } from './env';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  // The panels open collapsed; what they show is checked open.
  await expandPanels(e2e);
  // Rupee figures below are at the fake API's rate, not the built-in one of a fresh install.
  await waitForCachedRates(e2e);
});
afterAll(async () => {
  await e2e?.close();
});

const GOOD_GIG = 'https://www.fiverr.com/ayesha_designs/design-a-minimalist-logo';
const POOR_GIG = 'https://www.fiverr.com/lazy_seller/logo-cheap';
const OVER_GIG = 'https://www.fiverr.com/wordy_seller/everything-logo';
const EDITOR =
  'https://www.fiverr.com/users/ayesha_designs/manage_gigs/design-a-minimalist-logo/edit?wizard=0&tab=general';

const panel = (page: Page, ui = 'seo') => page.locator(`[data-gigsaathi-ui="${ui}"] [data-gigsaathi-panel]`);
const scoreOf = (page: Page) => panel(page).getAttribute('data-gigsaathi-seo-score', { timeout: 15_000 });
const statusOf = (page: Page, id: string) =>
  page
    .locator(`[data-gigsaathi-ui="seo"] [data-gigsaathi-check="${id}"]`)
    .getAttribute('data-status', { timeout: 5000 });
async function statuses(page: Page): Promise<Record<string, string>> {
  await panel(page).waitFor({ timeout: 15_000 });
  const pairs = await page
    .locator('[data-gigsaathi-ui="seo"] [data-gigsaathi-check]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-gigsaathi-check')!, e.getAttribute('data-status')!]));
  return Object.fromEntries(pairs);
}

describe('gig SEO on gig pages', () => {
  it('scores a good gig 100, every check passing, and lists its tags', async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(GOOD_GIG);
    await expect.poll(() => scoreOf(page)).toBe('100');
    expect(await statuses(page)).toEqual({
      'title-length': 'pass',
      'title-prefix': 'pass',
      'tags-count': 'pass',
      'tag-length': 'pass',
      'description-length': 'pass',
      'keyword-in-title': 'pass',
      'keyword-in-description': 'pass',
      'keyword-density': 'pass',
      'title-repeats': 'pass',
      faq: 'pass',
      packages: 'pass',
      gallery: 'pass',
    });
    const tags = panel(page).locator('[data-gigsaathi-tags] li');
    expect(await tags.allTextContents()).toEqual([
      'logo design',
      'minimalist logo',
      'modern logo',
      'business logo',
      'brand identity',
    ]);
    expect(await panel(page).getByRole('heading', { name: 'Gig SEO' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fails and warns a poor gig, each with a hint, and scores it low', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(POOR_GIG);
    await panel(page).waitFor({ timeout: 15_000 });
    expect(await statuses(page)).toMatchObject({
      'title-length': 'warn',
      'title-prefix': 'fail',
      'tags-count': 'fail',
      'description-length': 'warn',
      'title-repeats': 'warn',
      faq: 'warn',
      packages: 'warn',
      gallery: 'warn',
    });
    expect(Number(await scoreOf(page))).toBeLessThan(50);
    // The seller typed Fiverr's "I will" into the field too: the page shows it twice.
    const prefix = panel(page).locator('[data-gigsaathi-check="title-prefix"]');
    expect(await prefix.textContent()).toContain('Shown as "I will I will…"');
    expect(await prefix.textContent()).toContain('Fiverr shows "I will" before your title by itself');
    // A published gig is not the editor: fixes are only offered where they can be applied.
    expect(await prefix.getByRole('button').count()).toBe(0);
    await page.close();
  });

  it('fails a gig over Fiverr’s limits', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(OVER_GIG);
    await panel(page).waitFor({ timeout: 15_000 });
    const s = await statuses(page);
    expect(s).toMatchObject({ 'title-length': 'fail', 'description-length': 'fail', 'tags-count': 'pass' });
    expect(s.gallery).toBeUndefined(); // No gallery data on this page: not guessed.
    expect(await panel(page).locator('[data-gigsaathi-check="title-length"]').textContent()).toContain(
      // The field, without the "I will" Fiverr shows before it.
      '96 characters; Fiverr allows 80',
    );
    await page.close();
  });

  it('checks against the seller’s target keywords, kept per gig across reloads', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(GOOD_GIG);
    await expect.poll(() => statusOf(page, 'keyword-in-title')).toBe('pass');
    const input = panel(page).getByRole('textbox', { name: 'Target keywords (up to 3, comma-separated)' });
    await input.fill('a, b, c, d');
    await panel(page).getByRole('button', { name: 'Save keywords' }).click();
    await expect
      .poll(() => panel(page).getByRole('alert').textContent())
      .toBe('Use at most 3 keywords, separated by commas.');

    await input.fill('wordpress website');
    await panel(page).getByRole('button', { name: 'Save keywords' }).click();
    await expect.poll(() => statusOf(page, 'keyword-in-title')).toBe('fail');
    expect(await statusOf(page, 'keyword-in-tags')).toBe('warn');
    await page.reload();
    await expect.poll(() => statusOf(page, 'keyword-in-title')).toBe('fail');
    expect(await input.inputValue()).toBe('wordpress website');
    // Another gig keeps its own (none).
    await page.goto(POOR_GIG);
    await expect.poll(() => statusOf(page, 'keyword-in-title')).not.toBe('fail');

    await page.goto(GOOD_GIG);
    await input.fill('');
    await panel(page).getByRole('button', { name: 'Save keywords' }).click();
    await expect.poll(() => statusOf(page, 'keyword-in-title')).toBe('pass');
    await page.close();
  });

  it('collapses and moves out of the way, and remembers it', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(GOOD_GIG);
    await panel(page).waitFor({ timeout: 15_000 });
    // (Collapsed, the tab shows no Move button: it is as small as it can be.)
    await panel(page).getByRole('button', { name: 'Move left' }).click();
    await panel(page).getByRole('button', { name: 'Collapse' }).click();
    expect(await panel(page).getAttribute('data-collapsed')).toBe('true');
    expect(await panel(page).locator('.body').isVisible()).toBe(false);
    await page.goto(POOR_GIG);
    await panel(page).waitFor({ timeout: 15_000 });
    expect(await panel(page).getAttribute('data-collapsed')).toBe('true');
    expect(await panel(page).getAttribute('data-side')).toBe('left');
    const box = await panel(page).boundingBox();
    expect(box!.x).toBeLessThan(50);
    const expand = panel(page).getByRole('button', { name: 'Expand' });
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    await expand.click();
    await panel(page).getByRole('button', { name: 'Move right' }).click();
    expect(await panel(page).locator('.body').isVisible()).toBe(true);
    // From the keyboard: Escape collapses, focus stays on the panel's own button.
    await panel(page)
      .getByRole('textbox', { name: /Target keywords/ })
      .focus();
    await page.keyboard.press('Escape');
    expect(await panel(page).getAttribute('data-collapsed')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await panel(page).getAttribute('data-collapsed')).toBe('false');
    await page.close();
  });
});

describe('gig SEO in the gig editor', () => {
  const text = (page: Page, name: string) =>
    page.evaluate(
      (n) => (window as unknown as { __fixtures: Record<string, { getText(): string }> }).__fixtures[n]!.getText(),
      name,
    );

  it('updates live as the seller types, and applies a proposed title through React', async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(EDITOR);
    await expect.poll(() => statusOf(page, 'title-prefix')).toBe('pass');
    expect(await statusOf(page, 'tags-count')).toBe('fail');
    expect(await statusOf(page, 'description-length')).toBe('warn');
    expect(await statusOf(page, 'packages')).toBe('pass');
    // One FAQ article is saved already.
    expect(await statusOf(page, 'faq')).toBe('pass');
    const before = Number(await scoreOf(page));

    // The title, typed as a seller would who also types Fiverr's "I will": the React state and
    // the panel both follow. The field measures 42 characters, the page shows "I will I will …".
    const title = page.getByRole('textbox', { name: 'Gig title' });
    await title.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('I will minimalist logo design for your brand');
    await expect.poll(() => statusOf(page, 'title-prefix')).toBe('fail');
    const fix = panel(page).getByRole('button', { name: 'Remove the extra "I will" from the field' });
    expect(await panel(page).locator('[data-gigsaathi-check="title-prefix"] q').textContent()).toBe(
      'minimalist logo design for your brand',
    );
    // Shown, never applied without a click.
    expect(await text(page, 'react-title')).toBe('I will minimalist logo design for your brand');
    await fix.click();
    await expect.poll(() => text(page, 'react-title')).toBe('minimalist logo design for your brand');
    await expect.poll(() => statusOf(page, 'title-prefix')).toBe('pass');
    expect(await page.getByTestId('title-count').textContent()).toBe('37 / 80 max');
    // No fix anywhere in the panel writes "I will" into the field.
    for (const q of await panel(page).locator('q').allTextContents()) expect(q).not.toMatch(/^\s*i will\b/i);

    // Tags committed with Enter, in the combobox.
    const tagInput = page.getByRole('combobox', { name: 'Positive keywords' });
    for (const tag of ['brand identity', 'logo maker', 'business logo']) {
      await tagInput.fill(tag);
      await tagInput.press('Enter');
    }
    await expect.poll(() => statusOf(page, 'tags-count')).toBe('pass');

    // The Quill description.
    await page.locator('.ql-editor').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(
      ` ${'Clean vector files and a brand sheet for every logo, with friendly revisions. '.repeat(8)}`,
    );
    await expect.poll(() => statusOf(page, 'description-length')).toBe('pass');

    // An FAQ added.
    await page.getByRole('textbox', { name: 'FAQ question' }).fill('Do I own the logo?');
    await page.getByRole('textbox', { name: 'FAQ answer' }).fill('Yes, all rights are yours.');
    await page.getByRole('button', { name: 'Add FAQ' }).click();
    await expect
      .poll(() => panel(page).locator('[data-gigsaathi-check="faq"] .message').textContent())
      .toBe('2 questions');
    expect(Number(await scoreOf(page))).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('gig SEO on a new gig', () => {
  it('knows the first step of a new gig, where the field starts empty', async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.fiverr.com/users/ayesha_designs/manage_gigs/new?wizard=0&tab=general');
    await expect.poll(() => statusOf(page, 'title-length')).toBe('warn');
    // Fiverr's prefix is drawn beside the empty field: nothing to fix there.
    expect(await statusOf(page, 'title-prefix')).toBe('pass');
    expect(await statusOf(page, 'faq')).toBe('warn');
    await page.getByRole('textbox', { name: 'Gig title' }).fill('design a logo for your bakery');
    await expect
      .poll(() => panel(page).locator('[data-gigsaathi-check="title-length"] .message').textContent())
      .toBe('29 characters; short titles waste keyword room');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('what ranks here, on Fiverr search', () => {
  const card = (page: Page) => panel(page, 'seo-search');
  const terms = (page: Page, label: string) =>
    card(page)
      .getByRole('list', { name: label })
      .locator('li')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-gigsaathi-term')}×${e.getAttribute('data-count')}`));

  it('shows title words and phrases, the price spread, and the tags of gigs opened from the search', async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.fiverr.com/search/gigs?query=logo%20design');
    await card(page).waitFor({ timeout: 15_000 });
    await expect.poll(() => terms(page, 'Most used words')).toContain('logo×12');
    expect((await terms(page, 'Most used phrases')).slice(0, 2)).toEqual(['brand guide×3', 'flat vector×3']);
    const spread = card(page).locator('[data-gigsaathi-price-spread]');
    expect(await spread.evaluate((e) => [e.dataset.count, e.dataset.min, e.dataset.median, e.dataset.max])).toEqual([
      '12',
      '10',
      '35',
      '120',
    ]);
    expect(await spread.textContent()).toContain('$35.00 (Rs 9,800)');
    expect(await card(page).textContent()).toContain('Open gigs from this search to see the tags they use here.');

    // More cards appended: the card follows.
    await page.getByRole('button', { name: /load more/i }).click();
    await expect.poll(() => terms(page, 'Most used words')).toContain('logo×24');

    // The seller opens a gig from the search; back on the search, its tags are there.
    await page.locator('a.gig-title').first().click();
    await page.waitForURL(/\/ayesha_designs\/logo-0/);
    await panel(page).waitFor({ timeout: 15_000 });
    await page.goto('https://www.fiverr.com/search/gigs?query=logo%20design');
    await expect
      .poll(() => terms(page, 'Tags of gigs you opened'), { timeout: 15_000 })
      .toEqual(['brand identity×1', 'business logo×1', 'logo design×1', 'minimalist logo×1', 'modern logo×1']);
    expect(await card(page).textContent()).toContain('From 1 gig you opened from this search.');
    // Another search keeps its own list.
    await page.goto('https://www.fiverr.com/search/gigs?query=wordpress');
    await card(page).waitFor({ timeout: 15_000 });
    await expect.poll(() => card(page).textContent()).toContain('Open gigs from this search');
    expect(errors).toEqual([]);
    await page.close();
  });
  it('reads nothing while collapsed, and the whole page, appended cards too, when expanded', async () => {
    await e2e.browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ 'panel.seo-search': { collapsed: true, side: 'right' } });
    });
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.fiverr.com/search/gigs?query=logo%20design');
    await card(page).waitFor({ timeout: 15_000 });
    await page.locator('gigsaathipkr').first().waitFor();
    await page.getByRole('button', { name: /load more/i }).click();
    await expect.poll(() => page.locator('a.gig-title').count()).toBe(24);
    expect(await card(page).locator('[data-gigsaathi-price-spread]').count()).toBe(0);
    expect(await card(page).getByRole('list', { name: 'Most used words', includeHidden: true }).count()).toBe(0);

    // A gig opened while collapsed is still remembered under this search.
    await page.locator('a.gig-title').nth(13).click();
    await page.waitForURL(/\/logo-13/);
    await panel(page).waitFor({ timeout: 15_000 });
    await page.goto('https://www.fiverr.com/search/gigs?query=logo%20design');
    await card(page).waitFor({ timeout: 15_000 });
    // Nor has it asked for the tags of gigs opened from this search (there are some now).
    expect(await card(page).locator('[data-gigsaathi-search-tags], [data-gigsaathi-term]').count()).toBe(0);
    await card(page).getByRole('button', { name: 'Expand' }).click();
    await expect.poll(() => terms(page, 'Most used words')).toContain('logo×12');
    await expect.poll(() => card(page).locator('[data-gigsaathi-price-spread]').getAttribute('data-count')).toBe('12');
    await expect.poll(() => card(page).textContent()).toContain('From 2 gigs you opened from this search.');
    await page.getByRole('button', { name: /load more/i }).click();
    await expect.poll(() => terms(page, 'Most used words')).toContain('logo×24');
    expect(errors).toEqual([]);
    await page.close();
    await expandPanels(e2e);
  });
});

describe('Upwork checks', () => {
  it('checks a cover letter live: opening, specifics, closing, contact details, length', async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/');
    await expect.poll(() => statusOf(page, 'cover-length')).toBe('fail');
    // Empty, it scores nothing and lists every check it will make.
    expect(await scoreOf(page)).toBe('0');
    expect(Object.keys(await statuses(page))).toHaveLength(5);
    const letter = page.locator('textarea[aria-labelledby="cover_letter_label"]');
    await letter.click();
    await page.keyboard.type('Dear Sir/Madam, I am an expert designer. WhatsApp me on +92 300 1234567.');
    // (The opening failed already while empty: wait for a check the text changes.)
    await expect.poll(() => statusOf(page, 'cover-closing')).toBe('warn');
    expect(await statuses(page)).toEqual({
      'cover-length': 'fail',
      'cover-opening': 'fail',
      'cover-specific': 'fail',
      'cover-closing': 'warn',
      'cover-contact': 'fail',
    });
    expect(await panel(page).getByRole('heading', { name: 'Proposal check' }).count()).toBe(1);

    await letter.fill(
      `Your organic tea shop in Lahore deserves a logo that feels as fresh as the tea. ${'I have designed logos, palettes and brand guides for cafés, bakeries and juice bars, and I would start from your shop and its customers. '.repeat(3)}Would you like three rough concepts by Friday?`,
    );
    await expect.poll(() => scoreOf(page)).toBe('100');
    // The page's own state took every keystroke: the panel never got in the way.
    expect(await page.locator('[data-test="cover-count"]').textContent()).toMatch(/^\d+ \/ 5000 characters$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a profile’s title and overview, and a catalog project as it is edited', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('https://www.upwork.com/freelancers/~01a2b3c4d5e6f7a8b9');
    await expect.poll(() => statusOf(page, 'overview-hook')).toBe('fail');
    expect(await statuses(page)).toEqual({
      'profile-title': 'warn',
      'overview-hook': 'fail',
      'overview-length': 'warn',
      'profile-contact': 'fail',
    });

    await page.goto('https://www.upwork.com/nx/project-dashboard/projects/new');
    await expect.poll(() => statusOf(page, 'catalog-description-length')).toBe('fail');
    expect(await statusOf(page, 'catalog-title-length')).toBe('pass');
    expect(await statusOf(page, 'catalog-tags')).toBe('warn');
    await page
      .getByRole('textbox', { name: 'Project title' })
      .fill('a minimalist logo, brand guide, business cards and a social media kit');
    await expect.poll(() => statusOf(page, 'catalog-title-length')).toBe('fail');
    await page
      .getByRole('textbox', { name: 'Describe your project' })
      .fill('A clean, memorable logo for your brand. '.repeat(5));
    await expect.poll(() => statusOf(page, 'catalog-description-length')).toBe('pass');
    await page.close();
  });
});
