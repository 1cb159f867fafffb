/**
 * The rates feature's public face: what other features may use. The rates themselves are fetched
 * by the background only (sources.ts, store.ts); everything else asks for `currentRates`.
 */
export { currentRates } from './store';
export { ratesOfDays, watchRateHistory, type RateHistory } from './history';
export { readLearnedMarkups, saveLearnedMarkups, watchLearnedMarkups } from './markups';
export { BUILT_IN_RATES } from './sources';
