/**
 * Everything GigSaathi knows about fiverr.com's pages: URL detectors, selectors and readers of
 * page context. Fiverr is React with hashed class names, so we lean on URLs, embedded JSON, ids
 * and attributes. Shapes come from public scrapers and extensions (2024–2026), not a live check:
 * see shared/SITES.md. Each selector says what it finds and how sure we are.
 */
import { ownText } from './text';
import { pathDetector, toUrl, type UrlLike } from './url';

export const FIVERR_DOMAIN = 'fiverr.com';
export const FIVERR_MATCHES = ['*://*.fiverr.com/*'];

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

// `/inbox` lists conversations; `/inbox/<username>` is one conversation with a composer.
export const isInbox = pathDetector(FIVERR_DOMAIN, /^\/inbox(?:\/[^/]+)?\/?$/);
export const isInboxConversation = pathDetector(FIVERR_DOMAIN, /^\/inbox\/[^/]+\/?$/);
// Order ids look like FO1A2B3C4D5E; the activity tab carries the order's chat composer.
export const isOrderPage = pathDetector(FIVERR_DOMAIN, /^\/orders\/[A-Za-z0-9]+(?:\/activities)?\/?$/);
export const isManageOrders = pathDetector(FIVERR_DOMAIN, /^\/users\/[^/]+\/manage_orders\/?$/);
export const isEarnings = pathDetector(FIVERR_DOMAIN, /^\/(?:users\/[^/]+\/)?earnings\/?$/);
export const isGigEditor = pathDetector(FIVERR_DOMAIN, /^\/users\/[^/]+\/manage_gigs\/[^/]+\/edit\/?$/);
export const isSearch = pathDetector(FIVERR_DOMAIN, /^\/search\/gigs\/?$/);
export const isCategory = pathDetector(FIVERR_DOMAIN, /^\/categories\/[^/]+(?:\/[^/]+)*\/?$/);

const gigPath = /^\/([^/]+)\/([^/]+)\/?$/;
/** A published gig: `/<seller>/<gig-slug>`, where the seller is not one of Fiverr's sections. */
export function isGigPage(input: UrlLike): boolean {
  const url = toUrl(input);
  if (!url || !pathDetector(FIVERR_DOMAIN, gigPath)(url)) return false;
  const seller = gigPath.exec(url.pathname)![1]!;
  return !RESERVED.has(seller.toLowerCase());
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

/** The other party of an inbox conversation, from `/inbox/<username>`. */
export function inboxUsername(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url || !isInboxConversation(url)) return null;
  const seg = url.pathname.split('/')[2];
  return seg ? decodeURIComponent(seg) : null;
}

export function orderId(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url || !isOrderPage(url)) return null;
  return url.pathname.split('/')[2] ?? null;
}

export function gigSlug(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url) return null;
  if (isGigEditor(url)) return decodeURIComponent(url.pathname.split('/')[4]!);
  if (isGigPage(url)) return decodeURIComponent(url.pathname.split('/')[2]!);
  return null;
}

