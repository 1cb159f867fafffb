import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiverr, peopleperhour, upwork } from '@/utils/sites';
import { flattenSelectors, type ProofPage } from '@/utils/sites/proof';
import { REAL_PAGES, realPagesMissing } from '../harness/real-pages';
import { DEMO_PAGES } from '../harness/routes';
import { startE2E, type E2E } from './env';

/**
 * Every selector of a site module names the pages it must match (`selectorProofs`), the way
 * refined-github pairs its selectors with test URLs. Each is counted there in the browser, so a
 * selector that stops matching, or one that never matched anything, fails here.
 */
const SITES = [
  {
    site: 'fiverr',
    selectors: fiverr.selectors,
    proofs: fiverr.selectorProofs as Record<string, readonly ProofPage[]>,
  },
  {
    site: 'upwork',
    selectors: upwork.selectors,
    proofs: upwork.selectorProofs as Record<string, readonly ProofPage[]>,
  },
  {
    site: 'peopleperhour',
    selectors: peopleperhour.selectors,
    proofs: peopleperhour.selectorProofs as Record<string, readonly ProofPage[]>,
  },
];

const missingReal = realPagesMissing();
if (missingReal && process.env.CI === 'true')
  throw new Error(`Selector proofs need the real pages in CI: ${missingReal}`);

function urlOf(page: ProofPage): string | null {
  const [kind, name] = page.split(':') as ['real' | 'fixture', string];
  if (kind === 'real') return REAL_PAGES.find((p) => p.name === name)?.url ?? null;
  return DEMO_PAGES.find((p) => p.name === name)?.url ?? null;
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe.each(SITES)('$site selectors', ({ selectors, proofs }) => {
  const all = flattenSelectors(selectors);

  it('name a page for every selector, and only for selectors that exist', () => {
    expect(Object.keys(proofs).sort()).toEqual(all.map(([path]) => path).sort());
    for (const pages of Object.values(proofs)) {
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect(urlOf(page), page).not.toBeNull();
    }
  });

  it('each match on every page named for them', async () => {
    const byPage = new Map<ProofPage, string[]>();
    for (const [path] of all) for (const page of proofs[path]!) byPage.set(page, [...(byPage.get(page) ?? []), path]);
    const misses: string[] = [];
    for (const [proof, paths] of byPage) {
      if (proof.startsWith('real:') && missingReal) continue;
      const page = await e2e.browser.context.newPage();
      await page.goto(urlOf(proof)!, { waitUntil: proof.startsWith('real:') ? 'domcontentloaded' : 'load' });
      // Fixture pages render their editors with React, Vue, Slate…: give them their first frames.
      if (proof.startsWith('fixture:')) await page.waitForLoadState('networkidle');
      const wanted = paths.map((path) => [path, all.find(([p]) => p === path)![1]] as const);
      const counts = await page.evaluate(
        async (list) => {
          // A late-rendering editor may need a moment more.
          for (let i = 0; i < 20 && list.some(([, s]) => !document.querySelector(s)); i++)
            await new Promise((r) => setTimeout(r, 100));
          return list.map(([path, s]) => [path, document.querySelectorAll(s).length] as const);
        },
        wanted as unknown as [string, string][],
      );
      for (const [path, n] of counts) if (n === 0) misses.push(`${path} matches nothing on ${proof}`);
      await page.close();
    }
    expect(misses).toEqual([]);
  });
});
