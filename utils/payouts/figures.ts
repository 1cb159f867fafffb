import type { LearnedMarkups, RouteId, Settings, Withdrawal } from '@/utils/schema';
import { TAX_PERCENT } from '@/utils/money/fees';
import { csvField } from '@/utils/platform/csv';
import { pakistanDay, pakistanMidnight, pakistanMonth } from '@/utils/money/pakistan-time';

/**
 * Pakistan's tax year runs 1 July to 30 June and is named by the year it ends in: tax year 2027
 * is 1 July 2026 – 30 June 2027 (Income Tax Ordinance 2001, s. 74).
 */
export interface TaxYear {
  /** The year it ends in: its name. */
  year: number;
  /** Its twelve months, July first, `yyyy-MM`. */
  months: string[];
  /** Instants: [start, end). */
  start: number;
  end: number;
}

export function taxYearOf(at: string | number | Date): TaxYear {
  const day = pakistanDay(at);
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return taxYear(m >= 7 ? y + 1 : y);
}

export function taxYear(year: number): TaxYear {
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = ((6 + i) % 12) + 1;
    const y = month >= 7 ? year - 1 : year;
    return `${y}-${String(month).padStart(2, '0')}`;
  });
  return {
    year,
    months,
    start: pakistanMidnight(`${year - 1}-07-01`),
    end: pakistanMidnight(`${year}-07-01`),
  };
}

/** Mid-market PKR per unit of a currency, by Pakistan day; what utils/rates' history answers. */
export type MidRates = ReadonlyMap<string, Readonly<Record<string, number>>>;

/** PKR per one unit of `currency` on `day`, from a table of units per USD; null when unknown. */
export function midRate(mids: MidRates, day: string, currency: string): number | null {
  const table = mids.get(day);
  if (!table) return null;
  const pkr = table.PKR;
  const per = currency === 'USD' ? 1 : table[currency];
  return pkr && per ? pkr / per : null;
}

