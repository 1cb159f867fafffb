import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/utils/platform/messaging/client';
import { getSettings, watchSettings } from '@/utils/platform/settings';
import { runFeatures } from './runner';
import type { Feature } from './types';

/** The whole body of a site's content script: run its features for the life of `ctx`. */
export function startContentFeatures(ctx: ContentScriptContext, features: ReadonlyArray<Feature>) {
  return runFeatures(features, {
    signal: ctx.signal,
    currentUrl: () => new URL(location.href),
    onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', callback),
    getSettings,
    watchSettings,
    // To the background, never the page's console; if the background is gone, nothing is lost.
    log: (entry) => void request('page.notice', entry).catch(() => {}),
  });
}
