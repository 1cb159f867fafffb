import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Fetch } from '@/utils/rates';
import { cachedTable, currentRates, MIN_MANUAL_INTERVAL_MS, refreshRates } from '@/utils/rates/service';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { saveSettings } from '@/utils/settings';

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

  it('tries again on demand when nothing is cached yet, however recent the last failure', async () => {
    await refreshRates(fetcher(null).fn, { now: at('2026-11-24T10:00:00Z') });
    const soon = fetcher(280);
    await refreshRates(soon.fn, { minAgeMs: MIN_MANUAL_INTERVAL_MS, now: at('2026-11-24T10:10:00Z') });
    // With nothing to show but the built-in rate, another try is worth it; with a cache the hourly limit holds.
    expect(soon.calls).toHaveLength(1);
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
