import { defineFeature } from '@/utils/platform/runner/types';
import { startPrices } from '@/utils/prices/prices.content';
import { fiverr, siteOf } from '@/utils/sites';

/**
 * Every price on Fiverr (search cards, gig packages, orders, earnings, offers) in rupees, net of
 * Fiverr's fee (already taken from earnings and the balance); and, live as the seller types, the
 * package prices in the gig editor.
 */
export default defineFeature({
  id: 'prices',
  site: 'fiverr',
  include: [(url) => siteOf(url) === 'fiverr'],
  init: (context) => {
    // Only the gig editor has price fields, and following fields watches every change to the page.
    const amountFields = fiverr.detectors.isGigEditor(context.url) ? [fiverr.selectors.gigEditor.packagePrice] : [];
    return startPrices(context, 'fiverr', { amountFields, earned: fiverr.earnedAmounts });
  },
});
