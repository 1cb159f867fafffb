import { groupDigits, type Grouping } from '@/utils/schema/digits';

export { groupDigits, type Grouping };

/** The digits of a whole-rupee amount, grouped: "12,50,000". Words around them: i18n's rupees(). */
export function groupRupees(amount: number, grouping: Grouping = 'thousands'): string {
  return groupDigits(Math.round(amount), grouping);
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
}
