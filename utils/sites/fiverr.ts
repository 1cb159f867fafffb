/**
 * Everything GigSaathi knows about fiverr.com's pages: URL detectors, selectors and readers of
 * page context. Fiverr is React with hashed class names, so we lean on URLs, embedded JSON, ids
 * and attributes. Shapes come from public scrapers and extensions (2024–2026), not a live check:
 * see shared/SITES.md. Each selector says what it finds and how sure we are.
 */
import { ownText } from './text';
import { findPrices } from '@/utils/money/parse';
import type { SelectorProofs } from './proof';
import { hostIs, pathDetector, toUrl, type UrlLike } from './url';

export const FIVERR_DOMAIN = 'fiverr.com';
/** HTTPS only: the site sends HSTS, and a plain-HTTP page is no page of Fiverr's to act on. */
export const FIVERR_MATCHES = ['https://*.fiverr.com/*'];

/** First path segments that are Fiverr's own sections, never a seller's username. */
const RESERVED = new Set([
  'inbox',
  'orders',
  'users',
  'search',
  'categories',
  'earnings',
  'seller_dashboard',
  'levels',
  'pro',
  'support',
  'resources',
  'start_selling',
  'login',
  'join',
  'pages',
  'gigs',
  'cp',
  'lists',
  'business',
  'logo-maker',
  'stores',
  'hc',
  'community',
  'checkout',
  'packages',
  'subcategories',
]);

/** Fiverr's fixed title prefix (SITES.md): drawn by the site, never part of the seller's field. */
export const TITLE_PREFIX = 'I will';
const LEADING_PREFIX = /^\s*I will(?:\s+|$)/i;

/** The seller's part of a shown title: "I will create a logo" → "create a logo". */
export const withoutPrefix = (shown: string) => shown.replace(LEADING_PREFIX, '');
/** Whether a title starts with Fiverr's "I will" (as a word: "I willdesign" does not). */
export const hasPrefix = (title: string) => LEADING_PREFIX.test(title);

// `/inbox` lists conversations; `/inbox/<username>` is one conversation with a composer.
export const isInbox = pathDetector(FIVERR_DOMAIN, /^\/inbox(?:\/[^/]+)?\/?$/);
export const isInboxConversation = pathDetector(FIVERR_DOMAIN, /^\/inbox\/[^/]+\/?$/);
// Order ids look like FO1A2B3C4D5E; the activity tab carries the order's chat composer.
export const isOrderPage = pathDetector(FIVERR_DOMAIN, /^\/orders\/[A-Za-z0-9]+(?:\/activities)?\/?$/);
export const isManageOrders = pathDetector(FIVERR_DOMAIN, /^\/users\/[^/]+\/manage_orders\/?$/);
export const isEarnings = pathDetector(FIVERR_DOMAIN, /^\/(?:users\/[^/]+\/)?earnings\/?$/);
// An existing gig's wizard is `/manage_gigs/<slug>/edit?wizard=<n>`; a new gig starts at
// `/manage_gigs/new?wizard=0&tab=general` (SITES.md, from automation notes on the live editor).
export const isGigEditor = pathDetector(FIVERR_DOMAIN, /^\/users\/[^/]+\/manage_gigs\/(?:[^/]+\/edit|new)\/?$/);
export const isNewGig = pathDetector(FIVERR_DOMAIN, /^\/users\/[^/]+\/manage_gigs\/new\/?$/);
export const isSearch = pathDetector(FIVERR_DOMAIN, /^\/search\/gigs\/?$/);
export const isCategory = pathDetector(FIVERR_DOMAIN, /^\/categories\/[^/]+(?:\/[^/]+)*\/?$/);

const gigPath = /^\/([^/]+)\/([^/]+)\/?$/;
/** A published gig: `/<seller>/<gig-slug>`, where the seller is not one of Fiverr's sections. */
const onFiverrGigPath = pathDetector(FIVERR_DOMAIN, gigPath);
export function isGigPage(input: UrlLike): boolean {
  const url = toUrl(input);
  return url !== null && onFiverrGigPath(url) && isGigPath(url.pathname);
}

/** The path part alone: `/<seller>/<gig-slug>` with a seller that is not one of Fiverr's sections. */
function isGigPath(path: string): boolean {
  const m = gigPath.exec(path);
  return m !== null && !RESERVED.has(m[1]!.toLowerCase());
}

export const detectors = {
  isInbox,
  isInboxConversation,
  isOrderPage,
  isManageOrders,
  isEarnings,
  isGigEditor,
  isSearch,
  isCategory,
  isGigPage,
} as const;

