/** `thousands`: 1,250,000. `lakh`: 12,50,000 (lakh/crore grouping, as Pakistani banks write it). */
export type Grouping = 'thousands' | 'lakh';

const formatters: Record<Grouping, Intl.NumberFormat> = {
  thousands: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  lakh: new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 }),
};

/** The digits of a whole-rupee amount, grouped: "12,50,000". */
export function groupRupees(amount: number, grouping: Grouping = 'thousands'): string {
  return formatters[grouping].format(Math.round(amount));
}

export function formatRupees(amount: number, grouping: Grouping = 'thousands'): string {
  return `Rs ${groupRupees(amount, grouping)}`;
}

export function formatRupeeRange(min: number, max: number, grouping: Grouping = 'thousands'): string {
  return Math.round(min) === Math.round(max)
    ? formatRupees(min, grouping)
    : `${formatRupees(min, grouping)}–${formatters[grouping].format(Math.round(max))}`;
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
}
