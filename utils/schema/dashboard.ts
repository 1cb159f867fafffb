import * as z from 'zod/mini';
import { Platform } from './common';
import { OrderSchema } from './order';

const money = z.number();

export const ActiveOrderSchema = z.object({
  order: OrderSchema,
  /** Milliseconds until due; negative when overdue; null without a due date. */
  msLeft: z.nullable(z.number()),
  overdue: z.boolean(),
  dueOnRestDay: z.boolean(),
});
export type ActiveOrder = z.infer<typeof ActiveOrderSchema>;

/**
 * The earnings dashboard's figures. The background computes them (utils/orders/summary.background.ts)
 * and keeps them in storage; the popup and options page read them. Validated on read, since storage
 * outlives versions, and on the wire.
 */
export const DashboardSchema = z.object({
  /** The month the month figures are of (`2026-12`), and the rate they were converted at. */
  month: z.string(),
  pkrPerUsd: money,
  monthEarnedUsd: money,
  monthEarnedNetUsd: money,
  monthEarnedNetPkr: money,
  clearingUsd: money,
  /** The next dates money clears, soonest first, with the amount clearing then. */
  nextClears: z.array(z.object({ date: z.string(), usd: money })),
  availableUsd: money,
  withdrawnThisMonthUsd: money,
  activeCount: z.number(),
  active: z.array(ActiveOrderSchema),
  weekNewOrders: z.number(),
  weeklyLimit: z.number(),
  overWeeklyLimit: z.boolean(),
  /** The last 12 calendar months, oldest first: completed gross in USD by platform. */
  months: z.array(z.object({ month: z.string(), total: money, byPlatform: z.record(Platform, money) })),
  averageOrderUsd: money,
  /** Clients with more than one order, among all clients (0 to 1). */
  repeatClientShare: z.number(),
  topClients: z.array(z.object({ client: z.string(), usd: money, orders: z.number() })),
  /** Orders skipped because their currency has no rate. */
  unconverted: z.number(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