/** A path segment as text; a malformed `%` escape (`%E0%A4%A`) is kept as written, never thrown. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The other party of an inbox conversation, from `/inbox/<username>`. */
export function inboxUsername(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url || !isInboxConversation(url)) return null;
  const seg = url.pathname.split('/')[2];
  return seg ? safeDecode(seg) : null;
}

export function orderId(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url || !isOrderPage(url)) return null;
  return url.pathname.split('/')[2] ?? null;
}

export function gigSlug(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url) return null;
  // A gig not yet saved has no slug; its steps share one memory under "new".
  if (isNewGig(url)) return 'new';
  if (isGigEditor(url)) return safeDecode(url.pathname.split('/')[4]!);
  if (isGigPage(url)) return safeDecode(url.pathname.split('/')[2]!);
  return null;
}

/**
 * Every selector GigSaathi uses on Fiverr. Each one is matched on the pages named in
 * `selectorProofs` below (tests/e2e/selectors.e2e.ts counts its matches there), so one that stops
 * matching fails a test instead of quietly doing nothing. Sources: shared/SITES.md.
 */
export const selectors = {
  /** Inbox and order-page composer, a Slate editor (a Fiverr messaging bot's selectors). */
  messageEditor:
    '#send-message-text-area [data-track-tag="rich_text_editor"] [contenteditable="true"][data-slate-editor="true"]',
  /** Any Slate editor on the page, for when the wrapper ids change. */
  anySlateEditor: '[contenteditable="true"][data-slate-editor="true"]',
  /** The inbox's textarea composer (Ghassanee/my-fiverr-helper content.js, Feb 2025). */
  messageBoxTextArea: '#message-box-text-area',
  /** The inbox's newer textarea composer (dachi-khelashvili fiverr-navigator content.js, Dec 2025). */
  messageBoxTestId: 'textarea[data-testid="message-box"]',
  /** Server-rendered data, sometimes a JSON string inside JSON. Stable for years (real pages). */
  perseusProps: 'script#perseus-initial-props',
  gigEditor: {
    /**
     * The title field. Fiverr draws "I will" as a fixed prefix outside it; the field holds only
     * the rest, 80 characters at most (Avielpo3/nanoclaw SKILL.md notes on the live editor).
     */
    title: 'textarea.gig-title-textarea',
    packageName: 'textarea[placeholder*="Name your package"]',
    packageDescription: 'textarea[placeholder*="Describe the details"]',
    /** A package's price, a number input inside `.price-input` (same notes). */
    packagePrice: '.price-input input[type="number"]',
    /** The gig description is a Quill editor. */
    description: '.ql-editor[contenteditable="true"]',
    /** Search tags: a combobox input, 5 tags at most (same notes). */
    tagsInput: 'input[role="combobox"]',
    faqQuestion: 'input[placeholder*="Add a Question"]',
    faqAnswer: 'textarea[placeholder*="Add an Answer"]',
    /** FAQs already added are collapsible articles (same notes). */
    faqItem: 'article',
  },
  gigPage: {
    /** "I will …": the field's title with Fiverr's prefix (real gig page). */
    title: 'h1',
    reviews: 'ul.review-list li.review-item-component',
    /** DOM fallbacks for when the embedded JSON is missing (real gig page). */
    description: '.description-content',
    tags: '.gig-tags-container li a',
    packageTab: '.packages-tabs label[role="tab"]',
  },
  search: {
    /** Gig card links carry these query parameters (real search and tag pages). */
    gigCardLink: 'a[href*="source=gig_cards"], a[href*="pckg_id="]',
  },
  earnings: {
    /** The balance in the header of every logged-in page (no saved page: our fixture). */
    headerBalance: 'a[href*="/earnings"]',
  },
  manageOrders: {
    /** Rows are divs, not table rows; the first is the header (darideveloper/fiverr-orders-scraper, 2024). */
    row: '.table > div',
    buyer: '.username',
    /** The gig's name links to the order: `/orders/<id>/…`. */
    orderLink: '.gig-name > a',
    total: '.total',
    status: '.status',
    deliveredAt: '.delivered-at',
    /** An extra bought on the order above (extend delivery, more revisions), with its price. */
    extraRow: '.sub-row',
    extraPrice: '.order-extra-price',
  },
  orderPage: {
    /**
     * The order's details: a list whose items are a label and a `<span>` value ("Delivery date",
     * "Order number"…), not `<dt>/<dd>` (theprogrammergary/Fiverr-Scraper, 2023).
     */
    detail: 'aside article .collapsible-content ul > li',
    /** The order's opening block, with "Date ordered …" (darideveloper/fiverr-orders-scraper, 2024). */
    activities: '.floating-activities-block',
  },
} as const;

