import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/utils/platform/messaging/client';
import { ensureMessages } from '@/utils/platform/i18n/remote';
import { getSettings, watchSettings } from '@/utils/platform/settings';
import { claimPageObservers } from '@/utils/platform/observer';
import { claimPacks } from './packs';
import { runFeatures } from './runner';
import type { Feature } from './types';

/** The whole body of a site's content script: run its features for the life of `ctx`. */
export function startContentFeatures(ctx: ContentScriptContext, features: ReadonlyArray<Feature>) {
  claimPacks();
  claimPageObservers();
  return runFeatures(features, {
    signal: ctx.signal,
    currentUrl: () => new URL(location.href),
    onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', callback),
    // The seller's language is here before a feature shows a word.
    getSettings: async () => {
      const settings = await getSettings();
      await ensureMessages(settings.language);
      return settings;
    },
    watchSettings: (changed) =>
      watchSettings((settings) => void ensureMessages(settings.language).then(() => changed(settings))),
    // To the background, never the page's console; if the background is gone, nothing is lost.
    log: (entry) => void request('page.notice', entry).catch(() => {}),
  });
}
