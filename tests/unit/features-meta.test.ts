import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIVERR_FEATURES } from '@/entrypoints/fiverr.content/index';
import { UPWORK_FEATURES } from '@/entrypoints/upwork.content/index';
import { PEOPLEPERHOUR_FEATURES } from '@/entrypoints/peopleperhour.content/index';
import { FEATURE_CATALOG } from '@/utils/platform/runner/catalog';
import { MESSAGES } from '@/utils/platform/i18n';
import type { Feature } from '@/utils/platform/runner/types';
// The layer table lint enforces too (eslint.config.js), so both check the same folders.
import layers from '@/utils/layers.json';

const SITES: Record<string, ReadonlyArray<Feature>> = {
  fiverr: FIVERR_FEATURES,
  upwork: UPWORK_FEATURES,
  peopleperhour: PEOPLEPERHOUR_FEATURES,
};
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

/** Every import of a file: static, re-exported and dynamic, as written. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(process.cwd(), dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The layers of README's "Architecture", checked on the files as they are (lint checks them as written too). */
describe('layers', () => {
  const FEATURES = layers.features;
  const code = [...filesUnder('utils'), ...filesUnder('components'), ...filesUnder('entrypoints')];
  const featureOf = (file: string) => FEATURES.find((f) => file.startsWith(`utils/${f}/`));
  const LOWER = ['utils/platform/', 'utils/schema/', 'utils/sites/', 'utils/money/', 'components/'];

  it('every file of utils/ is in the platform, a schema, a site module, money or a feature folder', () => {
    for (const file of filesUnder('utils'))
      expect(LOWER.some((l) => file.startsWith(l)) || featureOf(file) !== undefined, file).toBe(true);
  });

  it('imports between folders go by their @/ path', () => {
    for (const file of code)
      for (const spec of importsOf(file)) expect(spec.startsWith('../'), `${file}: ${spec}`).toBe(false);
  });

  it('the platform, schemas, sites, money and shared components know no feature', () => {
    for (const file of code.filter((f) => LOWER.some((l) => f.startsWith(l))))
      for (const spec of importsOf(file))
        expect(
          FEATURES.some((f) => spec === `@/utils/${f}` || spec.startsWith(`@/utils/${f}/`)),
          `${file}: ${spec}`,
        ).toBe(false);
  });

  it('a feature reaches another only through its index.ts', () => {
    for (const file of code) {
      const own = featureOf(file);
      if (!own) continue;
      for (const spec of importsOf(file)) {
        const other = FEATURES.find((f) => f !== own && spec.startsWith(`@/utils/${f}/`));
        expect(other, `${file}: ${spec}`).toBeUndefined();
      }
    }
  });

  it('only background parts and stores open the database; content scripts and UI never do', () => {
    const mayOpen = (file: string) =>
      /\.background\.ts$|\/store\.ts$/.test(file) ||
      file.startsWith('entrypoints/background/') ||
      file.startsWith('utils/platform/db/');
    for (const file of code)
      for (const spec of importsOf(file))
        if (spec === '@/utils/platform/db' || spec === 'dexie')
          expect(mayOpen(file), `${file} opens the database (${spec})`).toBe(true);
    // A content script's code never reaches a store or a background part.
    for (const file of code.filter((f) => f.endsWith('.content.ts')))
      for (const spec of importsOf(file)) expect(/\/store$|\.background$/.test(spec), `${file}: ${spec}`).toBe(false);
  });
});
