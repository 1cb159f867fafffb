import type { GigSaathiDB } from './index';
import { OrderSchema, type Order, type Settings } from '../schema';
import type { CapturedOrder } from '../orders/capture';
import { advance } from '../orders/lifecycle';

/** Newest first. */
export async function listOrders(db: GigSaathiDB): Promise<Order[]> {
  return db.orders.orderBy('orderedAt').reverse().toArray();
}

export async function saveOrder(db: GigSaathiDB, input: unknown, now = new Date()): Promise<Order> {
  const record: Order = { ...OrderSchema.parse(input), updatedAt: now.toISOString() };
  await db.orders.put(record);
  return record;
}

/**
 * Saves an order read from a platform page. Idempotent on (platform, externalId): a second
 * capture updates status, dates and amounts of the same record and keeps its id and notes.
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
    let next: Order = {
      ...base,
      client: captured.client,
      title: captured.title,
      amount: captured.amount,
      currency: captured.currency,
      ...(captured.tip !== undefined ? { tip: captured.tip } : {}),
      ...(captured.dueAt !== undefined ? { dueAt: captured.dueAt } : {}),
    };
    if (captured.status !== next.status && !(next.status === 'completed' && captured.status !== 'cancelled')) {
      next =
        captured.status === 'active' ? { ...next, status: 'active' } : advance(next, captured.status, now, settings);
    }
    return { order: await saveOrder(db, next, now), created: !existing };
  });
}
