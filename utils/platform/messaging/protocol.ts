import * as z from 'zod/mini';
import {
  FeatureId,
  GigSlug,
  Id,
  PageNoticeKey,
  Keyword,
  MAX_KEYWORDS,
  OrderSchema,
  SearchQuery,
  SettingsSchema,
  TemplateSchema,
  CapturedOrderSchema,
  DashboardSchema,
  RatesViewSchema,
  PackName,
} from '@/utils/schema';

/**
 * Every request a content script may make of the background, with the shape of its payload and of
 * its answer. Both ends validate against these schemas: the background on arrival, the content
 * script on the reply.
 */
export const PROTOCOL = {
  ping: { request: z.strictObject({}), response: z.object({ version: z.string() }) },
  /**
   * A feature stood down or hit an error on this tab's page: logged once in the background (never
   * in the page's console), and, with a notice, said in the popup for this tab.
   */
  'page.notice': {
    request: z.strictObject({
      feature: FeatureId,
      message: z.string().check(z.maxLength(500)),
      notice: z.optional(PageNoticeKey),
    }),
    response: z.null(),
  },
  /** A feature's code that its site's content script does not carry, injected beside it (#19). */
  'pack.load': { request: z.strictObject({ pack: PackName }), response: z.null() },
  'settings.get': { request: z.strictObject({}), response: SettingsSchema },
  /** The words of a language the content scripts do not bundle (utils/platform/i18n/remote.ts). */
  'i18n.messages': {
    request: z.strictObject({ locale: z.enum(['ur']) }),
    response: z.record(z.string(), z.string()),
  },
  'templates.list': { request: z.strictObject({}), response: z.array(TemplateSchema) },
  'rates.get': { request: z.strictObject({}), response: RatesViewSchema },
  /**
   * Mid-market rates of past days (Pakistan days), for withdrawals' markups; the missing ones
   * fetched from the rate API's dated files when `fetch` (the seller added or imported some).
   */
  'rates.history': {
    request: z.strictObject({
      days: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))).check(z.maxLength(2000)),
      fetch: z.boolean(),
    }),
    response: z.object({
      rates: z.record(z.string(), z.record(z.string(), z.number())),
      missing: z.array(z.string()),
    }),
  },
  /** On demand from the popup; at most hourly (the API's terms). */
  'rates.refresh': { request: z.strictObject({}), response: RatesViewSchema },
  /** "Save to GigSaathi": only ever sent on the user's click. */
  'orders.capture': {
    request: z.strictObject({ order: CapturedOrderSchema }),
    response: z.object({ order: OrderSchema, created: z.boolean() }),
  },
  /**
   * The dashboard's figures, computed by the background from every order (and kept), for a popup
   * or options page that found no current kept figures.
   */
  'dashboard.get': { request: z.strictObject({}), response: DashboardSchema },
  'options.open': { request: z.strictObject({}), response: z.null() },
  'templates.recordUse': { request: z.strictObject({ id: Id }), response: z.nullable(TemplateSchema) },
  /** A gig's target keywords (SEO panel). */
  'seo.keywords.get': {
    request: z.strictObject({ slug: GigSlug }),
    response: z.object({ keywords: z.array(z.string()) }),
  },
  'seo.keywords.set': {
    request: z.strictObject({
      slug: GigSlug,
      keywords: z.array(Keyword).check(z.maxLength(MAX_KEYWORDS, { error: `at most ${MAX_KEYWORDS} keywords` })),
    }),
    response: z.object({ keywords: z.array(z.string()) }),
  },
  /** The seller clicked a gig card on a search page. */
  'seo.search.opened': {
    request: z.strictObject({ query: SearchQuery, slug: GigSlug, title: z.nullable(z.string()) }),
    response: z.null(),
  },
  /** A gig page the seller opened was read: its tags, for the searches it was opened from. */
  'seo.gig.seen': {
    request: z.strictObject({
      slug: GigSlug,
      title: z.nullable(z.string()),
      tags: z.array(z.string()).check(z.maxLength(20)),
      query: z.nullable(SearchQuery),
    }),
    response: z.null(),
  },
  'seo.search.tags': {
    request: z.strictObject({ query: SearchQuery }),
    response: z.object({
      gigs: z.number(),
      pending: z.number(),
      tags: z.array(z.object({ tag: z.string(), count: z.number() })),
    }),
  },
} as const;

export type RequestType = keyof typeof PROTOCOL;
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

export const ERROR_CODES = ['bad-request', 'failed', 'forbidden'] as const;

export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);
export type Reply = z.infer<typeof ReplySchema>;
