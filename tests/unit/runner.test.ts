import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForElement } from '@/utils/platform/runner/dom';
import { resetFeatureLogs } from '@/utils/platform/runner/log';
import { runFeatures, type RunnerHost } from '@/utils/platform/runner/runner';
import { defineFeature, type Feature } from '@/utils/platform/runner/types';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/schema';
import { fiverr } from '@/utils/sites';

function fakeHost(start: string, settings: Settings = DEFAULT_SETTINGS) {
  let url = new URL(start);
  let navigate: () => void = () => {};
  let settingsCb: (s: Settings) => void = () => {};
  const life = new AbortController();
  const logs: string[] = [];
  const host: RunnerHost = {
    signal: life.signal,
    currentUrl: () => url,
    onLocationChange: (cb) => (navigate = cb),
    getSettings: async () => settings,
    watchSettings: (cb) => {
      settingsCb = cb;
      return () => (settingsCb = () => {});
    },
    log: (m) => logs.push(`${m.feature}: ${m.message}`),
  };
  return {
    host,
    logs,
    go: (to: string) => {
      url = new URL(to);
      navigate();
    },
    setSettings: (s: Settings) => settingsCb(s),
    invalidate: () => life.abort(),
  };
}

function tracked(id: string, include: Feature['include'], body?: (signal: AbortSignal) => void) {
  const signals: AbortSignal[] = [];
  const feature = defineFeature({
    id,
    site: 'fiverr',
    include,
    init: ({ signal }) => {
      signals.push(signal);
      body?.(signal);
    },
  });
  return { feature, signals };
}

const INBOX = 'https://www.fiverr.com/inbox/alice';
const GIG = 'https://www.fiverr.com/seller/some-gig';

beforeEach(() => resetFeatureLogs());
afterEach(() => vi.useRealTimers());

describe('runFeatures', () => {
  it('starts only the features whose page matches', async () => {
    const inbox = tracked('inbox-thing', [fiverr.isInboxConversation]);
    const gig = tracked('gig-thing', [fiverr.isGigPage]);
    const h = fakeHost(INBOX);
    const r = runFeatures([inbox.feature, gig.feature], h.host);
    await r.ready;
    expect(r.running()).toEqual(['inbox-thing']);
    expect(gig.signals).toHaveLength(0);
  });

  it('honours exclude', async () => {
    const f = defineFeature({
      id: 'x',
      site: 'fiverr',
      include: [fiverr.isInbox],
      exclude: [fiverr.isInboxConversation],
      init: () => {},
    });
    const r = runFeatures([f], fakeHost(INBOX).host);
    await r.ready;
    expect(r.running()).toEqual([]);
  });

  it('stops and restarts features on SPA navigation', async () => {
    const inbox = tracked('inbox-thing', [fiverr.isInboxConversation]);
    const gig = tracked('gig-thing', [fiverr.isGigPage]);
    const h = fakeHost(INBOX);
    const r = runFeatures([inbox.feature, gig.feature], h.host);
    await r.ready;

    h.go('https://www.fiverr.com/inbox/bob');
    await r.settled();
    expect(inbox.signals).toHaveLength(2);
    expect(inbox.signals[0]!.aborted).toBe(true);
    expect(inbox.signals[1]!.aborted).toBe(false);

    h.go(GIG);
    await r.settled();
    expect(inbox.signals[1]!.aborted).toBe(true);
    expect(r.running()).toEqual(['gig-thing']);
  });

  it('never starts a switched-off feature, and follows the switch live', async () => {
    const f = tracked('inbox-thing', [fiverr.isInboxConversation]);
    const off = { ...DEFAULT_SETTINGS, features: { 'inbox-thing': false } };
    const h = fakeHost(INBOX, off);
    const r = runFeatures([f.feature], h.host);
    await r.ready;
    expect(f.signals).toHaveLength(0);

    h.setSettings(DEFAULT_SETTINGS);
    await r.settled();
    expect(r.running()).toEqual(['inbox-thing']);

    h.setSettings(off);
    await r.settled();
    expect(f.signals[0]!.aborted).toBe(true);
    expect(r.running()).toEqual([]);
  });

  it('contains a feature that throws, logging once, and keeps the others', async () => {
    const bad = defineFeature({
      id: 'bad',
      site: 'fiverr',
      include: [fiverr.isInbox],
      init: () => {
        throw new Error('selector exploded');
      },
    });
    const good = tracked('good', [fiverr.isInbox]);
    const h = fakeHost(INBOX);
    const r = runFeatures([bad, good.feature], h.host);
    await r.ready;
    h.go('https://www.fiverr.com/inbox/bob');
    await r.settled();
    expect(r.running()).toEqual(['good']);
    expect(h.logs).toEqual(['bad: stopped after an error: selector exploded']);
  });

  it('contains an async failure and aborts what the feature set up', async () => {
    let seen: AbortSignal | undefined;
    const bad = defineFeature({
      id: 'async-bad',
      site: 'fiverr',
      include: [fiverr.isInbox],
      init: async ({ signal }) => {
        seen = signal;
        await Promise.resolve();
        throw new Error('late failure');
      },
    });
    const h = fakeHost(INBOX);
    const r = runFeatures([bad], h.host);
    await r.ready;
    await vi.waitFor(() => expect(h.logs).toEqual(['async-bad: stopped after an error: late failure']));
    expect(seen?.aborted).toBe(true);
    expect(r.running()).toEqual([]);
  });

  it('stops everything when the extension context goes away', async () => {
    const f = tracked('inbox-thing', [fiverr.isInbox]);
    const h = fakeHost(INBOX);
    const r = runFeatures([f.feature], h.host);
    await r.ready;
    h.invalidate();
    expect(f.signals[0]!.aborted).toBe(true);
    h.go('https://www.fiverr.com/inbox/bob');
    await r.settled();
    expect(f.signals).toHaveLength(1);
  });
});

