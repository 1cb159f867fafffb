import { spawnSync } from 'node:child_process';
import { chromiumMissingMessage } from './browser';

/**
 * The end-to-end tier needs Debian's Chromium. Outside CI a missing browser is explained and the
 * tier is skipped; in CI (CI=true) it is a failure.
 */
const missing = chromiumMissingMessage();
if (missing) {
  console.error(`\n${missing}\n`);
  if (process.env.CI === 'true') {
    console.error('CI=true: the end-to-end tests are mandatory here.');
    process.exit(1);
  }
  console.error('End-to-end tests skipped (not in CI).');
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
