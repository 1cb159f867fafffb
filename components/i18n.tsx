import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { LOCALE_TAGS, translator, translatorFor, type Translator } from '@/utils/platform/i18n';
import { useSettings } from './useSettings';

const TranslatorContext = createContext<Translator>(translator('en'));

/**
 * The interface language for a page of ours: the setting, or the browser's. It also sets the
 * page's lang and dir, so Urdu is laid out right to left (our CSS uses logical properties only).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const tr = translatorFor(settings?.language ?? 'auto');
  useEffect(() => {
    document.documentElement.lang = LOCALE_TAGS[tr.locale];
    document.documentElement.dir = tr.dir;
  }, [tr]);
  return <TranslatorContext.Provider value={tr}>{children}</TranslatorContext.Provider>;
}

export const useT = (): Translator => useContext(TranslatorContext);
