import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ROUTE_IDS } from '@/utils/schema';
import { breakdown, feeModel, fixedFeeRate } from '@/utils/money/fees';
import { formatMoney } from '@/utils/money/format';
import { rupees as rupeesIn, translator } from '@/utils/platform/i18n';
import { findPrices, findPricesByPattern } from '@/utils/money/parse';

const one = (text: string) => {
  const found = findPrices(text);
  expect(found, text).toHaveLength(1);
  const { currency, min, max, hourly } = found[0]!;
  return { currency, min, max, hourly, matched: text.slice(found[0]!.start, found[0]!.end) };
};

describe('findPrices: real-looking prices', () => {
  it.each([
    ['From $25', 'USD', 25, 25, false, '$25'],
    ['From US$10', 'USD', 10, 10, false, 'US$10'],
    ['USD 25', 'USD', 25, 25, false, 'USD 25'],
    ['25 USD', 'USD', 25, 25, false, '25 USD'],
    ['Price: $1,250.50 total', 'USD', 1250.5, 1250.5, false, '$1,250.50'],
    ['€9.99 per month', 'EUR', 9.99, 9.99, false, '€9.99'],
    ['£1,000', 'GBP', 1000, 1000, false, '£1,000'],
    ['Budget $1.5k', 'USD', 1500, 1500, false, '$1.5k'],
    ['$5k+ spent', 'USD', 5000, 5000, false, '$5k'],
    // Upwork's client spend: thousands, millions, in letters or in words.
    ['$100K+ spent', 'USD', 100_000, 100_000, false, '$100K'],
    ['$1M+ total spent', 'USD', 1_000_000, 1_000_000, false, '$1M'],
    ['Total spent: $1.5M', 'USD', 1_500_000, 1_500_000, false, '$1.5M'],
    ['$2.5 million', 'USD', 2_500_000, 2_500_000, false, '$2.5 million'],
    ['€3 mn', 'EUR', 3_000_000, 3_000_000, false, '€3 mn'],
    ['5M USD', 'USD', 5_000_000, 5_000_000, false, '5M USD'],
    ['$5-$10k', 'USD', 5, 10_000, false, '$5-$10k'],
    ['$25USD', 'USD', 25, 25, false, '$25'],
    // A bare $ is told apart by the code after it; the code is not taken into a single price.
    ['$25 AUD', 'AUD', 25, 25, false, '$25'],
    ['Budget: $20 CAD', 'CAD', 20, 20, false, '$20'],
    ['$5 - $15 CAD/hr', 'CAD', 5, 15, true, '$5 - $15 CAD/hr'],
    ['US$25 AUD', 'USD', 25, 25, false, 'US$25'],
    ['$25 AUDIT', 'USD', 25, 25, false, '$25'],
    ['$10 Basic', 'USD', 10, 10, false, '$10'],
    // A split price's pieces run together in its container's text.
    ['US$25per order', 'USD', 25, 25, false, 'US$25'],
    ['$5 - $15', 'USD', 5, 15, false, '$5 - $15'],
    ['$5–$15', 'USD', 5, 15, false, '$5–$15'],
    // Hourly by its label, the way Upwork writes job budgets and contract rates.
    ['Hourly: $15.00 - $35.00', 'USD', 15, 35, true, '$15.00 - $35.00'],
    ['Hourly rate: $20.00', 'USD', 20, 20, true, '$20.00'],
    ['hourly $25', 'USD', 25, 25, true, '$25'],
    ['Fixed-price (not hourly): $500', 'USD', 500, 500, false, '$500'],
    ['Hourly work welcome. Budget: $300', 'USD', 300, 300, false, '$300'],
    ['$20/hr', 'USD', 20, 20, true, '$20/hr'],
    ['$15.00 - $35.00 /hr', 'USD', 15, 35, true, '$15.00 - $35.00 /hr'],
    ['$30 per hour', 'USD', 30, 30, true, '$30 per hour'],
    ['Est. budget: $500.00', 'USD', 500, 500, false, '$500.00'],
    ['CA$40', 'CAD', 40, 40, false, 'CA$40'],
    ['AU$ 75', 'AUD', 75, 75, false, 'AU$ 75'],
    ['AED 150', 'AED', 150, 150, false, 'AED 150'],
    ['10 EUR', 'EUR', 10, 10, false, '10 EUR'],
    ['$5 to $10', 'USD', 5, 10, false, '$5 to $10'],
    // The code after a range of bare amounts, as clients write budgets.
    ['Budget 20-25 USD', 'USD', 20, 25, false, '20-25 USD'],
    ['20–25 USD/hour', 'USD', 20, 25, true, '20–25 USD/hour'],
    ['5 to 10 EUR', 'EUR', 5, 10, false, '5 to 10 EUR'],
    ['10k-20k USD', 'USD', 10_000, 20_000, false, '10k-20k USD'],
    ['$5 - 10 USD', 'USD', 5, 10, false, '$5 - 10 USD'],
    // A spaced dash parts a label from its price.
    ['Milestone 1 - 200 USD', 'USD', 200, 200, false, '200 USD'],
    ['Milestone 2 – 300 USD', 'USD', 300, 300, false, '300 USD'],
    // Hourly as people write it.
    ['$15 hourly', 'USD', 15, 15, true, '$15 hourly'],
    ['$25 per hr', 'USD', 25, 25, true, '$25 per hr'],
    ['$25 Per Hour', 'USD', 25, 25, true, '$25 Per Hour'],
    ['$25/Hr', 'USD', 25, 25, true, '$25/Hr'],
    ['$25/hrs', 'USD', 25, 25, true, '$25/hrs'],
    ['$25 /hour', 'USD', 25, 25, true, '$25 /hour'],
    ['$25/day', 'USD', 25, 25, false, '$25'],
  ])('%j → %s %d–%d hourly=%s', (text, currency, min, max, hourly, matched) => {
    expect(one(text)).toEqual({ currency, min, max, hourly, matched });
  });

  it('reads a label that makes an amount the seller’s share, after the platform’s fee', () => {
    const afterFee = (text: string) => findPrices(text).map((p) => p.afterFee);
    expect(afterFee("You'll receive $450.00")).toEqual([true]);
    expect(afterFee('You will receive: $90')).toEqual([true]);
    expect(afterFee('You’ll earn US$80')).toEqual([true]);
    expect(afterFee("Bid $100, you'll receive $90")).toEqual([false, true]);
    expect(afterFee('Buy now and get $5 off')).toEqual([false]);
    expect(afterFee("What you'll get: $25")).toEqual([false]);
    expect(afterFee('Received $90 from the client')).toEqual([false]);
  });

  it('finds several prices in one text', () => {
    const found = findPrices('Basic $10, Standard $25 and Premium $120');
    expect(found.map((p) => p.min)).toEqual([10, 25, 120]);
  });
});

