import { browser } from 'wxt/browser';
import type { GigSaathiDB } from '@/utils/db';
import { listTemplates, recordTemplateUse } from '@/utils/db/templates';
import { captureOrder } from '@/utils/db/orders';
import { getGigKeywords, noteGigSeen, noteSearchOpen, searchTags, setGigKeywords } from '@/utils/db/seo';
import { resyncReminders } from '@/utils/background/reminders';
import type { Handlers } from '@/utils/messaging/router';
import { getSettings } from '@/utils/settings';
import { currentRates, MIN_MANUAL_INTERVAL_MS, refreshRates } from '@/utils/rates/service';

/** The background's services behind the message API (content scripts never open IndexedDB). */
export function createHandlers(db: GigSaathiDB): Handlers {
  return {
    ping: async () => ({ version: browser.runtime.getManifest().version }),
    'settings.get': () => getSettings(),
    'options.open': async () => {
      await browser.runtime.openOptionsPage();
      return null;
    },
    'orders.capture': async ({ order }) => {
      const result = await captureOrder(db, order, await getSettings());
      await resyncReminders(browser, db);
      return result;
    },
    'reminders.sync': async () => {
      await resyncReminders(browser, db);
      return null;
    },
    'rates.get': () => currentRates(),
    'rates.refresh': () => refreshRates((url, init) => fetch(url, init), { minAgeMs: MIN_MANUAL_INTERVAL_MS }),
    'templates.list': () => listTemplates(db),
    'templates.recordUse': async ({ id }) => (await recordTemplateUse(db, id)) ?? null,
    'seo.keywords.get': async ({ slug }) => ({ keywords: await getGigKeywords(db, slug) }),
    'seo.keywords.set': async ({ slug, keywords }) => ({
      keywords: (await setGigKeywords(db, slug, keywords))?.keywords ?? [],
    }),
    'seo.search.opened': async (payload) => {
      await noteSearchOpen(db, payload);
      return null;
    },
    'seo.gig.seen': async (payload) => {
      await noteGigSeen(db, payload);
      return null;
    },
    'seo.search.tags': ({ query }) => searchTags(db, query),
  };
}
