/**
 * `npm run bench`: measures, prints, compares. Never a pass/fail test: figures vary by machine.
 * Prices: in Debian's Chromium (headless, no extension), the price annotator on generated
 * Fiverr-like search pages of 1,000, 5,000 and 20,000 cards: first pass and per appended batch
 * of 50 cards, against a bare TreeWalker pass over the same text nodes (the floor).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumMissingMessage } from '../harness/browser';
import { CHROMIUM, ROOT } from '../harness/paths';

const missing = chromiumMissingMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const bundle = await build({
  entryPoints: [join(ROOT, 'tests/bench/prices-page.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  minify: true,
  alias: { '@': ROOT },
  define: { 'import.meta.env.FIREFOX': 'false' },
  logLevel: 'warning',
});
const script = bundle.outputFiles[0]!.text;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const SIZES = [1000, 5000, 20000];
const BATCHES = 7;
const fmt = (n: number) => n.toFixed(1).padStart(8);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  cards: number;
  floor: number;
  first: number;
  wall: number;
  maxChunk: number;
  annotations: number;
  batch: number;
  batchMax: number;
  longTasks: number;
}
const rows: Row[] = [];
for (const cards of SIZES) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body><main id="grid"></main></body></html>');
  await page.addScriptTag({ content: script });
  await page.evaluate(
    (n) => (window as unknown as { __bench: { generate(n: number): void } }).__bench.generate(n),
    cards,
  );
  type B = {
    floor(): number;
    firstPass(): Promise<{
      mainThreadMs: number;
      wallMs: number;
      maxChunkMs: number;
      annotations: number;
      longTasks: number[];
    }>;
    appendBatch(n: number): Promise<{ mainThreadMs: number; maxChunkMs: number; longTasks: number[] }>;
  };
  const floor = await page.evaluate(() => (window as unknown as { __bench: B }).__bench.floor());
  const first = await page.evaluate(() => (window as unknown as { __bench: B }).__bench.firstPass());
  const batches: { mainThreadMs: number; maxChunkMs: number; longTasks: number[] }[] = [];
  for (let i = 0; i < BATCHES; i++)
    batches.push(await page.evaluate(() => (window as unknown as { __bench: B }).__bench.appendBatch(50)));
  rows.push({
    cards,
    floor,
    first: first.mainThreadMs,
    wall: first.wallMs,
    maxChunk: Math.max(first.maxChunkMs, ...batches.map((b) => b.maxChunkMs)),
    annotations: first.annotations,
    batch: median(batches.map((b) => b.mainThreadMs)),
    batchMax: Math.max(...batches.map((b) => b.mainThreadMs)),
    longTasks: first.longTasks.length + batches.reduce((s, b) => s + b.longTasks.length, 0),
  });
  await page.close();
}
await browser.close();

console.log('Prices: annotating a Fiverr-like search page (main-thread ms; Chromium headless)');
console.log(
  `${'cards'.padStart(7)}${'floor'.padStart(9)}${'1st pass'.padStart(9)}${'ratio'.padStart(8)}${'wall'.padStart(9)}${'max task'.padStart(9)}${'+50 med'.padStart(9)}${'+50 max'.padStart(9)}${'long'.padStart(6)}${'annot.'.padStart(8)}`,
);
for (const r of rows) {
  console.log(
    `${String(r.cards).padStart(7)}${fmt(r.floor)} ${fmt(r.first)}${(r.first / r.floor).toFixed(2).padStart(7)}×${fmt(r.wall)} ${fmt(r.maxChunk)} ${fmt(r.batch)} ${fmt(r.batchMax)}${String(r.longTasks).padStart(6)}${String(r.annotations).padStart(8)}`,
  );
}
const small = rows[0]!;
const big = rows.at(-1)!;
console.log(
  `\nGoals: first pass within 3× the floor; +50 cost flat (20,000 vs 1,000 within 1.5×); no task of ours over 50 ms.`,
);
console.log(`First pass / floor: ${rows.map((r) => `${r.cards}: ${(r.first / r.floor).toFixed(2)}×`).join(', ')}`);
console.log(`Per +50 batch, ${big.cards} vs ${small.cards} cards: ${(big.batch / small.batch).toFixed(2)}×`);
console.log(
  `Longest task of ours: ${Math.max(...rows.map((r) => r.maxChunk)).toFixed(1)} ms; long tasks (>50 ms) seen: ${rows.reduce((s, r) => s + r.longTasks, 0)}`,
);
