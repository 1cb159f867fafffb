import { format } from 'date-fns';
import { breakdown, feeModel, fixedFeeRate } from '@/utils/money/fees';
import type { Order, Settings } from '@/utils/schema';
import type { RateBasis } from './dashboard';
import { csvField } from '@/utils/platform/csv';

export const CSV_COLUMNS = [
  'id',
  'platform',
  'external_id',
  'client',
  'title',
  'status',
  'ordered_at',
  'completed_at',
  'currency',
  'gross',
  'fee_percent',
  'platform_fee',
  'withdrawal_and_fx',
  'tax',
  'net',
  'pkr_per_unit',
  'gross_pkr',
  'net_pkr',
  // Added with routes (#23), last so columns read by position stay where they were.
  'route',
] as const;

export { csvField };

/**
 * A day as ISO 8601 writes it (2026-12-01), in the seller's own time zone: 12/01/2026 reads as
 * 12 January in Pakistan, and a spreadsheet parses this form the same way everywhere.
 */
export function csvDate(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : format(new Date(iso), 'yyyy-MM-dd');
}

/**
 * Orders completed (or, if not completed, ordered) in [from, to), one row each, for bookkeeping
 * and the tax return: gross, fees, net, the rate used and rupee columns.
 */
export function ordersCsv(
  orders: ReadonlyArray<Order>,
  settings: Settings,
  basis: RateBasis,
  from: Date,
  to: Date,
): string {
  const rows = [CSV_COLUMNS.join(',')];
  const inPeriod = (o: Order) => {
    const t = Date.parse(o.completedAt ?? o.orderedAt);
    return t >= from.getTime() && t < to.getTime();
  };
  for (const o of [...orders]
    .filter(inPeriod)
    .sort((a, b) => (a.completedAt ?? a.orderedAt).localeCompare(b.completedAt ?? b.orderedAt))) {
    const perUsd = basis.rates[o.currency];
    const fees = feeModel(settings, o.platform, { feePercent: o.feePercent, route: o.route, markups: basis.markups });
    const b = breakdown(o.amount + (o.tip ?? 0), fees, fixedFeeRate(fees, basis.rates, o.currency));
    const pkrPerUnit = perUsd ? basis.pkrPerUsd / perUsd : null;
    rows.push(
      [
        o.id,
        o.platform,
        o.externalId,
        o.client,
        o.title,
        o.status,
        csvDate(o.orderedAt),
        csvDate(o.completedAt),
        o.currency,
        b.gross.toFixed(2),
        fees.platformPercent,
        b.platformFee.toFixed(2),
        (b.withdrawalFee + b.fxMarkup).toFixed(2),
        b.tax.toFixed(2),
        b.net.toFixed(2),
        pkrPerUnit === null ? null : pkrPerUnit.toFixed(4),
        pkrPerUnit === null ? null : Math.round(b.gross * pkrPerUnit),
        pkrPerUnit === null ? null : Math.round(b.net * pkrPerUnit),
        fees.route,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