describe('findPrices: a word run into a price', () => {
  // A card's "From" and "$200" in elements of their own read "From$200" run together (#19).
  it.each([
    ['From$200', 'USD', 200],
    ['Price$45', 'USD', 45],
    ['From$1,200', 'USD', 1200],
    ['Starting at$30', 'USD', 30],
    ['FromUS$25', 'USD', 25],
    ['FromA$10', 'AUD', 10],
  ] as const)('%j is %s %d', (text, currency, amount) => {
    expect(findPrices(text).map((p) => [p.currency, p.min])).toEqual([[currency, amount]]);
  });
});

describe('findPrices: the sign and the "+" the page writes', () => {
  it.each([
    ['-$500.00', { min: 500, negative: true }],
    ['Withdrawal −$500', { min: 500, negative: true }],
    ['Refund -$20', { min: 20, negative: true }],
    ['(−$12.50)', { min: 12.5, negative: true }],
    ['$5K+', { min: 5000, plus: true }],
    ['$200+ spent', { min: 200, plus: true }],
    ['$1M+ total spent', { min: 1_000_000, plus: true }],
  ] as const)('%j', (text, expected) => {
    expect(findPrices(text)).toMatchObject([expected]);
  });

  it.each(['$5-$10', 'Milestone 1 - $200', 'Logo - $50', 'x-$5', '$45', 'US$25 - $30'])(
    '%j has no sign and no "+"',
    (text) => {
      for (const p of findPrices(text)) {
        expect(p.negative).toBeUndefined();
        expect(p.plus).toBeUndefined();
      }
    },
  );
});

