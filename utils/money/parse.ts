/**
 * Finds prices in page text: `$25`, `US$10`, `USD 25`, `25 USD`, `€9.99`, `£1,250`, `$1.5k`, `$1M+`,
 * ranges (`$5 - $15`, `$5–$15`, `$15.00 - $35.00`, `20-25 USD`) and hourly rates (`/hr`, `per hour`,
 * `Hourly: $15`). A price needs a currency marker next to its number, so ratings (4.9), counts
 * ((1k+)), dates, percentages and order numbers never match; rupee prices (Rs, PKR, ₨) and other
 * dollars (`$25 NZD`) are left alone on purpose.
 */
export type PriceCurrency = 'USD' | 'EUR' | 'GBP' | 'CAD' | 'AUD' | 'AED';

export interface PriceMatch {
  /** Offsets of the whole match in the text. */
  start: number;
  end: number;
  currency: PriceCurrency;
  min: number;
  /** Equal to min for a single price. */
  max: number;
  hourly: boolean;
  /** Labelled as what the seller gets, the platform's fee already taken: "You'll receive $90.00". */
  afterFee: boolean;
  /** Written with a minus before it, as a withdrawal or a refund is: "-$500.00". */
  negative?: boolean;
  /** At least this much: "$5K+", "$200+ spent". */
  plus?: boolean;
}

const SYMBOLS: Record<string, PriceCurrency> = {
  US$: 'USD',
  $: 'USD',
  USD: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  CAD: 'CAD',
  AU$: 'AUD',
  A$: 'AUD',
  AUD: 'AUD',
  '€': 'EUR',
  EUR: 'EUR',
  '£': 'GBP',
  GBP: 'GBP',
  AED: 'AED',
};

/** The currency codes read beside the symbols $, € and £. */
const CODES = 'USD|EUR|GBP|CAD|AUD|AED';
const PREFIX = String.raw`US\$|CA\$|AU\$|C\$|A\$|\$|€|£|${CODES}`;
const SUFFIX = `${CODES}|€`;
/**
 * A currency marker, as the parser reads them. Every price has one, so a text without one is
 * passed over after this single test.
 */
export const CURRENCY_MARKER = new RegExp(String.raw`[$€£]|${CODES}`);
/**
 * A marker left dangling at a text's edge, its amount in a neighbouring element: "From US$" before
 * `<span>25</span>`, or "USD" after it.
 */
export const DANGLING_MARKER = new RegExp(String.raw`(?:[$€£]|${CODES})\s*$|^\s*(?:[-–—]\s*)?(?:${CODES}|€)`);
/**
 * A bare `$` is any of these, told apart by a code after the amount: `$25 AUD`, `$5 - $15 CAD`. After
 * a single amount the code is looked at, not taken into the match: when `$25` and ` USD` sit in
 * two elements, the code's own piece must not look like a second price to annotate.
 */
const DOLLARS = 'USD|CAD|AUD';
/**
 * Other currencies written with a bare `$`. A client's "Budget: $500 NZD" or "$2,000 MXN" is no US
 * dollar amount, and we have no rate for it: showing it at the US rate put Rs 140,000 beside a budget
 * worth about Rs 80,000. Such a price is left alone, like a rupee price.
 */
