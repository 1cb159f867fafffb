import type { GigSaathiDB } from './index';
import { OrderSchema, type Order } from '../schema';

/** Newest first. */
export async function listOrders(db: GigSaathiDB): Promise<Order[]> {
  return db.orders.orderBy('orderedAt').reverse().toArray();
}

export async function saveOrder(db: GigSaathiDB, input: unknown, now = new Date()): Promise<Order> {
  const record: Order = { ...OrderSchema.parse(input), updatedAt: now.toISOString() };
  await db.orders.put(record);
  return record;
}
