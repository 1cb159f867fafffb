import * as z from 'zod/mini';
import { CurrencyCode, IsoDate, Platform, PositiveAmount, trimmedText } from '../schema/common';
import { OrderStatus } from '../schema/order';

/** What a page shows of an order, read on the user's click; validated before it is stored. */
export const CapturedOrderSchema = z.object({
  platform: Platform,
  externalId: trimmedText('an order id', 1, 100),
  client: trimmedText('a client name', 1, 200),
  title: trimmedText('a title', 1, 300),
  amount: PositiveAmount,
  currency: CurrencyCode,
  status: OrderStatus,
  tip: z.optional(PositiveAmount),
  dueAt: z.optional(IsoDate),
  orderedAt: z.optional(IsoDate),
});
export type CapturedOrder = z.infer<typeof CapturedOrderSchema>;