describe('findPrices: never a price', () => {
  it.each([
    '4.9',
    '(1k+)',
    '★ 4.9 (1,234)',
    'Rs 7,000',
    'PKR 25,000',
    '₨ 500',
    'Rs. 2,500/-',
    '24 Nov 2026',
    '2026-11-24',
    '12:30 pm',
    '20%',
    'Order #FO1A2B3C4D5E',
    'Order 12345678',
    '+92 300 1234567',
    '3 days delivery',
    '1k+ reviews',
    '',
    'no digits here $',
    'US$',
    'A$B',
    // A lone letter stuck to the amount that is no multiplier: not money we can read.
    '$1T',
    '$2x faster',
    '$3T+ market',
    // Other dollars, told by their code: we have no rate for them, and the US rate would be wrong.
    '$25 NZD',
    'Budget: $500 SGD',
    '$2,000 MXN total',
    '$1,500 HKD',
    '$5 - $15 NZD',
    '$5 NZD - $15 NZD',
    'HK$200',
    'NZ$ 25',
    'S$25',
    'R$ 50',
    'MX$100',
    'NT$90',
    'Price HK$200',
    'From NZ$50',
    'FromHK$200',
    'PriceNZ$50',
  ])('%j', (text) => {
    expect(findPrices(text)).toEqual([]);
  });
});

describe('findPrices: properties', () => {
  it('reads a card price alone in its text, its quick path, exactly as the full pattern does', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map(String),
      fc.integer({ min: 1000, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
      // Grouping the way no one writes it, and too many decimals: the quick path must not take them.
      fc.stringMatching(/^\d{1,4}(,\d{2,4}){0,2}(\.\d{0,3})?$/),
    );
    const text = fc
      .tuple(
        fc.constantFrom(
          '',
          'From ',
          'From',
          'from ',
          'From  ',
          'Price ',
          '-',
          'You’ll receive ',
          'Hourly: ',
          'HK',
          'S',
        ),
        fc.constantFrom('$', 'US$', '€', '£', 'HK$', 'USD ', 'CA$', 'A$', '', '$ '),
        amount,
        fc.constantFrom('', ' USD', ' AUD', 'k', 'K+', '+', '/hr', ' per hour', '%', ' NZD', '.', ' ', 'x'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(findPrices(t)).toEqual(findPricesByPattern(t));
      }),
      { numRuns: 3000 },
    );
    for (const t of ['From $45', 'US$1,250.50', '€9.99', '£0', 'From$200', 'FromUS$25', 'From S$25', '$1,2345'])
      expect(findPrices(t)).toEqual(findPricesByPattern(t));
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void findPrices(s)));
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('$', '€', '1', '0', ',', '.', ' ', 'k', 'M', 'million', '-', 'U', 'S', 'D', '/hr'),
        }),
        (s) => void findPrices(s),
      ),
    );
  });

  it('reads back any formatted price as the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_00 }), fc.constantFrom('USD', 'EUR', 'GBP'), (c, currency) => {
        const amount = c / 100;
        const text = `Price ${formatMoney(amount, currency)} today`;
        const found = findPrices(text);
        expect(found, text).toHaveLength(1);
        expect(found[0]!.currency).toBe(currency);
        expect(found[0]!.min).toBeCloseTo(amount, 2);
      }),
    );
  });

  it('reads a multiplier as the amount times a thousand, a million or a billion', () => {
    const times = {
      k: 1e3,
      K: 1e3,
      thousand: 1e3,
      M: 1e6,
      m: 1e6,
      million: 1e6,
      mn: 1e6,
      B: 1e9,
      bn: 1e9,
      billion: 1e9,
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom(...(Object.keys(times) as (keyof typeof times)[])),
        fc.constantFrom('', ' '),
        fc.constantFrom('+ spent', ' total', ''),
        (c, unit, space, after) => {
          const amount = c / 100;
          const text = `$${amount}${space}${unit}${after}`;
          const found = findPrices(text);
          expect(found, text).toHaveLength(1);
          expect(found[0]!.min).toBeCloseTo(amount * times[unit], 2);
        },
      ),
    );
  });

  it('ranges are ordered', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
        const [p] = findPrices(`$${a} - $${b}`);
        expect(p!.max).toBeGreaterThanOrEqual(p!.min);
      }),
    );
  });
});

