import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  learnMarkups,
  midRate,
  taxYear,
  taxYearCsv,
  taxYearOf,
  taxYearRemittances,
  withdrawalFigures,
  type MidRates,
} from '@/utils/payouts/figures';
import { pakistanDay } from '@/utils/money/pakistan-time';
import { DEFAULT_SETTINGS, type Withdrawal } from '@/utils/schema';

const mids: MidRates = new Map<string, Record<string, number>>([
  ['2026-11-20', { PKR: 280, GBP: 0.8, EUR: 0.9 }],
  ['2026-06-30', { PKR: 278 }],
  ['2026-07-01', { PKR: 279 }],
]);
const w = (over: Partial<Withdrawal> = {}): Withdrawal => ({
  id: 'w1',
  at: '2026-11-20T07:00:00.000Z',
  amount: 500,
  currency: 'USD',
  ...over,
});

describe('Pakistan’s calendar', () => {
  it.each([
    ['2026-06-30T18:59:59.999Z', '2026-06-30'],
    // 19:00 UTC is midnight in Karachi (UTC+5 all year).
    ['2026-06-30T19:00:00.000Z', '2026-07-01'],
    ['2026-12-31T20:00:00.000Z', '2027-01-01'],
  ])('%s is %s in Pakistan', (iso, day) => {
    expect(pakistanDay(iso)).toBe(day);
  });

  it('names the tax year by the year it ends in, 1 July to 30 June in Pakistan’s time', () => {
    expect(taxYearOf('2026-06-30T18:59:59.999Z').year).toBe(2026);
    expect(taxYearOf('2026-06-30T19:00:00.000Z').year).toBe(2027);
    const y = taxYear(2027);
    expect(y.months[0]).toBe('2026-07');
    expect(y.months[11]).toBe('2027-06');
    expect(new Date(y.start).toISOString()).toBe('2026-06-30T19:00:00.000Z');
    expect(new Date(y.end).toISOString()).toBe('2027-06-30T19:00:00.000Z');
  });

  it('puts every instant in exactly one tax year, the one that contains it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (t) => {
        const y = taxYearOf(t);
        expect(t).toBeGreaterThanOrEqual(y.start);
        expect(t).toBeLessThan(y.end);
        expect(y.months).toContain(pakistanDay(t).slice(0, 7));
      }),
    );
  });
});

describe('a withdrawal’s real rate', () => {
  it('works out the effective rate, the cost against mid-market and the markup beyond the fee', () => {
    // $500.99 left, $0.99 of it the fee; 139,250 arrived; mid-market 280.
    const f = withdrawalFigures(w({ amount: 500.99, fee: 0.99, pkrReceived: 139_250 }), mids, DEFAULT_SETTINGS);
    expect(f.midRate).toBe(280);
    expect(f.effectiveRate).toBe(277.9497); // 139,250 ÷ 500.99
    expect(f.costPkr).toBe(1027); // 500.99 × 280 = 140,277.20 − 139,250
    expect(f.costPercent).toBe(0.73);
    // 500 converted would be 140,000 at mid: 750 less arrived, 0.54%.
    expect(f.markupPercent).toBe(0.54);
  });

  it('takes the route’s fee when the record has none, and knows nothing without the rupees', () => {
    // Payoneer: 3% of 600 = 18; 582 at 280 = 162,960; 159,700 arrived → 2.0% markup.
    const f = withdrawalFigures(w({ amount: 600, pkrReceived: 159_700, route: 'payoneer' }), mids, DEFAULT_SETTINGS);
    expect(f.markupPercent).toBe(2);
    expect(withdrawalFigures(w(), mids, DEFAULT_SETTINGS)).toMatchObject({ effectiveRate: null, markupPercent: null });
    // A day with no mid-market rate: the effective rate still, the markup not.
    const unknownDay = withdrawalFigures(
      w({ at: '2026-01-05T07:00:00.000Z', pkrReceived: 139_000 }),
      mids,
      DEFAULT_SETTINGS,
    );
    expect(unknownDay).toMatchObject({ effectiveRate: 278, midRate: null, markupPercent: null });
  });

  it('converts pounds through the day’s cross rate', () => {
    expect(midRate(mids, '2026-11-20', 'GBP')).toBe(350);
    const f = withdrawalFigures(w({ currency: 'GBP', amount: 200, pkrReceived: 68_600 }), mids, DEFAULT_SETTINGS);
    expect(f.markupPercent).toBe(2);
  });
});

