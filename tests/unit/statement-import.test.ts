import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GigSaathiDB } from '@/utils/platform/db';
import { importStatement, previewStatement } from '@/utils/payouts/store';
import { readStatement, type StatementRead } from '@/utils/payouts/statements/read';
import { upworkTransactions } from '../harness/statement-data';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const read = (name: string): StatementRead => {
  const r = readStatement(readFileSync(join(__dirname, '../fixtures/statements', name), 'utf8'), NOW);
  if (!r.ok) throw new Error(r.error);
  return r.statement;
};

let db: GigSaathiDB;
beforeEach(async () => {
  db = new GigSaathiDB(`statements-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('importing a statement', () => {
  it('previews, writes only on import, and adds nothing the second time', async () => {
    const s = read('upwork-transactions.csv');
    const first = await previewStatement(db, s);
    expect(first.add.orders).toHaveLength(3);
    expect(first.add.withdrawals).toHaveLength(1);
    expect(first.add.costs).toHaveLength(3);
    expect(first.present).toEqual({ orders: 0, withdrawals: 0, costs: 0 });
    expect(await db.orders.count()).toBe(0);

    const progress: [number, number][] = [];
    await importStatement(db, s, (done, total) => progress.push([done, total]));
    expect(progress.at(-1)).toEqual([7, 7]);
    expect(await db.orders.count()).toBe(3);
    expect(await db.withdrawals.get('wd-upwork-700000010')).toMatchObject({ pkrReceived: 139_250 });

    // The seller edits an imported order; importing the file again neither adds nor overwrites.
    await db.orders.update('ord-upwork-700000008', { title: 'Mine now' });
    expect((await previewStatement(db, s)).present).toEqual({ orders: 3, withdrawals: 1, costs: 3 });
    expect(await importStatement(db, s)).toEqual({ orders: [], withdrawals: [], costs: [] });
    expect(await db.orders.count()).toBe(3);
    expect((await db.orders.get('ord-upwork-700000008'))?.title).toBe('Mine now');
  });

  it('counts an order captured from its page, by the platform’s id, as already there', async () => {
    const s = read('upwork-transactions.csv');
    await db.orders.add({ ...s.orders[1]!, id: 'ord-captured' });
    const p = await previewStatement(db, s);
    expect(p.present.orders).toBe(1);
    expect(p.add.orders.map((o) => o.externalId)).toEqual(['700000011', '700000006']);
  });

  it('imports 10,000 lines in one go, each earning with its fee', async () => {
    const text = upworkTransactions(10_000);
    // Counted in the file's text, not by the reader under test.
    const hourly = text.match(/,Hourly,/g)!.length;
    const withdrawals = text.match(/,Withdrawal,/g)!.length;
    const r = readStatement(text, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.statement.records).toBe(10_000);
    expect(r.statement.unreadable).toEqual([]);
    expect(r.statement.orders).toHaveLength(hourly);
    expect(r.statement.orders.every((o) => o.feePercent === 10)).toBe(true);
    expect(r.statement.withdrawals).toHaveLength(withdrawals);
    await importStatement(db, r.statement);
    expect(await db.orders.count()).toBe(hourly);
    expect(await db.withdrawals.count()).toBe(withdrawals);
  });
});
