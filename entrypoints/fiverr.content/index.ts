import { startContentFeatures } from '@/utils/platform/runner/content';
import { FIVERR_MATCHES } from '@/utils/sites/fiverr';
import type { Feature } from '@/utils/platform/runner/types';
import capture from './capture';
import prices from './prices';
import templates from './templates';
import seo from './seo';
import searchInsights from './search-insights';

/** Fiverr's features, one file each beside this one. */
export const FIVERR_FEATURES: ReadonlyArray<Feature> = [templates, prices, capture, seo, searchInsights];

export default defineContentScript({
  matches: FIVERR_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startContentFeatures(ctx, FIVERR_FEATURES);
  },
});
