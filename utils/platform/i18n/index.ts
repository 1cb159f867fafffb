import { groupRupees, type Grouping } from '@/utils/money/format';
import en from './locales/en.json';
import type enPages from './locales/en-pages.json';
import type enOptions from './locales/en-options.json';
import type enSeo from './locales/en-seo.json';

/**
 * The interface's words, from locale files (utils/platform/i18n/locales/*.json, one flat object each).
 * Not browser.i18n: it always follows the browser's language, and the seller must be able to
 * choose Urdu in a browser set to English (or the other way round) from the settings.
 *
 * The English of what content scripts show is in every bundle (en.json); the English only our own
 * pages show is added by ./en-pages.ts (the popup's and the background's) and ./en-options.ts (the
 * options page's), which those entrypoints import (#19); ./en-seo.ts the listing checks', which
 * each site's checks pack loads with them. Urdu is added by registerMessages:
 * extension pages and the background bundle it (./all.ts); content scripts, whose size every page
 * pays for, get it from the background when the seller reads Urdu (./remote.ts).
 *
 * Messages take `{name}` placeholders. A key ending in `.one` / `.other` is a plural pair, chosen
 * with Intl.PluralRules for the locale.
 */
export type Locale = 'en' | 'ur';
export type LanguageSetting = 'auto' | Locale;
type Messages = typeof en & typeof enSeo & typeof enPages & typeof enOptions;
export type MessageKey = keyof Messages;
type PluralBase<K> = K extends `${infer B}.other` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

export const MESSAGES: Record<Locale, Record<string, string>> = { en, ur: {} };

/** Whether a locale's messages are here (English always is). */
export const hasMessages = (locale: Locale) => Object.keys(MESSAGES[locale]).length > 0;

/** Adds a locale's messages; translators made before for it are made again. */
export function registerMessages(locale: Locale, messages: Record<string, string>): void {
  MESSAGES[locale] = { ...messages };
  cache.delete(locale);
}
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-US', ur: 'ur-PK' };

/** The locale to show: the setting, or for `auto` the first browser language we have. */
export function resolveLocale(setting: LanguageSetting, browserLanguages: ReadonlyArray<string>): Locale {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ur') return 'ur';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export const dirOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ur' ? 'rtl' : 'ltr');

export type Params = Record<string, string | number>;

const cache = new Map<Locale, Translator>();

export interface Translator {
  locale: Locale;
  dir: 'rtl' | 'ltr';
  t(key: MessageKey, params?: Params): string;
  /** A plural message: `{count}` is filled in, the form chosen for the locale. */
  tn(key: PluralKey, count: number, params?: Params): string;
  /** Numbers in the locale's own style (Urdu keeps Latin digits, as Pakistani banks print them). */
  number(n: number, options?: Intl.NumberFormatOptions): string;
}

function fill(message: string, params: Params | undefined, locale: Locale): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name];
    if (value === undefined) return m;
    return typeof value === 'number' ? new Intl.NumberFormat(LOCALE_TAGS[locale]).format(value) : value;
  });
}

export function translator(locale: Locale): Translator {
  const hit = cache.get(locale);
  if (hit) return hit;
  const plural = new Intl.PluralRules(LOCALE_TAGS[locale]);
  // A key missing from a locale is a bug the parity test catches; the English text is still
  // better than a raw key if one ever slips through.
  // Read at each call: a locale registered later (./remote.ts) reaches translators made before.
  const lookup = (key: string) => MESSAGES[locale][key] ?? MESSAGES.en[key] ?? key;
  const tr: Translator = {
    locale,
    dir: dirOf(locale),
    t: (key, params) => fill(lookup(key), params, locale),
    tn: (key, count, params) => {
      const form = plural.select(count) === 'one' ? 'one' : 'other';
      return fill(lookup(`${key}.${form}`), { count, ...params }, locale);
    },
    number: (n, options) => new Intl.NumberFormat(LOCALE_TAGS[locale], options).format(n),
  };
  cache.set(locale, tr);
  return tr;
}

/** The browser's languages, where there is a navigator (pages, content scripts, workers). */
export function browserLanguages(): string[] {
  return typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language].filter(Boolean);
}

export function translatorFor(setting: LanguageSetting): Translator {
  return translator(resolveLocale(setting, browserLanguages()));
}

/** "3 hours ago", "ابھی ابھی". */
export function ageText(tr: Translator, ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return tr.t('age.justNow');
  if (minutes < 60) return tr.t('age.minutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return tr.tn('age.hours', hours);
  return tr.tn('age.days', Math.round(hours / 24));
}

/** "2 days", "5 hours": whole hours up to two days, then days. */
export function durationText(tr: Translator, ms: number): string {
  const hours = Math.round(Math.abs(ms) / 3600_000);
  return hours >= 48 ? tr.tn('duration.days', Math.round(hours / 24)) : tr.tn('duration.hours', hours);
}

const WEEKDAY_INDEX = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 } as const;

/** A weekday's name in the locale ("Sunday", "اتوار"). */
export function weekdayName(tr: Translator, day: keyof typeof WEEKDAY_INDEX): string {
  // 4 Jan 2026 was a Sunday.
  const date = new Date(2026, 0, 4 + WEEKDAY_INDEX[day], 12);
  return new Intl.DateTimeFormat(LOCALE_TAGS[tr.locale], { weekday: 'long' }).format(date);
}

/** "24 Nov" in the locale. */
export function shortDate(
  tr: Translator,
  date: Date,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' },
): string {
  return new Intl.DateTimeFormat(tr.locale === 'en' ? 'en-GB' : LOCALE_TAGS[tr.locale], options).format(date);
}

/**
 * Rupees as the locale writes them: "Rs 12,50,000" in English, "12,50,000 روپے" in Urdu. The one
 * rupee formatter: `max` makes a range ("Rs 1,400–4,200"), one figure when both round alike.
 */
export function rupees(tr: Translator, amount: number, grouping: Grouping = 'thousands', max: number = amount): string {
  const figure =
    Math.round(amount) === Math.round(max)
      ? groupRupees(amount, grouping)
      : `${groupRupees(amount, grouping)}–${groupRupees(max, grouping)}`;
  return tr.t('money.rupees', { amount: figure });
}

/** "a, b, c" / "a، b، c": items in a row, as the locale separates them (no "and"). */
export function listOf(tr: Pick<Translator, 'locale'>, items: ReadonlyArray<string>): string {
  return new Intl.ListFormat(LOCALE_TAGS[tr.locale], { type: 'conjunction', style: 'narrow' }).format(items);
}

/** A page feature's switch label or description (keys `feature.<id>.title|description`). */
export function featureText(tr: Translator, id: string, part: 'title' | 'description'): string {
  return tr.t(`feature.${id}.${part}` as MessageKey);
}
