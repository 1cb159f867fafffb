import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GigSaathiDB } from '@/utils/platform/db';
import {
  getGigKeywords,
  GIGS_PER_QUERY,
  noteGigSeen,
  noteSearchOpen,
  searchTags,
  setGigKeywords,
} from '@/utils/seo/store';
import { createRouter } from '@/utils/platform/messaging/router';
import { createHandlers } from '@/entrypoints/background/handlers';

let db: GigSaathiDB;
beforeEach(async () => {
  db = new GigSaathiDB(`seo-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));

describe('gig keywords', () => {
  it('saves up to three, drops duplicates, and forgets on an empty list', async () => {
    await setGigKeywords(db, 'logo', [' Logo design ', 'logo DESIGN', 'minimalist logo']);
    expect(await getGigKeywords(db, 'logo')).toEqual(['Logo design', 'minimalist logo']);
    await expect(setGigKeywords(db, 'logo', ['a', 'b', 'c', 'd'])).rejects.toThrow(/at most 3 keywords/);
    expect(await getGigKeywords(db, 'logo')).toEqual(['Logo design', 'minimalist logo']);
    await setGigKeywords(db, 'logo', ['  ']);
    expect(await getGigKeywords(db, 'logo')).toEqual([]);
    expect(await getGigKeywords(db, 'never-set')).toEqual([]);
  });
});

describe('tags of gigs opened from a search', () => {
  it('joins clicks on search cards with the tags their pages show', async () => {
    await noteSearchOpen(db, { query: 'logo design', slug: 'a', title: 'I will design a logo' }, at(0));
    await noteSearchOpen(db, { query: 'logo design', slug: 'b', title: null }, at(1));
    expect(await searchTags(db, 'logo design')).toEqual({ gigs: 0, pending: 2, tags: [] });

    await noteGigSeen(db, { slug: 'a', title: null, tags: ['Logo Design', 'minimalist logo'], query: null }, at(2));
    await noteGigSeen(db, { slug: 'b', title: 'B', tags: ['logo design', ' ', 'brand'], query: null }, at(3));
    // A gig seen from a search the seller typed elsewhere (the referrer) is added to that search.
    await noteGigSeen(db, { slug: 'c', title: 'C', tags: ['logo design'], query: 'logo design' }, at(4));
    expect(await searchTags(db, 'logo design')).toEqual({
      gigs: 3,
      pending: 0,
      tags: [
        { tag: 'logo design', count: 3 },
        { tag: 'brand', count: 1 },
        { tag: 'minimalist logo', count: 1 },
      ],
    });
    // Tags already known for a gig come along when it is opened from another search.
    await noteSearchOpen(db, { query: 'brand kit', slug: 'b', title: null }, at(5));
    expect((await searchTags(db, 'brand kit')).tags.map((t) => t.tag)).toEqual(['brand', 'logo design']);
    expect(await searchTags(db, 'unknown')).toEqual({ gigs: 0, pending: 0, tags: [] });
  });

  it(`keeps the newest ${GIGS_PER_QUERY} gigs per query`, async () => {
    for (let i = 0; i < GIGS_PER_QUERY + 5; i++)
      await noteSearchOpen(db, { query: 'q', slug: `g${i}`, title: null }, new Date(Date.UTC(2026, 0, 1, 0, i)));
    const slugs = await db.searchGigs.where('query').equals('q').toArray();
    expect(slugs).toHaveLength(GIGS_PER_QUERY);
    expect(slugs.some((r) => r.slug === 'g0')).toBe(false);
    expect(slugs.some((r) => r.slug === `g${GIGS_PER_QUERY + 4}`)).toBe(true);
  });
});

describe('SEO messages', () => {
  const send = (type: string, payload: unknown) =>
    createRouter(createHandlers(db), 'gigsaathi-test')(
      { gigsaathi: 1, type, payload },
      {
        id: 'gigsaathi-test',
        tab: { id: 1, url: 'https://www.fiverr.com/ayesha/a-logo' },
      },
    );

  it('validates keywords at the boundary', async () => {
    expect(await send('seo.keywords.set', { slug: 'logo', keywords: ['a', 'b', 'c', 'd'] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await send('seo.keywords.set', { slug: 'logo', keywords: ['logo design'] })).toEqual({
      ok: true,
      data: { keywords: ['logo design'] },
    });
    expect(await send('seo.keywords.get', { slug: 'logo' })).toEqual({ ok: true, data: { keywords: ['logo design'] } });
    expect(await send('seo.search.tags', { query: '' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
