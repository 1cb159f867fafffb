/**
 * Which fixture page answers which real URL. The same table serves the end-to-end tests and the
 * demo, so what the demo shows is what the tests check.
 */
export interface Route {
  host: 'fiverr' | 'upwork' | 'peopleperhour';
  pattern: RegExp;
  page: string;
}

export const ROUTES: Route[] = [
  { host: 'fiverr', pattern: /^\/inbox\/[^/]+\/?$/, page: 'fiverr/inbox.html' },
  { host: 'fiverr', pattern: /^\/orders\/[A-Za-z0-9]+\/activities\/?$/, page: 'fiverr/order.html' },
  { host: 'fiverr', pattern: /^\/users\/[^/]+\/manage_gigs\/(?:[^/]+\/edit|new)\/?$/, page: 'fiverr/gig-editor.html' },
  { host: 'fiverr', pattern: /^\/search\/gigs\/?$/, page: 'fiverr/search.html' },
  { host: 'fiverr', pattern: /^\/earnings\/?$/, page: 'fiverr/earnings.html' },
  { host: 'fiverr', pattern: /^\/users\/[^/]+\/manage_orders\/?$/, page: 'fiverr/manage-orders.html' },
  // Gig pages by seller: a poor gig and one over Fiverr's limits, beside the good one.
  { host: 'fiverr', pattern: /^\/lazy_seller\/[^/]+\/?$/, page: 'fiverr/gig-poor.html' },
  { host: 'fiverr', pattern: /^\/wordy_seller\/[^/]+\/?$/, page: 'fiverr/gig-over.html' },
  {
    host: 'fiverr',
    pattern: /^\/(?!inbox|orders|users|search|categories|__fixtures)[^/]+\/[^/]+\/?$/,
    page: 'fiverr/gig.html',
  },
  // Generic editors for the insertion tests; three segments, so no site detector claims them.
  { host: 'fiverr', pattern: /^\/__editors\/lexical\/page\/?$/, page: 'editors/lexical.html' },
  { host: 'fiverr', pattern: /^\/__editors\/plain\/page\/?$/, page: 'editors/plain.html' },
  { host: 'upwork', pattern: /^\/nx\/proposals\/job\/~[0-9A-Za-z]+\/apply\/?$/, page: 'upwork/proposal.html' },
  // The old earnings URL and the one it now redirects to (SITES.md).
  {
    host: 'upwork',
    pattern: /^\/nx\/payments\/reports\/(?:transaction-history|transactions\/[^/]+)\/?$/,
    page: 'upwork/earnings.html',
  },
  { host: 'upwork', pattern: /^\/nx\/wm\/workroom\/\d+(?:\/[^/]*)?\/?$/, page: 'upwork/contract.html' },
  { host: 'upwork', pattern: /^\/freelancers\/~[0-9A-Za-z]+\/?$/, page: 'upwork/profile.html' },
  { host: 'upwork', pattern: /^\/nx\/project-dashboard(?:\/[^/]+)*\/?$/, page: 'upwork/catalog.html' },
  { host: 'upwork', pattern: /^\/ab\/messages\/rooms\/room_[0-9a-f]+\/?$/, page: 'upwork/messages.html' },
  { host: 'upwork', pattern: /^\/nx\/(?:search\/jobs|find-work)(?:\/[^/]*)?\/?$/, page: 'upwork/jobs.html' },
  // An hourly job's details by its id, beside the fixed-price one.
  { host: 'upwork', pattern: /^\/jobs\/~0299\d+\/?$/, page: 'upwork/job-hourly.html' },
  { host: 'peopleperhour', pattern: /^\/freelance-jobs\/?$/, page: 'peopleperhour/jobs.html' },
  {
    host: 'peopleperhour',
    pattern: /^\/freelance-jobs\/(?:[a-z0-9-]+\/)*[a-z0-9-]+-\d{4,}\/?$/,
    page: 'peopleperhour/job.html',
  },
  { host: 'peopleperhour', pattern: /^\/dashboard\/?$/, page: 'peopleperhour/dashboard.html' },
  { host: 'upwork', pattern: /^\/(?:jobs|nx\/search\/jobs\/details)\/~[0-9A-Za-z]+\/?$/, page: 'upwork/job.html' },
];

