import { MESSAGES, registerMessages } from '.';
import seo from './locales/en-seo.json';

/**
 * The English of the listing and proposal checks: Fiverr's gig checks load it in their pack
 * (entrypoints/fiverr-seo.ts), which Fiverr pages without a gig do not load; Upwork's content script
 * and our own pages import it (#19). Which key goes here is by its prefix, as with ./en-pages.ts.
 */
export const SEO_PREFIXES = ['seo', 'upwork', 'contact', 'opening'] as const;

registerMessages('en', { ...MESSAGES.en, ...seo });
