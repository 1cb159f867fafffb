/**
 * Everything GigSaathi knows about upwork.com's pages. Upwork's job search is Nuxt 2 / Vue 2.7
 * (saved real page, 2026) with the "air3" design system; its stable hooks are `data-test`,
 * `data-qa`, `data-cy`, `data-ev-*` and aria attributes. Shapes from saved real pages and public
 * scrapers and extensions (2024–2026), see shared/SITES.md.
 */
import type { SelectorProofs } from './proof';
import { ownText } from './text';
import { pathDetector, toUrl, type UrlLike } from './url';

export const UPWORK_DOMAIN = 'upwork.com';
/** HTTPS only, as for Fiverr. */
export const UPWORK_MATCHES = ['https://*.upwork.com/*'];

export const isProposal = pathDetector(UPWORK_DOMAIN, /^\/nx\/proposals\/job\/~[0-9A-Za-z]+\/apply\/?$/);
/** `/ab/messages/rooms/room_<hex>`: one conversation, with a composer. */
export const isMessages = pathDetector(UPWORK_DOMAIN, /^\/ab\/messages\/rooms\/room_[0-9a-fA-F]+\/?$/);
export const isJobSearch = pathDetector(UPWORK_DOMAIN, /^\/nx\/(?:search\/jobs|find-work)(?:\/[^/]*)?\/?$/);
export const isJobDetails = pathDetector(UPWORK_DOMAIN, /^\/(?:jobs|nx\/search\/jobs\/details)\/~[0-9A-Za-z]+\/?$/);
/** Contract rooms: `/nx/wm/workroom/<id>/…` and the older `/ab/contracts/<id>` (less sure). */
export const isContract = pathDetector(UPWORK_DOMAIN, /^\/(?:nx\/wm\/workroom|ab\/contracts)\/\d+(?:\/[^/]*)?\/?$/);
/**
 * Earnings: `/nx/payments/reports/transaction-history/` now redirects to
 * `/nx/payments/reports/transactions/<id>` (MahdiHellali/voraly, 2026); both are earnings.
 */
export const isEarnings = pathDetector(
  UPWORK_DOMAIN,
  /^\/nx\/payments\/reports\/(?:transaction-history|transactions(?:\/[^/]+)?)\/?$/,
);
export const isProfile = pathDetector(UPWORK_DOMAIN, /^\/freelancers\/~[0-9A-Za-z]+\/?$/);
/**
 * Project Catalog: the project editor under the freelancer's project dashboard (guessed from
 * public descriptions; not checked live).
 */
export const isCatalogEditor = pathDetector(UPWORK_DOMAIN, /^\/nx\/project-dashboard(?:\/[^/]+)*\/?$/);

export const detectors = {
  isProposal,
  isMessages,
  isJobSearch,
  isJobDetails,
  isContract,
  isEarnings,
  isProfile,
  isCatalogEditor,
} as const;

export function messagesRoomId(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url || !isMessages(url)) return null;
  return url.pathname.split('/')[4] ?? null;
}

/**
 * The client in a message room (the room list entry that links to this room) and, on a
 * proposal, the job's title.
 */
export function readPageContext(doc: Document, url: URL): { client_name: string | null; gig_title: string | null } {
  let client: string | null = null;
  if (isMessages(url)) {
    const path = url.pathname.replace(/\/$/, '');
    for (const link of doc.querySelectorAll<HTMLAnchorElement>(selectors.messages.roomLink)) {
      if (new URL(link.href, url).pathname.replace(/\/$/, '') === path) {
        client = link.querySelector('.item-title')?.textContent?.trim() || null;
        break;
      }
    }
  }
  const job = isProposal(url) ? doc.querySelector(selectors.proposal.jobTitle)?.textContent?.trim() || null : null;
  return { client_name: client, gig_title: job };
}

/**
 * A contract page's contract, for "Save to GigSaathi" (markup less sure: the heading, a
 * "Client:" line, and the first amount in the contract's summary).
 */
export function readContract(doc: Document, url: URL): Record<string, unknown> | null {
  const m = /\/(?:workroom|contracts)\/(\d+)/.exec(url.pathname);
  if (!m || !isContract(url)) return null;
  const title = doc.querySelector('h1')?.textContent?.trim();
  const clientLine = [...doc.querySelectorAll('p, span, div')].find(
    (e) => /^\s*Client:/.test(e.textContent ?? '') && e.children.length === 0,
  );
  const client = clientLine?.textContent?.replace(/^\s*Client:\s*/, '').trim();
  const amountText = ownText(doc.querySelector(selectors.contract.summary));
  const amount = /\$\s?([\d,]+(?:\.\d{1,2})?)/.exec(amountText)?.[1];
  if (!title || !client || !amount) return null;
  return {
    platform: 'upwork',
    externalId: m[1],
    client,
    title,
    amount: Number(amount.replace(/,/g, '')),
    currency: 'USD',
    status: 'active',
  };
}

