import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../harness/routes';
import { collectPageErrors, startE2E, type E2E } from './env';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('fixture pages with the extension loaded', () => {
  for (const fixture of DEMO_PAGES) {
    it(`${fixture.name}: loads under its real hostname with no console errors`, async () => {
      const page = await e2e.browser.context.newPage();
      const errors = collectPageErrors(page);
      const response = await page.goto(fixture.url);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).hostname).toBe(new URL(fixture.url).hostname);
      await page.waitForLoadState('networkidle');
      // An SPA navigation inside the page re-runs our features; it must stay just as quiet.
      await page.evaluate(() => {
        history.pushState({}, '', `${location.pathname}?spa=1`);
        history.back();
      });
      await page.waitForTimeout(300);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('serves the sites over TLS, as HSTS forces', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto('http://www.fiverr.com/inbox/alice_buyer');
    expect(page.url()).toBe('https://www.fiverr.com/inbox/alice_buyer');
    await page.close();
  });

  it('never lets the browser reach a real host', async () => {
    const page = await e2e.browser.context.newPage();
    await expect(page.goto('https://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await page.close();
  });
});
