import type { PageNoticeKey, Settings } from '@/utils/schema';
import type { Site } from '@/utils/sites';

export interface FeatureLog {
  /**
   * Says once per page load why the feature is not helping here (a selector found nothing…); with
   * a notice, the popup tells the seller what could not be found on this page.
   */
  standDown(reason: string, notice?: PageNoticeKey): void;
  /** Logs a message at most once per page load. */
  once(key: string, message: string): void;
}

export interface FeatureContext {
  /** Aborted when the feature must stop: SPA navigation, switched off, or the extension reloaded. */
  signal: AbortSignal;
  url: URL;
  settings: Settings;
  log: FeatureLog;
}

export interface Feature {
  /** Unique, kebab-case; the key of its on/off switch in settings (see catalog.ts). */
  id: string;
  site: Site;
  /** The pages it applies to: any include matching and no exclude matching. */
  include: ReadonlyArray<(url: URL) => boolean>;
  exclude?: ReadonlyArray<(url: URL) => boolean>;
  /**
   * Starts the feature. Everything it adds (listeners, observers, UI) must be removed when
   * `signal` aborts. It may be async; a rejection is caught and logged, never left to the page.
   */
  init(context: FeatureContext): void | Promise<void>;
}

export function defineFeature(feature: Feature): Feature {
  return feature;
}
