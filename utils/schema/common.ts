// zod/mini, not classic zod: these schemas ship in content scripts injected into every Fiverr
// and Upwork page, and mini is ~14 KB minified against ~100 KB for the same checks.
import * as z from 'zod/mini';
import { groupDigits } from './digits';

/** Whole numbers in messages, grouped as English writes them ("1,000"), without Intl (./digits.ts). */
export const enNumber = (n: number): string => groupDigits(Math.trunc(n));

/**
 * ISO 4217 codes as the runtime knows them (Chrome, Firefox and Node all ship the list with ICU),
 * so we don't maintain our own table that would drift. Read on the first check, not at load.
 */
let iso4217: ReadonlySet<string> | undefined;

export const CurrencyCode = z.string({ error: 'expected a currency code' }).check(
  z.refine((code) => (iso4217 ??= new Set(Intl.supportedValuesOf('currency'))).has(code), {
    error: (issue) => `unknown currency ${JSON.stringify(issue.input)} (expected an ISO 4217 code such as "USD")`,
  }),
);

export const Id = z
  .string({ error: 'expected an id (text)' })
  .check(
    z.minLength(1, { error: 'expected a non-empty id' }),
    z.maxLength(100, { error: 'id is longer than 100 characters' }),
  );

/** Dates are stored and exported as ISO 8601 strings with a time and an offset (what Date#toISOString writes). */
export const IsoDate = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' });

/** Money in major units (25.5 = $25.50). Positive, finite, and no finer than a thousandth. */
export const PositiveAmount = z.number({ error: 'expected a positive number' }).check(
  z.positive({ error: 'expected a positive number' }),
  z.maximum(1e9, { error: 'amount is implausibly large (over 1,000,000,000)' }),
  z.refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, { error: 'amount has more than 3 decimal places' }),
);

export const Percent = z
  .number({ error: 'expected a percentage' })
  .check(
    z.minimum(0, { error: 'expected a percentage from 0 to 100' }),
    z.maximum(100, { error: 'expected a percentage from 0 to 100' }),
  );

/** WorkChest (#23) is a platform of its own; before, its orders could only be "other". */
export const PLATFORMS = ['fiverr', 'upwork', 'peopleperhour', 'linkedin', 'workchest', 'other'] as const;
export const Platform = z.enum(PLATFORMS, { error: `expected one of ${PLATFORMS.join(', ')}` });
export type Platform = z.infer<typeof Platform>;

/**
 * Unicode's invisible format characters (category Cf): bidi controls (U+202A–202E, U+2066–2069,
 * U+200E/200F, U+061C), zero-width spaces and joiners, the BOM, soft hyphens. In a name, a title
 * or a shortcut they only disguise text: "/hi" and "/hi" + U+200B must be one shortcut, and a client
 * named U+202E alone is no name.
 */
const INVISIBLE = /\p{Cf}/gu;

/** Text as it reads: NFKC (full-width "ｌｏｇｏ" is "logo"), with invisible format characters removed. */
export function cleanText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * Text cleaned (see cleanText), with leading and trailing space removed, between `min` and `max`
 * characters.
 */
export function trimmedText(what: string, min: number, max: number) {
  return z
    .string({ error: `expected ${what} (text)` })
    .check(
      z.overwrite(cleanText),
      z.trim(),
      z.minLength(min, { error: min === 1 ? `${what} cannot be empty` : `${what} needs at least ${min} characters` }),
      z.maxLength(max, { error: `${what} is at most ${enNumber(max)} characters` }),
    );
}
