import type { RateTable } from '@/utils/schema';

/** A table older than this is shown as stale (the sources publish daily). */
export const STALE_AFTER_MS = 48 * 3600 * 1000;

export interface EffectiveRates {
  table: RateTable;
  /** PKR per 1 USD actually used (the user's own rate when set). */
  pkrPerUsd: number;
  manual: boolean;
  /** Age of the table in ms at `now`. */
  ageMs: number;
  stale: boolean;
}

/** The user's own rate, when set, overrides every source; cross rates keep the table's ratios. */
export function effectiveRates(table: RateTable, manualPkrPerUsd: number | null, now = new Date()): EffectiveRates {
  const ageMs = Math.max(0, now.getTime() - Date.parse(table.fetchedAt));
  const manual = manualPkrPerUsd !== null;
  return {
    table,
    pkrPerUsd: manual ? manualPkrPerUsd : table.rates.PKR!,
    manual,
    ageMs,
    stale: !manual && ageMs > STALE_AFTER_MS,
  };
}

/** PKR per 1 unit of `currency` (PKR per EUR = PKR per USD / EUR per USD); null when unknown. */
export function pkrPer(rates: EffectiveRates, currency: string): number | null {
  if (currency === 'USD') return rates.pkrPerUsd;
  const perUsd = rates.table.rates[currency];
  return typeof perUsd === 'number' && perUsd > 0 ? rates.pkrPerUsd / perUsd : null;
}
