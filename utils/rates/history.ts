import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { pakistanDay } from '@/utils/money/pakistan-time';
import type { RateTable } from '@/utils/schema';
import { checkTable, TIMEOUT_MS, type Fetch } from './sources';

/**
 * Mid-market rates by Pakistan day, for the markup of a withdrawal on that day (#23). Each table
 * fetched for prices is kept under its day; a day before the first kept one is asked of the
 * currency API's dated files (`@fawazahmed0/currency-api@2025-03-14`, published daily since
 * 2 March 2024, on the same host as the rates), only when the seller adds or imports withdrawals.
 */
const historyItem = storage.defineItem<unknown>('local:rateHistory');

/** The currencies a withdrawal is made in; a day's entry keeps only these. */
const KEPT = ['PKR', 'GBP', 'EUR'] as const;
const DayTableSchema = z.record(z.string(), z.number().check(z.positive()));
const HistorySchema = z.record(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), DayTableSchema);
export type RateHistory = Record<string, Record<string, number>>;

/** About three years of days: a tax year and the two before it. */
export const MAX_DAYS = 1100;
export const FIRST_DATED_DAY = '2024-03-02';
/** Per request: an import of a year of weekly withdrawals asks for about fifty days. */
export const MAX_FETCHES = 60;

export const datedUrl = (day: string) =>
  `https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@${day}/v1/currencies/usd.json`;

async function read(): Promise<RateHistory> {
  const parsed = HistorySchema.safeParse(await historyItem.getValue());
  return parsed.success ? parsed.data : {};
}

const keep = (rates: Record<string, number>) =>
  Object.fromEntries(KEPT.filter((c) => rates[c] !== undefined).map((c) => [c, rates[c]!]));

async function write(history: RateHistory): Promise<void> {
  const days = Object.keys(history).sort();
  for (const day of days.slice(0, Math.max(0, days.length - MAX_DAYS))) delete history[day];
  await historyItem.setValue(history);
}

/** Keeps a table fetched for prices under the day it was published (or fetched) on. */
export async function rememberTable(table: RateTable): Promise<void> {
  if (table.source === 'built-in' || table.rates.PKR === undefined) return;
  const history = await read();
  const day = pakistanDay(table.publishedAt ?? table.fetchedAt);
  const kept = keep(table.rates);
  // A refresh on the same day with the same rates changes nothing; writing it would wake
  // everything that follows the history (the markups, and through them the dashboard).
  if (JSON.stringify(history[day]) === JSON.stringify(kept)) return;
  history[day] = kept;
  await write(history);
}

const CurrencyApiSchema = z.object({ usd: z.record(z.string(), z.number().check(z.positive())) });

async function fetchDay(fetchFn: Fetch, day: string): Promise<Record<string, number> | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetchFn(datedUrl(day), { signal: controller.signal });
    if (!res.ok) return null;
    const parsed = CurrencyApiSchema.safeParse(await res.json());
    if (!parsed.success) return null;
    const upper = Object.fromEntries(Object.entries(parsed.data.usd).map(([k, v]) => [k.toUpperCase(), v]));
    const checked = checkTable(upper);
    return checked.PKR === undefined ? null : keep(checked);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The mid-market tables of `days`, as far as they are known; with `fetchFn`, the missing ones
 * from FIRST_DATED_DAY to today are fetched (at most MAX_FETCHES, one at a time) and kept.
 */
export async function ratesOfDays(
  days: ReadonlyArray<string>,
  fetchFn?: Fetch,
  now = new Date(),
): Promise<{ rates: RateHistory; missing: string[] }> {
  const history = await read();
  const today = pakistanDay(now);
  const wanted = [...new Set(days)].sort();
  let fetched = 0;
  let changed = false;
  for (const day of wanted) {
    if (history[day] || !fetchFn || day < FIRST_DATED_DAY || day > today || fetched >= MAX_FETCHES) continue;
    fetched++;
    const table = await fetchDay(fetchFn, day);
    if (table) {
      history[day] = table;
      changed = true;
    }
  }
  if (changed) await write(history);
  const rates: RateHistory = {};
  const missing: string[] = [];
  for (const day of wanted) {
    if (history[day]) rates[day] = history[day];
    else missing.push(day);
  }
  return { rates, missing };
}

/** Calls `changed` when a day's rates are added (another page fetched them); returns the way to stop. */
export function watchRateHistory(changed: () => void): () => void {
  return historyItem.watch(() => changed());
}
