import * as z from 'zod/mini';
import { IsoDate, trimmedText } from './common';

/** A gig's slug as Fiverr writes it in URLs (`design-a-minimalist-logo`). */
export const GigSlug = trimmedText('a gig slug', 1, 200);

/** Up to three target keywords per gig: what the seller wants to be found for. */
export const MAX_KEYWORDS = 3;
export const Keyword = trimmedText('a keyword', 1, 60);

export const GigKeywordsSchema = z.object({
  slug: GigSlug,
  keywords: z
    .array(Keyword, { error: 'expected a list of keywords' })
    .check(z.maxLength(MAX_KEYWORDS, { error: `at most ${MAX_KEYWORDS} keywords per gig` })),
  updatedAt: IsoDate,
});
export type GigKeywords = z.infer<typeof GigKeywordsSchema>;

/** A search query as the card keys it: trimmed, lower-cased, spaces collapsed. */
export const SearchQuery = trimmedText('a search query', 1, 200);

/**
 * A gig the seller opened from a search, with the tags its page showed: what the "what ranks
 * here" card lists for that query. Read only from pages the seller opened.
 */
export const SearchGigSchema = z.object({
  query: SearchQuery,
  slug: GigSlug,
  title: z.nullable(trimmedText('a gig title', 1, 300)),
  tags: z.nullable(z.array(trimmedText('a tag', 1, 100)).check(z.maxLength(20))),
  seenAt: IsoDate,
});
export type SearchGig = z.infer<typeof SearchGigSchema>;
