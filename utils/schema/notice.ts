import * as z from 'zod/mini';

/**
 * What a feature could not find on a page it applies to, as the popup says it to the seller
 * ("On this page GigSaathi could not find the message box"): `notice.<key>` in the locale files.
 */
export const PAGE_NOTICES = [
  'messageBox',
  'gigEditor',
  'gigDetails',
  'gigCards',
  'coverLetter',
  'profile',
  'project',
  'orderDetails',
  'orderList',
] as const;
export const PageNoticeKey = z.enum(PAGE_NOTICES, { error: `expected one of ${PAGE_NOTICES.join(', ')}` });
export type PageNoticeKey = z.infer<typeof PageNoticeKey>;

/** A feature id as the feature catalog writes them (`search-insights`). */
export const FeatureId = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, { error: 'expected a feature id' }));

/** A notice kept for one tab, with the page it was about. */
export const PageNoticeSchema = z.object({
  feature: FeatureId,
  notice: PageNoticeKey,
  url: z.url(),
  at: z.number(),
});
export type PageNotice = z.infer<typeof PageNoticeSchema>;

/** At most this many per tab: one per feature and page is all a seller needs to read. */
export const MAX_NOTICES_PER_TAB = 20;
export const PageNoticesSchema = z.array(PageNoticeSchema).check(z.maxLength(MAX_NOTICES_PER_TAB));
