import type { LearnedMarkups, Platform, RouteId, Settings } from '@/utils/schema';

/** Everything between a buyer's price and the rupees in a Pakistani bank, as percentages. */
export interface FeeModel {
  platformPercent: number;
  /** The route the money takes to the bank (#23), which the breakdown names. */
  route: RouteId;
  withdrawalPercent: number;
  /** Per withdrawal, in `withdrawalCurrency`; converted to the price's currency (see fixedFeeRate). */
  withdrawalFixed: number;
  withdrawalCurrency: string;
  fxMarkupPercent: number;
  /** Set when the markup is the seller's own average from their withdrawals, not the route's figure. */
  markupFrom: { count: number } | null;
  taxPercent: number;
}

/** Finance Act 2025: 0.25% final tax on IT export remittances for PSEB-registered, 1% otherwise. */
export const TAX_PERCENT = { pseb: 0.25, unregistered: 1 } as const;

export interface FeeChoice {
  /** The order's own fee (Upwork fees vary per contract since May 2025). */
  feePercent?: number;
  /** The order's own route, else the platform's default. */
  route?: RouteId;
  /** The seller's average markups (utils/payouts), used when `settings.useOwnMarkup`. */
  markups?: LearnedMarkups;
}

export function feeModel(settings: Settings, platform: Platform, choice: FeeChoice = {}): FeeModel {
  const route = choice.route ?? settings.defaultRoute[platform];
  const costs = settings.routes[route];
  const learned = settings.useOwnMarkup ? choice.markups?.[route] : undefined;
  return {
    platformPercent: choice.feePercent ?? settings.fees[platform],
    route,
    withdrawalPercent: costs.percent,
    withdrawalFixed: costs.fixedFee,
    withdrawalCurrency: costs.currency,
    fxMarkupPercent: learned ? learned.percent : costs.fxMarkupPercent,
    markupFrom: learned ? { count: learned.count } : null,
    taxPercent: TAX_PERCENT[settings.taxStatus],
  };
}

/**
 * Units of the price's currency per unit of the route's, to convert the fixed fee: $0.99 is
 * €0.91 on a euro price. `rates` are units per USD; a currency without a rate counts as 1:1,
 * which only ever touches the fixed fee of a price that has no rupees shown anyway. A rate per
 * hour carries none (0): the fee is per withdrawal, and no one withdraws one hour's pay ($0.99
 * an hour would be 4% of $25/hr).
 */
export function fixedFeeRate(
  fees: FeeModel,
  rates: Readonly<Record<string, number>>,
  priceCurrency: string,
  { hourly = false }: { hourly?: boolean } = {},
): number {
  if (hourly) return 0;
  if (priceCurrency === fees.withdrawalCurrency) return 1;
  const price = rates[priceCurrency];
  const route = fees.withdrawalCurrency === 'USD' ? 1 : rates[fees.withdrawalCurrency];
  return price && route ? price / route : 1;
}

export interface Breakdown {
  gross: number;
  platformFee: number;
  withdrawalFee: number;
  fxMarkup: number;
  /** What reaches Pakistan, in the price's currency. */
  remitted: number;
  tax: number;
  net: number;
}

/** Whole cents, so no step drifts. */
const cents = (n: number) => Math.round(n * 100);
const pct = (c: number, p: number) => Math.round((c * p) / 100);

/**
 * Gross → platform fee → withdrawal (percent, fixed part, exchange markup) → income tax (on the
 * remitted amount) → net. Amounts in the price's currency, rounded to cents at each step; never
 * below zero. `fixedRate` converts the route's fixed fee to the price's currency (fixedFeeRate).
 */
export function breakdown(gross: number, fees: FeeModel, fixedRate = 1): Breakdown {
  const g = cents(gross);
  const platformFee = pct(g, fees.platformPercent);
  const earned = g - platformFee;
  const withdrawalFee = Math.min(earned, pct(earned, fees.withdrawalPercent) + cents(fees.withdrawalFixed * fixedRate));
  const afterWithdrawal = earned - withdrawalFee;
  const fxMarkup = pct(afterWithdrawal, fees.fxMarkupPercent);
  const remitted = Math.max(0, afterWithdrawal - fxMarkup);
  const tax = pct(remitted, fees.taxPercent);
  const net = Math.max(0, remitted - tax);
  const major = (c: number) => c / 100;
  return {
    gross: major(g),
    platformFee: major(platformFee),
    withdrawalFee: major(withdrawalFee),
    fxMarkup: major(fxMarkup),
    remitted: major(remitted),
    tax: major(tax),
    net: major(net),
  };
}
