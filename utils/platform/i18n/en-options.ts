import { MESSAGES, registerMessages } from '.';
import './en-pages';
import options from './locales/en-options.json';

/**
 * The English only the options page (and the background, which has everything) shows: settings,
 * orders, payouts, statements, backup, sync. Not in the popup, which shows none of it (#19).
 */
export const OPTIONS_PREFIXES = [
  'statement',
  'payouts',
  'settings',
  'backup',
  'sync',
  'csv',
  'firstRun',
  'sites',
  'orders',
  'cost',
  'options',
  'editor',
  'variable',
] as const;

registerMessages('en', { ...MESSAGES.en, ...options });
