/**
 * Everything GigSaathi knows about upwork.com's pages. Upwork is Nuxt 3 / Vue 3 with the "air3"
 * design system; its stable hooks are `data-test`, `data-qa`, `data-cy` and aria attributes.
 * Shapes from public scrapers and extensions (2024–2026), see shared/SITES.md.
 */
import { ownText } from './text';
import { pathDetector, toUrl, type UrlLike } from './url';

export const UPWORK_DOMAIN = 'upwork.com';
export const UPWORK_MATCHES = ['*://*.upwork.com/*'];

export const isProposal = pathDetector(UPWORK_DOMAIN, /^\/nx\/proposals\/job\/~[0-9A-Za-z]+\/apply\/?$/);
/** `/ab/messages/rooms/room_<hex>`: one conversation, with a composer. */
export const isMessages = pathDetector(UPWORK_DOMAIN, /^\/ab\/messages\/rooms\/room_[0-9a-fA-F]+\/?$/);
export const isJobSearch = pathDetector(UPWORK_DOMAIN, /^\/nx\/(?:search\/jobs|find-work)(?:\/[^/]*)?\/?$/);
export const isJobDetails = pathDetector(UPWORK_DOMAIN, /^\/(?:jobs|nx\/search\/jobs\/details)\/~[0-9A-Za-z]+\/?$/);
/** Contract rooms: `/nx/wm/workroom/<id>/…` and the older `/ab/contracts/<id>` (less sure). */
export const isContract = pathDetector(UPWORK_DOMAIN, /^\/(?:nx\/wm\/workroom|ab\/contracts)\/\d+(?:\/[^/]*)?\/?$/);
export const isEarnings = pathDetector(UPWORK_DOMAIN, /^\/nx\/payments\/reports\/transaction-history\/?$/);
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

export const selectors = {
  proposal: {
    /** Cover letter: a Vue v-model textarea (listens to `input`). Sure as of 2025. */
    coverLetter: 'textarea[aria-labelledby="cover_letter_label"]',
    screeningAnswers: '.fe-proposal-job-questions textarea.air3-textarea',
    jobDetails: '.fe-job-details',
    /** The bid / hourly rate the freelancer types (guessed hooks; the fixture uses data-test). */
    bidInput: 'input[data-test="bid-input"], input#step-rate, input[data-test="currency-input"]',
    /** The job's title inside the details panel (less sure: the first heading there). */
    jobTitle: '.fe-job-details h2, .fe-job-details h3',
  },
  messages: {
    /** TipTap / ProseMirror composer; two shapes seen. */
    composer: '.up-d-composer [contenteditable="true"], .composer .tiptap.ProseMirror',
    sendButton: '.up-d-composer button.air3-btn-circle',
    storyItem: '.up-d-story-item',
    roomTitle: 'a.room-list-item .item-title',
    roomLink: 'a.room-list-item',
  },
  jobs: {
    tile: 'article.job-tile, [data-test="job-tile"]',
    budget: '[data-test="is-fixed-price"], [data-test="job-type-label"]',
    /** Upwork's own spelling. */
    publishedDate: '[data-test="job-pubilshed-date"]',
    features: '[data-test="Features"]',
    description: '[data-test="Description"]',
    client: '[data-test="AboutClientUser"]',
  },
  contract: {
    summary: '.air3-card',
  },
  profile: {
    /** Edit dialogs first (what the freelancer is typing), then the profile as shown (guessed hooks). */
    titleInput: '.air3-modal input[aria-labelledby*="title" i], input[data-test="title-input"]',
    overviewInput: '.air3-modal textarea[aria-labelledby*="overview" i], textarea[data-test="overview-input"]',
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
    pending: '[data-qa="pending_earnings_card"] [data-qa="amount"]',
    available: '[data-qa="available_balance_card"] [data-qa="amount"]',
  },
} as const;

/**
 * Amounts already after Upwork's fee: the pending and available balance. The transaction rows are
 * not: Upwork lists each payment in full and its service fee as a row of its own.
 */
export const earnedAmounts = {
  within: `${selectors.earnings.pending}, ${selectors.earnings.available}`,
} as const;

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
  const title = job?.querySelector(selectors.proposal.jobTitle.replace(/\.fe-job-details /g, ''));
  const description = job?.querySelector(selectors.jobs.description);
  const jobText = [title, description ?? job]
    .map((e) => ownText(e))
    .join('\n')
    .trim();
  return { text: field.value, jobText: jobText || null };
}

const fieldOrText = (doc: Document, input: string, shown: string): string | null => {
  const field = doc.querySelector<HTMLInputElement | HTMLTextAreaElement>(input);
  if (field) return field.value;
  const el = doc.querySelector(shown);
  return el ? ownText(el) : null;
};

/** Profile title and overview: from the edit dialogs while open, else as the profile shows them. */
export function readProfile(doc: Document): { title: string | null; overview: string | null } {
  const p = selectors.profile;
  return { title: fieldOrText(doc, p.titleInput, p.title), overview: fieldOrText(doc, p.overviewInput, p.overview) };
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
