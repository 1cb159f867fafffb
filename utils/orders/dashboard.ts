import { endOfMonth, format, getDay, startOfMonth, startOfWeek, subMonths } from 'date-fns';
import { breakdown, feeModel, fixedFeeRate } from '@/utils/money/fees';
import {
  PLATFORMS,
  WEEKDAYS,
  type ActiveOrder,
  type LearnedMarkups,
  type Dashboard,
  type Order,
  type Platform,
  type Settings,
} from '@/utils/schema';

export type { Dashboard } from '@/utils/schema';
import { stageOf } from './lifecycle';
import { orderTimes, type OrderTimes } from './times';

export interface RateBasis {
  /** Units of each currency per 1 USD. */
  rates: Record<string, number>;
  pkrPerUsd: number;
  /** The seller's own average markup per route (utils/payouts), if they recorded withdrawals. */
  markups?: LearnedMarkups;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Every figure of the dashboard from the orders, in USD (other currencies converted through the
 * same USD table as prices) and net rupees. Months and weeks are local time; weeks start Monday.
 * `times`: the orders' dates already parsed, one per order in the same order (orderTimes).
 */
export function computeDashboard(
  orders: ReadonlyArray<Order>,
  settings: Settings,
  basis: RateBasis,
  now: Date,
  times: ReadonlyArray<OrderTimes> = orderTimes(orders),
): Dashboard {
  const monthStart = startOfMonth(now).getTime();
  const monthEnd = endOfMonth(now).getTime();
  const weekStart = startOfWeek(now, { weekStartsOn: 1 }).getTime();
  const restDay = WEEKDAYS.indexOf(settings.restDay);
  const firstMonth = startOfMonth(subMonths(now, 11));
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: format(startOfMonth(subMonths(now, 11 - i)), 'yyyy-MM'),
    total: 0,
    byPlatform: Object.fromEntries(PLATFORMS.map((p) => [p, 0])) as Record<Platform, number>,
  }));
  // Keyed by local year and month as a number: date-fns' format() per completed order was a
  // sixth of the computation at 10,000 orders.
  const monthOf = (d: Date) => d.getFullYear() * 12 + d.getMonth();
  const firstMonthKey = monthOf(firstMonth);

  let monthEarnedUsd = 0;
  let monthEarnedNetUsd = 0;
  let clearingUsd = 0;
  let availableUsd = 0;
  let withdrawnThisMonthUsd = 0;
  let weekNewOrders = 0;
  let completedCount = 0;
  let completedUsd = 0;
  let unconverted = 0;
  const clears = new Map<string, number>();
  const active: ActiveOrder[] = [];
  const clients = new Map<string, { client: string; orders: number; usd: number }>();

  for (let j = 0; j < orders.length; j++) {
    const o = orders[j]!;
    const t = times[j]!;
    if (t.ordered >= weekStart && t.ordered <= now.getTime()) weekNewOrders++;
    const stage = stageOf(o, now, t.clears);
    if (stage === 'cancelled') continue;

    let c = clients.get(t.clientKey);
    if (!c) clients.set(t.clientKey, (c = { client: o.client, orders: 0, usd: 0 }));
    c.orders++;

    if (stage === 'active' || stage === 'delivered') {
      if (stage === 'active') {
        const msLeft = o.dueAt ? t.due - now.getTime() : null;
        active.push({
          order: o,
          msLeft,
          overdue: msLeft !== null && msLeft < 0,
          dueOnRestDay: o.dueAt ? getDay(new Date(o.dueAt)) === restDay : false,
        });
      }
      continue;
    }

    const perUsd = basis.rates[o.currency];
    if (!perUsd) {
      unconverted++;
      continue;
    }
    const gross = o.amount + (o.tip ?? 0);
    const fees = feeModel(settings, o.platform, { feePercent: o.feePercent, route: o.route, markups: basis.markups });
    const b = breakdown(gross, fees, fixedFeeRate(fees, basis.rates, o.currency));
    const usd = (n: number) => n / perUsd;
    const afterFee = usd(b.gross - b.platformFee);
    c.usd += usd(b.gross);
    completedCount++;
    completedUsd += usd(b.gross);

    const completed = t.completed;
    if (completed >= monthStart && completed <= monthEnd) {
      monthEarnedUsd += usd(b.gross);
      monthEarnedNetUsd += usd(b.net);
    }
    if (completed >= firstMonth.getTime()) {
      const i = monthOf(new Date(completed)) - firstMonthKey;
      if (i >= 0 && i < months.length) {
        months[i]!.total += usd(b.gross);
        months[i]!.byPlatform[o.platform] += usd(b.gross);
      }
    }
    if (stage === 'clearing') {
      clearingUsd += afterFee;
      const day = format(new Date(o.clearsAt!), 'yyyy-MM-dd');
      clears.set(day, (clears.get(day) ?? 0) + afterFee);
    } else if (stage === 'available') availableUsd += afterFee;
    else if (stage === 'withdrawn' && t.withdrawn >= monthStart && t.withdrawn <= monthEnd) {
      withdrawnThisMonthUsd += afterFee;
    }
  }

  active.sort((a, b) => (a.msLeft ?? Infinity) - (b.msLeft ?? Infinity));
  const allClients = [...clients.values()];
  for (const m of months) {
    m.total = round2(m.total);
    for (const p of PLATFORMS) m.byPlatform[p] = round2(m.byPlatform[p]);
  }
  return {
    month: format(now, 'yyyy-MM'),
    pkrPerUsd: basis.pkrPerUsd,
    monthEarnedUsd: round2(monthEarnedUsd),
    monthEarnedNetUsd: round2(monthEarnedNetUsd),
    monthEarnedNetPkr: Math.round(monthEarnedNetUsd * basis.pkrPerUsd),
    clearingUsd: round2(clearingUsd),
    nextClears: [...clears.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(0, 3)
      .map(([date, usd]) => ({ date, usd: round2(usd) })),
    availableUsd: round2(availableUsd),
    withdrawnThisMonthUsd: round2(withdrawnThisMonthUsd),
    activeCount: active.length,
    active,
    weekNewOrders,
    weeklyLimit: settings.weeklyOrderLimit,
    overWeeklyLimit: weekNewOrders > settings.weeklyOrderLimit,
    months,
    averageOrderUsd: completedCount ? round2(completedUsd / completedCount) : 0,
    repeatClientShare: allClients.length ? allClients.filter((c) => c.orders > 1).length / allClients.length : 0,
    topClients: allClients
      .filter((c) => c.usd > 0)
      .sort((a, b) => b.usd - a.usd)
      .slice(0, 5)
      .map((c) => ({ client: c.client, usd: round2(c.usd), orders: c.orders })),
    unconverted,
  };
}
