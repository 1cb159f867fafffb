import type { Site } from '@/utils/sites';

/**
 * Every content feature, as data: what the settings page lists with an on/off switch. Each
 * feature file's `id` must appear here (tests/unit/features-meta.test.ts checks both ways); its
 * label and description are `feature.<id>.title|description` in the locale files.
 */
export interface FeatureInfo {
  id: string;
  /** One switch can cover the same feature on several sites. */
  sites: ReadonlyArray<Site>;
}

export const FEATURE_CATALOG: ReadonlyArray<FeatureInfo> = [
  {
    id: 'templates',
    sites: ['fiverr', 'upwork'],
  },
  {
    id: 'prices',
    sites: ['fiverr', 'upwork', 'peopleperhour'],
  },
  {
    id: 'privacy',
    sites: ['fiverr', 'upwork', 'peopleperhour'],
  },
  {
    id: 'capture',
    sites: ['fiverr', 'upwork'],
  },
  {
    id: 'seo',
    sites: ['fiverr', 'upwork'],
  },
  {
    id: 'search-insights',
    sites: ['fiverr'],
  },
];