/**
 * Every selector GigSaathi uses on Upwork, each matched on the pages `selectorProofs` names
 * (tests/e2e/selectors.e2e.ts counts the matches there). Sources: shared/SITES.md.
 */
export const selectors = {
  proposal: {
    /** Cover letter: a Vue v-model textarea (several proposal extensions, verified 2026-06). */
    coverLetter: 'textarea[aria-labelledby="cover_letter_label"]',
    screeningAnswers: '.fe-proposal-job-questions textarea.air3-textarea',
    jobDetails: '.fe-job-details',
    /**
     * The hourly rate (`input#step-rate`, proposal extensions 2026-06); the fixed-price bid input
     * has no public evidence, so our fixture's `data-test` stands for it.
     */
    bidInput: 'input[data-test="bid-input"], input#step-rate',
    /** The job's title inside the details panel: `.fe-job-details .content h3` (same extensions). */
    jobTitle: '.fe-job-details .content h3',
  },
  messages: {
    /** TipTap / ProseMirror composer; two shapes seen (IsaiahDupree/Safari_Automations, dmitrii-fediuk/vm). */
    composer: '.up-d-composer [contenteditable="true"], .composer .tiptap.ProseMirror',
    roomLink: 'a.room-list-item',
  },
  jobs: {
    /** The job post's text on its details page and in the proposal's job panel. */
    description: '[data-test="Description"]',
    /**
     * The job's terms: since 2025-10-02 `section:has(> ul.features)`, no longer `[data-test="Features"]`
     * (dmitrii-fediuk/vm userscripts, IsaiahDupree/Safari_Automations, 2025–2026).
     */
    features: 'section:has(> ul.features)',
    /** The term whose icon is the hourly clock: its amount is a rate per hour ("$15.00 - $30.00"). */
    hourlyTerm: 'ul.features > li:has([data-cy="clock-hourly"])',
  },
  contract: {
    summary: '.air3-card',
  },
  profile: {
    /** The profile as shown (guessed hooks; no saved page or public code shows the profile). */
    title: '[data-test="freelancer-title"], [data-qa="freelancer-title"]',
    overview: '[data-test="freelancer-overview"], [data-test="description"], [data-qa="freelancer-overview"]',
  },
  catalog: {
    /** The title field follows a fixed "You will get" prefix (FACTS.md); guessed hooks. */
    title:
      'input[data-test="project-title"], input[aria-labelledby*="project-title" i], input[placeholder*="You will get" i]',
    description: 'textarea[data-test="project-description"], textarea[aria-labelledby*="description" i]',
    tag: '[data-test="project-tags"] .air3-token, [data-test="project-tags"] [data-test="token"]',
    tagsBox: '[data-test="project-tags"]',
  },
  earnings: {
    /** The balance cards (MahdiHellali/voraly platform-sync.js, verified 2026-06). */
    pending: '[data-qa="pending_earnings_card"] [data-qa="amount"]',
    available: '[data-qa="available_balance_card"] [data-qa="amount"]',
  },
} as const;

/** Where each selector is proven (`real:` a page in ../shared/real-pages, `fixture:` one of ours). */
export const selectorProofs: SelectorProofs<typeof selectors> = {
  'proposal.coverLetter': ['fixture:upwork-proposal'],
  'proposal.screeningAnswers': ['fixture:upwork-proposal'],
  'proposal.jobDetails': ['fixture:upwork-proposal'],
  'proposal.bidInput': ['fixture:upwork-proposal'],
  'proposal.jobTitle': ['fixture:upwork-proposal'],
  'messages.composer': ['fixture:upwork-messages'],
  'messages.roomLink': ['fixture:upwork-messages'],
  'jobs.description': ['fixture:upwork-job', 'fixture:upwork-job-hourly', 'fixture:upwork-proposal'],
  'jobs.features': ['fixture:upwork-job', 'fixture:upwork-job-hourly'],
  'jobs.hourlyTerm': ['fixture:upwork-job-hourly'],
  'contract.summary': ['fixture:upwork-contract'],
  'profile.title': ['fixture:upwork-profile'],
  'profile.overview': ['fixture:upwork-profile'],
  'catalog.title': ['fixture:upwork-catalog'],
  'catalog.description': ['fixture:upwork-catalog'],
  'catalog.tag': ['fixture:upwork-catalog'],
  'catalog.tagsBox': ['fixture:upwork-catalog'],
  'earnings.pending': ['fixture:upwork-earnings'],
  'earnings.available': ['fixture:upwork-earnings'],
};