describe('waitForElement', () => {
  it('finds an element already there', async () => {
    const composer = document.createElement('div');
    composer.className = 'composer';
    document.body.replaceChildren(composer);
    const el = await waitForElement('.composer', { signal: new AbortController().signal });
    expect(el?.className).toBe('composer');
  });

  it('finds an element rendered later', async () => {
    document.body.replaceChildren();
    const found = waitForElement('.late', { signal: new AbortController().signal, timeoutMs: 2000 });
    setTimeout(() => {
      const d = document.createElement('div');
      d.className = 'late';
      document.body.append(d);
    }, 20);
    expect((await found)?.className).toBe('late');
  });

  it('resolves null after the timeout, so the feature can stand down', async () => {
    document.body.replaceChildren();
    expect(await waitForElement('.never', { signal: new AbortController().signal, timeoutMs: 30 })).toBeNull();
  });

  it('resolves null when aborted', async () => {
    const c = new AbortController();
    const p = waitForElement('.never', { signal: c.signal, timeoutMs: 5000 });
    c.abort();
    expect(await p).toBeNull();
  });
});

describe('feature log', () => {
  it('says why a feature stands down once per page, however often it is asked', async () => {
    const { createFeatureLog } = await import('@/utils/platform/runner/log');
    const lines: unknown[] = [];
    const log = createFeatureLog('template-button', (m) => lines.push(m));
    for (let i = 0; i < 3; i++) log.standDown('composer not found', 'messageBox');
    log.standDown('send button not found');
    createFeatureLog('template-button', (m) => lines.push(m)).standDown('composer not found', 'messageBox');
    expect(lines).toEqual([
      { feature: 'template-button', message: 'standing down (composer not found)', notice: 'messageBox' },
      { feature: 'template-button', message: 'standing down (send button not found)' },
    ]);
  });

  it('writes nothing to the page’s console, whatever it is told', async () => {
    const { createFeatureLog } = await import('@/utils/platform/runner/log');
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const log = createFeatureLog('quiet');
    log.standDown('nothing here', 'gigCards');
    log.once('x', 'a message');
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
