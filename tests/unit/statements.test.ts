import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/utils/payouts/statements/csv';
import { readStatement, type StatementRead } from '@/utils/payouts/statements/read';
import { dayOrderOf, parseAmount, parseStatementDay } from '@/utils/payouts/statements/values';

const DIR = join(__dirname, '../fixtures/statements');
const file = (name: string) => readFileSync(join(DIR, name), 'utf8');
const NOW = new Date('2026-12-01T10:00:00.000Z');
function read(name: string): StatementRead {
  const r = readStatement(file(name), NOW);
  if (!r.ok) throw new Error(r.error);
  return r.statement;
}
const noon = (day: string) => `${day}T07:00:00.000Z`;

describe('CSV', () => {
  it('reads BOMs, quoted commas, doubled quotes, line breaks in quotes, CRLF, and names each record’s line', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",z\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 4, fields: ['2', 'two\nlines', 'z'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });

  it('gives back any table it is given, written as RFC 4180 says (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'ب', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});

describe('statement values', () => {
  it.each([
    ['Oct 2, 2026', 'month-first', '2026-10-02'],
    ['October 2, 2026', 'month-first', '2026-10-02'],
    ['30 Dec, 2025', 'month-first', '2025-12-30'],
    ['2 Jan 2026', 'month-first', '2026-01-02'],
    ['2026-10-02', 'day-first', '2026-10-02'],
    ['2026-10-02T13:00:00Z', 'month-first', '2026-10-02'],
    ['05/03/2024', 'month-first', '2024-05-03'],
    ['05/03/2024', 'day-first', '2024-03-05'],
    ['25.03.2026', 'day-first', '2026-03-25'],
    ['Feb 29, 2026', 'month-first', null],
    ['13/13/2026', 'day-first', null],
    ['yesterday', 'month-first', null],
    ['', 'month-first', null],
  ] as const)('reads the date %j (%s) as %s', (text, order, day) => {
    expect(parseStatementDay(text, order)).toBe(day);
  });

  it('tells a file’s date order from the dates that can only be one', () => {
    expect(dayOrderOf(['05/03/2024', '25/03/2024'], 'month-first')).toBe('day-first');
    expect(dayOrderOf(['05/03/2024', '03/25/2024'], 'day-first')).toBe('month-first');
    expect(dayOrderOf(['05/03/2024'], 'month-first')).toBe('month-first');
    expect(dayOrderOf(['25/03/2024', '03/25/2024'], 'month-first')).toBeNull();
  });

  it.each([
    ['-12.00', -12],
    ['1,234.56', 1234.56],
    ['"1,200.00"', null],
    ['$1,234.56', 1234.56],
    ['-$5', -5],
    ['(12.50)', -12.5],
    ['USD 5', 5],
    ['+7', 7],
    ['−3.5', -3.5],
    ['12,34', null],
    ['1.2.3', null],
    ['', null],
    ['abc', null],
  ])('reads the amount %j as %s', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });
});

describe('Upwork transactions (2023 on)', () => {
  const s = read('upwork-transactions.csv');

  it('knows the format and counts the lines', () => {
    expect(s.source).toBe('upwork-transactions');
    expect(s.records).toBe(14);
  });

  it('makes orders of hourly weeks, fixed-price milestones and bonuses, each with its service fee', () => {
    expect(s.orders.map((o) => [o.externalId, o.client, o.amount, o.feePercent, o.completedAt, o.clearsAt])).toEqual([
      // Pending: available on 6 December, no balance yet; completed as of the import.
      ['700000011', 'Green Leaf Teas, Inc.', 300, 10, NOW.toISOString(), noon('2026-12-06')],
      ['700000008', 'Brightside Studio', 450, 10, noon('2026-11-14'), noon('2026-11-14')],
      ['700000006', 'Brightside Studio', 50, 10, noon('2026-11-12'), noon('2026-11-12')],
    ]);
    const [hourly] = s.orders;
    expect(hourly).toMatchObject({
      id: 'ord-upwork-700000011',
      platform: 'upwork',
      title: 'Green Leaf: logo and brand kit',
      currency: 'USD',
      status: 'completed',
    });
  });

  it('makes a withdrawal of the withdrawal and its fee, with the rupees that arrived', () => {
    expect(s.withdrawals).toEqual([
      {
        id: 'wd-upwork-700000010',
        at: noon('2026-11-20'),
        amount: 500.99,
        fee: 0.99,
        currency: 'USD',
        pkrReceived: 139_250,
        route: 'upwork-local-bank',
        externalId: '700000010',
      },
    ]);
  });

  it('keeps Connects, membership and refunds as costs', () => {
    expect(s.costs.map((c) => [c.kind, c.amount, c.externalId])).toEqual([
      ['connects', 12, '700000004'],
      ['connects', 6, '700000003'],
      ['refund', 20, '700000002'],
    ]);
  });

  it('names every line it cannot read, with why', () => {
    expect(s.unreadable).toEqual([
      { line: 13, reason: 'bad-date', detail: 'Nov 31, 2026' },
      { line: 14, reason: 'unknown-type', detail: 'Adjustment' },
      { line: 15, reason: 'bad-amount', detail: 'not a number' },
    ]);
    expect(s.skipped).toEqual([]);
  });
});

describe('Upwork transactions, sentence-case headers and Entered Description', () => {
  it('reads the renamed columns', () => {
    const s = read('upwork-transactions-sentence-case.csv');
    expect(s.source).toBe('upwork-transactions');
    expect(s.orders).toHaveLength(1);
    expect(s.orders[0]).toMatchObject({
      externalId: '600000003',
      client: 'Northwind, LLC',
      title: 'Logo refresh, round 2',
      amount: 120,
      feePercent: 10,
    });
    expect(s.withdrawals).toEqual([
      expect.objectContaining({ amount: 100, route: 'upwork-payoneer', externalId: '600000005' }),
    ]);
    expect(s.withdrawals[0]).not.toHaveProperty('pkrReceived');
  });
});

describe('Upwork statements (the older format)', () => {
  const s = read('upwork-statements_2026-01-01_2026-03-31.csv');

  it('reads newest-first rows, fees named in the description, withdrawals ending in the account', () => {
    expect(s.source).toBe('upwork-statements');
    expect(s.orders.map((o) => [o.externalId, o.amount, o.feePercent])).toEqual([
      ['510000004', 300, 10],
      ['510000002', 10, 10],
    ]);
    expect(s.withdrawals).toEqual([
      {
        id: 'wd-upwork-510000006',
        at: noon('2026-03-28'),
        amount: 271,
        fee: 0.99,
        currency: 'USD',
        pkrReceived: 75_002.78,
        route: 'upwork-local-bank',
        externalId: '510000006',
      },
    ]);
    // The fee of an earning in an earlier file: said, not guessed.
    expect(s.skipped).toEqual([{ line: 8, reason: 'fee-unmatched', detail: '509999999' }]);
  });
});

describe('Payoneer transactions export', () => {
  it('reads incoming payments, withdrawals to the bank with the rupees, fees, and leaves spending out', () => {
    const s = read('payoneer-transactions.csv');
    expect(s.source).toBe('payoneer-transactions');
    expect(s.transfers).toEqual([
      { line: 2, from: 'Fiverr', amount: 400, currency: 'USD' },
      { line: 6, from: 'Upwork', amount: 100, currency: 'USD' },
    ]);
    expect(s.orders).toEqual([
      expect.objectContaining({
        id: 'ord-payoneer-PY-70002',
        platform: 'other',
        client: 'Delta Design, Ltd',
        amount: 250,
        externalId: 'PY-70002',
        completedAt: noon('2026-11-25'),
      }),
    ]);
    expect(s.withdrawals).toEqual([
      {
        id: 'wd-payoneer-PY-70003',
        at: noon('2026-11-20'),
        amount: 618,
        fee: 18,
        currency: 'USD',
        pkrReceived: 163_680,
        route: 'payoneer',
        externalId: 'PY-70003',
      },
    ]);
    expect(s.costs.map((c) => [c.kind, c.amount, c.description])).toEqual([['fee', 29.95, 'Annual account fee']]);
    expect(s.skipped).toEqual([
      { line: 7, reason: 'spending', detail: 'Card charge · Adobe' },
      { line: 8, reason: 'not-final', detail: 'Pending' },
    ]);
    expect(s.unreadable).toEqual([]);
  });

  it('reads the older twelve-column export, with day-first dates', () => {
    const s = read('payoneer-transactions-older.csv');
    expect(s.withdrawals.map((w) => [w.at, w.amount, w.pkrReceived])).toEqual([[noon('2026-03-28'), 300, 83_400]]);
    expect(s.orders.map((o) => [o.client, o.completedAt])).toEqual([['Ali Raza', noon('2026-04-02')]]);
    expect(s.transfers).toHaveLength(1);
  });
});

describe('Payoneer activity report', () => {
  it('reads signed amounts with thousands commas, "30 Dec, 2025" dates and padded headers', () => {
    const s = read('payoneer-activity-Report.csv');
    expect(s.source).toBe('payoneer-activity');
    expect(s.transfers).toEqual([{ line: 2, from: 'Fiverr', amount: 1200, currency: 'USD' }]);
    expect(s.withdrawals).toEqual([
      expect.objectContaining({ at: noon('2025-12-31'), amount: 1000, route: 'payoneer', externalId: 'AR-1002' }),
    ]);
    expect(s.withdrawals[0]).not.toHaveProperty('pkrReceived');
    expect(s.orders.map((o) => [o.client, o.amount])).toEqual([['Sara Ahmed', 60]]);
    expect(s.costs.map((c) => c.amount)).toEqual([29.95]);
    expect(s.skipped.map((n) => [n.line, n.reason])).toEqual([
      [4, 'spending'],
      [5, 'spending'],
      [8, 'not-final'],
    ]);
  });
});

describe('rows without ids', () => {
  it('are two orders, not one twice, when neither has a Ref ID or a transaction id', () => {
    const text =
      'Date,Ref ID,Type,Description,Team,Amount,Balance\n"Mar 2, 2026",,Hourly,Week 1,Acme,10.00,10.00\n"Mar 9, 2026",,Hourly,Week 2,Acme,20.00,30.00\n';
    const r = readStatement(text, NOW);
    expect(r.ok && r.statement.orders.map((o) => [o.id, o.amount, o.externalId])).toEqual([
      ['ord-upwork-line-2-2026-03-02', 10, undefined],
      ['ord-upwork-line-3-2026-03-09', 20, undefined],
    ]);
  });
});

describe('files that are no statement', () => {
  it.each([
    ['', 'empty'],
    ['name,email\nAyesha,a@example.com\n', 'unknown-format'],
    ['"Date","Contract","Hours","Amount","Payment type"\n"2026-10-05","Logo","10:00","$150.00",""\n', 'weekly-summary'],
    [
      'Date,Description,Amount,Currency,Status,Transaction ID\n25/03/2026,x,1,USD,Completed,1\n03/25/2026,y,1,USD,Completed,2\n',
      'mixed-dates',
    ],
  ])('refuses %j as %s', (text, error) => {
    expect(readStatement(text, NOW)).toEqual({ ok: false, error });
  });

  it('never throws, whatever the file holds (property)', () => {
    const header = file('upwork-transactions.csv').split('\n')[0]!;
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 22 }), { maxLength: 8 }), (rows) => {
        const text = `${header}\n${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')}`;
        const r = readStatement(text, NOW);
        expect(r.ok).toBe(true);
      }),
    );
  });
});
