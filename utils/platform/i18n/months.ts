import { format } from 'date-fns';
import { LOCALE_TAGS, type Translator } from './index';

/**
 * A month (`2026-09`) as the extension's pages name it: "Sep", "September" or "September 2026" in English (date-fns:
 * Intl's en-GB writes "Sept"), the locale's own names in Urdu, where date-fns has no locale. Kept
 * out of index.ts so the content scripts do not carry date-fns's formatter.
 */
export function monthLabel(
  tr: Pick<Translator, 'locale'>,
  month: string,
  form: 'short' | 'name' | 'long' = 'long',
): string {
  const date = new Date(`${month}-15T12:00:00`);
  if (Number.isNaN(date.getTime())) return month;
  if (tr.locale === 'en') return format(date, form === 'short' ? 'MMM' : form === 'name' ? 'MMMM' : 'MMMM yyyy');
  return new Intl.DateTimeFormat(
    LOCALE_TAGS[tr.locale],
    form === 'long' ? { month: 'long', year: 'numeric' } : { month: 'long' },
  ).format(date);
}
