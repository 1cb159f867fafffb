import { startContentFeatures } from '@/utils/platform/runner/content';
import type { Feature } from '@/utils/platform/runner/types';
import { PPH_MATCHES } from '@/utils/sites/peopleperhour';
import { peopleperhourPrices, peopleperhourPrivacy } from '@/utils/prices/sites.content';

export const PEOPLEPERHOUR_FEATURES: ReadonlyArray<Feature> = [peopleperhourPrices, peopleperhourPrivacy];

export default defineContentScript({
  matches: PPH_MATCHES,
  // Not in the manifest: registered by the background once the seller grants PeoplePerHour's
  // optional host permission (utils/platform/runner/optional-sites.background.ts).
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    startContentFeatures(ctx, PEOPLEPERHOUR_FEATURES);
  },
});
