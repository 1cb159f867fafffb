import { startContentFeatures } from '@/utils/platform/runner/content';
import type { Feature } from '@/utils/platform/runner/types';
import { FIVERR_MATCHES } from '@/utils/sites/fiverr';
import { fiverrCapture } from '@/utils/orders/sites.content';
import { fiverrPrices, fiverrPrivacy } from '@/utils/prices/sites.content';
import { fiverrSearchInsights, fiverrSeo } from '@/utils/seo/sites.content';
import { fiverrTemplates } from '@/utils/templates/sites.content';

/** Fiverr's features, each declared in its feature's sites.content.ts. */
export const FIVERR_FEATURES: ReadonlyArray<Feature> = [
  fiverrTemplates,
  fiverrPrices,
  fiverrPrivacy,
  fiverrCapture,
  fiverrSeo,
  fiverrSearchInsights,
];

export default defineContentScript({
  matches: FIVERR_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startContentFeatures(ctx, FIVERR_FEATURES);
  },
});
