import Dexie, { type EntityTable, type Transaction } from 'dexie';
import {
  STARTER_IDS,
  type GigKeywords,
  type Order,
  type SearchGig,
  type Template,
  type Tombstone,
  type Withdrawal,
  type Cost,
} from '@/utils/schema';
import { bumpRevision } from './revision';

export { onRevision, readRevision, revisionKey } from './revision';

export const DB_NAME = 'gigsaathi';

/**
 * The schema's whole history. A published version is never edited: a change is a new entry with
 * an upgrade, tested in tests/unit/db-upgrade.test.ts against data written by the older version.
 */
export const SCHEMA_HISTORY: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}> = [
  {
    version: 1,
    stores: {
      templates: 'id, title, &shortcut, *tags',
      orders: 'id, platform, status, orderedAt',
    },
  },
  {
    // v2: pickers list the most used templates first; the dashboard and capture need date and
    // external-id indexes so no figure is a full-table scan.
    version: 2,
    stores: {
      templates: 'id, title, &shortcut, *tags, usageCount, lastUsedAt',
      orders: 'id, platform, status, orderedAt, dueAt, completedAt, clearsAt, client, [platform+externalId]',
    },
    upgrade: async (tx) => {
      await tx
        .table('templates')
        .toCollection()
        .modify((t: Record<string, unknown>) => {
          if (typeof t.usageCount !== 'number') t.usageCount = 0;
          if (t.lastUsedAt === undefined) t.lastUsedAt = null;
          if (!Array.isArray(t.tags)) t.tags = [];
        });
    },
  },
  {
    // v3: gig SEO. Target keywords per gig slug; gigs opened from a search, with their tags,
    // looked up by query for the "what ranks here" card and by slug when their page is seen.
    version: 3,
    stores: {
      gigKeywords: 'slug',
      searchGigs: '[query+slug], query, slug, seenAt',
    },
  },
  {
    // v4: browser sync (utils/sync). A deleted template leaves a tombstone, so a browser that was
    // offline when it was deleted does not bring it back.
    version: 4,
    stores: { tombstones: 'id, deletedAt' },
    // Every earlier version installed the whole starter library at install, so a starter missing
    // now was deleted by the seller (or skipped for a shortcut of theirs): buried, or the seller's
    // other browsers, which still have it, would bring it back through sync.
    upgrade: async (tx) => {
      const present = new Set(await tx.table('templates').toCollection().primaryKeys());
      const deletedAt = new Date().toISOString();
      await tx
        .table('tombstones')
        .bulkPut(STARTER_IDS.filter((id) => !present.has(id)).map((id) => ({ id, deletedAt })));
    },
  },
  {
    // v5: money to the bank (#23). Withdrawals with the rupees they brought, and costs read from
    // statements; both looked up by date for the month and tax year, and by the statement's id so
    // a file imported twice adds nothing.
    version: 5,
    stores: { withdrawals: 'id, at, externalId', costs: 'id, at, externalId' },
  },
];

export const DB_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

export class GigSaathiDB extends Dexie {
  templates!: EntityTable<Template, 'id'>;
  orders!: EntityTable<Order, 'id'>;
  gigKeywords!: EntityTable<GigKeywords, 'slug'>;
  searchGigs!: Dexie.Table<SearchGig, [string, string]>;
  tombstones!: EntityTable<Tombstone, 'id'>;
  withdrawals!: EntityTable<Withdrawal, 'id'>;
  costs!: EntityTable<Cost, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const step of SCHEMA_HISTORY) {
      const v = this.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
    // Any write to a table marks it changed (./revision.ts), once per burst: an import of 10,000
    // orders writes the revision once.
    for (const table of this.tables) {
      let pending = false;
      const changed = () => {
        if (pending) return;
        pending = true;
        setTimeout(() => {
          pending = false;
          bumpRevision(table.name).catch((e: unknown) =>
            console.error(`[GigSaathi] marking ${table.name} changed failed`, e),
          );
        }, 0);
      };
      table.hook('creating', function () {
        this.onsuccess = changed;
      });
      table.hook('updating', function () {
        this.onsuccess = changed;
      });
      table.hook('deleting', function () {
        this.onsuccess = changed;
      });
    }
  }
}

let shared: GigSaathiDB | undefined;

/** The one database of the extension's origin. Never call this from a content script. */
export function getDb(): GigSaathiDB {
  shared ??= new GigSaathiDB();
  return shared;
}