export const selectors = {
  /** Inbox and order-page composer: a Slate editor. Seen in 2025 extensions; fairly sure. */
  messageEditor:
    '#send-message-text-area [data-track-tag="rich_text_editor"] [contenteditable="true"][data-slate-editor="true"]',
  /** Any Slate editor on the page, for when the wrapper ids change. */
  anySlateEditor: '[contenteditable="true"][data-slate-editor="true"]',
  /** The composer before the Slate rewrite; kept as a fallback. */
  legacyMessageTextarea: 'textarea[placeholder*="Type a message"]',
  sendButton: 'button[aria-label="Send"]',
  /** Server-rendered data, sometimes a JSON string inside JSON. Stable for years; sure. */
  perseusProps: 'script#perseus-initial-props',
  gigEditor: {
    /** React-controlled; Fiverr's 80-character title limit is the field's own maxlength. */
    title: 'textarea[maxlength="80"], textarea[placeholder*="I will"]',
    packageName: 'textarea[placeholder*="Name your package"]',
    packageDescription: 'textarea[placeholder*="Describe the details"]',
    packagePrice: '.price-input',
    /** The gig description is a Quill editor. */
    description: '.ql-editor[contenteditable="true"]',
    faqQuestion: 'input[placeholder*="Add a Question"]',
    faqAnswer: 'textarea[placeholder*="Add an Answer"]',
    /**
     * FAQs already added, listed above the add form (guessed; markup unknown). Counted only when
     * the list itself is found, so a changed page means "unknown", never a false "no FAQ".
     */
    faqList: '.faq-list, [data-testid="faq-list"]',
    faqItem: ':scope > li, .faq-item, [data-testid="faq-item"]',
    /** Gallery tab thumbnails (guessed; the gallery check stands down when none match). */
    galleryImage: '.gallery-item img, [data-testid="gallery-image"]',
    galleryVideo: '.gallery-item video, [data-testid="gallery-video"]',
    /** The tags input has no stable hook; it is found near this text (SITES.md). */
    tagsLabel: /positive keywords|5 tags maximum/i,
  },
  gigPage: {
    title: 'h1',
    reviews: 'ul.review-list li.review-item-component',
    /** DOM fallbacks for when the embedded JSON is missing (less sure: class names seen in 2024 scrapers). */
    description: '.description-content, [class*="gig-description"]',
    tags: '.gig-tags-container a, .gig-tags-container li, ul.tags li',
    packageTab: '.package-card [role="tab"], .packages-tabs [role="tab"]',
    faqItem: '.faq-collapsable, .gig-page-faq li',
  },
  search: {
    /** Gig card links carry these query parameters; the card is their nearest article/div. */
    gigCardLink: 'a[href*="source=gig_cards"], a[href*="pckg_id="]',
  },
  earnings: {
    headerBalance: 'a[href*="/earnings"]',
  },
} as const;

/**
 * Amounts already after Fiverr's 20% fee: everything on the earnings page (balance, net income,
 * each earning) and the balance in the header of every page. Order and gig prices are before it.
 */
export const earnedAmounts = {
  page: (url: string) => isEarnings(url),
  within: selectors.earnings.headerBalance,
} as const;

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
  let gig = text(pick(props, 'order.gig.title')) ?? text(pick(props, 'overview.gig.title'));
  if (!gig && isGigEditor(url)) gig = text(doc.querySelector<HTMLTextAreaElement>(selectors.gigEditor.title)?.value);
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

/** Text of the <dd> after the <dt> that reads `label` (the order header's details list). */
function detail(doc: Document, label: string): string | null {
  for (const dt of doc.querySelectorAll('dt')) {
    if (ownText(dt).toLowerCase() === label.toLowerCase()) return ownText(dt.nextElementSibling) || null;
  }
  return null;
}

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
  const priceText = detail(doc, 'Total price');
  const due = detail(doc, 'Delivery date');
  const order = {
    platform: 'fiverr',
    externalId: json.externalId,
    client:
      json.client ??
      text(
        [...doc.querySelectorAll('p')].find((p) => /^\s*Buyer:/.test(p.textContent ?? ''))?.querySelector('a')
          ?.textContent,
      ),
    title: json.title ?? text(doc.querySelector('h1')?.textContent),
    amount: json.amount ?? (priceText ? Number(priceText.replace(/[^\d.]/g, '')) || undefined : undefined),
    currency: json.currency,
    status: json.status ?? STATUS[(detail(doc, 'Status') ?? '').toLowerCase().replace(/\s+/g, '_')] ?? 'active',
    tip: json.tip,
    dueAt: json.dueAt ?? (due && !Number.isNaN(Date.parse(due)) ? new Date(due).toISOString() : undefined),
  };
  return order.client && order.title && order.amount ? order : null;
}

/**
 * Every order row the manage-orders list shows (markup weakly known: a row is whatever holds a
 * link to /orders/<id>; buyer, price, due date and status are read from its cells' text).
 */
