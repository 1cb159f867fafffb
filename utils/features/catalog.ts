import type { Site } from '../sites';

/**
 * Every content feature, as data: what the settings page lists with an on/off switch. Each
 * feature file's `id` must appear here (tests/unit/features-meta.test.ts checks both ways).
 */
export interface FeatureInfo {
  id: string;
  /** One switch can cover the same feature on several sites. */
  sites: ReadonlyArray<Site>;
  title: string;
  description: string;
}

export const FEATURE_CATALOG: ReadonlyArray<FeatureInfo> = [
  {
    id: 'templates',
    sites: ['fiverr', 'upwork'],
    title: 'Templates in message and proposal editors',
    description: 'The Insert template button, Ctrl+Space and shortcut expansion with Tab.',
  },
  {
    id: 'prices',
    sites: ['fiverr', 'upwork'],
    title: 'Prices in rupees',
    description: 'Every price shown in PKR next to it; hover for what reaches your bank after fees and tax.',
  },
  {
    id: 'capture',
    sites: ['fiverr', 'upwork'],
    title: 'Save orders from order and contract pages',
    description: 'A Save to GigSaathi button that reads the order on the page when you click it.',
  },
  {
    id: 'seo',
    sites: ['fiverr', 'upwork'],
    title: 'Gig, proposal and profile checks',
    description:
      'A score with pass/warn/fail checks in the Fiverr gig editor and on gig pages, and for Upwork cover letters, profiles and catalog projects.',
  },
  {
    id: 'search-insights',
    sites: ['fiverr'],
    title: 'What ranks here (Fiverr search)',
    description: 'Common title words and phrases, the tags of gigs you opened, and the price spread of a search.',
  },
];
