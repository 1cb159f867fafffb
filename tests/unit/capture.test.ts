import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GigSaathiDB } from '@/utils/platform/db';
import { captureOrder, editedFieldsOf } from '@/utils/orders/store';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/schema';
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

/**
 * An order page without embedded JSON, in the shape SITES.md gives (theprogrammergary/Fiverr-Scraper):
 * the details are `aside article .collapsible-content ul > li`, each a label and a `<span>` value.
 */
function orderPage(details: [string, string][], annotate?: string): Document {
  const doc = document.implementation.createHTMLDocument('order');
  const h1 = doc.createElement('h1');
  h1.textContent = 'I will edit your podcast';
  const aside = doc.createElement('aside');
  const article = doc.createElement('article');
  const buyer = doc.createElement('a');
  buyer.href = '/sam_k';
  buyer.textContent = 'sam_k';
  const box = doc.createElement('div');
  box.className = 'collapsible-content';
  const ul = doc.createElement('ul');
  for (const [k, v] of details) {
    const li = doc.createElement('li');
    const span = doc.createElement('span');
    const value = doc.createElement('i');
    value.textContent = v;
    span.append(value);
    if (annotate && k === 'Total price') {
      const note = doc.createElement('gigsaathipkr');
      note.textContent = annotate;
      span.append(note);
    }
    li.append(k, span);
    ul.append(li);
  }
  box.append(ul);
  article.append(buyer, box);
  aside.append(article);
  const block = doc.createElement('div');
  block.className = 'floating-activities-block';
  const ordered = doc.createElement('p');
  ordered.textContent = 'Date ordered Nov 20, 2026';
  block.append(ordered);
  doc.body.append(h1, aside, block);
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
      dueAt: '2026-11-27T12:00:00.000Z',
      orderedAt: '2026-11-20T12:00:00.000Z',
    });
  });

  it('reads Fiverr’s three date shapes, and nothing else as a date', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(fiverr.fiverrDate('Jan 09', now)).toBe('2026-01-09T12:00:00.000Z');
    expect(fiverr.fiverrDate('Dec 10, 2020', now)).toBe('2020-12-10T12:00:00.000Z');
    expect(fiverr.fiverrDate('Apr 8, 2024, 2:14 PM', now)).toBe('2024-04-08T14:14:00.000Z');
    expect(fiverr.fiverrDate('Apr 8, 2024, 12:05 AM', now)).toBe('2024-04-08T00:05:00.000Z');
    for (const bad of ['Feb 30, 2026', 'Foo 1, 2026', '2026-01-09', '', '$45'])
      expect(fiverr.fiverrDate(bad, now)).toBeNull();
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

describe('fiverr.readOrderRows on the manage-orders list', () => {
  const list = () => {
    const html = readFileSync(join(process.cwd(), 'tests/fixtures/pages/fiverr/manage-orders.html'), 'utf8');
    // Our own fixture file's body (its stylesheet left out), parsed into a detached document.
    const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
    return new DOMParser().parseFromString(body, 'text/html');
  };

  it('reads the div rows, skipping the header and spacers, adding each extra to its order', () => {
    const rows = fiverr.readOrderRows(list());
    expect(rows.map((r) => CapturedOrderSchema.parse(r))).toEqual([
      expect.objectContaining({
        externalId: 'FO1A2B3C4D5E',
        client: 'alice_buyer',
        title: 'I will design a modern minimalist logo',
        amount: 45,
        status: 'active',
        dueAt: '2026-11-27T12:00:00.000Z',
      }),
      expect.objectContaining({
        externalId: 'FO2B3C4D5E6F',
        amount: 35,
        status: 'delivered',
        dueAt: '2026-11-20T16:30:00.000Z',
      }),
      expect.objectContaining({ externalId: 'FO3C4D5E6F7G', client: 'carlos_m', amount: 120, status: 'completed' }),
    ]);
  });

  it('reads nothing from a table-shaped list or a page without rows', () => {
    const doc = document.implementation.createHTMLDocument('old');
    const table = doc.createElement('table');
    const tr = doc.createElement('tr');
    const td = doc.createElement('td');
    const a = doc.createElement('a');
    a.href = '/orders/FO1/activities';
    a.textContent = 'I will x';
    td.append(a);
    tr.append(td);
    table.append(tr);
    doc.body.append(table);
    expect(fiverr.readOrderRows(doc)).toEqual([]);
  });

  it('skips a row whose price is not a dollar amount', () => {
    const doc = list();
    doc.querySelector('.total')!.textContent = 'Rs 12,600';
    expect(fiverr.readOrderRows(doc).map((r) => r.externalId)).toEqual(['FO2B3C4D5E6F', 'FO3C4D5E6F7G']);
  });
});

describe('a capture against the page’s and the seller’s own data', () => {
  const order = (change: Partial<CapturedOrder> = {}): CapturedOrder =>
    CapturedOrderSchema.parse({
      platform: 'fiverr',
      externalId: 'FO42',
      client: 'alice_buyer',
      title: 'I will design a logo',
      amount: 45,
      currency: 'USD',
      status: 'active',
      ...change,
    });

  it('refuses an amount no order comes near, and text that is only invisible characters', () => {
    for (const bad of [
      { amount: 999_999_999 },
      { amount: 1_000_001 },
      { tip: 5_000_000 },
      { client: '\u202e' },
      { client: '\u200b\u2066\u2069 ' },
      { title: '\ufeff' },
    ]) {
      expect(CapturedOrderSchema.safeParse({ ...order(), ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(CapturedOrderSchema.parse({ ...order(), amount: 1_000_000 }).amount).toBe(1_000_000);
  });

  it('stores names and titles as they read: NFKC, without bidi controls or zero-width characters', () => {
    const read = CapturedOrderSchema.parse({ ...order(), client: 'ali\u200b\u202ece', title: 'ｌｏｇｏ design\u2069' });
    expect(read.client).toBe('alice');
    expect(read.title).toBe('logo design');
  });

  it('never overwrites a field the seller corrected by hand', async () => {
    const { order: first } = await captureOrder(db, order(), DEFAULT_SETTINGS);
    const corrected = { ...first, client: 'Alice (Sweet Crumbs)', amount: 50 };
    await db.orders.put({ ...corrected, editedFields: editedFieldsOf(first, corrected) });
    const { order: again } = await captureOrder(
      db,
      order({ client: 'alice_buyer', amount: 45, title: 'I will design a new logo', status: 'delivered' }),
      DEFAULT_SETTINGS,
    );
    expect(again).toMatchObject({
      client: 'Alice (Sweet Crumbs)',
      amount: 50,
      title: 'I will design a new logo',
      status: 'delivered',
      editedFields: ['client', 'amount'],
    });
  });

  it('knows an edit from a field that went through the form unchanged', () => {
    const base = { ...order(), id: 'o', orderedAt: '2026-11-01T00:00:00.000Z', dueAt: '2026-11-27T12:00:00.000Z' };
    expect(editedFieldsOf(base, { ...base, dueAt: '2026-11-27T12:00:30.000Z' })).toBeUndefined();
    expect(editedFieldsOf(base, { ...base, dueAt: '2026-11-28T12:00:00.000Z' })).toEqual(['dueAt']);
    expect(editedFieldsOf({ ...base, editedFields: ['title'] }, { ...base, currency: 'EUR' })).toEqual([
      'title',
      'currency',
    ]);
  });
});

describe('fiverr.dollarAmount', () => {
  it('reads a cell that is one US-dollar amount, and nothing else', () => {
    expect(fiverr.dollarAmount('$45')).toBe(45);
    expect(fiverr.dollarAmount(' US$1,250.50 ')).toBe(1250.5);
    for (const bad of ['Rs 12,600', '$5 - $10', 'Total $45', '-$45', '€45', '', null]) {
      expect(fiverr.dollarAmount(bad), String(bad)).toBeNull();
    }
  });
});
