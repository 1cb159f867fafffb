import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIST, FIXTURES } from './paths';

/**
 * Bundles the fixture pages' scripts with the real editor libraries (Slate, TipTap, Quill, Vue,
 * React), as the sites ship them. Production mode, so React and Vue behave as on the sites.
 */
export async function buildFixtures(): Promise<void> {
  const src = join(FIXTURES, 'src');
  const entries = readdirSync(src)
    .filter((f) => /^(fiverr|upwork|editor)-.*\.tsx?$/.test(f))
    .map((f) => join(src, f));
  await build({
    entryPoints: entries,
    outdir: FIXTURE_DIST,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
}
