import * as z from 'zod/mini';
import { CurrencyCode, Percent, PLATFORMS, type Platform } from './common';

const def = z._default;

/**
 * The ways money travels from a platform to a Pakistani bank (shared/FACTS.md, "Getting paid in
 * Pakistan"). Fixed ids, so an order, a withdrawal record and a backup can name one; the figures
 * of each are the seller's to edit.
 */
export const ROUTE_IDS = [
  'payoneer',
  'upwork-local-bank',
  'upwork-payoneer',
  'wise',
  'pph-payoneer',
  'pph-bank',
] as const;
export const RouteId = z.enum(ROUTE_IDS, { error: `expected a route: one of ${ROUTE_IDS.join(', ')}` });
export type RouteId = z.infer<typeof RouteId>;

export interface RouteCosts {
  /** Per withdrawal, in `currency`. */
  fixedFee: number;
  percent: number;
  /** Over the mid-market rate, where the route converts to rupees. */
  fxMarkupPercent: number;
  /** The currency the route withdraws and converts in; its fixed fee is in it too. */
  currency: string;
}

/**
 * Defaults. Only Payoneer's ~3% and Upwork's $0.99 are in FACTS.md; every markup is *unconfirmed*
 * there, and the seller's own withdrawal records (utils/payouts) measure the real one.
 */
export const ROUTE_PRESETS: Record<RouteId, RouteCosts> = {
  // Payoneer to a local bank: ~3% since the repricing, plus an FX markup of ~2% (unconfirmed).
  payoneer: { fixedFee: 0, percent: 3, fxMarkupPercent: 2, currency: 'USD' },
  // Upwork's "Direct to Local Bank": $0.99 a withdrawal, converted at its partner's rate, whose
  // markup Upwork does not publish (1% unconfirmed).
  'upwork-local-bank': { fixedFee: 0.99, percent: 0, fxMarkupPercent: 1, currency: 'USD' },
  // Upwork's own $2 per Payoneer withdrawal (its help pages; not in FACTS.md), then Payoneer's.
  'upwork-payoneer': { fixedFee: 2, percent: 3, fxMarkupPercent: 2, currency: 'USD' },
  // Wise converts at the mid-market rate and charges a fee instead (~0.7% to PKR, unconfirmed).
  wise: { fixedFee: 0, percent: 0.7, fxMarkupPercent: 0, currency: 'USD' },
  // PeoplePerHour pays out in pounds.
  'pph-payoneer': { fixedFee: 0, percent: 3, fxMarkupPercent: 2, currency: 'GBP' },
  'pph-bank': { fixedFee: 0, percent: 0, fxMarkupPercent: 3, currency: 'GBP' },
};

export const DEFAULT_ROUTE: Record<Platform, RouteId> = {
  fiverr: 'payoneer',
  upwork: 'upwork-local-bank',
  peopleperhour: 'pph-payoneer',
  linkedin: 'payoneer',
  workchest: 'payoneer',
  other: 'payoneer',
};

const FixedFee = z
  .number({ error: 'expected an amount' })
  .check(
    z.minimum(0, { error: 'a fixed fee cannot be negative' }),
    z.maximum(1000, { error: 'a fixed fee is at most 1,000' }),
  );

function routeSchema(preset: RouteCosts) {
  return def(
    z.object({
      fixedFee: def(FixedFee, preset.fixedFee),
      percent: def(Percent, preset.percent),
      fxMarkupPercent: def(Percent, preset.fxMarkupPercent),
      currency: def(CurrencyCode, preset.currency),
    }),
    { ...preset },
  );
}

export const RoutesSchema = def(
  z.object(
    Object.fromEntries(ROUTE_IDS.map((id) => [id, routeSchema(ROUTE_PRESETS[id])])) as {
      [K in RouteId]: ReturnType<typeof routeSchema>;
    },
  ),
  structuredClone(ROUTE_PRESETS),
);

export const DefaultRoutesSchema = def(
  z.object(
    Object.fromEntries(PLATFORMS.map((p) => [p, def(RouteId, DEFAULT_ROUTE[p])])) as {
      [K in Platform]: z.ZodMiniDefault<typeof RouteId>;
    },
  ),
  { ...DEFAULT_ROUTE },
);

/**
 * The seller's own average markup per route, from their withdrawal records (utils/payouts): what
 * future net figures use in place of the preset's guess, and say they do.
 */
export const LearnedMarkupsSchema = z.record(
  z.string(),
  z.object({ percent: z.number(), count: z.number(), since: z.string() }),
);
export type LearnedMarkups = z.infer<typeof LearnedMarkupsSchema>;
