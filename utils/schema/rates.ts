import * as z from 'zod/mini';
import { LearnedMarkupsSchema } from './routes';

export const RATE_SOURCE_IDS = ['open.er-api.com', 'jsdelivr', 'pages.dev', 'built-in'] as const;
export type RateSourceId = (typeof RATE_SOURCE_IDS)[number];

/**
 * Exchange rates as units of each currency per 1 USD, the way every source publishes them; PKR
 * per EUR is then rates.PKR / rates.EUR. Sources and their limits: shared/FACTS.md. Kept in
 * storage, so validated on read: storage outlives versions.
 */
export const RateTableSchema = z.object({
  rates: z.record(z.string(), z.number().check(z.positive())),
  source: z.enum(RATE_SOURCE_IDS),
  /** When we fetched it (ISO). */
  fetchedAt: z.iso.datetime({ offset: true }),
  /** When the publisher last updated it, if it says. */
  publishedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type RateTable = z.infer<typeof RateTableSchema>;

/** What the background answers `rates.get` with: the table and the rate in force. */
export const RatesViewSchema = z.object({
  rates: z.record(z.string(), z.number()),
  source: z.string(),
  fetchedAt: z.string(),
  publishedAt: z.optional(z.string()),
  pkrPerUsd: z.number(),
  manual: z.boolean(),
  ageMs: z.number(),
  stale: z.boolean(),
  /** Why the last refresh fell back, if it did. */
  failures: z.array(z.object({ source: z.string(), reason: z.string() })),
  /** The seller's own average markup per route, from their withdrawals (utils/payouts). */
  markups: z.optional(LearnedMarkupsSchema),
});
export type RatesView = z.infer<typeof RatesViewSchema>;
