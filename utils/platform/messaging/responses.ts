import * as z from 'zod/mini';
import { DashboardSchema, OrderSchema, RatesViewSchema, SettingsSchema, TemplateSchema } from '@/utils/schema';

/**
 * The answer to each request of ./protocol.ts, which the content scripts and our pages validate
 * as it comes. Apart from the requests, which only the background validates: a content script
 * that imported them built every request's schema as it loaded, on every page (#19).
 */
export const RESPONSES = {
  ping: z.object({ version: z.string() }),
  'page.notice': z.null(),
  'pack.load': z.null(),
  'settings.get': SettingsSchema,
  'i18n.messages': z.record(z.string(), z.string()),
  'templates.list': z.array(TemplateSchema),
  'rates.get': RatesViewSchema,
  'rates.history': z.object({
    rates: z.record(z.string(), z.record(z.string(), z.number())),
    missing: z.array(z.string()),
  }),
  'rates.refresh': RatesViewSchema,
  'orders.capture': z.object({ order: OrderSchema, created: z.boolean() }),
  'dashboard.get': DashboardSchema,
  'options.open': z.null(),
  'templates.recordUse': z.nullable(TemplateSchema),
  'seo.keywords.get': z.object({ keywords: z.array(z.string()) }),
  'seo.keywords.set': z.object({ keywords: z.array(z.string()) }),
  'seo.search.opened': z.null(),
  'seo.gig.seen': z.null(),
  'seo.search.tags': z.object({
    gigs: z.number(),
    pending: z.number(),
    tags: z.array(z.object({ tag: z.string(), count: z.number() })),
  }),
} as const;

const ERROR_CODES = ['bad-request', 'failed', 'forbidden'] as const;

export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);
export type Reply = z.infer<typeof ReplySchema>;
