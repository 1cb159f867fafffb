import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { addNotice, clearNotices, noticesFor, setUpNotices, siteTab, tabNotices } from '@/utils/platform/notices';
import { GigSaathiDB } from '@/utils/platform/db';
import { createRouter } from '@/utils/platform/messaging/router';
import { MAX_NOTICES_PER_TAB } from '@/utils/schema';

const ID = 'gigsaathi-test-id';
const INBOX = 'https://www.fiverr.com/inbox/alice_buyer';
let db: GigSaathiDB;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new GigSaathiDB(`notice-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const session = () => fakeBrowser.storage.session;

describe('page notices', () => {
  it('keeps one notice per feature, notice and page, for each tab apart', async () => {
    expect(await addNotice(session(), 7, { feature: 'templates', notice: 'messageBox', url: INBOX })).toBe(true);
    expect(await addNotice(session(), 7, { feature: 'templates', notice: 'messageBox', url: INBOX })).toBe(false);
    await addNotice(session(), 7, { feature: 'seo', notice: 'gigDetails', url: INBOX });
    await addNotice(session(), 8, { feature: 'templates', notice: 'messageBox', url: INBOX });
    expect((await tabNotices(session(), 7)).map((n) => n.notice)).toEqual(['messageBox', 'gigDetails']);
    expect(await tabNotices(session(), 8)).toHaveLength(1);
    await clearNotices(session(), 7);
    expect(await tabNotices(session(), 7)).toEqual([]);
    expect(await tabNotices(session(), 8)).toHaveLength(1);
  });

  it('keeps the newest within a cap, and reads junk in storage as none', async () => {
    for (let i = 0; i < MAX_NOTICES_PER_TAB + 5; i++)
      await addNotice(session(), 1, { feature: 'templates', notice: 'messageBox', url: `${INBOX}?p=${i}` });
    const kept = await tabNotices(session(), 1);
    expect(kept).toHaveLength(MAX_NOTICES_PER_TAB);
    expect(kept.at(-1)!.url).toBe(`${INBOX}?p=${MAX_NOTICES_PER_TAB + 4}`);
    await session().set({ 'notices:2': [{ feature: 'x', notice: 'not-a-notice' }] });
    expect(await tabNotices(session(), 2)).toEqual([]);
  });

  it('shows only the notices about the page the tab shows now (an SPA route keeps its own)', () => {
    const n = (url: string) => ({ feature: 'templates', notice: 'messageBox' as const, url, at: 1 });
    const list = [n(INBOX), n('https://www.fiverr.com/inbox/bob')];
    expect(noticesFor(list, `${INBOX}#latest`)).toEqual([list[0]]);
    expect(noticesFor(list, 'https://www.fiverr.com/')).toEqual([]);
    expect(noticesFor(list, undefined)).toEqual([]);
  });

  it('drops a tab’s notices when it loads another page or closes', async () => {
    setUpNotices(fakeBrowser as never);
    await addNotice(session(), 3, { feature: 'templates', notice: 'messageBox', url: INBOX });
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading' }, { id: 3 } as never);
    await new Promise((r) => setTimeout(r, 0));
    expect(await tabNotices(session(), 3)).toEqual([]);
    await addNotice(session(), 4, { feature: 'templates', notice: 'messageBox', url: INBOX });
    await fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(await tabNotices(session(), 4)).toEqual([]);
  });

  it('knows a tab of a site we serve from anything else', () => {
    expect(siteTab({ tab: { id: 5, url: INBOX } })).toEqual({ id: 5, url: INBOX });
    expect(siteTab({ tab: { id: 5, url: 'https://evil-fiverr.com/inbox/x' } })).toBeNull();
    expect(siteTab({ tab: { id: -1, url: INBOX } })).toBeNull();
    expect(siteTab({})).toBeNull();
  });
});

describe('the page.notice message', () => {
  const route = () => createRouter(createHandlers(db), ID);
  const message = {
    gigsaathi: 1,
    type: 'page.notice',
    payload: { feature: 'templates', message: 'no composer', notice: 'messageBox' },
  };

  it('stores the notice for the sender’s tab, at the URL the browser gives, not the message', async () => {
    const reply = await route()(message, { id: ID, tab: { id: 9, url: INBOX } });
    expect(reply).toEqual({ ok: true, data: null });
    expect(await tabNotices(session(), 9)).toMatchObject([{ feature: 'templates', notice: 'messageBox', url: INBOX }]);
  });

  it('is refused from our own pages, other sites, and other extensions', async () => {
    for (const sender of [{ id: ID }, { id: ID, tab: { id: 9, url: 'https://example.com/' } }, { id: 'other' }]) {
      const reply = await route()(message, sender);
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error.code).toBe('forbidden');
    }
    expect(await tabNotices(session(), 9)).toEqual([]);
  });

  it('refuses a notice it does not know, or a feature id that is no id', async () => {
    for (const payload of [
      { feature: 'templates', message: 'x', notice: 'everything' },
      { feature: '<img src=x>', message: 'x' },
      { feature: 'templates', message: 'x'.repeat(501) },
    ]) {
      const reply = await route()({ ...message, payload }, { id: ID, tab: { id: 9, url: INBOX } });
      expect(!reply.ok && reply.error.code).toBe('bad-request');
    }
  });
});
