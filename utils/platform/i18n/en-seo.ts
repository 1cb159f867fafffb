import { MESSAGES, registerMessages } from '.';
import seo from './locales/en-seo.json';

/**
 * The English of the listing and proposal checks: each site's checks load it in their pack
 * (entrypoints/fiverr-seo.ts, upwork-seo.ts), which pages without the checks do not load; our own
 * pages import it through ./en-pages.ts (#19). Which key goes here is by its prefix, as with ./en-pages.ts.
 */
export const SEO_PREFIXES = ['seo', 'upwork', 'contact', 'opening'] as const;

registerMessages('en', { ...MESSAGES.en, ...seo });
