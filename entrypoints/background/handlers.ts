import { browser } from 'wxt/browser';
import type { GigSaathiDB } from '@/utils/platform/db';
import { listTemplates, recordTemplateUse } from '@/utils/templates/store';
import { captureOrder } from '@/utils/orders/store';
import { getGigKeywords, noteGigSeen, noteSearchOpen, searchTags, setGigKeywords } from '@/utils/seo/store';
import { currentFigures } from '@/utils/orders/summary.background';
import { addNotice, siteTab } from '@/utils/platform/notices';
import { ForbiddenError, type Handlers, type SenderInfo } from '@/utils/platform/messaging/router';
import { siteOf, type Site } from '@/utils/sites';
import { PACK_SITES } from '@/utils/schema';
import { getSettings } from '@/utils/platform/settings';
import { MESSAGES } from '@/utils/platform/i18n';
import '@/utils/platform/i18n/all';
import '@/utils/platform/i18n/en-options';
import { currentRates, MIN_MANUAL_INTERVAL_MS, refreshRates } from '@/utils/rates/store';
import { ratesOfDays } from '@/utils/rates/history';

/** An extension page of ours (popup, options), not a content script in a web page's tab. */
function isOwnPage(sender: SenderInfo): boolean {
  if (!sender.url) return false;
  try {
    return new URL(sender.url).origin === new URL(browser.runtime.getURL('/')).origin;
  } catch {
    return false;
  }
}

/**
 * Who may ask what. The router already refused anything not from GigSaathi itself; here a request
 * that acts for a site must come from a tab on that site, and one that changes the seller's data
 * from our own pages.
 */
function requireSite(sender: SenderInfo, site?: Site): { id: number; url: string } {
  const tab = siteTab(sender);
  if (!tab || (site && siteOf(tab.url) !== site))
    throw new ForbiddenError(site ? `only from a ${site} tab` : 'only from a Fiverr or Upwork tab');
  return tab;
}
function requireOwnPage(sender: SenderInfo): void {
  if (!isOwnPage(sender)) throw new ForbiddenError("only from GigSaathi's own pages");
}
function requireTabOrOwnPage(sender: SenderInfo): void {
  if (!isOwnPage(sender) && typeof sender.tab?.id !== 'number') throw new ForbiddenError('not from here');
}

/** The background's services behind the message API (content scripts never open IndexedDB). */
export function createHandlers(db: GigSaathiDB): Handlers {
  /** What was logged already, so each stand-down is logged once per page, not per page load. */
  const logged = new Set<string>();
  return {
    ping: async () => ({ version: browser.runtime.getManifest().version }),
    'page.notice': async ({ feature, message, notice }, sender) => {
      // Only a content script in a tab of a site we serve reports on its page; the page's URL is
      // the browser's word for it, not the message's.
      const tab = siteTab(sender);
      if (!tab) throw new ForbiddenError('notices come from a Fiverr or Upwork tab only');
      const key = `${feature}\u0000${message}\u0000${tab.url}`;
      if (!logged.has(key) && logged.size < 500) {
        logged.add(key);
        console.info(`[GigSaathi] ${feature} on ${new URL(tab.url).pathname}: ${message}`);
      }
      if (notice) await addNotice(browser.storage.session, tab.id, { feature, notice, url: tab.url });
      return null;
    },
    'pack.load': async ({ pack }, sender) => {
      // The pack goes where the asking content script runs, on its site only: the tab and frame
      // are the browser's word (the sender), not the message's.
      const tab = requireSite(sender, PACK_SITES[pack]);
      await browser.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [sender.frameId ?? 0] },
        files: [`/${pack}.js`],
      });
      return null;
    },
    'settings.get': () => getSettings(),
    'i18n.messages': async ({ locale }, sender) => {
      requireTabOrOwnPage(sender);
      return MESSAGES[locale];
    },
    'options.open': async () => {
      await browser.runtime.openOptionsPage();
      return null;
    },
    'orders.capture': async ({ order }, sender) => {
      // A Fiverr order from a Fiverr tab, an Upwork contract from an Upwork tab.
      if (order.platform !== 'fiverr' && order.platform !== 'upwork')
        throw new ForbiddenError('only Fiverr and Upwork pages are captured');
      requireSite(sender, order.platform);
      // The reminders and the dashboard follow the orders' revision, which this write bumps.
      return captureOrder(db, order, await getSettings());
    },
    'dashboard.get': async (_, sender) => {
      requireOwnPage(sender);
      const { figures, kept } = await currentFigures(browser, db);
      kept.catch((e: unknown) => console.info('[GigSaathi] dashboard summary not kept:', e));
      return figures;
    },
    'rates.get': () => currentRates(),
    'rates.history': async ({ days, fetch: fetchMissing }, sender) => {
      requireOwnPage(sender);
      return ratesOfDays(days, fetchMissing ? (url, init) => fetch(url, init) : undefined);
    },
    'rates.refresh': async (_, sender) => {
      requireOwnPage(sender);
      return refreshRates((url, init) => fetch(url, init), { minAgeMs: MIN_MANUAL_INTERVAL_MS });
    },
    // The picker on any site (context menu, keyboard command) lists and counts templates too.
    'templates.list': async (_, sender) => {
      requireTabOrOwnPage(sender);
      return listTemplates(db);
    },
    'templates.recordUse': async ({ id }, sender) => {
      requireTabOrOwnPage(sender);
      return (await recordTemplateUse(db, id)) ?? null;
    },
    'seo.keywords.get': async ({ slug }, sender) => {
      requireSite(sender, 'fiverr');
      return { keywords: await getGigKeywords(db, slug) };
    },
    'seo.keywords.set': async ({ slug, keywords }, sender) => {
      requireSite(sender, 'fiverr');
      return { keywords: (await setGigKeywords(db, slug, keywords))?.keywords ?? [] };
    },
    'seo.search.opened': async (payload, sender) => {
      requireSite(sender, 'fiverr');
      await noteSearchOpen(db, payload);
      return null;
    },
    'seo.gig.seen': async (payload, sender) => {
      requireSite(sender, 'fiverr');
      await noteGigSeen(db, payload);
      return null;
    },
    'seo.search.tags': async ({ query }, sender) => {
      requireSite(sender, 'fiverr');
      return searchTags(db, query);
    },
  };
}
