import { startContentFeatures } from '@/utils/platform/runner/content';
import type { Feature } from '@/utils/platform/runner/types';
import { UPWORK_MATCHES } from '@/utils/sites/upwork';
import { upworkCapture } from '@/utils/orders/sites.content';
import { upworkPrices, upworkPrivacy } from '@/utils/prices/sites.content';
import { upworkSeo } from '@/utils/seo/sites.content';
import { upworkTemplates } from '@/utils/templates/sites.content';

/** Upwork's features, each declared in its feature's sites.content.ts. */
export const UPWORK_FEATURES: ReadonlyArray<Feature> = [
  upworkTemplates,
  upworkPrices,
  upworkPrivacy,
  upworkCapture,
  upworkSeo,
];

export default defineContentScript({
  matches: UPWORK_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startContentFeatures(ctx, UPWORK_FEATURES);
  },
});