export function readOrderRows(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href*="/orders/"]')) {
    const id = /\/orders\/([A-Za-z0-9]+)/.exec(link.getAttribute('href') ?? '')?.[1];
    const row = link.closest('tr, [role="row"], li');
    if (!id || !row || seen.has(id)) continue;
    seen.add(id);
    const cells = [...row.querySelectorAll('td, [role="cell"], [role="gridcell"]')].map((c) => ownText(c));
    const buyer = [...row.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')].find((a) =>
      /^\/[^/]+\/?$/.test(a.getAttribute('href') ?? ''),
    );
    const price = cells.map((c) => /^(?:US)?\$\s?([\d,]+(?:\.\d{1,2})?)$/.exec(c)?.[1]).find(Boolean);
    const due = cells.find((c) => /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(c));
    const status = cells.map((c) => STATUS[c.toLowerCase().replace(/\s+/g, '_')]).find(Boolean);
    if (!buyer || !price) continue;
    out.push({
      platform: 'fiverr',
      externalId: id,
      client: buyer.textContent?.trim(),
      title: link.textContent?.trim(),
      amount: Number(price.replace(/,/g, '')),
      currency: 'USD',
      status: status ?? 'active',
      ...(due ? { dueAt: new Date(`${due} 12:00`).toISOString() } : {}),
    });
  }
  return out;
}

/**
 * The page's embedded server data. Fiverr sometimes double-encodes it (a JSON string holding
 * JSON), so a string result is parsed once more. Returns null when absent or unreadable.
 */
export function readPerseusProps(doc: Document): unknown {
  const text = doc.querySelector(selectors.perseusProps)?.textContent;
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
 * editor tab not open, a count the markup does not expose).
 */
export interface GigFacts {
  title: string | null;
  description: string | null;
  tags: string[] | null;
  packages: number | null;
  faqs: number | null;
  images: number | null;
  videos: number | null;
}

export const NO_GIG_FACTS: GigFacts = {
  title: null,
  description: null,
  tags: null,
  packages: null,
  faqs: null,
  images: null,
  videos: null,
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Fiverr stores gig descriptions as HTML in the JSON. We only need their text, and never parse a
 * page's markup: tags become spaces (block ends become line breaks), a few entities are decoded.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(?:p|div|li|h\d)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+\d*);/gi, (m, code: string) => {
      const lower = code.toLowerCase();
      if (lower in ENTITIES) return ENTITIES[lower]!;
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return m;
    })
    .replace(/[ \t]+\n/g, '\n')
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

/**
 * A gig from the page's embedded JSON (gig pages: overview.gig.title, description.content,
 * packages.packageList, tags.tagsGigList; FAQ and gallery under faq/gallery, less sure). Any
 * field the JSON lacks is null.
 */
