import { defineFeature } from '@/utils/platform/runner/types';
import { fiverr, peopleperhour, siteOf, upwork } from '@/utils/sites';
import { startPrices } from './prices.content';
import { startPrivacy } from './privacy.content';

/**
 * Every price on Fiverr (search cards, gig packages, orders, earnings, offers) in rupees, net of
 * Fiverr's fee (already taken from earnings and the balance); and, live as the seller types, the
 * package prices in the gig editor.
 */
export const fiverrPrices = defineFeature({
  id: 'prices',
  site: 'fiverr',
  include: [(url) => siteOf(url) === 'fiverr'],
  init: (context) => {
    // Only the gig editor has price fields, and following fields watches every change to the page.
    const amountFields = fiverr.detectors.isGigEditor(context.url) ? [fiverr.selectors.gigEditor.packagePrice] : [];
    return startPrices(context, 'fiverr', { amountFields, earned: fiverr.earnedAmounts });
  },
});

/** Every price on Upwork (job tiles and details, proposals, contracts, earnings) in rupees, net of Upwork's fee. */
export const upworkPrices = defineFeature({
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

/** The popup's screen-sharing blur, on every Fiverr page: the balance, the earnings, our rupees. */
export const fiverrPrivacy = defineFeature({
  id: 'privacy',
  site: 'fiverr',
  include: [(url) => siteOf(url) === 'fiverr'],
  init: (context) => startPrivacy(context, fiverr.privateAmounts(context.url.href)),
});

/** The same on Upwork: the balance cards, the transactions report, our rupees. */
export const upworkPrivacy = defineFeature({
  id: 'privacy',
  site: 'upwork',
  include: [(url) => siteOf(url) === 'upwork'],
  init: (context) => startPrivacy(context, upwork.privateAmounts(context.url.href)),
});

/**
 * Every price on PeoplePerHour (job lists and budgets, Hourlies) in rupees, net of its fee and by
 * its route (pounds, through Payoneer by default): only where the seller switched it on.
 */
export const peopleperhourPrices = defineFeature({
  id: 'prices',
  site: 'peopleperhour',
  include: [(url) => siteOf(url) === 'peopleperhour'],
  init: (context) => startPrices(context, 'peopleperhour', { earned: peopleperhour.earnedAmounts }),
});

export const peopleperhourPrivacy = defineFeature({
  id: 'privacy',
  site: 'peopleperhour',
  include: [(url) => siteOf(url) === 'peopleperhour'],
  init: (context) => startPrivacy(context, peopleperhour.privateAmounts(context.url.href)),
});
