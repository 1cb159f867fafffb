/** `thousands`: 1,250,000. `lakh`: 12,50,000 (lakh/crore grouping, as Pakistani banks write it). */
export type Grouping = 'thousands' | 'lakh';

let intl: Record<Grouping, Intl.NumberFormat> | undefined;
const intlFormat = (n: number, grouping: Grouping) =>
  (intl ??= {
    thousands: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
    lakh: new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 }),
  })[grouping].format(n);

/**
 * A whole number's digits grouped as `Intl.NumberFormat('en-US' | 'en-IN')` writes them, without
 * it: a page's first Intl.NumberFormat costs 17–25 ms in Chromium (ICU loading its data, once per
 * renderer; measured for #19), more than our whole first pass over a search page's prices on a
 * page that had not formatted a number yet. The schemas' messages (built as content scripts load)
 * and the rupee amounts (utils/money/format.ts) both group with it; schemas import only schema,
 * so it lives here. Amounts past 2^53, and NaN and infinities, go to Intl.
 * tests/unit/money-format.test.ts holds it to Intl's output.
 */
export function groupDigits(n: number, grouping: Grouping = 'thousands'): string {
  if (!Number.isSafeInteger(n)) return intlFormat(n, grouping);
  const digits = String(Math.abs(n));
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  let head = digits.length > 3 ? digits.slice(0, -3) : '';
  const tail = digits.slice(-3);
  const size = grouping === 'lakh' ? 2 : 3;
  const groups: string[] = [];
  while (head.length > size) {
    groups.unshift(head.slice(-size));
    head = head.slice(0, -size);
  }
  if (head) groups.unshift(head);
  return sign + [...groups, tail].join(',');
}
