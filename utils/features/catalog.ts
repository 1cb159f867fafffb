import type { Site } from '../sites';

/**
 * Every content feature, as data: what the settings page lists with an on/off switch. Each
 * feature file's `id` must appear here (tests/unit/features-meta.test.ts checks both ways).
 */
export interface FeatureInfo {
  id: string;
  site: Site;
  title: string;
  description: string;
}

export const FEATURE_CATALOG: ReadonlyArray<FeatureInfo> = [];
