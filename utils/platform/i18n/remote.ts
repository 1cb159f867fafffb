import { request } from '@/utils/platform/messaging/client';
import { browserLanguages, hasMessages, registerMessages, resolveLocale, type LanguageSetting } from '.';

let pending: Promise<void> | null = null;

/**
 * In a content script: makes sure the words of the seller's language are here before anything
 * is shown, asking the background once (Urdu is not in the content scripts: ~11 KB gzip every
 * page would load for sellers who read English). If the background cannot answer, English stays.
 */
export function ensureMessages(language: LanguageSetting): Promise<void> {
  const locale = resolveLocale(language, browserLanguages());
  if (locale === 'en' || hasMessages(locale)) return Promise.resolve();
  pending ??= request('i18n.messages', { locale })
    .then((messages) => registerMessages(locale, messages))
    .catch(() => {})
    .finally(() => {
      pending = null;
    });
  return pending;
}
