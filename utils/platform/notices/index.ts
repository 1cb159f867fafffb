import type { WxtBrowser } from 'wxt/browser';
import { MAX_NOTICES_PER_TAB, PageNoticesSchema, type PageNotice, type PageNoticeKey } from '@/utils/schema';
import { siteOf } from '@/utils/sites';

/**
 * What features could not find on the pages of each tab, for the popup. Kept in session storage,
 * which the page's scripts and our content scripts cannot read, and dropped with the tab or its
 * next page load.
 */
const keyOf = (tabId: number) => `notices:${tabId}`;

/** The part of a storage area used here (browser.storage.session, or the fake browser's). */
interface Storage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The notices kept for a tab; anything that fails the schema reads as none. */
export async function tabNotices(storage: Storage, tabId: number): Promise<PageNotice[]> {
  const raw = (await storage.get(keyOf(tabId)))[keyOf(tabId)];
  const parsed = PageNoticesSchema.safeParse(raw ?? []);
  return parsed.success ? parsed.data : [];
}

/** The notices the popup shows for a tab at `url`: those about the page it shows now. */
export function noticesFor(notices: ReadonlyArray<PageNotice>, url: string | undefined): PageNotice[] {
  const page = (u: string) => u.replace(/#.*$/, '');
  return url ? notices.filter((n) => page(n.url) === page(url)) : [];
}

/** Keeps one notice per feature, notice and page; the newest last, the oldest dropped past the cap. */
export async function addNotice(
  storage: Storage,
  tabId: number,
  entry: { feature: string; notice: PageNoticeKey; url: string },
  now = Date.now(),
): Promise<boolean> {
  const list = await tabNotices(storage, tabId);
  if (list.some((n) => n.feature === entry.feature && n.notice === entry.notice && n.url === entry.url)) return false;
  const next = [...list, { ...entry, at: now }].slice(-MAX_NOTICES_PER_TAB);
  await storage.set({ [keyOf(tabId)]: next });
  return true;
}

export async function clearNotices(storage: Storage, tabId: number): Promise<void> {
  await storage.remove(keyOf(tabId));
}

/** The tab a message came from, when it is a page of a site we serve; null for anything else. */
export function siteTab(sender: { tab?: { id?: number; url?: string } }): { id: number; url: string } | null {
  const { id, url } = sender.tab ?? {};
  return typeof id === 'number' && id >= 0 && url && siteOf(url) !== null ? { id, url } : null;
}

/** Drops a tab's notices when it closes or loads another page (an SPA route change keeps them). */
export function setUpNotices(browser: Pick<WxtBrowser, 'storage' | 'tabs'>): void {
  const session = browser.storage.session;
  browser.tabs.onRemoved.addListener((tabId) => void clearNotices(session, tabId).catch(() => {}));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearNotices(session, tabId).catch(() => {});
  });
}
