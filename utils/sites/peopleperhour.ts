/**
 * What GigSaathi knows of peopleperhour.com's pages (#23). No page of it is saved in
 * shared/real-pages, so the shapes are what public scrapers read (2020–2025): the job list as
 * `li.list__item` (older `div.job-list-item`) with its budget in a span carrying £, $ or €, and a
 * job's budget in `div.price-tag` (Cooya/Freelance-Jobs-Watcher `scripts/pph.js`;
 * SyedSafeerHussain/pph-job-scraper). Prices are read from the page's text wherever they are, so
 * only the amounts already after its fee and the private ones need selectors.
 *
 * Its host permission is optional: asked for when the seller switches PeoplePerHour on
 * (components/OptionalSites.tsx), and its content script is registered only then
 * (utils/platform/runner/optional-sites.background.ts).
 */
import type { SelectorProofs } from './proof';
import { pathDetector } from './url';

export const PPH_DOMAIN = 'peopleperhour.com';
export const PPH_MATCHES = ['https://*.peopleperhour.com/*'];

/** `/freelance-jobs` and its categories and searches. */
export const isJobList = pathDetector(PPH_DOMAIN, /^\/freelance-jobs(?:\/[a-z0-9-]+){0,2}\/?$/);
/** One job: `/freelance-jobs/<category>/<sub>/<slug>-<id>`. */
export const isJob = pathDetector(PPH_DOMAIN, /^\/freelance-jobs\/(?:[a-z0-9-]+\/)*[a-z0-9-]+-\d{4,}\/?$/);
/** A fixed-price service ("Hourlie"): `/hourlie/<slug>/<id>`. */
export const isHourlie = pathDetector(PPH_DOMAIN, /^\/hourlie\/[a-z0-9-]+\/\d+\/?$/);
/** The seller's dashboard and its money pages. */
export const isDashboard = pathDetector(PPH_DOMAIN, /^\/(?:dashboard|member-payments|payments)(?:\/.*)?$/);

export const detectors = { isJobList, isJob, isHourlie, isDashboard } as const;

export const selectors = {
  jobs: {
    item: 'li.list__item, div.job-list-item',
    budget: 'div.price-tag',
  },
  dashboard: {
    /** The seller's balance, already after PeoplePerHour's fee (unconfirmed: by analogy with Fiverr). */
    balance: '[class*="balance" i]',
  },
} as const;

export const selectorProofs: SelectorProofs<typeof selectors> = {
  'jobs.item': ['fixture:pph-jobs'],
  'jobs.budget': ['fixture:pph-job'],
  'dashboard.balance': ['fixture:pph-dashboard'],
};

export const earnedAmounts = { within: selectors.dashboard.balance } as const;

/** What a screen-sharing blur hides: the balance, and the whole dashboard's money pages. */
export function privateAmounts(url: string): string[] {
  return [selectors.dashboard.balance, ...(isDashboard(url) ? ['main'] : [])];
}
