import { getDb, type GigSaathiDB } from '@/utils/platform/db';
import {
  CAPTURED_FIELDS,
  OrderSchema,
  type CapturedField,
  type CapturedOrder,
  type Order,
  type Settings,
} from '@/utils/schema';
import { advance } from './lifecycle';

/**
 * Every order, newest first, ties by id (the order the orderedAt index gives, reversed). Read with
 * one getAll and sorted here: Dexie reads a reversed index with a cursor, a request per record,
 * which took most of a cold dashboard's time on 10,000 orders (#19). Both sides compare the ISO
 * strings by code unit, as IndexedDB does.
 */
export async function listOrders(db: GigSaathiDB): Promise<Order[]> {
  const orders = await db.orders.toArray();
  const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return orders.sort((a, b) => desc(a.orderedAt, b.orderedAt) || desc(a.id, b.id));
}

export async function saveOrder(db: GigSaathiDB, input: unknown, now = new Date()): Promise<Order> {
  const record: Order = { ...OrderSchema.parse(input), updatedAt: now.toISOString() };
  await db.orders.put(record);
  return record;
}

/**
 * The captured fields an edit by hand changed, added to those changed before: the next capture
 * keeps them as the seller wrote them.
 */
export function editedFieldsOf(before: Order, after: Order): CapturedField[] | undefined {
  const edited = new Set(before.editedFields ?? []);
  // A date goes through the form's minutes-only field: the same minute is no edit.
  const same = (field: CapturedField) =>
    field === 'dueAt'
      ? Math.floor(Date.parse(before.dueAt ?? '') / 60_000) === Math.floor(Date.parse(after.dueAt ?? '') / 60_000) ||
        before.dueAt === after.dueAt
      : before[field] === after[field];
  for (const field of CAPTURED_FIELDS) if (!same(field)) edited.add(field);
  return edited.size ? CAPTURED_FIELDS.filter((f) => edited.has(f)) : undefined;
}

/**
 * Saves an order read from a platform page. Idempotent on (platform, externalId): a second
 * capture updates status, dates and amounts of the same record and keeps its id and notes, and
 * never a field the seller corrected by hand (`editedFields`).
 */
export async function captureOrder(
  db: GigSaathiDB,
  captured: CapturedOrder,
  settings: Settings,
  now = new Date(),
): Promise<{ order: Order; created: boolean }> {
  return db.transaction('rw', db.orders, async () => {
    const existing = await db.orders
      .where('[platform+externalId]')
      .equals([captured.platform, captured.externalId])
      .first();
    const base: Order = existing ?? {
      id: `ord-${crypto.randomUUID()}`,
      platform: captured.platform,
      externalId: captured.externalId,
      client: captured.client,
      title: captured.title,
      amount: captured.amount,
      currency: captured.currency,
      status: 'active',
      orderedAt: captured.orderedAt ?? now.toISOString(),
    };
    const mine = new Set(base.editedFields ?? []);
    const read: Partial<Pick<Order, CapturedField>> = {
      client: captured.client,
      title: captured.title,
      amount: captured.amount,
      currency: captured.currency,
      ...(captured.tip !== undefined ? { tip: captured.tip } : {}),
      ...(captured.dueAt !== undefined ? { dueAt: captured.dueAt } : {}),
    };
    let next: Order = { ...base };
    for (const field of CAPTURED_FIELDS) {
      if (!mine.has(field) && read[field] !== undefined) next = { ...next, [field]: read[field] };
    }
    if (captured.status !== next.status && !(next.status === 'completed' && captured.status !== 'cancelled')) {
      next =
        captured.status === 'active' ? { ...next, status: 'active' } : advance(next, captured.status, now, settings);
    }
    // Built from a capture the router validated and a stored record: written as it is, not parsed again.
    const order: Order = { ...next, updatedAt: now.toISOString() };
    await db.orders.put(order);
    return { order, created: !existing };
  });
}

/** The orders as the extension's pages (popup, options) read and change them, on the one database. */
export const orderStore = {
  list: () => listOrders(getDb()),
  save: (input: unknown) => saveOrder(getDb(), input),
  remove: (id: string) => getDb().orders.delete(id),
  /** Puts back an order exactly as it was (undo of a delete). */
  restore: async (order: Order) => {
    await getDb().orders.put(order);
  },
};