/** Texts that find a control with no stable hook: the gig editor's tags and FAQ sections. */
export const labels = {
  tags: /positive keywords|5 tags maximum/i,
  faq: /frequently asked questions/i,
} as const;

/** Where each selector is proven (`real:` a page in ../shared/real-pages, `fixture:` one of ours). */
export const selectorProofs: SelectorProofs<typeof selectors> = {
  messageEditor: ['fixture:fiverr-inbox', 'fixture:fiverr-order'],
  anySlateEditor: ['fixture:fiverr-inbox'],
  messageBoxTextArea: ['fixture:fiverr-inbox-textarea'],
  messageBoxTestId: ['fixture:fiverr-inbox-testid'],
  perseusProps: ['real:fiverr-gig', 'real:fiverr-search', 'fixture:fiverr-gig'],
  'gigEditor.title': ['fixture:fiverr-gig-editor', 'fixture:fiverr-gig-new'],
  'gigEditor.packageName': ['fixture:fiverr-gig-editor'],
  'gigEditor.packageDescription': ['fixture:fiverr-gig-editor'],
  'gigEditor.packagePrice': ['fixture:fiverr-gig-editor'],
  'gigEditor.description': ['fixture:fiverr-gig-editor'],
  'gigEditor.tagsInput': ['fixture:fiverr-gig-editor'],
  'gigEditor.faqQuestion': ['fixture:fiverr-gig-editor'],
  'gigEditor.faqAnswer': ['fixture:fiverr-gig-editor'],
  'gigEditor.faqItem': ['fixture:fiverr-gig-editor'],
  'gigPage.title': ['real:fiverr-gig', 'fixture:fiverr-gig'],
  'gigPage.reviews': ['real:fiverr-gig', 'fixture:fiverr-gig'],
  'gigPage.description': ['real:fiverr-gig', 'fixture:fiverr-gig'],
  'gigPage.tags': ['real:fiverr-gig', 'fixture:fiverr-gig'],
  'gigPage.packageTab': ['real:fiverr-gig', 'fixture:fiverr-gig'],
  'search.gigCardLink': ['real:fiverr-search', 'real:fiverr-tag-listing', 'fixture:fiverr-search'],
  'earnings.headerBalance': ['fixture:fiverr-earnings', 'fixture:fiverr-order'],
  'manageOrders.row': ['fixture:fiverr-manage-orders'],
  'manageOrders.buyer': ['fixture:fiverr-manage-orders'],
  'manageOrders.orderLink': ['fixture:fiverr-manage-orders'],
  'manageOrders.total': ['fixture:fiverr-manage-orders'],
  'manageOrders.status': ['fixture:fiverr-manage-orders'],
  'manageOrders.deliveredAt': ['fixture:fiverr-manage-orders'],
  'manageOrders.extraRow': ['fixture:fiverr-manage-orders'],
  'manageOrders.extraPrice': ['fixture:fiverr-manage-orders'],
  'orderPage.detail': ['fixture:fiverr-order'],
  'orderPage.activities': ['fixture:fiverr-order'],
};

/**
 * Amounts already after Fiverr's 20% fee: everything on the earnings page (balance, net income,
 * each earning) and the balance in the header of every page. Order and gig prices are before it.
 */
export const earnedAmounts = {
  page: (url: string) => isEarnings(url),
  within: selectors.earnings.headerBalance,
} as const;

/**
 * What a screen-sharing blur hides (utils/prices/privacy.content.ts): the balance in the header,
 * and on the earnings page all of its content, which is amounts from top to bottom.
 */
export function privateAmounts(url: string): string[] {
  return [selectors.earnings.headerBalance, ...(isEarnings(url) ? ['main'] : [])];
}

