import { LOCALE_TAGS, type Translator } from './index';

/**
 * A month (`2026-09`) as the extension's pages name it: "Sep", "September" or "September 2026" in
 * English, the locale's own names in Urdu. Intl, not date-fns's `format`: that brings date-fns's
 * whole English locale into the popup (#19), and en-US (LOCALE_TAGS) writes "Sep" where en-GB
 * would write "Sept".
 */
export function monthLabel(
  tr: Pick<Translator, 'locale'>,
  month: string,
  form: 'short' | 'name' | 'long' = 'long',
): string {
  const date = new Date(`${month}-15T12:00:00`);
  if (Number.isNaN(date.getTime())) return month;
  const options: Intl.DateTimeFormatOptions =
    form === 'long'
      ? { month: 'long', year: 'numeric' }
      : { month: form === 'short' && tr.locale === 'en' ? 'short' : 'long' };
  return new Intl.DateTimeFormat(LOCALE_TAGS[tr.locale], options).format(date);
}
