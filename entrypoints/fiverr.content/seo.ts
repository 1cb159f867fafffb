import { defineFeature } from '@/utils/platform/runner/types';
import { startGigSeo } from '@/utils/seo/gig.content';
import { fiverr } from '@/utils/sites';

/** Gig SEO checks: live in the gig editor, and on any gig page (the seller's or a competitor's). */
export default defineFeature({
  id: 'seo',
  site: 'fiverr',
  include: [fiverr.isGigEditor, fiverr.isGigPage],
  init: startGigSeo,
});