/** One URL per fixture page: what the demo opens and what the console-error test visits. */
export const DEMO_PAGES = [
  { name: 'fiverr-inbox', url: 'https://www.fiverr.com/inbox/alice_buyer', title: 'Fiverr inbox (Slate composer)' },
  {
    name: 'fiverr-inbox-textarea',
    url: 'https://www.fiverr.com/inbox/alice_buyer?composer=message-box-text-area',
    title: 'Fiverr inbox (#message-box-text-area composer)',
  },
  {
    name: 'fiverr-inbox-testid',
    url: 'https://www.fiverr.com/inbox/alice_buyer?composer=message-box',
    title: 'Fiverr inbox (data-testid="message-box" composer)',
  },
  { name: 'fiverr-order', url: 'https://www.fiverr.com/orders/FO1A2B3C4D5E/activities', title: 'Fiverr order page' },
  {
    name: 'fiverr-gig-editor',
    url: 'https://www.fiverr.com/users/ayesha_designs/manage_gigs/design-a-minimalist-logo/edit?wizard=0&tab=general',
    title: 'Fiverr gig editor (React fields, Quill description)',
  },
  {
    name: 'fiverr-gig-new',
    url: 'https://www.fiverr.com/users/ayesha_designs/manage_gigs/new?wizard=0&tab=general',
    title: 'Fiverr gig editor, a new gig (first step)',
  },
  {
    name: 'fiverr-gig',
    url: 'https://www.fiverr.com/ayesha_designs/design-a-minimalist-logo',
    title: 'Fiverr gig page',
  },
  {
    name: 'fiverr-search',
    url: 'https://www.fiverr.com/search/gigs?query=logo%20design',
    title: 'Fiverr search results',
  },
  {
    name: 'upwork-proposal',
    url: 'https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/',
    title: 'Upwork proposal (Vue cover letter)',
  },
  {
    name: 'upwork-messages',
    url: 'https://www.upwork.com/ab/messages/rooms/room_4f1c2e9a0b3d',
    title: 'Upwork messages (TipTap composer)',
  },
  { name: 'editor-lexical', url: 'https://www.fiverr.com/__editors/lexical/page', title: 'A Lexical editor' },
  { name: 'editor-plain', url: 'https://www.fiverr.com/__editors/plain/page', title: 'A plain contenteditable' },
  {
    name: 'fiverr-manage-orders',
    url: 'https://www.fiverr.com/users/ayesha_designs/manage_orders',
    title: 'Fiverr manage orders',
  },
  { name: 'fiverr-earnings', url: 'https://www.fiverr.com/earnings', title: 'Fiverr earnings' },
  {
    name: 'upwork-earnings',
    url: 'https://www.upwork.com/nx/payments/reports/transactions/1234567',
    title: 'Upwork transaction history',
  },
  { name: 'upwork-contract', url: 'https://www.upwork.com/nx/wm/workroom/38123456/overview', title: 'Upwork contract' },
  {
    name: 'fiverr-gig-poor',
    url: 'https://www.fiverr.com/lazy_seller/logo-cheap',
    title: 'Fiverr gig page (poor SEO)',
  },
  {
    name: 'fiverr-gig-over',
    url: 'https://www.fiverr.com/wordy_seller/everything-logo',
    title: "Fiverr gig page (over Fiverr's limits)",
  },
  { name: 'upwork-profile', url: 'https://www.upwork.com/freelancers/~01a2b3c4d5e6f7a8b9', title: 'Upwork profile' },
  {
    name: 'upwork-catalog',
    url: 'https://www.upwork.com/nx/project-dashboard/projects/new',
    title: 'Upwork Project Catalog editor',
  },
  { name: 'upwork-jobs', url: 'https://www.upwork.com/nx/search/jobs/?q=logo', title: 'Upwork job search' },
  { name: 'upwork-job', url: 'https://www.upwork.com/jobs/~021234567894', title: 'Upwork job details' },
  {
    name: 'upwork-job-hourly',
    url: 'https://www.upwork.com/jobs/~0299123456789',
    title: 'Upwork job details, an hourly job',
  },
  // PeoplePerHour: rupees only once the seller grants its optional permission (tests/e2e/peopleperhour.e2e.ts).
  { name: 'pph-jobs', url: 'https://www.peopleperhour.com/freelance-jobs', title: 'PeoplePerHour job list' },
  {
    name: 'pph-job',
    url: 'https://www.peopleperhour.com/freelance-jobs/design/logo-design/logo-for-a-tea-shop-4123456',
    title: 'PeoplePerHour job',
  },
  { name: 'pph-dashboard', url: 'https://www.peopleperhour.com/dashboard', title: 'PeoplePerHour dashboard' },
] as const;

export function siteOfHost(hostname: string): Route['host'] | null {
  if (hostname === 'fiverr.com' || hostname.endsWith('.fiverr.com')) return 'fiverr';
  if (hostname === 'upwork.com' || hostname.endsWith('.upwork.com')) return 'upwork';
  if (hostname === 'peopleperhour.com' || hostname.endsWith('.peopleperhour.com')) return 'peopleperhour';
  return null;
}

export function pageFor(hostname: string, pathname: string): string | null {
  const site = siteOfHost(hostname);
  if (!site) return null;
  return ROUTES.find((r) => r.host === site && r.pattern.test(pathname))?.page ?? null;
}
