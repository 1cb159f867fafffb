import { defineFeature } from '@/utils/platform/runner/types';
import { startPrices } from '@/utils/prices/prices.content';
import { siteOf, upwork } from '@/utils/sites';

/** Every price on Upwork (job tiles and details, proposals, contracts, earnings) in rupees, net of Upwork's fee. */
export default defineFeature({
  id: 'prices',
  site: 'upwork',
  include: [(url) => siteOf(url) === 'upwork'],
  init: (context) =>
    startPrices(context, 'upwork', {
      amountFields: [upwork.selectors.proposal.bidInput],
      earned: upwork.earnedAmounts,
      hourly: upwork.hourlyAmounts,
      statedFee: () => upwork.statedServiceFee(document, location.href),
    }),
});
