import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GigSaathiDB } from '@/utils/db';
import { captureOrder } from '@/utils/db/orders';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/orders/capture';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { fiverr } from '@/utils/sites';

let db: GigSaathiDB;
beforeEach(async () => {
  db = new GigSaathiDB(`cap-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const captured = (over: Partial<CapturedOrder> = {}): CapturedOrder =>
  CapturedOrderSchema.parse({
    platform: 'fiverr',
    externalId: 'FO1',
    client: 'alice',
    title: 'Logo',
    amount: 45,
    currency: 'USD',
    status: 'active',
    ...over,
  });

describe('captureOrder', () => {
  it('is idempotent on platform + external id, updating status and dates', async () => {
    const at = new Date('2026-11-24T10:00:00.000Z');
    const first = await captureOrder(db, captured(), DEFAULT_SETTINGS, at);
    expect(first.created).toBe(true);
    const again = await captureOrder(db, captured({ status: 'completed', tip: 5 }), DEFAULT_SETTINGS, at);
    expect(again.created).toBe(false);
    expect(again.order).toMatchObject({
      id: first.order.id,
      status: 'completed',
      tip: 5,
      completedAt: at.toISOString(),
      clearsAt: '2026-12-08T10:00:00.000Z',
    });
    expect(await db.orders.count()).toBe(1);
    // The same order on another platform is another order.
    await captureOrder(db, captured({ platform: 'upwork' }), DEFAULT_SETTINGS, at);
    expect(await db.orders.count()).toBe(2);
  });

  it('never moves a completed order back, but records a cancellation', async () => {
    await captureOrder(db, captured({ status: 'completed' }), DEFAULT_SETTINGS);
    expect((await captureOrder(db, captured({ status: 'active' }), DEFAULT_SETTINGS)).order.status).toBe('completed');
    expect((await captureOrder(db, captured({ status: 'cancelled' }), DEFAULT_SETTINGS)).order.status).toBe(
      'cancelled',
    );
  });

  it('keeps notes the user added', async () => {
    const { order } = await captureOrder(db, captured(), DEFAULT_SETTINGS);
    await db.orders.update(order.id, { notes: 'Wants source files' });
    expect((await captureOrder(db, captured({ amount: 50 }), DEFAULT_SETTINGS)).order).toMatchObject({
      notes: 'Wants source files',
      amount: 50,
    });
  });
});

/** An order page without embedded JSON: a heading, a "Buyer:" line and a details list. */
function orderPage(details: [string, string][], annotate?: string): Document {
  const doc = document.implementation.createHTMLDocument('order');
  const h1 = doc.createElement('h1');
  h1.textContent = 'I will edit your podcast';
  const buyer = doc.createElement('p');
  const link = doc.createElement('a');
  link.href = '/sam';
  link.textContent = 'sam_k';
  buyer.append('Buyer: ', link);
  const dl = doc.createElement('dl');
  for (const [k, v] of details) {
    const dt = doc.createElement('dt');
    dt.textContent = k;
    const dd = doc.createElement('dd');
    dd.textContent = v;
    if (annotate && k === 'Total price') {
      const note = doc.createElement('gigsaathipkr');
      note.textContent = annotate;
      dd.append(note);
    }
    dl.append(dt, dd);
  }
  doc.body.append(h1, buyer, dl);
  return doc;
}

describe('fiverr.readOrder without embedded JSON', () => {
  it('falls back to the page’s details list', () => {
    const doc = orderPage([
      ['Total price', '$1,250.50'],
      ['Delivery date', 'Nov 27, 2026'],
      ['Status', 'Delivered'],
    ]);
    const read = fiverr.readOrder(doc, new URL('https://www.fiverr.com/orders/FO77/activities'));
    expect(CapturedOrderSchema.parse(read)).toMatchObject({
      externalId: 'FO77',
      client: 'sam_k',
      title: 'I will edit your podcast',
      amount: 1250.5,
      status: 'delivered',
    });
  });

  it('reads the page’s own text, not the rupees GigSaathi added beside a price', () => {
    const doc = orderPage([['Total price', '$45']], '≈ Rs 12,600');
    expect(fiverr.readOrder(doc, new URL('https://www.fiverr.com/orders/FO9/activities'))).toMatchObject({
      amount: 45,
    });
  });

  it('returns null where the page shows too little', () => {
    expect(
      fiverr.readOrder(
        document.implementation.createHTMLDocument('x'),
        new URL('https://www.fiverr.com/orders/FO1/activities'),
      ),
    ).toBeNull();
    expect(
      fiverr.readOrder(document.implementation.createHTMLDocument('x'), new URL('https://www.fiverr.com/inbox/x')),
    ).toBeNull();
  });
});
