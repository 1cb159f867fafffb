/**
 * The templates feature's public face. Sync (utils/sync) reads the library as the pickers do:
 * each stored template validated on its own, one that fails the schema left where it is.
 */
export { readTemplates } from './store';
