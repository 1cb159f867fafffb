import * as z from 'zod/mini';
import { CurrencyCode, IsoDate, Platform, PositiveAmount, trimmedText } from '../schema/common';
import { OrderStatus } from '../schema/order';

/**
 * An amount read from a page: a page's script could put anything there, and no Fiverr order or
 * Upwork contract of a seller comes near a million dollars.
 */
export const MAX_CAPTURED_AMOUNT = 1_000_000;
const CapturedAmount = PositiveAmount.check(
  z.maximum(MAX_CAPTURED_AMOUNT, {
    error: `an amount read from a page is at most ${MAX_CAPTURED_AMOUNT.toLocaleString('en')}`,
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
