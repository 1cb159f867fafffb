import { defineFeature } from '@/utils/platform/runner/types';
import { startSearchInsights } from '@/utils/seo/search.content';
import { fiverr } from '@/utils/sites';

/** "What ranks here" on Fiverr search results: title words, tags of opened gigs, price spread. */
export default defineFeature({
  id: 'search-insights',
  site: 'fiverr',
  include: [fiverr.isSearch],
  init: startSearchInsights,
});
