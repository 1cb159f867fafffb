import { defineFeature } from '@/utils/platform/runner/types';
import { fiverr, upwork } from '@/utils/sites';
import { fromPack } from '@/utils/platform/runner/packs';
import { startSearchInsights } from './search.content';

/**
 * Gig SEO checks: live in the gig editor, and on any gig page (the seller's or a competitor's).
 * Their code is a pack (entrypoints/fiverr-seo.ts), loaded on those pages only.
 */
export const fiverrSeo = defineFeature({
  id: 'seo',
  site: 'fiverr',
  include: [fiverr.isGigEditor, fiverr.isGigPage],
  init: fromPack('fiverr-seo', 'seo'),
});

/** "What ranks here" on Fiverr search results: title words, tags of opened gigs, price spread. */
export const fiverrSearchInsights = defineFeature({
  id: 'search-insights',
  site: 'fiverr',
  include: [fiverr.isSearch],
  init: startSearchInsights,
});

/**
 * Cover letter, profile and Project Catalog checks, live while the freelancer writes. Their code
 * is a pack (entrypoints/upwork-seo.ts), loaded on those pages only.
 */
export const upworkSeo = defineFeature({
  id: 'seo',
  site: 'upwork',
  include: [upwork.isProposal, upwork.isProfile, upwork.isCatalogEditor],
  init: fromPack('upwork-seo', 'seo'),
});