/** Reads `a.b.c` from parsed JSON without trusting its shape. */
export function pick(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * What this page says about the conversation: the other party's username (inbox URL, or the
 * order's buyer in the embedded JSON) and the gig title (order, gig page or gig editor).
 */
export function readPageContext(doc: Document, url: URL): { client_name: string | null; gig_title: string | null } {
  const props = readPerseusProps(doc);
  const client = inboxUsername(url) ?? text(pick(props, 'order.buyer.username')) ?? text(pick(props, 'buyer.username'));
  // The title as buyers see it, "I will …": the JSON and the editor's field hold it without the prefix.
  const shown = (title: string | null) => (title && !hasPrefix(title) ? `${TITLE_PREFIX} ${title}` : title);
  let gig = text(pick(props, 'order.gig.title')) ?? shown(text(pick(props, 'overview.gig.title')));
  if (!gig && isGigEditor(url))
    gig = shown(text(doc.querySelector<HTMLTextAreaElement>(selectors.gigEditor.title)?.value));
  if (!gig && isGigPage(url)) gig = text(doc.querySelector(selectors.gigPage.title)?.textContent);
  return { client_name: client, gig_title: gig };
}

const STATUS: Record<string, 'active' | 'delivered' | 'completed' | 'cancelled'> = {
  in_progress: 'active',
  active: 'active',
  late: 'active',
  revision: 'active',
  incomplete: 'active',
  delivered: 'delivered',
  completed: 'completed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

/**
 * The order page's details as label → value: each item of the details list is its label as
 * text and its value in a `<span>` ("Delivery date" + `<span><i>Nov 16, 2023</i></span>`).
 */
export function orderDetails(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const li of doc.querySelectorAll(selectors.orderPage.detail)) {
    const value = li.querySelector(':scope > span');
    if (!value) continue;
    let label = '';
    for (const n of li.childNodes) if (n !== value) label += n.textContent ?? '';
    label = label.replace(/\s+/g, ' ').replace(/:\s*$/, '').trim().toLowerCase();
    if (label) out.set(label, ownText(value, ' ').replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * A cell that is one US-dollar amount (`$45`, `US$1,250.50`), read by the project's one price
 * parser; null for anything else (rupees, a range, other text around it).
 */
export function dollarAmount(raw: string | null | undefined): number | null {
  const text = (raw ?? '').trim();
  const found = findPrices(text);
  const only = found.length === 1 ? found[0]! : null;
  return only &&
    only.currency === 'USD' &&
    only.min === only.max &&
    !only.negative &&
    only.end - only.start === text.length
    ? only.min
    : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Fiverr's order dates: "Jan 09" (this year), "Dec 10, 2020", "Apr 8, 2024, 2:14 PM"
 * (darideveloper/fiverr-orders-scraper reads these three). Noon UTC when there is no time, so the
 * day is the same in Pakistan and everywhere else. Null when unreadable.
 */
export function fiverrDate(raw: string | null | undefined, now = new Date()): string | null {
  const m = /^\s*([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?:,\s*(\d{1,2}):(\d{2})\s*([AP]M))?\s*$/i.exec(
    raw ?? '',
  );
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  const day = Number(m[2]);
  const year = m[3] ? Number(m[3]) : now.getUTCFullYear();
  if (month < 0 || day < 1 || day > 31) return null;
  let hour = 12;
  let minute = 0;
  if (m[4]) {
    hour = (Number(m[4]) % 12) + (m[6]!.toUpperCase() === 'PM' ? 12 : 0);
    minute = Number(m[5]);
  }
  const date = new Date(Date.UTC(year, month, day, hour, minute));
  return date.getUTCDate() === day ? date.toISOString() : null;
}

/** "Date ordered Nov 16, 2023" in the order's opening block. */
function dateOrdered(doc: Document): string | null {
  const block = doc.querySelector(selectors.orderPage.activities);
  if (!block) return null;
  for (const p of block.querySelectorAll('p')) {
    const m = /^\s*Date ordered\s*:?\s*(.+)$/i.exec(ownText(p, ' ').replace(/\s+/g, ' '));
    if (m) return fiverrDate(m[1]);
  }
  return null;
}

const statusOf = (raw: string | null | undefined) => STATUS[(raw ?? '').trim().toLowerCase().replace(/\s+/g, '_')];

/**
 * An order page's order, for "Save to GigSaathi": the embedded JSON first (ids, cents, ISO dates),
 * then the page's details list. Null when the page does not show enough to save.
 */
export function readOrder(doc: Document, url: URL): Record<string, unknown> | null {
  const id = orderId(url);
  if (!id) return null;
  const props = readPerseusProps(doc);
  const cents = (v: unknown) => (typeof v === 'number' && v > 0 ? v / 100 : undefined);
  const json = {
    externalId: text(pick(props, 'order.id')) ?? id,
    client: text(pick(props, 'order.buyer.username')),
    title: text(pick(props, 'order.gig.title')),
    amount: cents(pick(props, 'order.priceInCents')),
    currency: text(pick(props, 'order.currency')) ?? 'USD',
    status: STATUS[String(pick(props, 'order.status'))],
    tip: cents(pick(props, 'order.tipInCents')),
    dueAt: text(pick(props, 'order.dueAt')) ?? undefined,
  };
  const details = orderDetails(doc);
  const buyerLink = [...doc.querySelectorAll<HTMLAnchorElement>('aside article a[href^="/"]')].find((a) =>
    /^\/[^/]+\/?$/.test(a.getAttribute('href') ?? ''),
  );
  const order = {
    platform: 'fiverr',
    externalId: json.externalId,
    client: json.client ?? text(details.get('ordered from') ?? details.get('buyer')) ?? text(ownText(buyerLink)),
    title: json.title ?? text(ownText(doc.querySelector('h1'))),
    amount: json.amount ?? dollarAmount(details.get('total price') ?? details.get('total')) ?? undefined,
    currency: json.currency,
    status: json.status ?? statusOf(details.get('status')) ?? 'active',
    tip: json.tip,
    dueAt: json.dueAt ?? fiverrDate(details.get('delivery date') ?? details.get('due date')) ?? undefined,
    orderedAt: dateOrdered(doc) ?? undefined,
  };
  return order.client && order.title && order.amount ? order : null;
}

/**
 * Every order the manage-orders list shows: its rows are `div`s under `.table` (the first is the
 * header, spacers have no order link), and a `.sub-row` after an order is an extra bought on it,
 * whose price adds to that order's total.
 */
export function readOrderRows(doc: Document): Record<string, unknown>[] {
  const m = selectors.manageOrders;
  const out: Array<Record<string, unknown> & { amount: number }> = [];
  const seen = new Set<string>();
  let last: (Record<string, unknown> & { amount: number }) | null = null;
  for (const row of doc.querySelectorAll(m.row)) {
    if (row.matches(m.extraRow)) {
      const extra = dollarAmount(ownText(row.querySelector(m.extraPrice)));
      if (last && extra) last.amount = Math.round((last.amount + extra) * 100) / 100;
      continue;
    }
    const link = row.querySelector<HTMLAnchorElement>(m.orderLink);
    // The header and the spacers have no order link; an extra after a spacer is still its order's.
    if (!link) continue;
    last = null;
    const id = /\/orders\/([A-Za-z0-9]+)/.exec(link.getAttribute('href') ?? '')?.[1];
    const amount = dollarAmount(ownText(row.querySelector(m.total)));
    const client = text(ownText(row.querySelector(m.buyer)));
    const title = text(ownText(link));
    if (!id || seen.has(id) || !amount || !client || !title) continue;
    seen.add(id);
    const done = fiverrDate(ownText(row.querySelector(m.deliveredAt)));
    last = {
      platform: 'fiverr',
      externalId: id,
      client,
      title,
      amount,
      currency: 'USD',
      status: statusOf(ownText(row.querySelector(m.status))) ?? 'active',
      ...(done ? { dueAt: done } : {}),
    };
    out.push(last);
  }
  return out;
}

/**
 * The page's embedded server data. Fiverr sometimes double-encodes it (a JSON string holding
 * JSON), so a string result is parsed once more. Returns null when absent or unreadable.
 */
export function readPerseusProps(doc: Document): unknown {
  return parsePerseusProps(perseusPropsText(doc));
}

/** The embedded JSON's text, unparsed (a copy: the page may take its script away later). */
export function perseusPropsText(doc: Document): string | null {
  return doc.querySelector(selectors.perseusProps)?.textContent ?? null;
}

/** The embedded JSON's text, parsed (see readPerseusProps); null when it is not JSON. */
export function parsePerseusProps(text: string | null): unknown {
  if (!text) return null;
  try {
    let value: unknown = JSON.parse(text);
    if (typeof value === 'string') value = JSON.parse(value);
    return value;
  } catch {
    return null;
  }
}

/**
 * What a gig page or the gig editor shows of a listing; null where the page does not say (an
 * editor step not open, a count the markup does not expose).
 */
export interface GigFacts {
  /**
   * The title as the seller writes it: the editor's field, the JSON's `overview.gig.title`. Never
   * Fiverr's "I will", which the site adds in front of it.
   */
  title: string | null;
  /** The title as the page shows it: the gig page's h1, or "I will " and the editor's field. */
  shownTitle: string | null;
  description: string | null;
  tags: ReadonlyArray<string> | null;
  packages: number | null;
  /** Each package's price in US dollars (the gig JSON has cents). */
  packagePrices: ReadonlyArray<number> | null;
  faqs: number | null;
  /** The seller's own gallery by kind; buyers' work samples shown under the gig are not in it. */
  images: number | null;
  videos: number | null;
  pdfs: number | null;
}

export const NO_GIG_FACTS: GigFacts = {
  title: null,
  shownTitle: null,
  description: null,
  tags: null,
  packages: null,
  packagePrices: null,
  faqs: null,
  images: null,
  videos: null,
  pdfs: null,
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Fiverr stores gig descriptions as HTML in the JSON. We only need their text, and never parse a
 * page's markup: tags become spaces (block ends become line breaks), a few entities are decoded.
 * Every pattern is linear: a tag cannot hold `<`, so 50,000 `<` cost one pass, not a scan each.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(?:p|div|li|h\d)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{1,10}\d?);/gi, (m, code: string) => {
      const lower = code.toLowerCase();
      if (lower in ENTITIES) return ENTITIES[lower]!;
      const point = lower.startsWith('#x')
        ? parseInt(lower.slice(2), 16)
        : lower.startsWith('#')
          ? Number(lower.slice(1))
          : NaN;
      // `&#x110000;` is past Unicode's last code point: kept as written rather than thrown.
      return Number.isInteger(point) && point >= 0 && point <= 0x10ffff ? String.fromCodePoint(point) : m;
    })
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const arrayAt = (props: unknown, ...paths: string[]): unknown[] | null => {
  for (const path of paths) {
    const v = pick(props, path);
    if (Array.isArray(v)) return v;
  }
  return null;
};

type SlideKind = 'image' | 'video' | 'pdf';

/**
 * A gallery slide's kind. Fiverr wraps each one (`{slide: {itemScopeType: "ImageSlide", …}}`);
 * older data had `{type: "image"}` or `typeVideo` flags. Buyers' delivered work shown under the
 * gig (`isWorkSample: true`) is not the seller's gallery: null, like anything unknown.
 */
function slideKind(entry: unknown): SlideKind | null {
  const slide = pick(entry, 'slide') ?? entry;
  if (pick(slide, 'isWorkSample') === true) return null;
  const scope = String(pick(slide, 'itemScopeType') ?? pick(slide, 'type') ?? '');
  if (/video/i.test(scope) || pick(slide, 'typeVideo') === true) return 'video';
  if (/pdf/i.test(scope) || pick(slide, 'typePdf') === true) return 'pdf';
  if (/image|photo/i.test(scope) || pick(slide, 'typeImage') === true) return 'image';
  return null;
}

/**
 * A gig from the page's embedded JSON (gig pages: overview.gig.title, description.content,
 * packages.packageList with prices in cents, tags.tagsGigList, faq.questionsAndAnswers,
 * gallery.slides; real gig page). Any field the JSON lacks is null.
 */
export function readGigProps(props: unknown): GigFacts {
  const title = text(pick(props, 'overview.gig.title')) ?? text(pick(props, 'gig.title'));
  const rawDescription = pick(props, 'description.content');
  const tagList = arrayAt(props, 'tags.tagsGigList', 'gig.tags');
  const tags = tagList
    ? tagList.map((t) => text(typeof t === 'string' ? t : pick(t, 'name'))).filter((t): t is string => t !== null)
    : null;
  const packages = arrayAt(props, 'packages.packageList');
  const prices = packages?.map((p) => pick(p, 'price'));
  const faqs = arrayAt(props, 'faq.questionsAndAnswers', 'faq.faqs', 'faqs');
  const slides = arrayAt(props, 'gallery.slides', 'gallery.items');
  const kinds = slides?.map(slideKind);
  const count = (kind: SlideKind) => (kinds ? kinds.filter((k) => k === kind).length : null);
  return {
    title,
    shownTitle: null,
    description: typeof rawDescription === 'string' ? htmlToText(rawDescription) : null,
    tags,
    packages: packages ? packages.length : null,
    packagePrices:
      prices && prices.every((c) => typeof c === 'number' && Number.isFinite(c) && c >= 0)
        ? (prices as number[]).map((c) => c / 100)
        : null,
    faqs: faqs ? faqs.length : null,
    images: count('image'),
    videos: count('video'),
    pdfs: count('pdf'),
  };
}

/** Fills what `primary` lacks from `fallback`, field by field. */
export function mergeGigFacts(primary: GigFacts, fallback: GigFacts): GigFacts {
  const out = { ...primary };
  for (const key of Object.keys(out) as Array<keyof GigFacts>) {
    if (out[key] === null) (out as Record<keyof GigFacts, unknown>)[key] = fallback[key];
  }
  return out;
}

const texts = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((e) => ownText(e)).filter((t) => t.length > 0);

/** A published gig page: the embedded JSON first, then the DOM for whatever it lacks. */
export function readGigPage(doc: Document): GigFacts {
  const fromJson = readGigProps(readPerseusProps(doc));
  const shown = text(ownText(doc.querySelector(selectors.gigPage.title)).replace(/\s+/g, ' '));
  const description = doc.querySelector(selectors.gigPage.description);
  const tags = texts(doc, selectors.gigPage.tags);
  const tabs = doc.querySelectorAll(selectors.gigPage.packageTab).length;
  return mergeGigFacts(
    { ...fromJson, shownTitle: shown },
    {
      ...NO_GIG_FACTS,
      title: shown ? withoutPrefix(shown) : null,
      description: description ? ownText(description) : null,
      tags: tags.length ? tags : null,
      packages: tabs || null,
    },
  );
}

/**
 * The first ancestor of the text that matches `label` which also holds `inside`: a section of the
 * gig editor that has no stable hook of its own, found by its heading or hint.
 */
function sectionByLabel(doc: Document, label: RegExp, inside: string): Element | null {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!label.test((n as Text).data)) continue;
    for (let el = n.parentElement; el && el !== doc.body; el = el.parentElement) {
      if (el.querySelector(inside)) return el;
    }
  }
  return null;
}

let tagBox: Element | null = null;

/** The element holding the editor's tags and their combobox, found by its "Positive keywords" text. */
export function gigEditorTagBox(doc: Document): Element | null {
  // Found once per render of the form, not by walking the page on every keystroke.
  const input = selectors.gigEditor.tagsInput;
  if (tagBox?.isConnected && tagBox.ownerDocument === doc && tagBox.querySelector(input)) return tagBox;
  tagBox = sectionByLabel(doc, labels.tags, input);
  return tagBox;
}

function editorTags(doc: Document): string[] | null {
  const box = gigEditorTagBox(doc);
  if (!box) return null;
  const tags: string[] = [];
  // Each committed tag is a chip with a remove button; its text is the chip's minus the button's.
  for (const button of box.querySelectorAll('button')) {
    const chip = button.parentElement;
    if (!chip || chip === box || chip.querySelector('input')) continue;
    const label = ownText(chip).replace(ownText(button), '').trim();
    if (label && !tags.includes(label)) tags.push(label);
  }
  return tags;
}

/**
 * Saved FAQs are collapsible articles in the FAQ step, above its add form. Counted only where the
 * step is found (its heading, then the add form or an article), so another step means "unknown".
 */
function editorFaqs(doc: Document): number | null {
  const s = selectors.gigEditor;
  const section = sectionByLabel(doc, labels.faq, `${s.faqItem}, ${s.faqQuestion}, button`);
  return section ? section.querySelectorAll(s.faqItem).length : null;
}

/**
 * Whether the editor draws Fiverr's "I will" beside the title field: a text of its own just
 * before the field, inside the field's wrapper. When it does, the page shows "I will " + field.
 */
function drawsPrefix(field: Element): boolean {
  let el: Element | null = field;
  for (let depth = 0; depth < 3 && el?.parentElement; depth++) {
    el = el.parentElement;
    const walker = field.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (field.contains(n)) continue;
      if ((n as Text).data.trim().toLowerCase() === TITLE_PREFIX.toLowerCase()) return true;
    }
  }
  return false;
}

/**
 * The gig editor as the seller has it right now. Fiverr's wizard shows one step at a time, so
 * only the open step's fields are known; the rest are null (the gallery comes from the JSON).
 */
export function readGigEditor(doc: Document): GigFacts {
  const s = selectors.gigEditor;
  const title = doc.querySelector<HTMLTextAreaElement>(s.title);
  const quill = doc.querySelector(s.description);
  const packageNames = [...doc.querySelectorAll<HTMLTextAreaElement>(s.packageName)];
  const prices = [...doc.querySelectorAll<HTMLInputElement>(s.packagePrice)].map((p) => p.valueAsNumber);
  return {
    ...NO_GIG_FACTS,
    title: title ? title.value : null,
    shownTitle: title ? (drawsPrefix(title) ? `${TITLE_PREFIX} ${title.value}` : title.value) : null,
    // Quill keeps one block element per line.
    description: quill
      ? [...quill.children]
          .map((block) => ownText(block))
          .join('\n')
          .trim()
      : null,
    tags: editorTags(doc),
    packages: packageNames.length ? packageNames.filter((t) => t.value.trim()).length : null,
    packagePrices: prices.length ? prices.filter((n) => Number.isFinite(n) && n > 0) : null,
    faqs: editorFaqs(doc),
  };
}

/** One gig card of a search or category page. */
export interface SearchGig {
  /** `/<seller>/<slug>`, the card's identity. */
  path: string;
  slug: string;
  title: string;
  /** The card's price text ("From US$10"), when it shows one. */
  priceText: string | null;
  /** The gig's starting price in dollars from the search page's JSON, where it lists the gig. */
  priceUsd: number | null;
}

/**
 * The gigs a search page's JSON lists, by `/<seller>/<slug>`, with their starting price: there
 * `listings[0].gigs[].price_i` is in dollars, unlike the gig page's cents (real search page).
 */
export function readSearchListing(props: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const gigs = pick(props, 'listings');
  const list = Array.isArray(gigs) ? pick(gigs[0], 'gigs') : null;
  if (!Array.isArray(list)) return out;
  for (const gig of list) {
    const seller = text(pick(gig, 'seller_name'));
    const slug = text(pick(gig, 'cached_slug'));
    const price = pick(gig, 'price_i');
    if (seller && slug && typeof price === 'number' && Number.isFinite(price) && price > 0)
      out.set(`/${seller}/${slug}`, price);
  }
  return out;
}

const fiverrBases = new Map<string, boolean>();
/** Whether the document's base is a Fiverr https page (asked once per base). */
function onFiverr(doc: Document): boolean {
  const known = fiverrBases.get(doc.baseURI);
  if (known !== undefined) return known;
  const base = toUrl(doc.baseURI);
  const fiverrPage = base !== null && base.protocol === 'https:' && hostIs(base, FIVERR_DOMAIN);
  if (fiverrBases.size > 50) fiverrBases.clear();
  fiverrBases.set(doc.baseURI, fiverrPage);
  return fiverrPage;
}

/** `/<seller>/<slug>` of the gig a card link points to; null for any other link. */
export function gigPathOfLink(link: Element, doc: Document = link.ownerDocument): string | null {
  const href = link.getAttribute('href') ?? '';
  // A search page has thousands of card links, nearly all `/<seller>/<slug>?…` on the page's own
  // fiverr.com origin: read such a path directly (a URL per link cost 4 µs, 40 ms on 5,000 cards).
  if (href.startsWith('/') && !href.startsWith('//') && !/[\\%]|\/\.\.?(?:[/?#]|$)/.test(href) && onFiverr(doc)) {
    const path = href.split(/[?#]/, 1)[0]!;
    return isGigPath(path) ? path.replace(/\/$/, '') : null;
  }
  let url: URL;
  try {
    url = new URL(link.getAttribute('href') ?? '', doc.baseURI);
  } catch {
    return null;
  }
  return isGigPage(url) ? url.pathname.replace(/\/$/, '') : null;
}

/**
 * Adds to `byPath` the gig cards under `root` (the whole page, or what the page just added):
 * links grouped by gig, the longest non-price text as title.
 */
export function addSearchGigs(
  root: ParentNode,
  byPath: Map<string, SearchGig>,
  listing: Map<string, number> = new Map(),
  doc: Document = root.ownerDocument ?? (root as Document),
  /** Collects the paths of the gigs added or changed. */
  touched?: Set<string>,
): void {
  const links =
    root instanceof Element && root.matches(selectors.search.gigCardLink)
      ? [root as HTMLAnchorElement, ...root.querySelectorAll<HTMLAnchorElement>(selectors.search.gigCardLink)]
      : root.querySelectorAll<HTMLAnchorElement>(selectors.search.gigCardLink);
  for (const link of links) {
    const path = gigPathOfLink(link, doc);
    if (!path) continue;
    const label = ownText(link).replace(/\s+/g, ' ');
    const gig = byPath.get(path) ?? {
      path,
      slug: path.split('/')[2]!,
      title: '',
      priceText: null,
      priceUsd: listing.get(path) ?? null,
    };
    if (/[$€£]|\b(?:USD|US\$)\b/.test(label)) gig.priceText ??= label;
    else if (label.length > gig.title.length) gig.title = label;
    byPath.set(path, gig);
    touched?.add(path);
  }
}

/** The gig cards a search page shows now, in page order. */
export function readSearchGigs(doc: Document, listing: Map<string, number> = new Map()): SearchGig[] {
  const byPath = new Map<string, SearchGig>();
  addSearchGigs(doc, byPath, listing, doc);
  return [...byPath.values()].filter((g) => g.title);
}

/** The search query of a search page (`?query=`), trimmed and lower-cased; null elsewhere. */
export function searchQuery(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url || !isSearch(url)) return null;
  const q = url.searchParams.get('query')?.replace(/\s+/g, ' ').trim().toLowerCase();
  return q || null;
}
