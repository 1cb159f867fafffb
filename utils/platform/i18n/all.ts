import { registerMessages } from '.';
import ur from './locales/ur.json';

/**
 * Every locale, for the extension's own pages and the background (imported once, for its
 * effect, by their entrypoints). Content scripts do not import this: see ./remote.ts.
 */
registerMessages('ur', ur);