const OTHER_DOLLAR_AFTER =
  /^\s?(?:NZD|SGD|HKD|TWD|MXN|BRL|ARS|CLP|COP|UYU|JMD|TTD|BSD|BBD|BZD|BMD|KYD|XCD|FJD|BND|NAD|GYD|LRD|SRD|DOP)(?![A-Za-z])/;
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?`;
/**
 * Thousands, millions, billions: `$1.5k`, Upwork's client spend `$100K+` and `$1M+ total spent`.
 * A lone letter stuck to the amount that is none of these (`$1T`, `$2x faster`) makes it no price:
 * reading `$1M+` as one dollar showed Rs 280 beside a million-dollar client. A word is let be: a
 * split price's container reads its pieces run together (`US$` `25` `per order` as "US$25per order").
 */
const K = String.raw`(?:\s?(?:[kKmMbB]|thousand|million|billion|mn|bn)(?![A-Za-z]))?(?![A-Za-z](?![A-Za-z]))`;
const MULTIPLIER: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/**
 * What may not stand right before a price: a digit or another amount's mark; nor, before a bare
 * `$`, a code that makes it another dollar (`HK$200`, `NZ$`, `S$`, `R$`, `MX$`, `NT$`). A word may:
 * a card's "From" and its "$200" in elements of their own read "From$200" run together, and
 * refusing every letter there left one Fiverr card in seven without a price (#19). A code is its
 * capitals after anything but a capital, so "FromHK$200" is still Hong Kong's.
 */
const NOT_BEFORE = String.raw`(?<![\d$€£.,_])(?<!(?<![A-Z])(?:HK|NZ|NT|MX|SG|TW|RD|TT|JM|BZ|BB|BS|FJ|GY|LR|SR|AR|CL|CO|UY|S|R|N|Z|C|A|U|US|CA|AU)(?=\$))`;

const PRICE = new RegExp(
  NOT_BEFORE +
    String.raw`(?:(?<p1>${PREFIX})\s?(?<a1>${NUM})(?<k1>${K})(?=(?:\s?(?<s1>${DOLLARS})(?![A-Za-z]))?)|` +
    // The code after a range of bare amounts: "20-25 USD", "5 to 10 EUR". Not a spaced dash: that
    // more often parts a label from a price ("Milestone 1 - 200 USD") than two amounts.
    String.raw`(?:(?<a0>${NUM})(?<k0>${K})(?:[-–—]|\s+to\s+))?(?<a2>${NUM})(?<k2>${K})\s?(?<s2>${SUFFIX})(?![A-Za-z]))` +
    String.raw`(?:\s*(?:-|–|—|to)\s*(?:(?<p3>${PREFIX})\s?)?(?<a3>${NUM})(?<k3>${K})(?:\s?(?<s3>${SUFFIX})(?![A-Za-z]))?)?` +
    String.raw`(?<hr>\s*(?:\/\s*[hH](?:[rR][sS]?|our)?\b|[pP]er\s+(?:[hH]our|[hH][rR])\b|an\s+hour\b|hourly\b))?` +
    String.raw`(?![\d%]|[.,]\d)`,
  'g',
);

/**
 * A label that makes the price after it hourly: Upwork's job tiles write "Hourly: $15.00 - $35.00",
 * its contracts "Hourly rate: $20.00", with no "/hr" after the amount.
 */
const HOURLY_LABEL = /\bhourly(?:\s+(?:rate|range|budget|pay))?\s*:?\s*$/i;
const LABEL_REACH = 24;
/**
 * A label that makes the amount after it the seller's share, the platform's fee already taken, as
 * Upwork's proposal terms write it ("You'll receive"). Not "you'll get": a gig's "What you'll get"
 * heading or a "you get $5 off" is a buyer's price.
 */
const AFTER_FEE_WORDS = String.raw`you(?:(?:'|’)ll|\s+will)?\s+(?:receive|earn)`;
export const AFTER_FEE_LABEL = new RegExp(String.raw`\b${AFTER_FEE_WORDS}\s*:?\s*$`, 'i');
/**
 * The same words anywhere, for a whole page's text: a page without them has no such label. No
 * word boundary: in a page's joined text the label's first letter may follow the previous
 * element's last ("Paid" "You'll receive").
 */
export const AFTER_FEE_WORDS_ANYWHERE = new RegExp(AFTER_FEE_WORDS, 'i');
const DOLLAR = new Set(DOLLARS.split('|'));

function amount(digits: string, unit: string | undefined): number {
  const n = Number(digits.replace(/,/g, ''));
  const times = unit ? MULTIPLIER[unit.trim().toLowerCase()] : undefined;
  return times ? Math.round(n * times * 100) / 100 : n;
}

/** Cheap test before the regex: no digit, no price. */
export function mayContainPrice(text: string): boolean {
  return /\d/.test(text) && CURRENCY_MARKER.test(text);
}

/**
 * A search card's price alone in its text ("From $45", "US$1,250.50", "€9.99"), by far the commonest
 * text a page has: read without PRICE, whose first use on a page costs about 3 ms to compile and
 * then some 25 µs a text until V8 has optimised it, for each distinct price of the page (#19). It
 * reads them as PRICE does (tests/unit/money.test.ts holds the two to the same answers); anything
 * else goes to PRICE.
 */
const SIMPLE = new RegExp(String.raw`^(?:From\s?)?(US\$|\$|€|£)(${NUM})$`);

export function findPrices(text: string): PriceMatch[] {
  const simple = SIMPLE.exec(text);
  if (simple === null) return findPricesByPattern(text);
  const [, symbol, digits] = simple as unknown as [string, string, string];
  const value = amount(digits, undefined);
  return [
    {
      start: text.length - symbol.length - digits.length,
      end: text.length,
      currency: SYMBOLS[symbol]!,
      min: value,
      max: value,
      hourly: false,
      afterFee: false,
    },
  ];
}

/** Every price in `text`, by PRICE. */
export function findPricesByPattern(text: string): PriceMatch[] {
  if (!mayContainPrice(text)) return [];
  const out: PriceMatch[] = [];
  for (const m of text.matchAll(PRICE)) {
    const g = m.groups!;
    const code = g.s1 ?? g.s3;
    if (g.p1 === '$' && !code && OTHER_DOLLAR_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const currency = g.p1 === '$' && code && DOLLAR.has(code) ? SYMBOLS[code]! : SYMBOLS[g.p1 ?? g.s2!]!;
    const min = g.a0 ? amount(g.a0, g.k0) : amount(g.a1 ?? g.a2!, g.k1 ?? g.k2);
    let max = g.a0 ? Math.max(min, amount(g.a2!, g.k2)) : min;
    // A second amount in another currency is not a range of this price ("$5 - €4").
    if (g.a3 && (!g.p3 || SYMBOLS[g.p3] === currency || (g.p3 === '$' && DOLLAR.has(currency))))
      max = Math.max(min, amount(g.a3, g.k3));
    const before = text.slice(Math.max(0, m.index - LABEL_REACH), m.index);
    const hourly = Boolean(g.hr) || HOURLY_LABEL.test(before);
    const afterFee = AFTER_FEE_LABEL.test(before);
    // A minus touching a single amount, after a space, "(" or ":" or at the start: not a range's
    // dash ("$5-$10"), nor a spaced dash that parts a label from its price ("Milestone 1 - $200").
    const negative = min === max && /(?:^|[\s(:])[-−]$/.test(text.slice(Math.max(0, m.index - 2), m.index));
    const plus = text[m.index + m[0].length] === '+';
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      currency,
      min,
      max,
      hourly,
      afterFee,
      ...(negative ? { negative } : {}),
      ...(plus ? { plus } : {}),
    });
  }
  return out;
}
