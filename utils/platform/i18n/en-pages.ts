import { MESSAGES, registerMessages } from '.';
import './en-seo';
import pages from './locales/en-pages.json';

/**
 * The English only the extension's own pages and the background show, imported once for its
 * effect by their entrypoints (`sideEffects` in package.json keeps the import). Content scripts
 * never import it: words that every Fiverr and Upwork page would load and never show (#19). The
 * popup's words are here; the options page's alone are in ./en-options.ts. Which key goes where
 * is by its prefix; tests/unit/i18n.test.tsx checks that no file uses a prefix its surface lacks.
 */
export const PAGE_PREFIXES = ['popup', 'dashboard', 'chart', 'reminder', 'platform', 'notice'] as const;

registerMessages('en', { ...MESSAGES.en, ...pages });
