import type { WxtBrowser } from 'wxt/browser';
import { onRevision, type GigSaathiDB } from '@/utils/platform/db';
import { getSettings } from '@/utils/platform/settings';
import { ratesOfDays, saveLearnedMarkups } from '@/utils/rates';
import { pakistanDay } from '@/utils/money/pakistan-time';
import { learnMarkups, type MidRates } from './figures';
import { listWithdrawals } from './store';

type Api = Pick<WxtBrowser, 'runtime' | 'storage'>;

/** The mid-market tables of the withdrawals' days, as far as they are kept. */
export async function midRatesOf(days: Iterable<string>): Promise<MidRates> {
  const { rates } = await ratesOfDays([...days]);
  return new Map(Object.entries(rates));
}

/** Works out the seller's average markup per route from their withdrawals and keeps it. */
export async function refreshLearnedMarkups(db: GigSaathiDB, now = new Date()): Promise<void> {
  const withdrawals = await listWithdrawals(db);
  const mids = await midRatesOf(withdrawals.map((w) => pakistanDay(w.at)));
  await saveLearnedMarkups(learnMarkups(withdrawals, mids, await getSettings(), now));
}

/**
 * Follows the withdrawals, the settings (a route's fee changes the markup left over) and the
 * rate history (a day's mid-market rate fetched later), and once a day at start.
 */
export function setUpLearnedMarkups(api: Api, db: GigSaathiDB): void {
  const refresh = () =>
    void refreshLearnedMarkups(db).catch((e: unknown) => console.info('[GigSaathi] learned markups:', e));
  onRevision(api.storage, { tables: ['withdrawals'], keys: ['settings', 'rateHistory'] }, refresh);
  api.runtime.onStartup.addListener(refresh);
  api.runtime.onInstalled.addListener(refresh);
}
