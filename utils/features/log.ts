import type { FeatureLog } from './types';

const said = new Set<string>();

/**
 * console.info, not error: a site redesign that hides one of our hooks is expected, and the
 * page's own console should stay as clean as it would be without us.
 */
export function createFeatureLog(featureId: string, sink: (message: string) => void = console.info): FeatureLog {
  const once = (key: string, message: string) => {
    const k = `${featureId}\u0000${key}`;
    if (said.has(k)) return;
    said.add(k);
    sink(`[GigSaathi] ${featureId}: ${message}`);
  };
  return { once, standDown: (reason) => once(`stand-down:${reason}`, `standing down (${reason})`) };
}

/** For tests. */
export function resetFeatureLogs(): void {
  said.clear();
}
