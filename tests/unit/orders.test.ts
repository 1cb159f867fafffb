import { afterEach, describe, expect, it } from 'vitest';
import { csvDate, csvField, ordersCsv } from '@/utils/orders/csv';
import { computeDashboard } from '@/utils/orders/dashboard';
import { advance, clearsAt, stageOf } from '@/utils/orders/lifecycle';
import { DEFAULT_SETTINGS, OrderSchema, type Order } from '@/utils/schema';

const TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = TZ;
});

const order = (o: Partial<Order> & Pick<Order, 'id'>): Order =>
  OrderSchema.parse({
    platform: 'fiverr',
    client: 'x',
    title: 'Work',
    amount: 10,
    currency: 'USD',
    status: 'active',
    orderedAt: '2026-11-01T00:00:00.000Z',
    ...o,
  });

const BASIS = { rates: { USD: 1, EUR: 0.8, PKR: 280 }, pkrPerUsd: 280 };
const NOW = new Date('2026-11-24T12:00:00.000Z'); // a Tuesday; tests run in UTC unless a test sets TZ

/** A hand-computed month: every figure below was worked out on paper from these eight orders. */
const DATA: Order[] = [
  // A: $100 completed 5 Nov, cleared 19 Nov → available $80 after Fiverr's 20%; net $75.29.
  order({
    id: 'A',
    client: 'alice',
    amount: 100,
    status: 'completed',
    orderedAt: '2026-11-01T10:00:00.000Z',
    completedAt: '2026-11-05T10:00:00.000Z',
    clearsAt: '2026-11-19T10:00:00.000Z',
  }),
  // B: $50 + $10 tip completed 20 Nov, clears 4 Dec → clearing $48; net $45.17.
  order({
    id: 'B',
    client: 'Alice ',
    amount: 50,
    tip: 10,
    status: 'completed',
    orderedAt: '2026-11-15T10:00:00.000Z',
    completedAt: '2026-11-20T10:00:00.000Z',
    clearsAt: '2026-12-04T10:00:00.000Z',
  }),
  // C: Upwork $500 at a 12% contract fee, completed in October, withdrawn 2 Nov → $440 withdrawn this month.
  order({
    id: 'C',
    platform: 'upwork',
    client: 'Green Leaf',
    amount: 500,
    feePercent: 12,
    status: 'completed',
    orderedAt: '2026-10-01T10:00:00.000Z',
    completedAt: '2026-10-15T10:00:00.000Z',
    clearsAt: '2026-10-20T10:00:00.000Z',
    withdrawnAt: '2026-11-02T10:00:00.000Z',
  }),
  // D: €40 (= $50 at 0.8) completed 22 Nov, clears 6 Dec → clearing €32 = $40; net €30.12 = $37.65.
  order({
    id: 'D',
    client: 'bob',
    amount: 40,
    currency: 'EUR',
    status: 'completed',
    orderedAt: '2026-11-20T10:00:00.000Z',
    completedAt: '2026-11-22T09:00:00.000Z',
    clearsAt: '2026-12-06T09:00:00.000Z',
  }),
  // E: active, ordered Monday 23 Nov, due Sunday 29 Nov (the rest day).
  order({
    id: 'E',
    client: 'carol',
    amount: 30,
    orderedAt: '2026-11-23T08:00:00.000Z',
    dueAt: '2026-11-29T12:00:00.000Z',
  }),
  // F: active, ordered today, already overdue.
  order({
    id: 'F',
    platform: 'upwork',
    client: 'dave',
    amount: 200,
    orderedAt: '2026-11-24T09:00:00.000Z',
    dueAt: '2026-11-23T12:00:00.000Z',
  }),
  // G: cancelled today: counts as a new order this week, in nothing else.
  order({ id: 'G', client: 'erin', amount: 15, status: 'cancelled', orderedAt: '2026-11-24T10:00:00.000Z' }),
  // H: delivered, waiting for the buyer.
  order({
    id: 'H',
    client: 'alice',
    amount: 20,
    status: 'delivered',
    orderedAt: '2026-11-10T10:00:00.000Z',
    deliveredAt: '2026-11-12T10:00:00.000Z',
  }),
];

