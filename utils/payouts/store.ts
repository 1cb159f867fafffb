import type { Table } from 'dexie';
import { getDb, type GigSaathiDB } from '@/utils/platform/db';
import type { Cost, Order, Withdrawal } from '@/utils/schema';
import type { StatementRead } from './statements/read';

/** What importing a statement will write, and what of it is there already. */
export interface StatementPreview {
  add: { orders: Order[]; withdrawals: Withdrawal[]; costs: Cost[] };
  present: { orders: number; withdrawals: number; costs: number };
}

/**
 * A record is there already when its id is (a file imported before), or, for an order, when the
 * platform's own id is (captured from its page, or entered by hand with it).
 */
export async function previewStatement(db: GigSaathiDB, read: StatementRead): Promise<StatementPreview> {
  return db.transaction('r', [db.orders, db.withdrawals, db.costs], async () => {
    const orderIds = new Set(await db.orders.bulkGet(read.orders.map((o) => o.id)).then(present));
    const known = await db.orders
      .where('[platform+externalId]')
      .anyOf(read.orders.flatMap((o) => (o.externalId ? [[o.platform, o.externalId]] : [])))
      .toArray();
    const knownExternal = new Set(known.map((o) => `${o.platform} ${o.externalId}`));
    const orders = read.orders.filter(
      (o) => !orderIds.has(o.id) && !(o.externalId && knownExternal.has(`${o.platform} ${o.externalId}`)),
    );
    const withdrawalIds = new Set(await db.withdrawals.bulkGet(read.withdrawals.map((w) => w.id)).then(present));
    const withdrawals = read.withdrawals.filter((w) => !withdrawalIds.has(w.id));
    const costIds = new Set(await db.costs.bulkGet(read.costs.map((c) => c.id)).then(present));
    const costs = read.costs.filter((c) => !costIds.has(c.id));
    return {
      add: { orders, withdrawals, costs },
      present: {
        orders: read.orders.length - orders.length,
        withdrawals: read.withdrawals.length - withdrawals.length,
        costs: read.costs.length - costs.length,
      },
    };
  });
}

const present = <T extends { id: string }>(rows: ReadonlyArray<T | undefined>) =>
  rows.flatMap((r) => (r ? [r.id] : []));

const CHUNK = 500;

/**
 * Writes what the preview would add, in one transaction: all of it or, on any failure, none.
 * Records that appeared since the preview (another tab imported the same file) are left as they
 * are, so importing twice still adds nothing.
 */
export async function importStatement(
  db: GigSaathiDB,
  read: StatementRead,
  onProgress?: (done: number, total: number) => void,
): Promise<StatementPreview['add']> {
  return db.transaction('rw', [db.orders, db.withdrawals, db.costs], async () => {
    const { add } = await previewStatement(db, read);
    const total = add.orders.length + add.withdrawals.length + add.costs.length;
    let done = 0;
    onProgress?.(0, total);
    const addAll = async <T, K>(table: Table<T, K>, rows: ReadonlyArray<T>) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await table.bulkAdd(chunk);
        done += chunk.length;
        onProgress?.(done, total);
      }
    };
    await addAll(db.orders, add.orders);
    await addAll(db.withdrawals, add.withdrawals);
    await addAll(db.costs, add.costs);
    return add;
  });
}

export async function listWithdrawals(db: GigSaathiDB): Promise<Withdrawal[]> {
  return db.withdrawals.orderBy('at').reverse().toArray();
}

/** The options page's way to the withdrawals, costs and statements, on the one database. */
export const payoutStore = {
  withdrawals: () => listWithdrawals(getDb()),
  costs: () => getDb().costs.orderBy('at').reverse().toArray(),
  saveWithdrawal: (w: Withdrawal) => getDb().withdrawals.put(w),
  deleteWithdrawal: (id: string) => getDb().withdrawals.delete(id),
  preview: (read: StatementRead) => previewStatement(getDb(), read),
  import: (read: StatementRead, onProgress?: (done: number, total: number) => void) =>
    importStatement(getDb(), read, onProgress),
};
