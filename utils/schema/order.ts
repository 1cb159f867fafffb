import * as z from 'zod/mini';
import { RouteId } from './routes';
import { CurrencyCode, enNumber, Id, IsoDate, Percent, Platform, PositiveAmount, trimmedText } from './common';

export const ORDER_STATUSES = ['active', 'delivered', 'completed', 'cancelled'] as const;
export const OrderStatus = z.enum(ORDER_STATUSES, { error: `expected one of ${ORDER_STATUSES.join(', ')}` });
export type OrderStatus = z.infer<typeof OrderStatus>;

/** The fields a capture reads from a page, which the seller may correct by hand. */
export const CAPTURED_FIELDS = ['client', 'title', 'amount', 'currency', 'tip', 'dueAt'] as const;
export type CapturedField = (typeof CAPTURED_FIELDS)[number];

export const OrderSchema = z.object(
  {
    id: Id,
    platform: Platform,
    /** The platform's own order or contract id (Fiverr `FO…`); with `platform` it makes capture idempotent. */
    externalId: z.optional(trimmedText('an external id', 1, 100)),
    client: trimmedText('a client name', 1, 200),
    title: trimmedText('a title', 1, 300),
    amount: PositiveAmount,
    currency: CurrencyCode,
    /** Overrides the platform's default fee for this order (Upwork fees vary per contract since May 2025). */
    feePercent: z.optional(Percent),
    /** The way this order's money reaches the bank, when not the platform's usual one (#23). */
    route: z.optional(RouteId),
    status: OrderStatus,
    orderedAt: IsoDate,
    dueAt: z.optional(IsoDate),
    deliveredAt: z.optional(IsoDate),
    completedAt: z.optional(IsoDate),
    clearsAt: z.optional(IsoDate),
    withdrawnAt: z.optional(IsoDate),
    tip: z.optional(PositiveAmount),
    notes: z.optional(z.string().check(z.maxLength(10_000, { error: 'notes are at most 10,000 characters' }))),
    updatedAt: z.optional(IsoDate),
    /** Captured fields the seller changed by hand: a later capture leaves them as the seller wrote them. */
    editedFields: z.optional(z.array(z.enum(CAPTURED_FIELDS)).check(z.maxLength(CAPTURED_FIELDS.length))),
  },
  { error: 'expected an order (an object)' },
);

export type Order = z.infer<typeof OrderSchema>;

/**
 * An amount read from a page: a page's script could put anything there, and no Fiverr order or
 * Upwork contract of a seller comes near a million dollars.
 */
export const MAX_CAPTURED_AMOUNT = 1_000_000;
const CapturedAmount = PositiveAmount.check(
  z.maximum(MAX_CAPTURED_AMOUNT, {
    error: `an amount read from a page is at most ${enNumber(MAX_CAPTURED_AMOUNT)}`,
  }),
);

/** What a page shows of an order, read on the user's click; validated before it is stored. */
export const CapturedOrderSchema = z.object({
  platform: Platform,
  externalId: trimmedText('an order id', 1, 100),
  client: trimmedText('a client name', 1, 200),
  title: trimmedText('a title', 1, 300),
  amount: CapturedAmount,
  currency: CurrencyCode,
  status: OrderStatus,
  tip: z.optional(CapturedAmount),
  dueAt: z.optional(IsoDate),
  orderedAt: z.optional(IsoDate),
});
export type CapturedOrder = z.infer<typeof CapturedOrderSchema>;