describe('dashboard figures on a hand-computed dataset', () => {
  const d = computeDashboard(DATA, DEFAULT_SETTINGS, BASIS, NOW);

  it('earned this month: gross and net, in USD and PKR', () => {
    expect(d.monthEarnedUsd).toBe(210);
    expect(d.monthEarnedNetUsd).toBe(158.11);
    expect(d.monthEarnedNetPkr).toBe(44271);
  });

  it('clearing (with dates), available and withdrawn this month', () => {
    expect(d.clearingUsd).toBe(88);
    expect(d.nextClears).toEqual([
      { date: '2026-12-04', usd: 48 },
      { date: '2026-12-06', usd: 40 },
    ]);
    expect(d.availableUsd).toBe(80);
    expect(d.withdrawnThisMonthUsd).toBe(440);
  });

  it('active orders by due date, overdue first, with the rest day flagged', () => {
    expect(d.activeCount).toBe(2);
    expect(d.active.map((a) => [a.order.id, a.overdue, a.dueOnRestDay])).toEqual([
      ['F', true, false],
      ['E', false, true],
    ]);
    expect(d.active[1]!.msLeft).toBe(5 * 24 * 3600_000);
  });

  it('this week’s new orders against the limit (weeks start Monday)', () => {
    expect(d.weekNewOrders).toBe(3);
    expect(d.overWeeklyLimit).toBe(false);
    expect(computeDashboard(DATA, { ...DEFAULT_SETTINGS, weeklyOrderLimit: 2 }, BASIS, NOW).overWeeklyLimit).toBe(true);
  });

  it('puts each completed order in its local month, as date-fns names it, in any time zone', async () => {
    const { default: fc } = await import('fast-check');
    const { format } = await import('date-fns');
    const YEAR = 365 * 86400_000;
    for (const tz of ['UTC', 'Asia/Karachi', 'America/New_York', 'Pacific/Chatham']) {
      process.env.TZ = tz;
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: NOW.getTime() - 2 * YEAR, max: NOW.getTime() + 40 * 86400_000 }), {
            maxLength: 30,
          }),
          (times) => {
            const orders = times.map((t, i) =>
              order({
                id: `p${i}`,
                amount: 1 + i,
                status: 'completed',
                orderedAt: new Date(t - 86400_000).toISOString(),
                completedAt: new Date(t).toISOString(),
              }),
            );
            const months = computeDashboard(orders, DEFAULT_SETTINGS, BASIS, NOW).months;
            for (const m of months) {
              const expected = orders
                .filter((o) => format(new Date(o.completedAt!), 'yyyy-MM') === m.month)
                .filter((o) => Date.parse(o.completedAt!) >= new Date(`${months[0]!.month}-01T00:00:00`).getTime())
                .reduce((sum, o) => sum + o.amount, 0);
              expect(m.total).toBe(Math.round(expected * 100) / 100);
            }
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it('12 months by platform, average order, repeat clients, top clients', () => {
    expect(d.months).toHaveLength(12);
    expect(d.months[0]!.month).toBe('2025-12');
    expect(d.months[11]).toMatchObject({ month: '2026-11', total: 210, byPlatform: { fiverr: 210, upwork: 0 } });
    expect(d.months[10]).toMatchObject({ month: '2026-10', total: 500, byPlatform: { upwork: 500 } });
    expect(d.averageOrderUsd).toBe(177.5);
    expect(d.repeatClientShare).toBe(0.2);
    expect(d.topClients).toEqual([
      { client: 'Green Leaf', usd: 500, orders: 1 },
      { client: 'alice', usd: 160, orders: 3 },
      { client: 'bob', usd: 50, orders: 1 },
    ]);
    expect(d.unconverted).toBe(0);
  });

  it('skips, and counts, orders in a currency without a rate', () => {
    const odd = [
      ...DATA,
      order({
        id: 'Z',
        amount: 9,
        currency: 'JPY',
        status: 'completed',
        completedAt: '2026-11-20T00:00:00.000Z',
        clearsAt: '2026-11-21T00:00:00.000Z',
      }),
    ];
    expect(computeDashboard(odd, DEFAULT_SETTINGS, BASIS, NOW)).toMatchObject({ unconverted: 1, monthEarnedUsd: 210 });
  });

  it('is empty, not broken, without orders', () => {
    expect(computeDashboard([], DEFAULT_SETTINGS, BASIS, NOW)).toMatchObject({
      monthEarnedUsd: 0,
      averageOrderUsd: 0,
      repeatClientShare: 0,
      topClients: [],
    });
  });
});

describe('lifecycle', () => {
  it('places money in the right stage', () => {
    expect(DATA.map((o) => stageOf(o, NOW))).toEqual([
      'available',
      'clearing',
      'withdrawn',
      'clearing',
      'active',
      'active',
      'cancelled',
      'delivered',
    ]);
  });

  it('clears Fiverr in 14 days, 7 for Top Rated, Upwork in its security period', () => {
    const at = new Date('2026-11-01T18:30:00.000Z');
    expect(clearsAt('fiverr', at, DEFAULT_SETTINGS).toISOString()).toBe('2026-11-15T18:30:00.000Z');
    expect(clearsAt('fiverr', at, { ...DEFAULT_SETTINGS, topRatedSeller: true }).toISOString()).toBe(
      '2026-11-08T18:30:00.000Z',
    );
    expect(clearsAt('upwork', at, DEFAULT_SETTINGS).toISOString()).toBe('2026-11-06T18:30:00.000Z');
  });

  it('crosses month and year ends', () => {
    expect(clearsAt('fiverr', new Date('2026-01-31T12:00:00.000Z'), DEFAULT_SETTINGS).toISOString()).toBe(
      '2026-02-14T12:00:00.000Z',
    );
    expect(clearsAt('fiverr', new Date('2026-12-25T12:00:00.000Z'), DEFAULT_SETTINGS).toISOString()).toBe(
      '2027-01-08T12:00:00.000Z',
    );
    expect(clearsAt('fiverr', new Date('2028-02-20T12:00:00.000Z'), DEFAULT_SETTINGS).toISOString()).toBe(
      '2028-03-05T12:00:00.000Z',
    );
  });

  it('keeps the local time across a DST change (14 calendar days, not 14 × 24 hours)', () => {
    process.env.TZ = 'Europe/London';
    // 18:30 BST on 20 Oct 2026 (17:30Z); clocks go back on 25 Oct; 18:30 GMT on 3 Nov is 18:30Z.
    const cleared = clearsAt('fiverr', new Date('2026-10-20T17:30:00.000Z'), DEFAULT_SETTINGS);
    expect(cleared.toISOString()).toBe('2026-11-03T18:30:00.000Z');
    expect([cleared.getHours(), cleared.getMinutes()]).toEqual([18, 30]);
  });

  it('advances an order, stamping its dates', () => {
    const at = new Date('2026-11-24T10:00:00.000Z');
    const a = order({ id: 'x' });
    const delivered = advance(a, 'delivered', at, DEFAULT_SETTINGS);
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: at.toISOString() });
    const completed = advance(delivered, 'completed', at, DEFAULT_SETTINGS);
    expect(completed).toMatchObject({
      status: 'completed',
      completedAt: at.toISOString(),
      clearsAt: '2026-12-08T10:00:00.000Z',
    });
    expect(advance(completed, 'withdrawn', at, DEFAULT_SETTINGS).withdrawnAt).toBe(at.toISOString());
    expect(() => advance(a, 'withdrawn', at, DEFAULT_SETTINGS)).toThrow('Only a completed order can be withdrawn.');
    expect(advance(a, 'cancelled', at, DEFAULT_SETTINGS).status).toBe('cancelled');
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Logo, business card')).toBe('"Logo, business card"');
    expect(csvField('The "best" logo')).toBe('"The ""best"" logo"');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+92 300')).toBe("'+92 300");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(undefined)).toBe('');
  });

  it('writes dates as ISO days in the seller’s time zone, never month first', () => {
    expect(csvDate('2026-12-01T10:00:00.000Z')).toMatch(/^2026-12-0[12]$/);
    expect(csvDate(undefined)).toBeUndefined();
    // Whatever the zone, the day is the one the seller's clock showed.
    const d = new Date(2026, 0, 12, 23, 30);
    expect(csvDate(d.toISOString())).toBe('2026-01-12');
  });

  it('writes one row per order of the period with gross, fees, net, rate and rupees', () => {
    const csv = ordersCsv(
      DATA,
      DEFAULT_SETTINGS,
      BASIS,
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,platform,external_id,client,title,status,ordered_at,completed_at,currency,gross,fee_percent,platform_fee,withdrawal_and_fx,tax,net,pkr_per_unit,gross_pkr,net_pkr,route',
    );
    expect(lines.map((l) => l.split(',')[0])).toEqual(['id', 'A', 'H', 'B', 'D', 'E', 'F', 'G']);
    // An Upwork order by the platform's default route: $0.99 and the partner's rate.
    const upwork = ordersCsv(
      [
        { ...DATA[0]!, id: 'U', platform: 'upwork' },
        { ...DATA[0]!, id: 'W', platform: 'upwork', route: 'wise' },
      ],
      DEFAULT_SETTINGS,
      BASIS,
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
    ).split('\r\n');
    // 100 → −10 → 90 − 0.99 = 89.01 → −0.89 (1%) = 88.12 → −0.88 = 87.24
    expect(upwork[1]).toMatch(
      /^U,upwork,.*,100\.00,10,10\.00,1\.88,0\.88,87\.24,280\.0000,28000,24427,upwork-local-bank$/,
    );
    expect(upwork[2]).toMatch(/,wise$/);
    expect(lines[1]).toBe(
      'A,fiverr,,alice,Work,completed,2026-11-01,2026-11-05,USD,100.00,20,20.00,3.95,0.76,75.29,280.0000,28000,21081,payoneer',
    );
    expect(lines[4]).toBe(
      'D,fiverr,,bob,Work,completed,2026-11-20,2026-11-22,EUR,40.00,20,8.00,1.58,0.30,30.12,350.0000,14000,10542,payoneer',
    );
  });
});

