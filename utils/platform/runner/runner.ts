import { isFeatureEnabled, type Settings } from '@/utils/schema';
import { createFeatureLog, type LogSink } from './log';
import type { Feature } from './types';

export interface RunnerHost {
  /** Aborted when the content script is invalidated (extension updated or reloaded). */
  signal: AbortSignal;
  currentUrl(): URL;
  /** Registers a callback for SPA navigation. */
  onLocationChange(callback: () => void): void;
  getSettings(): Promise<Settings>;
  watchSettings(callback: (settings: Settings) => void): () => void;
  log?: LogSink;
}

export function applies(feature: Feature, url: URL): boolean {
  return feature.include.some((d) => d(url)) && !(feature.exclude ?? []).some((d) => d(url));
}

/**
 * Runs the features that apply to the current page and are switched on; on SPA navigation or a
 * settings change it stops what no longer applies (aborting its signal) and starts what now
 * does. A feature that throws is logged and stopped; nothing reaches the page.
 */
export function runFeatures(features: ReadonlyArray<Feature>, host: RunnerHost) {
  const running = new Map<string, { controller: AbortController; href: string }>();
  let settings: Settings | null = null;
  let queue: Promise<void> = Promise.resolve();

  const start = (feature: Feature, url: URL, current: Settings) => {
    const controller = new AbortController();
    running.set(feature.id, { controller, href: url.href });
    const log = createFeatureLog(feature.id, host.log);
    const fail = (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log.once(`error:${message}`, `stopped after an error: ${message}`);
      controller.abort();
      running.delete(feature.id);
    };
    try {
      const result = feature.init({ signal: controller.signal, url, settings: current, log });
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };

  const reconcile = () => {
    if (host.signal.aborted || settings === null) return;
    const url = host.currentUrl();
    for (const feature of features) {
      const want = isFeatureEnabled(settings, feature.id) && applies(feature, url);
      const now = running.get(feature.id);
      if (now && (!want || now.href !== url.href)) {
        now.controller.abort();
        running.delete(feature.id);
      }
      if (want && !running.has(feature.id)) start(feature, url, settings);
    }
  };

  const schedule = (work: () => Promise<void> | void) => {
    queue = queue.then(work).catch((error: unknown) => {
      host.log?.({ feature: 'runner', message: error instanceof Error ? error.message : String(error) });
    });
    return queue;
  };

  const stopAll = () => {
    for (const { controller } of running.values()) controller.abort();
    running.clear();
  };

  host.signal.addEventListener('abort', stopAll, { once: true });
  host.onLocationChange(() => void schedule(reconcile));
  const unwatch = host.watchSettings((next) => {
    void schedule(() => {
      settings = next;
      reconcile();
    });
  });
  host.signal.addEventListener('abort', unwatch, { once: true });

  const ready = schedule(async () => {
    settings = await host.getSettings();
    reconcile();
  });

  return {
    ready,
    /** Ids of the features running now. */
    running: () => [...running.keys()],
    /** Waits until queued navigation and settings work has been applied. */
    settled: () => queue,
  };
}
