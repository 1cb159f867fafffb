import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { GigSaathiDB } from '@/utils/platform/db';
import { createRouter, isEnvelope } from '@/utils/platform/messaging/router';
import { claimPacks, fromPack, registerPack } from '@/utils/platform/runner/packs';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { DEFAULT_SETTINGS } from '@/utils/schema';

const ID = 'gigsaathi-test-id';
let db: GigSaathiDB;
let route: ReturnType<typeof createRouter>;
let injected: { target: unknown; files: string[] }[];

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.runtime.id = ID;
  db = new GigSaathiDB(`packs-${Math.random().toString(36).slice(2)}`);
  await db.open();
  route = createRouter(createHandlers(db), ID);
  injected = [];
  // The fake browser has no scripting API: this stands in for the browser running the file.
  (fakeBrowser as unknown as { scripting: object }).scripting = {
    executeScript: vi.fn(async (details: { target: unknown; files: string[] }) => {
      injected.push(details);
      if (details.files[0] === '/fiverr-seo.js') registerPack('fiverr-seo', { seo: packSeo });
      return [];
    }),
  };
  claimPacks();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const packSeo = vi.fn(async (_context: FeatureContext) => {});
const fiverrTab = { id: ID, tab: { id: 7, url: 'https://www.fiverr.com/ayesha_designs/logo' }, frameId: 3 };

function context(): FeatureContext & { stoodDown: string[] } {
  const stoodDown: string[] = [];
  return {
    signal: new AbortController().signal,
    url: new URL(fiverrTab.tab.url),
    settings: DEFAULT_SETTINGS,
    log: { standDown: (reason) => stoodDown.push(reason), once: () => {} },
    stoodDown,
  };
}

describe('pack.load in the background', () => {
  it('injects the pack into the asking tab and frame, from the browser’s word for them', async () => {
    const reply = await route({ gigsaathi: 1, type: 'pack.load', payload: { pack: 'fiverr-seo' } }, fiverrTab);
    expect(reply).toEqual({ ok: true, data: null });
    expect(injected).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['/fiverr-seo.js'] }]);
  });

  it.each([
    ['an Upwork tab asking for a Fiverr pack', { id: ID, tab: { id: 7, url: 'https://www.upwork.com/nx/find-work/' } }],
    ['a tab on another site', { id: ID, tab: { id: 7, url: 'https://evil.example/' } }],
    ['our own page (no tab)', { id: ID, url: `chrome-extension://${ID}/popup.html` }],
  ])('refuses %s', async (_, sender) => {
    const reply = await route({ gigsaathi: 1, type: 'pack.load', payload: { pack: 'fiverr-seo' } }, sender);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('forbidden');
    expect(injected).toEqual([]);
  });

  it('refuses a pack that does not exist, injecting nothing', async () => {
    const reply = await route({ gigsaathi: 1, type: 'pack.load', payload: { pack: '../evil' } }, fiverrTab);
    expect(!reply.ok && reply.error.code).toBe('bad-request');
    expect(injected).toEqual([]);
  });
});

describe('fromPack in a content script', () => {
  beforeEach(() => {
    packSeo.mockClear();
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      isEnvelope(message) ? route(message, fiverrTab) : undefined,
    );
  });

  it('loads the pack once, however many starts ask, then runs the feature from it', async () => {
    const start = fromPack('fiverr-seo', 'seo');
    const [a, b] = [context(), context()];
    await Promise.all([start(a), start(b)]);
    await start(context());
    expect(injected).toHaveLength(1);
    expect(packSeo).toHaveBeenCalledTimes(3);
    expect(packSeo.mock.calls[0]![0]).toMatchObject({ url: a.url, settings: DEFAULT_SETTINGS });
  });

  it('stands down, saying why, when the pack cannot be had or lacks the feature', async () => {
    const missing = context();
    await fromPack('fiverr-seo', 'no-such-feature')(missing);
    expect(missing.stoodDown).toEqual(['its code (fiverr-seo) did not load']);

    const refused = context();
    (fakeBrowser as unknown as { scripting: { executeScript: () => Promise<never> } }).scripting.executeScript =
      async () => {
        throw new Error('Cannot access contents of the page');
      };
    claimPacks();
    await fromPack('fiverr-capture', 'capture')(refused);
    expect(refused.stoodDown).toHaveLength(1);
    expect(refused.stoodDown[0]).toMatch(/^its code could not be loaded \(.*Cannot access contents of the page/);
  });

  it('starts nothing when the feature was stopped while its pack loaded', async () => {
    const controller = new AbortController();
    const start = fromPack('fiverr-seo', 'seo')({ ...context(), signal: controller.signal });
    controller.abort();
    await start;
    expect(packSeo).not.toHaveBeenCalled();
  });

  it('forgets the packs of an earlier install when a content script claims the page', async () => {
    registerPack('fiverr-seo', { seo: async () => {} });
    claimPacks();
    await fromPack('fiverr-seo', 'seo')(context());
    expect(injected).toHaveLength(1);
    expect(packSeo).toHaveBeenCalledTimes(1);
  });
});
