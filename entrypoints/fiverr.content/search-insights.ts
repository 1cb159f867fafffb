import { defineFeature } from '@/utils/features/types';
import { startSearchInsights } from '@/utils/seo/search';
import { fiverr } from '@/utils/sites';

/** "What ranks here" on Fiverr search results: title words, tags of opened gigs, price spread. */
export default defineFeature({
  id: 'search-insights',
  site: 'fiverr',
  include: [fiverr.isSearch],
  init: startSearchInsights,
});
