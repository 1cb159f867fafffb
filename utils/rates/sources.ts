import * as z from 'zod/mini';
import type { RateSourceId, RateTable } from '@/utils/schema';

/** A PKR per USD rate outside this band is garbage, not news (it was 278–285 in 2024–2025). */
export const PKR_BOUNDS = { min: 50, max: 2000 } as const;
export const TIMEOUT_MS = 5000;

/**
 * Used only on a first run with no network: the State Bank rate of 8 July 2025 (284.36), with
 * the same day's approximate cross rates. The UI shows its date.
 */
export const BUILT_IN_RATES: RateTable = {
  rates: { USD: 1, PKR: 284.36, EUR: 0.853, GBP: 0.735, CAD: 1.366, AUD: 1.532, AED: 3.6725 },
  source: 'built-in',
  fetchedAt: '2025-07-08T00:00:00.000Z',
  publishedAt: '2025-07-08T00:00:00.000Z',
};

const positive = z.number().check(z.positive());
const ErApiSchema = z.object({
  result: z.literal('success'),
  time_last_update_unix: z.optional(z.number()),
  rates: z.record(z.string(), positive),
});
const CurrencyApiSchema = z.object({ date: z.optional(z.string()), usd: z.record(z.string(), positive) });

interface Source {
  id: Exclude<RateSourceId, 'built-in'>;
  url: string;
  read(json: unknown): { rates: Record<string, number>; publishedAt?: string };
}

export const SOURCES: ReadonlyArray<Source> = [
  {
    id: 'open.er-api.com',
    url: 'https://open.er-api.com/v6/latest/USD',
    read: (json) => {
      const d = ErApiSchema.parse(json);
      return {
        rates: d.rates,
        publishedAt: d.time_last_update_unix ? new Date(d.time_last_update_unix * 1000).toISOString() : undefined,
      };
    },
  },
  {
    id: 'jsdelivr',
    url: 'https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/usd.json',
    read: (json) => readCurrencyApi(json),
  },
  {
    id: 'pages.dev',
    url: 'https://latest.currency-api.pages.dev/v1/currencies/usd.json',
    read: (json) => readCurrencyApi(json),
  },
];

function readCurrencyApi(json: unknown) {
  const d = CurrencyApiSchema.parse(json);
  // This API writes codes in lower case.
  const rates = Object.fromEntries(Object.entries(d.usd).map(([k, v]) => [k.toUpperCase(), v]));
  return { rates, publishedAt: d.date ? `${d.date}T00:00:00.000Z` : undefined };
}

export class RateError extends Error {}

/**
 * Units per USD each currency a seller meets may plausibly be at: several times the range of the
 * last decades, so only garbage falls outside (AED is pegged at 3.6725). A currency outside its
 * band is dropped from the table, so its prices stay bare rather than wrong; PKR outside its band
 * refuses the whole table.
 */
export const CURRENCY_BOUNDS: Readonly<Record<string, { min: number; max: number }>> = {
  PKR: PKR_BOUNDS,
  EUR: { min: 0.4, max: 2.5 },
  GBP: { min: 0.3, max: 2 },
  AED: { min: 3, max: 4.5 },
  SAR: { min: 3, max: 4.5 },
  CAD: { min: 0.7, max: 3 },
  AUD: { min: 0.7, max: 4 },
  NZD: { min: 0.7, max: 5 },
  INR: { min: 20, max: 500 },
  BDT: { min: 30, max: 1000 },
};
/** Any other code: a positive, finite number within what any currency has been per USD. */
const ANY_BOUNDS = { min: 1e-6, max: 1e7 };
/** How far PKR may move from the last good rate before a second source must agree (#18). */
export const MAX_UNCONFIRMED_CHANGE = 0.2;
/** How close two sources must be to agree. */
export const AGREEMENT = 0.03;

/** Checks a table is usable: PKR present and plausible, USD = 1, every other rate in its band. */
export function checkTable(rates: Record<string, number>): Record<string, number> {
  const pkr = rates.PKR;
  if (typeof pkr !== 'number') throw new RateError('no PKR rate');
  if (!(pkr >= PKR_BOUNDS.min && pkr <= PKR_BOUNDS.max))
    throw new RateError(`PKR rate ${pkr} is outside ${PKR_BOUNDS.min}–${PKR_BOUNDS.max}`);
  const out: Record<string, number> = {};
  for (const [code, value] of Object.entries(rates)) {
    const band = CURRENCY_BOUNDS[code] ?? ANY_BOUNDS;
    if (/^[A-Z]{3}$/.test(code) && Number.isFinite(value) && value >= band.min && value <= band.max) out[code] = value;
  }
  return { ...out, USD: 1 };
}

const agree = (a: number, b: number) => Math.abs(a / b - 1) <= AGREEMENT;

export type Fetch = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

async function fetchOne(source: Source, fetchFn: Fetch, timeoutMs: number): Promise<Omit<RateTable, 'fetchedAt'>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchFn(source.url, { signal: controller.signal });
    if (!res.ok) throw new RateError(`HTTP ${res.status}`);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new RateError('not JSON');
    }
    let read: ReturnType<Source['read']>;
    try {
      read = source.read(json);
    } catch {
      throw new RateError('unexpected response shape');
    }
    return { rates: checkTable(read.rates), source: source.id, publishedAt: read.publishedAt };
  } catch (e) {
    if (controller.signal.aborted) throw new RateError(`no answer within ${timeoutMs / 1000} s`);
    throw e instanceof RateError ? e : new RateError(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}

export interface FetchOutcome {
  table: RateTable | null;
  /** Why each source before the one used (or all of them) failed. */
  failures: { source: RateSourceId; reason: string }[];
}

/**
 * Tries each source in order; null table when every one failed. A PKR rate more than 20% from
 * `previous` (the last good one) is taken only when a second source agrees with it: one source's
 * bad day must not put a fifth too much or too little beside every price.
 */
export async function fetchRates(
  fetchFn: Fetch,
  now = () => new Date(),
  timeoutMs = TIMEOUT_MS,
  previous: number | null = null,
): Promise<FetchOutcome> {
  const failures: FetchOutcome['failures'] = [];
  const stamp = (table: Omit<RateTable, 'fetchedAt'>): FetchOutcome => ({
    table: { ...table, fetchedAt: now().toISOString() },
    failures,
  });
  /** The first table that jumped from `previous`, waiting for a second source to agree. */
  let jumped: Omit<RateTable, 'fetchedAt'> | null = null;
  for (const source of SOURCES) {
    let table: Omit<RateTable, 'fetchedAt'>;
    try {
      table = await fetchOne(source, fetchFn, timeoutMs);
    } catch (e) {
      failures.push({ source: source.id, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const pkr = table.rates.PKR!;
    if (previous === null || Math.abs(pkr / previous - 1) <= MAX_UNCONFIRMED_CHANGE) return stamp(table);
    if (jumped && agree(pkr, jumped.rates.PKR!)) return stamp(jumped);
    failures.push({
      source: source.id,
      reason: `PKR ${pkr} is over ${MAX_UNCONFIRMED_CHANGE * 100}% from the last good ${previous}, and no second source agrees`,
    });
    jumped ??= table;
  }
  return { table: null, failures };
}