export function readGigProps(props: unknown): GigFacts {
  const title = text(pick(props, 'overview.gig.title')) ?? text(pick(props, 'gig.title'));
  const rawDescription = pick(props, 'description.content');
  const tagList = arrayAt(props, 'tags.tagsGigList', 'gig.tags');
  const tags = tagList
    ? tagList.map((t) => text(typeof t === 'string' ? t : pick(t, 'name'))).filter((t): t is string => t !== null)
    : null;
  const packages = arrayAt(props, 'packages.packageList');
  const faqs = arrayAt(props, 'faq.questionsAndAnswers', 'faq.faqs', 'faqs');
  const slides = arrayAt(props, 'gallery.slides', 'gallery.items');
  const isVideo = (slide: unknown) => /video/i.test(String(pick(slide, 'type') ?? pick(slide, 'typeVideo') ?? ''));
  return {
    title,
    description: typeof rawDescription === 'string' ? htmlToText(rawDescription) : null,
    tags,
    packages: packages ? packages.length : null,
    faqs: faqs ? faqs.length : null,
    images: slides ? slides.filter((s) => !isVideo(s)).length : null,
    videos: slides ? slides.filter(isVideo).length : null,
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
  const description = doc.querySelector(selectors.gigPage.description);
  const tags = texts(doc, selectors.gigPage.tags);
  const tabs = doc.querySelectorAll(selectors.gigPage.packageTab).length;
  const faqs = doc.querySelectorAll(selectors.gigPage.faqItem).length;
  return mergeGigFacts(fromJson, {
    ...NO_GIG_FACTS,
    title: text(ownText(doc.querySelector(selectors.gigPage.title))),
    description: description ? ownText(description) : null,
    tags: tags.length ? tags : null,
    packages: tabs || (doc.querySelector('.package-card, .packages-tabs') ? 1 : null),
    faqs: faqs || null,
  });
}

let tagBox: Element | null = null;

/** The element holding the editor's tags and their input, found by its "Positive keywords" text. */
export function gigEditorTagBox(doc: Document): Element | null {
  // Found once per render of the form, not by walking the page on every keystroke.
  if (tagBox?.isConnected && tagBox.ownerDocument === doc && tagBox.querySelector('input')) return tagBox;
  tagBox = findTagBox(doc);
  return tagBox;
}

function findTagBox(doc: Document): Element | null {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!selectors.gigEditor.tagsLabel.test((n as Text).data)) continue;
    // Up from the label to the first ancestor that also holds the tag input.
    for (let el = n.parentElement; el && el !== doc.body; el = el.parentElement) {
      if (el.querySelector('input')) return el;
    }
  }
  return null;
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
 * The gig editor as the seller has it right now. Fiverr's wizard shows one step at a time, so
 * only the open step's fields are known; the rest are null.
 */
export function readGigEditor(doc: Document): GigFacts {
  const s = selectors.gigEditor;
  const title = doc.querySelector<HTMLTextAreaElement>(s.title);
  const quill = doc.querySelector(s.description);
  const packageNames = [...doc.querySelectorAll<HTMLTextAreaElement>(s.packageName)];
  const faqList = doc.querySelector(s.faqList);
  const images = doc.querySelectorAll(s.galleryImage).length;
  const videos = doc.querySelectorAll(s.galleryVideo).length;
  return {
    title: title ? title.value : null,
    // Quill keeps one block element per line.
    description: quill
      ? [...quill.children]
          .map((block) => ownText(block))
          .join('\n')
          .trim()
      : null,
    tags: editorTags(doc),
    packages: packageNames.length ? packageNames.filter((t) => t.value.trim()).length : null,
    faqs: faqList ? faqList.querySelectorAll(s.faqItem).length : null,
    images: images || videos ? images : null,
    videos: images || videos ? videos : null,
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
}

/** `/<seller>/<slug>` of the gig a card link points to; null for any other link. */
export function gigPathOfLink(link: Element, doc: Document = link.ownerDocument): string | null {
  let url: URL;
  try {
    url = new URL(link.getAttribute('href') ?? '', doc.baseURI);
  } catch {
    return null;
  }
  return isGigPage(url) ? url.pathname.replace(/\/$/, '') : null;
}

/** The gig cards a search page shows now: links grouped by gig, the longest non-price text as title. */
export function readSearchGigs(doc: Document): SearchGig[] {
  const byPath = new Map<string, SearchGig>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(selectors.search.gigCardLink)) {
    const path = gigPathOfLink(link, doc);
    if (!path) continue;
    const label = ownText(link).replace(/\s+/g, ' ');
    const gig = byPath.get(path) ?? { path, slug: path.split('/')[2]!, title: '', priceText: null };
    if (/[$€£]|\b(?:USD|US\$)\b/.test(label)) gig.priceText ??= label;
    else if (label.length > gig.title.length) gig.title = label;
    byPath.set(path, gig);
  }
  return [...byPath.values()].filter((g) => g.title);
}

/** The search query of a search page (`?query=`), trimmed and lower-cased; null elsewhere. */
export function searchQuery(input: UrlLike): string | null {
  const url = toUrl(input);
  if (!url || !isSearch(url)) return null;
  const q = url.searchParams.get('query')?.replace(/\s+/g, ' ').trim().toLowerCase();
  return q || null;
}