describe('listOrders', () => {
  it('gives exactly the order the orderedAt index gives, reversed: newest first, ties by id', async () => {
    const { default: fc } = await import('fast-check');
    const { GigSaathiDB } = await import('@/utils/platform/db');
    const { listOrders } = await import('@/utils/orders/store');
    const db = new GigSaathiDB(`list-${Math.random().toString(36).slice(2)}`);
    await db.open();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              id: fc.stringMatching(/^[a-zA-Z0-9_-]{1,6}$/),
              // Few distinct dates, some with offsets: ties and strings that sort unlike their instants.
              orderedAt: fc.constantFrom(
                '2026-11-01T00:00:00.000Z',
                '2026-11-01T05:00:00+05:00',
                '2026-10-31T23:00:00.000Z',
                '2025-01-15T10:30:00.000Z',
              ),
            }),
            { maxLength: 40 },
          ),
          async (rows) => {
            await db.orders.clear();
            await db.orders.bulkPut(rows.map((r) => order(r)));
            const byIndex = await db.orders.orderBy('orderedAt').reverse().toArray();
            expect((await listOrders(db)).map((o) => o.id)).toEqual(byIndex.map((o) => o.id));
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      db.close();
      const { default: Dexie } = await import('dexie');
      await Dexie.delete(db.name);
    }
  });
});
