import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits, groupRupees } from '@/utils/money/format';

const intl = {
  thousands: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  lakh: new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 }),
};

describe('groupDigits: Intl’s grouping, without Intl', () => {
  it.each([
    [0, '0', '0'],
    [7, '7', '7'],
    [999, '999', '999'],
    [1000, '1,000', '1,000'],
    [98_000, '98,000', '98,000'],
    [100_000, '100,000', '1,00,000'],
    [1_250_000, '1,250,000', '12,50,000'],
    [10_000_000, '10,000,000', '1,00,00,000'],
    [-123_456, '-123,456', '-1,23,456'],
    [-0, '-0', '-0'],
  ])('%d: %s, in lakhs %s', (n, thousands, lakh) => {
    expect(groupDigits(n, 'thousands')).toBe(thousands);
    expect(groupDigits(n, 'lakh')).toBe(lakh);
  });

  it('writes every safe integer as Intl does, in both groupings', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('thousands', 'lakh' as const), (n, grouping) => {
        expect(groupDigits(n, grouping)).toBe(intl[grouping].format(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves what is not a safe integer to Intl', () => {
    for (const n of [2 ** 60, -(2 ** 60), Number.NaN, Number.POSITIVE_INFINITY, 1.5])
      expect(groupDigits(n, 'lakh')).toBe(intl.lakh.format(n));
  });

  it('rounds rupees to whole ones first, as before', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (amount) => {
        expect(groupRupees(amount)).toBe(intl.thousands.format(Math.round(amount)));
      }),
    );
  });
});

describe('enNumber, the limits in schema messages', () => {
  it('groups whole numbers as Intl does', async () => {
    const { enNumber } = await import('@/utils/schema/common');
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(enNumber(n)).toBe(intl.thousands.format(n));
      }),
    );
  });
});
