import { defineFeature } from '@/utils/platform/runner/types';
import { fiverr, upwork } from '@/utils/sites';
import { startGigSeo } from './gig.content';
import { startSearchInsights } from './search.content';
import { startUpworkSeo } from './upwork.content';

/** Gig SEO checks: live in the gig editor, and on any gig page (the seller's or a competitor's). */
export const fiverrSeo = defineFeature({
  id: 'seo',
  site: 'fiverr',
  include: [fiverr.isGigEditor, fiverr.isGigPage],
  init: startGigSeo,
});

/** "What ranks here" on Fiverr search results: title words, tags of opened gigs, price spread. */
export const fiverrSearchInsights = defineFeature({
  id: 'search-insights',
  site: 'fiverr',
  include: [fiverr.isSearch],
  init: startSearchInsights,
});

/** Cover letter, profile and Project Catalog checks, live while the freelancer writes. */
export const upworkSeo = defineFeature({
  id: 'seo',
  site: 'upwork',
  include: [upwork.isProposal, upwork.isProfile, upwork.isCatalogEditor],
  init: startUpworkSeo,
});
