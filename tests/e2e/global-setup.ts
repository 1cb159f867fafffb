import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtures } from '../harness/build-fixtures';
import { EXTENSION_DIR } from '../harness/paths';

export default async function setup() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: `npm run test:e2e` builds it first (wxt build).');
  }
  await buildFixtures();
}
