import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIVERR_FEATURES } from '@/entrypoints/fiverr.content/index';
import { UPWORK_FEATURES } from '@/entrypoints/upwork.content/index';
import { FEATURE_CATALOG } from '@/utils/platform/runner/catalog';
import { MESSAGES } from '@/utils/platform/i18n';
import type { Feature } from '@/utils/platform/runner/types';

const SITES: Record<string, ReadonlyArray<Feature>> = { fiverr: FIVERR_FEATURES, upwork: UPWORK_FEATURES };
const registered = Object.values(SITES).flat();

/** The repo's own conventions, so a new feature cannot skip them. */
describe('feature conventions', () => {
  it('every feature a feature folder declares is registered in its site’s content script, and only those', async () => {
    const declared: Feature[] = [];
    for (const folder of readdirSync(join(process.cwd(), 'utils'))) {
      const file = join(process.cwd(), 'utils', folder, 'sites.content.ts');
      if (!existsSync(file)) continue;
      // eslint-disable-next-line no-unsanitized/method -- the repo's own feature files, listed from disk
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const f = value as Feature;
        expect(typeof f.init, `${folder}/sites.content.ts exports only features (${name})`).toBe('function');
        expect(SITES[f.site], `${folder}: ${name} is not in ${f.site}'s feature list`).toContain(f);
        expect(name.startsWith(f.site), `${folder}: ${name} is named after its site`).toBe(true);
        declared.push(f);
      }
    }
    for (const f of registered) expect(declared, `${f.site}/${f.id} is declared in a feature folder`).toContain(f);
  });

  it('ids are unique per site, kebab-case and belong to the right site', () => {
    for (const [site, features] of Object.entries(SITES)) {
      const ids = features.map((f) => f.id);
      expect(new Set(ids).size, site).toBe(ids.length);
      for (const f of features) {
        expect(f.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(f.site).toBe(site);
        expect(f.include.length, `${f.id} must say where it applies`).toBeGreaterThan(0);
      }
    }
  });

  it('every feature can be switched off in settings (it is in the catalog) and vice versa', () => {
    const catalog = new Map(FEATURE_CATALOG.map((c) => [c.id, c]));
    for (const f of registered) {
      expect(catalog.get(f.id), `${f.id} is missing from FEATURE_CATALOG`).toBeDefined();
      expect(catalog.get(f.id)?.sites).toContain(f.site);
    }
    for (const c of FEATURE_CATALOG) {
      for (const site of c.sites)
        expect(
          SITES[site]!.map((f) => f.id),
          `${c.id} on ${site}`,
        ).toContain(c.id);
    }
    for (const c of FEATURE_CATALOG)
      for (const part of ['title', 'description'])
        for (const locale of ['en', 'ur'] as const)
          expect(MESSAGES[locale], `${locale}: feature.${c.id}.${part}`).toHaveProperty([`feature.${c.id}.${part}`]);
  });
});
