/**
 * `npm run sizes`: what each entrypoint of the built extension costs, raw and gzipped, counting
 * every script and stylesheet it loads (shared chunks included, so totals overlap).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './paths';

const target = process.argv[2] ?? 'chrome-mv3';
const dir = join(ROOT, '.output', target);
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`No build in .output/${target}: run \`npm run build\` first.`);
  process.exit(1);
}

const assetsOfHtml = (file: string): string[] => {
  const html = readFileSync(join(dir, file), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
};

const entries: [string, string[]][] = [];
entries.push(['background', ['background.js']]);
for (const f of readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'))) {
  const css = f.replace(/\.js$/, '.css');
  entries.push([
    `content: ${f.replace(/\.js$/, '')}`,
    [`content-scripts/${f}`, ...(existsSync(join(dir, 'content-scripts', css)) ? [`content-scripts/${css}`] : [])],
  ]);
}
const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
const ofPages = new Set(pages.flatMap((html) => assetsOfHtml(html)));
// Unlisted scripts: injected on demand (packs beside a content script, the context menu's picker);
// one a page of ours loads itself (the popup's early request) is counted with that page.
for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'background.js' && !ofPages.has(f)))
  entries.push([`injected: ${f.replace(/\.js$/, '')}`, [f]]);
for (const html of pages) entries.push([html.replace(/\.html$/, ''), [html, ...assetsOfHtml(html)]]);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows = entries.map(([name, files]) => {
  const buffers = files.map((f) => readFileSync(join(dir, f)));
  return {
    name,
    files: files.length,
    raw: buffers.reduce((s, b) => s + b.length, 0),
    gzip: buffers.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
  };
});
console.log(`Bundle sizes (.output/${target})`);
console.log(`${'entrypoint'.padEnd(26)}${'files'.padStart(6)}${'raw'.padStart(12)}${'gzip'.padStart(12)}`);
for (const r of rows)
  console.log(`${r.name.padEnd(26)}${String(r.files).padStart(6)}${kb(r.raw).padStart(12)}${kb(r.gzip).padStart(12)}`);

// The goals #19 set, for `npm run bench`: each site's content script and everything the popup loads.
const goal = (name: string, limitKb: number, r: { gzip: number } | undefined) =>
  r &&
  console.log(`${r.gzip / 1024 <= limitKb ? 'MET   ' : 'MISSED'} ${name}: ${kb(r.gzip)} gzip (goal ≤ ${limitKb} KB)`);
for (const r of rows.filter((r) => r.name.startsWith('content: '))) goal(r.name, 50, r);
goal(
  'popup, all it loads',
  90,
  rows.find((r) => r.name === 'popup'),
);
