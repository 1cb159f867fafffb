import type { GigSaathiDB } from '@/utils/platform/db';
import { GigKeywordsSchema, SearchGigSchema, type GigKeywords, type SearchGig } from '@/utils/schema';

export async function getGigKeywords(db: GigSaathiDB, slug: string): Promise<string[]> {
  return (await db.gigKeywords.get(slug))?.keywords ?? [];
}

/** Saves a gig's target keywords (validated, duplicates dropped); an empty list forgets them. */
export async function setGigKeywords(
  db: GigSaathiDB,
  slug: string,
  keywords: ReadonlyArray<string>,
  now = new Date(),
): Promise<GigKeywords | null> {
  const byKey = new Map<string, string>();
  for (const k of keywords)
    if (k.trim() && !byKey.has(k.trim().toLowerCase())) byKey.set(k.trim().toLowerCase(), k.trim());
  const unique = [...byKey.values()];
  if (unique.length === 0) {
    await db.gigKeywords.delete(slug);
    return null;
  }
  const record = GigKeywordsSchema.parse({ slug, keywords: unique, updatedAt: now.toISOString() });
  await db.gigKeywords.put(record);
  return record;
}

const cleanTitle = (title: string | null) => title?.replace(/\s+/g, ' ').trim().slice(0, 300) || null;
const cleanTags = (tags: ReadonlyArray<string>) =>
  [...new Set(tags.map((t) => t.replace(/\s+/g, ' ').trim().slice(0, 100)).filter(Boolean))].slice(0, 20);

/** The card remembers this many gigs per query (the newest); older ones make way. */
export const GIGS_PER_QUERY = 100;

/** The seller clicked a gig card on a search page: remember it under that query. */
export async function noteSearchOpen(
  db: GigSaathiDB,
  { query, slug, title }: { query: string; slug: string; title: string | null },
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.searchGigs, async () => {
    const existing = await db.searchGigs.get([query, slug]);
    const record: SearchGig = SearchGigSchema.parse({
      query,
      slug,
      title: cleanTitle(title) ?? existing?.title ?? null,
      tags: existing?.tags ?? (await knownTags(db, slug)),
      seenAt: now.toISOString(),
    });
    await db.searchGigs.put(record);
    const keys = await db.searchGigs.where('query').equals(query).primaryKeys();
    if (keys.length > GIGS_PER_QUERY) {
      const rows = await db.searchGigs.bulkGet(keys);
      const oldest = rows
        .filter((r): r is SearchGig => r !== undefined)
        .sort((a, b) => a.seenAt.localeCompare(b.seenAt))
        .slice(0, keys.length - GIGS_PER_QUERY)
        .map((r) => [r.query, r.slug] as [string, string]);
      await db.searchGigs.bulkDelete(oldest);
    }
  });
}

async function knownTags(db: GigSaathiDB, slug: string): Promise<string[] | null> {
  const seen = await db.searchGigs
    .where('slug')
    .equals(slug)
    .filter((r) => r.tags !== null)
    .first();
  return seen?.tags ?? null;
}

/**
 * A gig page was read: its tags go to every search the gig was opened from (the tags are the
 * gig's, whatever the query), and to `query` when the page came from a search.
 */
export async function noteGigSeen(
  db: GigSaathiDB,
  { slug, title, tags, query }: { slug: string; title: string | null; tags: string[]; query: string | null },
  now = new Date(),
): Promise<void> {
  const clean = cleanTags(tags);
  const cleanedTitle = cleanTitle(title);
  await db.transaction('rw', db.searchGigs, async () => {
    if (query) await noteSearchOpen(db, { query, slug, title }, now);
    await db.searchGigs
      .where('slug')
      .equals(slug)
      .modify((r) => {
        r.tags = clean;
        if (cleanedTitle) r.title = cleanedTitle;
      });
  });
}

export interface SearchTags {
  /** Gigs opened from this search whose tags are known. */
  gigs: number;
  /** Gigs opened but whose page has not been read yet. */
  pending: number;
  tags: { tag: string; count: number }[];
}

/** The tags of the gigs opened from a search, most used first. */
export async function searchTags(db: GigSaathiDB, query: string, limit = 15): Promise<SearchTags> {
  const rows = await db.searchGigs.where('query').equals(query).toArray();
  const counts = new Map<string, number>();
  let gigs = 0;
  for (const row of rows) {
    if (!row.tags) continue;
    gigs++;
    for (const tag of new Set(row.tags.map((t) => t.toLowerCase()))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const tags = [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([tag, count]) => ({ tag, count }));
  return { gigs, pending: rows.length - gigs, tags };
}
