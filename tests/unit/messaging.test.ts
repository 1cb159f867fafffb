import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { GigSaathiDB } from '@/utils/platform/db';
import { readTemplates, saveTemplate } from '@/utils/templates/store';
import { request, RequestError } from '@/utils/platform/messaging/client';
import { createRouter, isEnvelope } from '@/utils/platform/messaging/router';
import { saveSettings } from '@/utils/platform/settings';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { fullTemplate } from './data';

const ID = 'gigsaathi-test-id';
let db: GigSaathiDB;
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  db = new GigSaathiDB(`msg-${Math.random().toString(36).slice(2)}`);
  await db.open();
  route = createRouter(createHandlers(db), ID);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** Our content script in a Fiverr tab, as the browser describes it. */
const me = { id: ID, tab: { id: 1, url: 'https://www.fiverr.com/inbox/alice_buyer' } };

describe('message router', () => {
  it('answers a valid request', async () => {
    await saveTemplate(db, fullTemplate());
    const reply = await route({ gigsaathi: 1, type: 'templates.list', payload: {} }, me);
    expect(reply.ok).toBe(true);
    expect(reply.ok && (reply.data as { id: string }[]).map((t) => t.id)).toEqual(['tpl-1']);
  });

  it.each([
    ['a string', 'hello', 'expected a GigSaathi message'],
    ['no type', { gigsaathi: 1 }, 'type'],
    ['an unknown type', { gigsaathi: 1, type: 'db.dropAll', payload: {} }, 'type'],
    ['a wrong payload', { gigsaathi: 1, type: 'templates.recordUse', payload: { id: 5 } }, 'templates.recordUse: id'],
    ['extra payload keys', { gigsaathi: 1, type: 'templates.list', payload: { sql: 'x' } }, 'templates.list'],
  ])('replies bad-request to %s and keeps serving', async (_, message, mentions) => {
    const reply = await route(message, me);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('bad-request');
    expect(!reply.ok && reply.error.message).toContain(mentions);
    expect((await route({ gigsaathi: 1, type: 'templates.list', payload: {} }, me)).ok).toBe(true);
  });

  it('refuses messages from other extensions', async () => {
    const reply = await route({ gigsaathi: 1, type: 'templates.list', payload: {} }, { id: 'someone-else' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'messages are accepted from GigSaathi only' },
    });
  });

  it('turns a failing service into an error reply', async () => {
    db.close();
    const reply = await route({ gigsaathi: 1, type: 'templates.list', payload: {} }, me);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('failed');
  });

  it('takes a capture only from a tab of the order’s own site', async () => {
    const order = {
      platform: 'fiverr',
      externalId: 'FO1',
      client: 'alice_buyer',
      title: 'I will design a logo',
      amount: 45,
      currency: 'USD',
      status: 'active',
    };
    const capture = { gigsaathi: 1, type: 'orders.capture', payload: { order } };
    const upworkTab = { id: ID, tab: { id: 2, url: 'https://www.upwork.com/nx/wm/workroom/1/overview' } };
    const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` };
    for (const sender of [upworkTab, popup, { id: ID }, { id: ID, tab: { id: 3, url: 'https://evil.example/' } }]) {
      const reply = await route(capture, sender);
      expect(!reply.ok && reply.error.code).toBe('forbidden');
    }
    expect(await db.orders.count()).toBe(0);
    expect((await route(capture, me)).ok).toBe(true);
    expect(await db.orders.count()).toBe(1);
  });

  it('takes SEO notes only from Fiverr tabs, and a rate refresh only from our own pages', async () => {
    const seen = {
      gigsaathi: 1,
      type: 'seo.gig.seen',
      payload: { slug: 'a-logo', title: null, tags: ['logo'], query: null },
    };
    const upworkTab = { id: ID, tab: { id: 2, url: 'https://www.upwork.com/nx/find-work/' } };
    expect(await route(seen, upworkTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await route(seen, me)).ok).toBe(true);
    const refresh = { gigsaathi: 1, type: 'rates.refresh', payload: {} };
    expect(await route(refresh, me)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const dashboard = { gigsaathi: 1, type: 'dashboard.get', payload: {} };
    expect(await route(dashboard, me)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lists the templates that read, leaving out one that fails the schema instead of failing them all', async () => {
    await saveTemplate(db, fullTemplate());
    // A record an older version or a hand edit left behind: no title, a shortcut with a space.
    await db.templates.put({ ...fullTemplate({ id: 'tpl-bad' }), title: '', shortcut: '/a b' } as never);
    const reply = await route({ gigsaathi: 1, type: 'templates.list', payload: {} }, me);
    expect(reply.ok && (reply.data as { id: string }[]).map((t) => t.id)).toEqual(['tpl-1']);
    const { unreadable } = await readTemplates(db);
    expect(unreadable).toEqual([{ id: 'tpl-bad', error: expect.stringContaining('title') }]);
    // Left as it was, for the seller to mend or export.
    expect(await db.templates.get('tpl-bad')).toMatchObject({ title: '' });
  });

  it('recognises only its own envelopes', () => {
    expect(isEnvelope({ gigsaathi: 1 })).toBe(true);
    expect(isEnvelope({ type: 'x' })).toBe(false);
    expect(isEnvelope(null)).toBe(false);
  });
});

describe('typed client over the extension runtime', () => {
  beforeEach(() => {
    fakeBrowser.runtime.id = ID;
    // The fake passes an empty sender; a real browser stamps our own extension id on it.
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      isEnvelope(message) ? route(message, { ...me, id: fakeBrowser.runtime.id }) : undefined,
    );
  });

  it('round-trips a request and validates the answer', async () => {
    await saveTemplate(db, fullTemplate());
    await saveSettings({ ...DEFAULT_SETTINGS, myName: 'Bilal' });
    expect((await request('settings.get', {})).myName).toBe('Bilal');
    const used = await request('templates.recordUse', { id: 'tpl-1' });
    expect(used?.usageCount).toBe(5);
    expect(await request('templates.recordUse', { id: 'missing' })).toBeNull();
  });

  it('a malformed request is refused where it arrives, as a bad request', async () => {
    const bad = request('templates.recordUse', { id: '' });
    await expect(bad).rejects.toThrow('expected a non-empty id');
    await expect(bad).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('surfaces an error reply as a RequestError', async () => {
    db.close();
    const failure = request('templates.list', {});
    await expect(failure).rejects.toBeInstanceOf(RequestError);
    await expect(failure).rejects.toMatchObject({ code: 'failed' });
  });
});
