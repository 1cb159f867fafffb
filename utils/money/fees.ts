import type { Platform, Settings } from '@/utils/schema';

/** Everything between a buyer's price and the rupees in a Pakistani bank, as percentages. */
export interface FeeModel {
  platformPercent: number;
  withdrawalPercent: number;
  /** Per withdrawal, in USD; converted to the price's currency. */
  withdrawalFixedUsd: number;
  fxMarkupPercent: number;
  taxPercent: number;
}

/** Finance Act 2025: 0.25% final tax on IT export remittances for PSEB-registered, 1% otherwise. */
export const TAX_PERCENT = { pseb: 0.25, unregistered: 1 } as const;

export function feeModel(settings: Settings, platform: Platform, feePercentOverride?: number): FeeModel {
  return {
    platformPercent: feePercentOverride ?? settings.fees[platform],
    withdrawalPercent: settings.withdrawal.percent,
    withdrawalFixedUsd: settings.withdrawal.fixedUsd,
    fxMarkupPercent: settings.withdrawal.fxMarkupPercent,
    taxPercent: TAX_PERCENT[settings.taxStatus],
  };
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
 * below zero. `currencyPerUsd` converts the fixed withdrawal fee.
 */
export function breakdown(gross: number, fees: FeeModel, currencyPerUsd = 1): Breakdown {
  const g = cents(gross);
  const platformFee = pct(g, fees.platformPercent);
  const earned = g - platformFee;
  const withdrawalFee = Math.min(
    earned,
    pct(earned, fees.withdrawalPercent) + cents(fees.withdrawalFixedUsd * currencyPerUsd),
  );
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
