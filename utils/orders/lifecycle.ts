import { addDays } from 'date-fns';
import type { Order, Platform, Settings } from '@/utils/schema';

/**
 * Where an order's money is. Fiverr's "earned this month" counts completed orders; sellers can only
 * spend what has cleared, so completed money is split into clearing (with its date), available
 * and withdrawn.
 */
export type Stage = 'active' | 'delivered' | 'clearing' | 'available' | 'withdrawn' | 'cancelled';

/** `clears`: the order's clearsAt already parsed, if the caller has it (utils/orders/times.ts). */
export function stageOf(order: Order, now: Date, clears?: number): Stage {
  if (order.status === 'cancelled') return 'cancelled';
  if (order.status === 'active') return 'active';
  if (order.status === 'delivered') return 'delivered';
  if (order.withdrawnAt) return 'withdrawn';
  if (order.clearsAt && (clears ?? Date.parse(order.clearsAt)) > now.getTime()) return 'clearing';
  return 'available';
}

/** Days from completion to cleared funds for this platform and seller. */
export function clearanceDays(platform: Platform, settings: Settings): number {
  if (platform === 'fiverr' && settings.topRatedSeller) return Math.min(7, settings.clearanceDays.fiverr);
  return settings.clearanceDays[platform];
}

/**
 * Calendar days in local time (date-fns addDays keeps the wall-clock time across DST changes),
 * so "14 days after 18:30 on the 1st" is 18:30 on the 15th.
 */
export function clearsAt(platform: Platform, completedAt: Date, settings: Settings): Date {
  return addDays(completedAt, clearanceDays(platform, settings));
}

/** Moves an order along its lifecycle, stamping the dates each step sets. */
export function advance(
  order: Order,
  to: 'delivered' | 'completed' | 'withdrawn' | 'cancelled',
  at: Date,
  settings: Settings,
): Order {
  const iso = at.toISOString();
  switch (to) {
    case 'delivered':
      return { ...order, status: 'delivered', deliveredAt: order.deliveredAt ?? iso };
    case 'completed':
      return {
        ...order,
        status: 'completed',
        completedAt: iso,
        clearsAt: clearsAt(order.platform, at, settings).toISOString(),
      };
    case 'withdrawn':
      if (order.status !== 'completed') throw new Error('Only a completed order can be withdrawn.');
      return { ...order, withdrawnAt: iso };
    case 'cancelled':
      return { ...order, status: 'cancelled' };
  }
}