export interface WithdrawalFigures {
  day: string;
  /** PKR per unit sent, all costs in: pkrReceived ÷ amount. */
  effectiveRate: number | null;
  /** The mid-market rate of that day. */
  midRate: number | null;
  /** What the withdrawal cost in rupees against converting all of it at the mid-market rate. */
  costPkr: number | null;
  costPercent: number | null;
  /**
   * The part of that cost that is no stated fee: the exchange markup. The fee is the record's own,
   * else the route's fixed fee and percentage.
   */
  markupPercent: number | null;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The fee a route charges on `amount` of its currency, where the record does not say. */
export function routeFee(settings: Settings, route: RouteId, amount: number): number {
  const r = settings.routes[route];
  return round(r.fixedFee + (amount * r.percent) / 100, 2);
}

export function withdrawalFigures(w: Withdrawal, mids: MidRates, settings: Settings): WithdrawalFigures {
  const day = pakistanDay(w.at);
  const mid = w.currency === 'PKR' ? 1 : midRate(mids, day, w.currency);
  const received = w.pkrReceived ?? null;
  if (received === null) {
    return { day, effectiveRate: null, midRate: mid, costPkr: null, costPercent: null, markupPercent: null };
  }
  const effectiveRate = received / w.amount;
  if (mid === null) {
    return {
      day,
      effectiveRate: round(effectiveRate, 4),
      midRate: null,
      costPkr: null,
      costPercent: null,
      markupPercent: null,
    };
  }
  const atMid = w.amount * mid;
  const fee = w.fee ?? (w.route ? routeFee(settings, w.route, w.amount) : 0);
  const converted = (w.amount - fee) * mid;
  return {
    day,
    effectiveRate: round(effectiveRate, 4),
    midRate: round(mid, 4),
    costPkr: Math.round(atMid - received),
    costPercent: round((1 - received / atMid) * 100, 2),
    markupPercent: converted > 0 ? round((1 - received / converted) * 100, 2) : null,
  };
}

/** How far back the seller's own markup is averaged: rates and fees change, old withdrawals mislead. */
export const MARKUP_WINDOW_DAYS = 180;

/**
 * Each route's average markup over the seller's withdrawals of the last MARKUP_WINDOW_DAYS that
 * name the route and have both the rupees received and a mid-market rate, weighted by amount.
 */
export function learnMarkups(
  withdrawals: ReadonlyArray<Withdrawal>,
  mids: MidRates,
  settings: Settings,
  now: Date,
): LearnedMarkups {
  const since = now.getTime() - MARKUP_WINDOW_DAYS * 86_400_000;
  const sums = new Map<RouteId, { weighted: number; amount: number; count: number }>();
  for (const w of withdrawals) {
    if (!w.route || Date.parse(w.at) < since || Date.parse(w.at) > now.getTime()) continue;
    const f = withdrawalFigures(w, mids, settings);
    if (f.markupPercent === null) continue;
    const s = sums.get(w.route) ?? { weighted: 0, amount: 0, count: 0 };
    s.weighted += f.markupPercent * w.amount;
    s.amount += w.amount;
    s.count++;
    sums.set(w.route, s);
  }
  const out: LearnedMarkups = {};
  for (const [route, s] of sums) {
    // A negative average (a rate better than mid-market, or rupees typed wrong) is no markup to
    // plan with; it still shows in the withdrawal list.
    out[route] = { percent: Math.max(0, round(s.weighted / s.amount, 2)), count: s.count, since: pakistanDay(since) };
  }
  return out;
}

export interface RemittanceMonth {
  month: string;
  count: number;
  /** Sent, in USD (other currencies through the day's mid-market rates). */
  usd: number;
  /** Rupees that arrived; where a record has none, its amount at the day's mid-market rate. */
  pkr: number;
  /** How many of `count` had their rupees estimated so. */
  estimated: number;
  /** Final tax on the month's gross remittance (Finance Act 2025). */
  taxPkr: number;
  /**
   * What the seller may keep in a foreign-currency account (ESFCA): half the month's proceeds or
   * $5,000, whichever is higher, and never more than arrived (SBP rule, FACTS.md).
   */
  retentionUsd: number;
}

export const RETENTION = { share: 0.5, floorUsd: 5000 } as const;

/** A tax year month by month from the withdrawals in it, July first. */
export function taxYearRemittances(
  withdrawals: ReadonlyArray<Withdrawal>,
  mids: MidRates,
  settings: Settings,
  year: TaxYear,
  fallbackPkrPerUsd: number,
): RemittanceMonth[] {
  const months = new Map<string, RemittanceMonth>(
    year.months.map((month) => [month, { month, count: 0, usd: 0, pkr: 0, estimated: 0, taxPkr: 0, retentionUsd: 0 }]),
  );
  for (const w of withdrawals) {
    const t = Date.parse(w.at);
    if (t < year.start || t >= year.end) continue;
    const m = months.get(pakistanMonth(t))!;
    const day = pakistanDay(t);
    const usdMid = midRate(mids, day, 'USD') ?? fallbackPkrPerUsd;
    const mid = w.currency === 'PKR' ? 1 : (midRate(mids, day, w.currency) ?? (w.currency === 'USD' ? usdMid : null));
    m.count++;
    const pkr = w.pkrReceived ?? (mid === null ? 0 : w.amount * mid);
    if (w.pkrReceived === undefined) m.estimated++;
    m.pkr += pkr;
    m.usd += w.currency === 'USD' ? w.amount : pkr / usdMid;
  }
  const percent = TAX_PERCENT[settings.taxStatus];
  return [...months.values()].map((m) => ({
    ...m,
    usd: round(m.usd, 2),
    pkr: Math.round(m.pkr),
    taxPkr: Math.round((m.pkr * percent) / 100),
    retentionUsd: round(Math.min(m.usd, Math.max(RETENTION.share * m.usd, RETENTION.floorUsd)), 2),
  }));
}

/** Pakistan's purpose code for IT and IT-enabled export services on a remittance certificate. */
export const PRC_PURPOSE_CODE = '9186';

export const TAX_CSV_COLUMNS = [
  'tax_year',
  'month',
  'withdrawals',
  'gross_remitted_usd',
  'gross_remitted_pkr',
  'pkr_estimated_for',
  'tax_status',
  'tax_percent',
  'tax_pkr',
  'retention_allowance_usd',
  'prc_purpose_code',
] as const;

/** The tax year month by month, and a total line, for the return. */
export function taxYearCsv(months: ReadonlyArray<RemittanceMonth>, year: TaxYear, settings: Settings): string {
  const percent = TAX_PERCENT[settings.taxStatus];
  const line = (month: string, m: Omit<RemittanceMonth, 'month'>) =>
    [
      year.year,
      month,
      m.count,
      m.usd.toFixed(2),
      m.pkr,
      m.estimated,
      settings.taxStatus,
      percent,
      m.taxPkr,
      m.retentionUsd.toFixed(2),
      PRC_PURPOSE_CODE,
    ]
      .map(csvField)
      .join(',');
  const sum = (k: 'count' | 'usd' | 'pkr' | 'estimated' | 'taxPkr' | 'retentionUsd') =>
    months.reduce((s, m) => s + m[k], 0);
  const rows = [
    TAX_CSV_COLUMNS.join(','),
    ...months.map((m) => line(m.month, m)),
    line('total', {
      count: sum('count'),
      usd: round(sum('usd'), 2),
      pkr: sum('pkr'),
      estimated: sum('estimated'),
      taxPkr: sum('taxPkr'),
      retentionUsd: round(sum('retentionUsd'), 2),
    }),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
