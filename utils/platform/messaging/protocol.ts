import * as z from 'zod/mini';
import { RESPONSES } from './responses';
import {
  FeatureId,
  GigSlug,
  Id,
  PageNoticeKey,
  Keyword,
  MAX_KEYWORDS,
  SearchQuery,
  CapturedOrderSchema,
  PackName,
} from '@/utils/schema';

/**
 * Every request a content script may make of the background, with the shape of its payload and of
 * its answer (./responses.ts). Both ends validate: the background the request on arrival, the
 * content script the reply.
 */
const REQUESTS = {
  ping: z.strictObject({}),
  /**
   * A feature stood down or hit an error on this tab's page: logged once in the background (never
   * in the page's console), and, with a notice, said in the popup for this tab.
   */
  'page.notice': z.strictObject({
    feature: FeatureId,
    message: z.string().check(z.maxLength(500)),
    notice: z.optional(PageNoticeKey),
  }),
  /** A feature's code that its site's content script does not carry, injected beside it (#19). */
  'pack.load': z.strictObject({ pack: PackName }),
  'settings.get': z.strictObject({}),
  /** The words of a language the content scripts do not bundle (utils/platform/i18n/remote.ts). */
  'i18n.messages': z.strictObject({ locale: z.enum(['ur']) }),
  'templates.list': z.strictObject({}),
  'rates.get': z.strictObject({}),
  /**
   * Mid-market rates of past days (Pakistan days), for withdrawals' markups; the missing ones
   * fetched from the rate API's dated files when `fetch` (the seller added or imported some).
   */
  'rates.history': z.strictObject({
    days: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))).check(z.maxLength(2000)),
    fetch: z.boolean(),
  }),
  /** On demand from the popup; at most hourly (the API's terms). */
  'rates.refresh': z.strictObject({}),
  /** "Save to GigSaathi": only ever sent on the user's click. */
  'orders.capture': z.strictObject({ order: CapturedOrderSchema }),
  /**
   * The dashboard's figures, computed by the background from every order (and kept), for a popup
   * or options page that found no current kept figures.
   */
  'dashboard.get': z.strictObject({}),
  'options.open': z.strictObject({}),
  'templates.recordUse': z.strictObject({ id: Id }),
  /** A gig's target keywords (SEO panel). */
  'seo.keywords.get': z.strictObject({ slug: GigSlug }),
  'seo.keywords.set': z.strictObject({
    slug: GigSlug,
    keywords: z.array(Keyword).check(z.maxLength(MAX_KEYWORDS, { error: `at most ${MAX_KEYWORDS} keywords` })),
  }),
  /** The seller clicked a gig card on a search page. */
  'seo.search.opened': z.strictObject({ query: SearchQuery, slug: GigSlug, title: z.nullable(z.string()) }),
  /** A gig page the seller opened was read: its tags, for the searches it was opened from. */
  'seo.gig.seen': z.strictObject({
    slug: GigSlug,
    title: z.nullable(z.string()),
    tags: z.array(z.string()).check(z.maxLength(20)),
    query: z.nullable(SearchQuery),
  }),
  'seo.search.tags': z.strictObject({ query: SearchQuery }),
} as const satisfies Record<keyof typeof RESPONSES, z.ZodMiniType>;

export type RequestType = keyof typeof RESPONSES;

export const PROTOCOL = Object.fromEntries(
  (Object.keys(RESPONSES) as RequestType[]).map((type) => [
    type,
    { request: REQUESTS[type], response: RESPONSES[type] },
  ]),
) as { [T in RequestType]: { request: (typeof REQUESTS)[T]; response: (typeof RESPONSES)[T] } };

export type RequestOf<T extends RequestType> = z.input<(typeof PROTOCOL)[T]['request']>;
export type ResponseOf<T extends RequestType> = z.output<(typeof PROTOCOL)[T]['response']>;

const REQUEST_TYPES = Object.keys(PROTOCOL) as [RequestType, ...RequestType[]];

/** The envelope marks our messages so the background ignores anything else on the channel. */
export const EnvelopeSchema = z.object(
  {
    gigsaathi: z.literal(1),
    type: z.enum(REQUEST_TYPES),
    payload: z.unknown(),
  },
  { error: 'expected a GigSaathi message (an object)' },
);
