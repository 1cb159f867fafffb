import { storage } from 'wxt/utils/storage';
import { getSettings } from '@/utils/platform/settings';
import { effectiveRates } from '@/utils/money/rates';
import { RateTableSchema, type RatesView, type RateTable } from '@/utils/schema';
import { BUILT_IN_RATES, fetchRates, type Fetch } from './sources';
import { rememberTable } from './history';
import { readLearnedMarkups } from './markups';

/** The last good table; validated on read, since storage outlives versions. */
const cache = storage.defineItem<unknown>('local:rates');
/** When we last asked the network, good or bad, so failures are not retried in a loop. */
const lastAttempt = storage.defineItem<number>('local:ratesLastAttempt', { fallback: 0 });

export const REFRESH_ALARM = 'rates-refresh';
/** open.er-api.com asks for at most hourly calls (daily is better); the alarm runs every 6 hours. */
export const REFRESH_EVERY_MINUTES = 6 * 60;
export const MIN_MANUAL_INTERVAL_MS = 60 * 60 * 1000;

export async function cachedTable(): Promise<RateTable | null> {
  const parsed = RateTableSchema.safeParse(await cache.getValue());
  return parsed.success ? parsed.data : null;
}

async function view(table: RateTable, failures: RatesView['failures'] = [], now = new Date()): Promise<RatesView> {
  const settings = await getSettings();
  const eff = effectiveRates(table, settings.rate.mode === 'manual' ? settings.rate.manualPkrPerUsd : null, now);
  const markups = await readLearnedMarkups();
  return {
    ...table,
    pkrPerUsd: eff.pkrPerUsd,
    manual: eff.manual,
    ageMs: eff.ageMs,
    stale: eff.stale,
    failures,
    ...(Object.keys(markups).length > 0 ? { markups } : {}),
  };
}

/** What content scripts and the popup show: the cache, else the dated built-in rate. */
export async function currentRates(now = new Date()): Promise<RatesView> {
  return view((await cachedTable()) ?? BUILT_IN_RATES, [], now);
}

/**
 * Fetches new rates unless the cache is younger than `minAgeMs`; keeps the last good table when
 * every source fails. Only the background calls this: content scripts never touch the network.
 */
export async function refreshRates(fetchFn: Fetch, { minAgeMs = 0, now = () => new Date() } = {}): Promise<RatesView> {
  const cached = await cachedTable();
  const since = now().getTime() - Math.max(cached ? Date.parse(cached.fetchedAt) : 0, await lastAttempt.getValue());
  // The limit holds with or without a cache: failing sources are not asked again and again.
  if (since < minAgeMs) return view(cached ?? BUILT_IN_RATES, [], now());
  await lastAttempt.setValue(now().getTime());
  const { table, failures } = await fetchRates(fetchFn, now, undefined, cached?.rates.PKR ?? null);
  // Stored only as the schema reads it back: nothing unvalidated reaches the cache.
  const checked = table ? RateTableSchema.safeParse(table) : null;
  if (checked?.success) {
    await cache.setValue(checked.data);
    await rememberTable(checked.data);
  }
  return view(checked?.success ? checked.data : (cached ?? BUILT_IN_RATES), failures, now());
}
