/**
 * "Import statement" with a 10,000-line Upwork file (#23), as a seller does it in the built
 * extension's options page in Chromium: from choosing the file to the preview, and from "Import"
 * to "Statement imported". Goal: under 5 seconds in all. Prints figures; asserts nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../harness/browser';
import { startFixtureServer } from '../harness/server';
import { upworkTransactions } from '../harness/statement-data';

const LINES = 10_000;
const GOAL_MS = 5000;
const file = join(mkdtempSync(join(tmpdir(), 'gigsaathi-bench-')), 'upwork-transactions.csv');
writeFileSync(file, upworkTransactions(LINES));

console.log(`\nStatements: importing a ${LINES.toLocaleString('en')}-line Upwork file in the options page`);
const server = await startFixtureServer();
const browser = await launchWithExtension({ port: server.port });
try {
  const runs: { preview: number; write: number }[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await browser.openExtensionPage('options.html');
    await page.getByLabel('Import statement', { exact: true }).waitFor();
    // Each run on a fresh database, so every run adds the whole file.
    await page.evaluate(async () => {
      for (const store of ['orders', 'withdrawals', 'costs']) {
        const open = indexedDB.open('gigsaathi');
        const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
        await new Promise<void>((resolve) => {
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).clear();
          tx.oncomplete = () => resolve();
        });
        db.close();
      }
    });
    const t0 = Date.now();
    await page.getByLabel('Import statement', { exact: true }).setInputFiles(file);
    const preview = page.locator('section[data-gigsaathi-statement-preview]');
    await preview.waitFor({ timeout: 60_000 });
    const t1 = Date.now();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Statement imported/).waitFor({ timeout: 60_000 });
    const t2 = Date.now();
    runs.push({ preview: t1 - t0, write: t2 - t1 });
    process.stdout.write(`  run ${run + 1}: preview ${t1 - t0} ms, import ${t2 - t1} ms\n`);
    await page.close();
  }
  const totals = runs.map((r) => r.preview + r.write).sort((a, b) => a - b);
  const median = totals[1]!;
  console.log(`  choose the file → imported, median of 3: ${median} ms (runs: ${totals.join(', ')})`);
  console.log(
    `${median < GOAL_MS ? 'MET   ' : 'MISSED'} a ${LINES.toLocaleString('en')}-line statement imports in under 5 s`,
  );
} finally {
  await browser.close();
  await server.close();
}
