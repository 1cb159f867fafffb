import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/**
 * Pages other people saved from the live sites (../shared/real-pages, see its README). They are
 * read from there at test time and never copied into this repository.
 */
export const REAL_PAGES_DIR = process.env.GIGSAATHI_REAL_PAGES ?? join(ROOT, '../shared/real-pages');

export interface RealPage {
  name: string;
  file: string;
  /** The URL it was saved from, or the nearest one its markup belongs to. */
  url: string;
  /** Only the list's outerHTML was saved: it is wrapped in a document to serve it. */
  fragment?: boolean;
}

export const REAL_PAGES: ReadonlyArray<RealPage> = [
  {
    name: 'fiverr-search',
    file: 'fiverr-search-2025.html',
    url: 'https://www.fiverr.com/search/gigs?query=writer%27s%20block',
  },
  {
    name: 'fiverr-tag-listing',
    file: 'fiverr-tag-listing-2025.html',
    url: 'https://www.fiverr.com/gigs/1000-seo-backlinks',
  },
  {
    name: 'fiverr-gig',
    file: 'fiverr-gig-2025.html',
    url: 'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you',
  },
  { name: 'fiverr-seller-profile', file: 'fiverr-seller-profile-2025.html', url: 'https://www.fiverr.com/tonigdesign' },
  { name: 'fiverr-categories', file: 'fiverr-categories-index-2025.html', url: 'https://www.fiverr.com/categories' },
  {
    name: 'upwork-job-search',
    file: 'upwork-job-search-loggedin-2026.html',
    url: 'https://www.upwork.com/nx/search/jobs/?q=automation',
  },
  {
    name: 'upwork-job-search-2024',
    file: 'upwork-job-search-results-fragment-2024.html',
    url: 'https://www.upwork.com/nx/search/jobs/?q=scraper&page=2',
    fragment: true,
  },
  {
    name: 'upwork-find-work',
    file: 'upwork-find-work-most-recent-fragment-2024.html',
    url: 'https://www.upwork.com/nx/find-work/most-recent',
    fragment: true,
  },
];

/** Why the real-page tier cannot run here, or null when it can. */
export function realPagesMissing(): string | null {
  if (!existsSync(REAL_PAGES_DIR)) return `no saved real pages at ${REAL_PAGES_DIR}`;
  const absent = REAL_PAGES.filter((p) => !existsSync(join(REAL_PAGES_DIR, p.file))).map((p) => p.file);
  return absent.length ? `missing in ${REAL_PAGES_DIR}: ${absent.join(', ')}` : null;
}

/** The page as served: a saved document as it is, a fragment inside a minimal document. */
export function realPageHtml(page: RealPage): string {
  const html = readFileSync(join(REAL_PAGES_DIR, page.file), 'utf8');
  return page.fragment
    ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.name}</title></head><body><main>${html}</main></body></html>`
    : html;
}

/** The saved page whose URL (path and query) this request asks for. */
export function realPageFor(host: string, pathAndQuery: string): RealPage | null {
  return (
    REAL_PAGES.find((p) => {
      const u = new URL(p.url);
      return u.hostname === host && u.pathname + u.search === pathAndQuery;
    }) ?? null
  );
}