/** Amounts that are rates per hour although no "/hr" or "Hourly:" sits in their own text. */
export const hourlyAmounts = { within: selectors.jobs.hourlyTerm } as const;

/**
 * Amounts already after Upwork's fee: the pending and available balance. The transaction rows are
 * not: Upwork lists each payment in full and its service fee as a row of its own.
 */
export const earnedAmounts = {
  within: `${selectors.earnings.pending}, ${selectors.earnings.available}`,
} as const;

/** What a screen-sharing blur hides: the balance cards, and the whole transactions report. */
export function privateAmounts(url: string): string[] {
  return [selectors.earnings.pending, selectors.earnings.available, ...(isEarnings(url) ? ['main'] : [])];
}

/**
 * The service fee Upwork states for a contract in the proposal's terms ("10% Freelancer Service
 * Fee"; "Service fee (5%)"). Since May 2025 it varies from 0 to 15% by contract (shared/FACTS.md),
 * so the page's own figure beats the 10% default. Null when none is stated, or one out of bounds.
 */
const SERVICE_FEE =
  /(?<![\d.,])(\d{1,2}(?:\.\d{1,2})?)\s*%\s*(?:freelancer\s+|upwork\s+)?service\s+fee|service\s+fee\s*[(:]?\s*(\d{1,2}(?:\.\d{1,2})?)\s*%/i;
const MAX_SERVICE_FEE_PERCENT = 20;
export function readServiceFeePercent(text: string): number | null {
  const m = SERVICE_FEE.exec(text);
  if (!m) return null;
  const percent = Number(m[1] ?? m[2]);
  return percent <= MAX_SERVICE_FEE_PERCENT ? percent : null;
}

/**
 * The fee stated in the terms around a bid field (its section or form), if any. Its text nodes
 * are read apart, ours left out: run together, as textContent gives them, "Rs 125,163" just
 * before "5% Freelancer Service Fee" read as "35%".
 */
export function serviceFeeNear(field: Element): number | null {
  const terms = field.closest('section, fieldset, form');
  return terms ? readServiceFeePercent(ownText(terms, ' ')) : null;
}

/** On a proposal page, the fee its terms state for the contract; null anywhere else. */
export function statedServiceFee(doc: Document, url: UrlLike): number | null {
  if (!isProposal(url)) return null;
  const bid = doc.querySelector(selectors.proposal.bidInput);
  return bid ? serviceFeeNear(bid) : null;
}

/** The cover letter being written, and the job post it answers (title and description). */
export function readCoverLetter(doc: Document): { text: string; jobText: string | null } | null {
  const field = doc.querySelector<HTMLTextAreaElement>(selectors.proposal.coverLetter);
  if (!field) return null;
  const job = doc.querySelector(selectors.proposal.jobDetails);
  const title = doc.querySelector(selectors.proposal.jobTitle);
  const description = job?.querySelector(selectors.jobs.description);
  const jobText = [title, description ?? job]
    .map((e) => ownText(e))
    .join('\n')
    .trim();
  return { text: field.value, jobText: jobText || null };
}

/** Profile title and overview as the profile shows them. */
export function readProfile(doc: Document): { title: string | null; overview: string | null } {
  const p = selectors.profile;
  const shown = (selector: string) => {
    const el = doc.querySelector(selector);
    return el ? ownText(el) : null;
  };
  return { title: shown(p.title), overview: shown(p.overview) };
}

/** A Project Catalog project being edited: title (without its fixed prefix), description, tags. */
export function readCatalogProject(doc: Document): {
  title: string | null;
  description: string | null;
  tags: string[] | null;
} {
  const c = selectors.catalog;
  const title = doc.querySelector<HTMLInputElement>(c.title);
  const description = doc.querySelector<HTMLTextAreaElement>(c.description);
  const tagsBox = doc.querySelector(c.tagsBox);
  return {
    title: title ? title.value : null,
    description: description ? description.value : null,
    tags: tagsBox ? [...doc.querySelectorAll(c.tag)].map((t) => ownText(t)).filter(Boolean) : null,
  };
}
