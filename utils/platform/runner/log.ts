import type { PageNoticeKey } from '@/utils/schema';
import type { FeatureLog } from './types';

/** Where a feature's log goes: the background's console and, with a notice, the popup. */
export type LogSink = (entry: { feature: string; message: string; notice?: PageNoticeKey }) => void;

const said = new Set<string>();

/**
 * Nothing goes to the page's console: a site redesign that hides one of our hooks is expected, and
 * the page must behave exactly as it would without us. Each message is passed on once per page load.
 */
export function createFeatureLog(featureId: string, sink: LogSink = () => {}): FeatureLog {
  const pass = (key: string, message: string, notice?: PageNoticeKey) => {
    const k = `${featureId}\u0000${key}`;
    if (said.has(k)) return;
    said.add(k);
    sink({ feature: featureId, message, ...(notice ? { notice } : {}) });
  };
  return {
    once: (key, message) => pass(key, message),
    standDown: (reason, notice) => pass(`stand-down:${reason}`, `standing down (${reason})`, notice),
  };
}

/** For tests. */
export function resetFeatureLogs(): void {
  said.clear();
}
