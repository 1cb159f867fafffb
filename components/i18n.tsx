import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { hasMessages, LOCALE_TAGS, translator, translatorFor, type Translator } from '@/utils/platform/i18n';
import { loadMessages } from '@/utils/platform/i18n/pages';
import { useSettings } from './useSettings';

const TranslatorContext = createContext<Translator>(translator('en'));

/**
 * The interface language for a page of ours: the setting, or the browser's. It also sets the
 * page's lang and dir, so Urdu is laid out right to left (our CSS uses logical properties only).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const tr = translatorFor(settings?.language ?? 'auto');
  // A language whose words are not loaded yet: nothing is shown until they are, rather than a
  // flash of English for a seller who reads Urdu.
  const [, setLoaded] = useState(0);
  const ready = hasMessages(tr.locale);
  useEffect(() => {
    if (!ready)
      loadMessages(tr.locale).then(
        () => setLoaded((n) => n + 1),
        (e: unknown) => console.error('[GigSaathi] loading the interface words failed', e),
      );
  }, [ready, tr.locale]);
  useEffect(() => {
    document.documentElement.lang = LOCALE_TAGS[tr.locale];
    document.documentElement.dir = tr.dir;
  }, [tr]);
  if (!ready) return null;
  return <TranslatorContext.Provider value={tr}>{children}</TranslatorContext.Provider>;
}

export const useT = (): Translator => useContext(TranslatorContext);
