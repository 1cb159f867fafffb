import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, GigSaathiDB, SCHEMA_HISTORY } from '@/utils/platform/db';
import { deleteTemplate, listTemplates } from '@/utils/templates/store';
import { getGigKeywords, noteSearchOpen, setGigKeywords } from '@/utils/seo/store';
import { OrderSchema, STARTER_IDS, TemplateSchema } from '@/utils/schema';

const names: string[] = [];
const freshName = () => {
  const n = `upgrade-test-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

/** Opens a database exactly as version `v` of GigSaathi defined it. */
function openAtVersion(name: string, v: number): Dexie {
  const db = new Dexie(name);
  for (const step of SCHEMA_HISTORY.filter((s) => s.version <= v)) {
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  return db;
}

// What v1 wrote: templates without usage fields, orders with only the original indexes.
const v1Templates = [
  { id: 't1', title: 'Thanks', body: 'Thank you, {{client_name}}!', shortcut: '/thanks', tags: ['close'] },
  { id: 't2', title: 'Requirements', body: 'Could you share:\n1. logo text\n2. colours', shortcut: null, tags: [] },
  { id: 't3', title: 'Legacy without tags', body: 'Hello', shortcut: '/hello' },
];
const v1Orders = [
  {
    id: 'o1',
    platform: 'fiverr',
    externalId: 'FO123ABC',
    client: 'bob',
    title: 'Logo',
    amount: 25,
    currency: 'USD',
    status: 'active',
    orderedAt: '2026-01-05T10:00:00.000Z',
    dueAt: '2026-01-08T10:00:00.000Z',
  },
  {
    id: 'o2',
    platform: 'upwork',
    client: 'Acme Ltd',
    title: 'Landing page',
    amount: 400.75,
    currency: 'USD',
    feePercent: 12,
    status: 'completed',
    orderedAt: '2025-12-01T10:00:00.000Z',
    completedAt: '2025-12-20T10:00:00.000Z',
    clearsAt: '2026-01-03T10:00:00.000Z',
    notes: 'paid by milestone',
  },
];

describe('database upgrades', () => {
  it('the current version is the last step of the history', () => {
    expect(DB_VERSION).toBe(SCHEMA_HISTORY.at(-1)!.version);
    expect(SCHEMA_HISTORY.map((s) => s.version)).toEqual([...SCHEMA_HISTORY.keys()].map((i) => i + 1));
  });

  it('upgrades a filled v1 database with every record intact', async () => {
    const name = freshName();
    const v1 = openAtVersion(name, 1);
    await v1.table('templates').bulkAdd(v1Templates);
    await v1.table('orders').bulkAdd(v1Orders);
    v1.close();

    const db = new GigSaathiDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    const templates = await db.templates.orderBy('id').toArray();
    expect(templates).toHaveLength(3);
    for (const [i, t] of templates.entries()) {
      expect(t).toEqual({ tags: [], ...v1Templates[i], usageCount: 0, lastUsedAt: null });
      expect(TemplateSchema.safeParse(t).success).toBe(true);
    }
    const orders = await db.orders.orderBy('id').toArray();
    expect(orders).toEqual(v1Orders);
    for (const o of orders) expect(OrderSchema.safeParse(o).success).toBe(true);

    // The v2 indexes work on the upgraded data.
    expect(await db.orders.where('[platform+externalId]').equals(['fiverr', 'FO123ABC']).count()).toBe(1);
    expect(await db.orders.where('clearsAt').above('2026-01-01').count()).toBe(1);
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['t3', 't2', 't1']);
    db.close();
  });

  it('upgrades a filled v2 database to v3: every record intact, the SEO tables ready', async () => {
    const name = freshName();
    const v2 = openAtVersion(name, 2);
    const v2Templates = v1Templates.map((t) => ({
      tags: [],
      ...t,
      usageCount: 3,
      lastUsedAt: '2026-10-01T10:00:00.000Z',
    }));
    await v2.table('templates').bulkAdd(v2Templates);
    await v2.table('orders').bulkAdd(v1Orders);
    v2.close();

    const db = new GigSaathiDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.templates.orderBy('id').toArray()).toEqual(v2Templates);
    expect(await db.orders.orderBy('id').toArray()).toEqual(v1Orders);
    expect(await db.orders.where('[platform+externalId]').equals(['fiverr', 'FO123ABC']).count()).toBe(1);

    await setGigKeywords(db, 'design-a-logo', ['logo design']);
    await noteSearchOpen(db, { query: 'logo design', slug: 'design-a-logo', title: 'I will design a logo' });
    expect(await getGigKeywords(db, 'design-a-logo')).toEqual(['logo design']);
    expect(await db.searchGigs.where('query').equals('logo design').count()).toBe(1);
    db.close();
  });

  it('upgrades a filled v3 database to v4: every record intact, a deletion leaves a tombstone', async () => {
    const name = freshName();
    const v3 = openAtVersion(name, 3);
    const v3Templates = v1Templates.map((t) => ({
      tags: [],
      ...t,
      usageCount: 1,
      lastUsedAt: null,
      createdAt: '2026-09-01T10:00:00.000Z',
      updatedAt: '2026-09-02T10:00:00.000Z',
    }));
    await v3.table('templates').bulkAdd(v3Templates);
    // The one starter this seller kept.
    const kept = { ...v3Templates[0]!, id: 'starter-thanks', shortcut: '/ty' };
    await v3.table('templates').add(kept);
    v3Templates.push(kept);
    await v3.table('orders').bulkAdd(v1Orders);
    await v3.table('gigKeywords').add({ slug: 'design-a-logo', keywords: ['logo design'] });
    v3.close();

    const db = new GigSaathiDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.templates.orderBy('id').toArray()).toEqual([...v3Templates].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.orders.orderBy('id').toArray()).toEqual(v1Orders);
    expect(await getGigKeywords(db, 'design-a-logo')).toEqual(['logo design']);
    // The starters this seller deleted before v4 are buried, so sync does not bring them back.
    expect(new Set(await db.tombstones.toCollection().primaryKeys())).toEqual(
      new Set(STARTER_IDS.filter((id) => id !== 'starter-thanks')),
    );
    await deleteTemplate(db, 't2', new Date('2026-11-01T00:00:00.000Z'));
    expect(await db.tombstones.get('t2')).toEqual({ id: 't2', deletedAt: '2026-11-01T00:00:00.000Z' });
    db.close();
  });

  it('upgrades a filled v4 database to v5: every record intact, withdrawals and costs ready', async () => {
    const name = freshName();
    const v4 = openAtVersion(name, 4);
    await v4.open();
    await v4
      .table('templates')
      .bulkAdd(v1Templates.map((t) => ({ ...t, tags: t.tags ?? [], usageCount: 2, lastUsedAt: null })));
    await v4.table('orders').bulkAdd(v1Orders);
    await v4.table('tombstones').add({ id: 'gone', deletedAt: '2026-10-01T00:00:00.000Z' });
    const templates = await v4.table('templates').orderBy('id').toArray();
    v4.close();

    const db = new GigSaathiDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.templates.orderBy('id').toArray()).toEqual(templates);
    expect(await db.orders.orderBy('id').toArray()).toEqual(v1Orders);
    expect(await db.tombstones.toArray()).toEqual([{ id: 'gone', deletedAt: '2026-10-01T00:00:00.000Z' }]);
    await db.withdrawals.add({
      id: 'w1',
      at: '2026-11-10T07:00:00.000Z',
      amount: 100,
      currency: 'USD',
      externalId: 'T1',
    });
    expect(await db.withdrawals.where('externalId').equals('T1').count()).toBe(1);
    expect(await db.costs.count()).toBe(0);
    db.close();
  });
});
