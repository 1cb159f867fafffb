import { hasMessages, registerMessages, type Locale } from '.';

/**
 * In an extension page: loads a locale's words from the extension itself, only when the seller
 * reads it (the popup then loads no Urdu for a seller who reads English, and the reverse costs one
 * small file).
 */
export async function loadMessages(locale: Locale): Promise<void> {
  if (locale === 'en' || hasMessages(locale)) return;
  const { default: messages } = await import('./locales/ur.json');
  registerMessages(locale, messages);
}
