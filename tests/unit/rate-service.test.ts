import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Fetch } from '@/utils/rates/sources';
import { cachedTable, currentRates, MIN_MANUAL_INTERVAL_MS, refreshRates } from '@/utils/rates/store';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { saveSettings } from '@/utils/platform/settings';

const at = (iso: string) => () => new Date(iso);
function fetcher(pkr: number | null) {
  const calls: string[] = [];
  const fn: Fetch = async (url) => {
    calls.push(url);
    if (pkr === null) throw new TypeError('Failed to fetch');
    return { ok: true, status: 200, json: async () => ({ result: 'success', rates: { USD: 1, PKR: pkr, EUR: 0.9 } }) };
  };
  return { fn, calls };
}

describe('rate service (background)', () => {
  it('uses the built-in, dated rate on a first run with no network', async () => {
    const view = await refreshRates(fetcher(null).fn, { now: at('2026-11-24T10:00:00Z') });
    expect(view).toMatchObject({
      source: 'built-in',
      pkrPerUsd: 284.36,
      stale: true,
      fetchedAt: '2025-07-08T00:00:00.000Z',
    });
    expect(view.failures).toHaveLength(3);
    expect(await cachedTable()).toBeNull();
  });

  it('caches a good table and serves it to pages', async () => {
    await refreshRates(fetcher(280).fn, { now: at('2026-11-24T10:00:00Z') });
    expect(await currentRates(new Date('2026-11-24T13:00:00Z'))).toMatchObject({
      source: 'open.er-api.com',
      pkrPerUsd: 280,
      ageMs: 3 * 3600_000,
      stale: false,
    });
  });

  it('keeps the last good table when every source fails, and says so', async () => {
    await refreshRates(fetcher(280).fn, { now: at('2026-11-20T10:00:00Z') });
    const view = await refreshRates(fetcher(null).fn, { now: at('2026-11-24T10:00:00Z') });
    expect(view).toMatchObject({ source: 'open.er-api.com', pkrPerUsd: 280, stale: true });
    expect(view.failures.map((f) => f.reason)).toEqual(['Failed to fetch', 'Failed to fetch', 'Failed to fetch']);
  });

  it('asks the network at most hourly on demand', async () => {
    const first = fetcher(280);
    await refreshRates(first.fn, { now: at('2026-11-24T10:00:00Z') });
    const again = fetcher(290);
    expect(
      (await refreshRates(again.fn, { minAgeMs: MIN_MANUAL_INTERVAL_MS, now: at('2026-11-24T10:30:00Z') })).pkrPerUsd,
    ).toBe(280);
    expect(again.calls).toEqual([]);
    expect(
      (await refreshRates(again.fn, { minAgeMs: MIN_MANUAL_INTERVAL_MS, now: at('2026-11-24T11:01:00Z') })).pkrPerUsd,
    ).toBe(290);
  });

  it('holds the hourly limit after a failure, also with nothing cached yet', async () => {
    await refreshRates(fetcher(null).fn, { now: at('2026-11-24T10:00:00Z') });
    const soon = fetcher(280);
    const view = await refreshRates(soon.fn, { minAgeMs: MIN_MANUAL_INTERVAL_MS, now: at('2026-11-24T10:10:00Z') });
    // The sources' terms ask for at most hourly calls, failing or not: the dated built-in rate meanwhile.
    expect(soon.calls).toEqual([]);
    expect(view.source).toBe('built-in');
    await refreshRates(soon.fn, { minAgeMs: MIN_MANUAL_INTERVAL_MS, now: at('2026-11-24T11:01:00Z') });
    expect(soon.calls).toHaveLength(1);
  });

  /** Each source's answer by URL: er-api, then jsDelivr, then pages.dev. */
  function sources(...pkr: (number | null)[]) {
    const calls: string[] = [];
    const fn: Fetch = async (url) => {
      const i = calls.push(url) - 1;
      const value = pkr[i];
      if (value === null || value === undefined) throw new TypeError('Failed to fetch');
      const body =
        i === 0 ? { result: 'success', rates: { USD: 1, PKR: value, EUR: 0.9 } } : { usd: { pkr: value, eur: 0.9 } };
      return { ok: true, status: 200, json: async () => body };
    };
    return { fn, calls };
  }

  it('takes a jump of over 20% from the last good rate only when a second source agrees', async () => {
    await refreshRates(fetcher(280).fn, { now: at('2026-11-20T10:00:00Z') });
    // One source says 400 and the next two disagree or fail: the last good 280 stays.
    const alone = await refreshRates(sources(400, 281, null).fn, { now: at('2026-11-21T10:00:00Z') });
    expect(alone.pkrPerUsd).toBe(281);
    const lone = await refreshRates(sources(400, null, null).fn, { now: at('2026-11-22T10:00:00Z') });
    expect(lone.pkrPerUsd).toBe(281);
    expect(lone.failures[0]!.reason).toMatch(/over 20% from the last good 281, and no second source agrees/);
    // Two sources agree on the jump (a real devaluation): taken.
    const both = await refreshRates(sources(400, 401, null).fn, { now: at('2026-11-23T10:00:00Z') });
    expect(both.pkrPerUsd).toBe(400);
  });

  it('gives every currency a sane band: one out of it is dropped, the rest kept', async () => {
    const fn: Fetch = async () => ({
      ok: true,
      status: 200,
      json: async () => ({ result: 'success', rates: { USD: 1, PKR: 280, EUR: 9000, GBP: 0.79, xx: 3, JPY: 150 } }),
    });
    const view = await refreshRates(fn, { now: at('2026-11-24T10:00:00Z') });
    expect(view.rates).toEqual({ USD: 1, PKR: 280, GBP: 0.79, JPY: 150 });
    expect(await cachedTable()).toMatchObject({ rates: { USD: 1, PKR: 280, GBP: 0.79, JPY: 150 } });
  });

  it('ignores a corrupted cache', async () => {
    await fakeBrowser.storage.local.set({ rates: { rates: { PKR: 'lots' }, source: 'x' } });
    expect(await cachedTable()).toBeNull();
    expect((await currentRates()).source).toBe('built-in');
  });

  it('applies the user’s own rate', async () => {
    await refreshRates(fetcher(280).fn, { now: at('2026-11-24T10:00:00Z') });
    await saveSettings({ ...DEFAULT_SETTINGS, rate: { mode: 'manual', manualPkrPerUsd: 301.5 } });
    expect(await currentRates()).toMatchObject({ pkrPerUsd: 301.5, manual: true, stale: false });
  });
});
