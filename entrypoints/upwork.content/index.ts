import { startContentFeatures } from '@/utils/platform/runner/content';
import { UPWORK_MATCHES } from '@/utils/sites/upwork';
import type { Feature } from '@/utils/platform/runner/types';
import capture from './capture';
import prices from './prices';
import templates from './templates';
import seo from './seo';

/** Upwork's features, one file each beside this one. */
export const UPWORK_FEATURES: ReadonlyArray<Feature> = [templates, prices, capture, seo];

export default defineContentScript({
  matches: UPWORK_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startContentFeatures(ctx, UPWORK_FEATURES);
  },
});