describe('fee model', () => {
  it('uses the settings: Fiverr 20%, the Payoneer route 3% + 2% FX, 1% tax', () => {
    expect(feeModel(DEFAULT_SETTINGS, 'fiverr')).toEqual({
      platformPercent: 20,
      route: 'payoneer',
      withdrawalPercent: 3,
      withdrawalFixed: 0,
      withdrawalCurrency: 'USD',
      fxMarkupPercent: 2,
      markupFrom: null,
      taxPercent: 1,
    });
    expect(feeModel({ ...DEFAULT_SETTINGS, taxStatus: 'pseb' }, 'upwork').taxPercent).toBe(0.25);
    expect(feeModel(DEFAULT_SETTINGS, 'upwork', { feePercent: 12.5 }).platformPercent).toBe(12.5);
  });

  it('computes a $100 Fiverr order step by step', () => {
    // 100 → −20 = 80 → −2.40 = 77.60 → −1.55 (2%) = 76.05 → −0.76 (1%) = 75.29
    expect(breakdown(100, feeModel(DEFAULT_SETTINGS, 'fiverr'))).toEqual({
      gross: 100,
      platformFee: 20,
      withdrawalFee: 2.4,
      fxMarkup: 1.55,
      remitted: 76.05,
      tax: 0.76,
      net: 75.29,
    });
  });

  // Each route's arithmetic in whole cents, worked by hand.
  it.each([
    // Upwork $100 at 10%: 90 → −0.99 = 89.01 → −0.89 (1%) = 88.12 → −0.88 (1%) = 87.24
    [
      'upwork',
      'upwork-local-bank',
      100,
      { platformFee: 10, withdrawalFee: 0.99, fxMarkup: 0.89, tax: 0.88, net: 87.24 },
    ],
    // 90 → 3% = 2.70 + 2.00 = 4.70 → 85.30 → −1.71 (2%) = 83.59 → −0.84 = 82.75
    ['upwork', 'upwork-payoneer', 100, { platformFee: 10, withdrawalFee: 4.7, fxMarkup: 1.71, tax: 0.84, net: 82.75 }],
    // Wise: 90 → −0.63 (0.7%) = 89.37 → no markup → −0.89 = 88.48
    ['upwork', 'wise', 100, { platformFee: 10, withdrawalFee: 0.63, fxMarkup: 0, tax: 0.89, net: 88.48 }],
    // Fiverr $5: 4.00 → −0.12 = 3.88 → −0.08 = 3.80 → −0.04 = 3.76
    ['fiverr', 'payoneer', 5, { platformFee: 1, withdrawalFee: 0.12, fxMarkup: 0.08, tax: 0.04, net: 3.76 }],
    // PeoplePerHour £250 at 20%: 200 → bank 0% → −6.00 (3%) = 194 → −1.94 = 192.06
    ['peopleperhour', 'pph-bank', 250, { platformFee: 50, withdrawalFee: 0, fxMarkup: 6, tax: 1.94, net: 192.06 }],
  ] as const)('%s by %s: %d', (platform, route, gross, expected) => {
    expect(breakdown(gross, feeModel(DEFAULT_SETTINGS, platform, { route }))).toMatchObject(expected);
  });

  it('takes each platform to its default route, and an order’s own route over it', () => {
    expect(feeModel(DEFAULT_SETTINGS, 'upwork').route).toBe('upwork-local-bank');
    expect(feeModel(DEFAULT_SETTINGS, 'peopleperhour').route).toBe('pph-payoneer');
    expect(feeModel(DEFAULT_SETTINGS, 'workchest').route).toBe('payoneer');
    expect(feeModel(DEFAULT_SETTINGS, 'upwork', { route: 'wise' }).route).toBe('wise');
    const mine = { ...DEFAULT_SETTINGS, defaultRoute: { ...DEFAULT_SETTINGS.defaultRoute, fiverr: 'wise' as const } };
    expect(feeModel(mine, 'fiverr').withdrawalPercent).toBe(0.7);
  });

  it('uses the seller’s own average markup when asked, and says so', () => {
    const markups = { payoneer: { percent: 2.6, count: 3, since: '2026-09-01' } };
    const own = feeModel(DEFAULT_SETTINGS, 'fiverr', { markups });
    expect(own).toMatchObject({ fxMarkupPercent: 2.6, markupFrom: { count: 3 } });
    // Another route's average does not leak; switched off, the route's figure stands.
    expect(feeModel(DEFAULT_SETTINGS, 'upwork', { markups }).fxMarkupPercent).toBe(1);
    const off = feeModel({ ...DEFAULT_SETTINGS, useOwnMarkup: false }, 'fiverr', { markups });
    expect(off).toMatchObject({ fxMarkupPercent: 2, markupFrom: null });
  });

  it('converts the fixed withdrawal fee from the route’s currency into the price’s, and never goes below zero', () => {
    const fees = { ...feeModel(DEFAULT_SETTINGS, 'fiverr'), withdrawalFixed: 3 };
    expect(breakdown(50, fees, 0.5).withdrawalFee).toBe(2.7); // 40 × 3% = 1.20 + €1.50
    expect(breakdown(2, fees).net).toBe(0);
    const rates = { USD: 1, EUR: 0.9, GBP: 0.8 };
    expect(fixedFeeRate(fees, rates, 'USD')).toBe(1);
    expect(fixedFeeRate(fees, rates, 'EUR')).toBe(0.9);
    const pounds = feeModel(DEFAULT_SETTINGS, 'peopleperhour');
    expect(fixedFeeRate(pounds, rates, 'GBP')).toBe(1);
    expect(fixedFeeRate(pounds, rates, 'USD')).toBeCloseTo(1.25);
    expect(fixedFeeRate(pounds, rates, 'EUR')).toBeCloseTo(1.125);
    // A currency without a rate: 1:1 rather than NaN.
    expect(fixedFeeRate(pounds, rates, 'XYZ')).toBe(1);
    // A rate per hour carries no per-withdrawal fee, in any currency.
    expect(fixedFeeRate(fees, rates, 'USD', { hourly: true })).toBe(0);
    expect(fixedFeeRate(pounds, rates, 'EUR', { hourly: true })).toBe(0);
    expect(breakdown(25, feeModel(DEFAULT_SETTINGS, 'upwork'), 0).withdrawalFee).toBe(0);
  });

  it('keeps every step in whole cents that add up (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_00 }),
        fc.constantFrom('fiverr', 'upwork', 'peopleperhour') as fc.Arbitrary<'fiverr'>,
        fc.constantFrom(...ROUTE_IDS),
        (c, platform, route) => {
          const b = breakdown(c / 100, feeModel(DEFAULT_SETTINGS, platform, { route }));
          const inCents = (n: number) => Math.round(n * 100);
          for (const v of Object.values(b)) expect(Math.abs(inCents(v) - v * 100)).toBeLessThan(1e-6);
          expect(
            inCents(b.gross) - inCents(b.platformFee) - inCents(b.withdrawalFee) - inCents(b.fxMarkup) - inCents(b.tax),
          ).toBe(inCents(b.net));
          expect(b.net).toBeLessThanOrEqual(b.gross);
        },
      ),
    );
  });
});

describe('rupee formatting', () => {
  const en = translator('en');
  const ur = translator('ur');
  it('groups in thousands or lakh/crore', () => {
    expect(rupeesIn(en, 7000)).toBe('Rs 7,000');
    expect(rupeesIn(en, 1250000)).toBe('Rs 1,250,000');
    expect(rupeesIn(en, 1250000, 'lakh')).toBe('Rs 12,50,000');
    expect(rupeesIn(en, 123456789, 'lakh')).toBe('Rs 12,34,56,789');
    expect(rupeesIn(en, 6999.6)).toBe('Rs 7,000');
  });
  it('writes a range once, and one figure when both ends round alike, in either language', () => {
    expect(rupeesIn(en, 1400, 'thousands', 4200)).toBe('Rs 1,400–4,200');
    expect(rupeesIn(en, 1400.2, 'thousands', 1399.8)).toBe('Rs 1,400');
    expect(rupeesIn(ur, 1400, 'thousands', 4200)).toBe('1,400–4,200 روپے');
    expect(rupeesIn(ur, 1250000, 'lakh')).toBe('12,50,000 روپے');
  });
});
