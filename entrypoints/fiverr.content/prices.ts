import { defineFeature } from '@/utils/features/types';
import { startPrices } from '@/utils/prices/feature';
import { siteOf } from '@/utils/sites';

/** Every price on Fiverr (search cards, gig packages, orders, earnings, offers) in rupees, net of Fiverr's fee. */
export default defineFeature({
  id: 'prices',
  site: 'fiverr',
  include: [(url) => siteOf(url) === 'fiverr'],
  init: (context) => startPrices(context, 'fiverr'),
});
