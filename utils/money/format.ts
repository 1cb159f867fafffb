/** `thousands`: 1,250,000. `lakh`: 12,50,000 (lakh/crore grouping, as Pakistani banks write it). */
export type Grouping = 'thousands' | 'lakh';

const formatters: Record<Grouping, Intl.NumberFormat> = {
  thousands: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  lakh: new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 }),
};

/** The digits of a whole-rupee amount, grouped: "12,50,000". Words around them: i18n's rupees(). */
export function groupRupees(amount: number, grouping: Grouping = 'thousands'): string {
  return formatters[grouping].format(Math.round(amount));
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
}
