import { defineFeature } from '@/utils/platform/runner/types';
import { startUpworkSeo } from '@/utils/seo/upwork.content';
import { upwork } from '@/utils/sites';

/** Cover letter, profile and Project Catalog checks, live while the freelancer writes. */
export default defineFeature({
  id: 'seo',
  site: 'upwork',
  include: [upwork.isProposal, upwork.isProfile, upwork.isCatalogEditor],
  init: startUpworkSeo,
});
