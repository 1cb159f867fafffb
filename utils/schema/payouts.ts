import * as z from 'zod/mini';
import { CurrencyCode, Id, IsoDate, Platform, PositiveAmount, trimmedText } from './common';
import { RouteId } from './routes';

/**
 * Money moved from a platform or Payoneer to the seller's bank (#23): what was sent, and the
 * rupees that arrived. The effective rate and the markup follow from it and the mid-market rate of
 * that day (utils/payouts/figures.ts). The backup's `withdrawals` list holds these exactly.
 */
export const WithdrawalSchema = z.object(
  {
    id: Id,
    at: IsoDate,
    /** What left the account, fees included, in `currency`. */
    amount: PositiveAmount,
    currency: CurrencyCode,
    /** The fee charged for it, in `currency`, where the statement or the seller says. */
    fee: z.optional(
      z.number({ error: 'expected a fee' }).check(z.minimum(0, { error: 'a fee cannot be negative' }), z.maximum(1e9)),
    ),
    /** The rupees that reached the bank. Without them the rate and markup cannot be worked out. */
    pkrReceived: z.optional(PositiveAmount),
    route: z.optional(RouteId),
    /** The statement's transaction or reference id: importing the file again adds nothing. */
    externalId: z.optional(trimmedText('an external id', 1, 100)),
  },
  { error: 'expected a withdrawal (an object)' },
);
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

/** Costs of selling that are no order's fee: Upwork's Connects and membership, VAT, refunds. */
export const COST_KINDS = ['connects', 'membership', 'tax', 'refund', 'fee', 'other'] as const;
export const CostKind = z.enum(COST_KINDS, { error: `expected one of ${COST_KINDS.join(', ')}` });
export type CostKind = z.infer<typeof CostKind>;

export const CostSchema = z.object(
  {
    id: Id,
    at: IsoDate,
    platform: Platform,
    kind: CostKind,
    amount: PositiveAmount,
    currency: CurrencyCode,
    description: z.optional(trimmedText('a description', 1, 300)),
    externalId: z.optional(trimmedText('an external id', 1, 100)),
  },
  { error: 'expected a cost (an object)' },
);
export type Cost = z.infer<typeof CostSchema>;