describe('the seller’s own markups', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  it('averages each route’s recent withdrawals, weighted by amount, and says how many', () => {
    const list = [
      w({ id: 'a', route: 'upwork-local-bank', amount: 100.99, fee: 0.99, pkrReceived: 27_720 }), // 1%
      w({ id: 'b', route: 'upwork-local-bank', amount: 300.99, fee: 0.99, pkrReceived: 82_320 }), // 2%
      w({ id: 'c', route: 'payoneer', amount: 600, pkrReceived: 159_700 }), // 2%
      w({ id: 'd', pkrReceived: 139_000 }), // no route: not averaged
      w({ id: 'e', route: 'wise', at: '2026-01-05T07:00:00.000Z', pkrReceived: 1000 }), // over 180 days ago
    ];
    expect(learnMarkups(list, mids, DEFAULT_SETTINGS, now)).toEqual({
      'upwork-local-bank': { percent: 1.75, count: 2, since: '2026-06-04' },
      payoneer: { percent: 2, count: 1, since: '2026-06-04' },
    });
  });
});

describe('the tax year’s remittances', () => {
  it('counts each withdrawal in its Pakistan month, with tax and the retention allowance', () => {
    const list = [
      w({ id: 'june', at: '2026-06-30T18:00:00.000Z', amount: 1000, pkrReceived: 275_000 }),
      w({ id: 'july', at: '2026-06-30T19:30:00.000Z', amount: 12_000, pkrReceived: 3_300_000 }),
      // No rupees recorded: estimated at that day's mid-market rate.
      w({ id: 'nov', amount: 500 }),
    ];
    const months = taxYearRemittances(list, mids, DEFAULT_SETTINGS, taxYear(2027), 281);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({
      month: '2026-07',
      count: 1,
      usd: 12_000,
      pkr: 3_300_000,
      estimated: 0,
      taxPkr: 33_000,
      // Half of $12,000 is over $5,000.
      retentionUsd: 6000,
    });
    expect(months[4]).toMatchObject({ month: '2026-11', usd: 500, pkr: 140_000, estimated: 1, taxPkr: 1400 });
    // $5,000 is the floor, never more than arrived.
    expect(months[4]!.retentionUsd).toBe(500);
    const pseb = taxYearRemittances(list, mids, { ...DEFAULT_SETTINGS, taxStatus: 'pseb' }, taxYear(2027), 281);
    expect(pseb[0]!.taxPkr).toBe(8250);
    // The June one is the year before.
    expect(taxYearRemittances(list, mids, DEFAULT_SETTINGS, taxYear(2026), 281)[11]).toMatchObject({
      month: '2026-06',
      count: 1,
    });
  });
});

describe('the tax year’s CSV', () => {
  it('writes each month, a total line and the purpose code, for the return', () => {
    const list = [
      w({ id: 'july', at: '2026-07-10T07:00:00.000Z', amount: 1000, pkrReceived: 278_000 }),
      w({ id: 'nov', amount: 500, pkrReceived: 139_250 }),
    ];
    const year = taxYear(2027);
    const csv = taxYearCsv(taxYearRemittances(list, mids, DEFAULT_SETTINGS, year, 281), year, DEFAULT_SETTINGS);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'tax_year,month,withdrawals,gross_remitted_usd,gross_remitted_pkr,pkr_estimated_for,tax_status,tax_percent,tax_pkr,retention_allowance_usd,prc_purpose_code',
    );
    expect(lines).toHaveLength(14);
    expect(lines[1]).toBe('2027,2026-07,1,1000.00,278000,0,unregistered,1,2780,1000.00,9186');
    expect(lines[2]).toBe('2027,2026-08,0,0.00,0,0,unregistered,1,0,0.00,9186');
    expect(lines[5]).toBe('2027,2026-11,1,500.00,139250,0,unregistered,1,1393,500.00,9186');
    expect(lines[13]).toBe('2027,total,2,1500.00,417250,0,unregistered,1,4173,1500.00,9186');
  });
});
