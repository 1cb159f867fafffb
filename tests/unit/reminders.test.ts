import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resyncReminders, setUpReminders } from '@/utils/background/reminders';
import { GigSaathiDB } from '@/utils/db';
import { reminderPlan, syncReminders, REMINDER_PREFIX } from '@/utils/orders/reminders';
import { DEFAULT_SETTINGS, OrderSchema, type Order } from '@/utils/schema';
import { saveSettings } from '@/utils/settings';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const H = 3600_000;
const order = (o: Partial<Order> & Pick<Order, 'id'>): Order =>
  OrderSchema.parse({
    platform: 'fiverr',
    client: 'alice',
    title: 'Logo',
    amount: 45,
    currency: 'USD',
    status: 'active',
    orderedAt: '2026-11-20T00:00:00.000Z',
    ...o,
  });

describe('reminderPlan', () => {
  const due = new Date(NOW + 30 * H).toISOString();
  it('reminds 24 h and 3 h before a deadline, and when money clears', () => {
    const plan = reminderPlan(
      [
        order({ id: 'a', dueAt: due }),
        order({
          id: 'b',
          status: 'completed',
          completedAt: '2026-11-20T00:00:00.000Z',
          clearsAt: new Date(NOW + 5 * H).toISOString(),
        }),
      ],
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(plan.map((r) => [r.name.split(':').slice(1, 3).join(':'), r.when - NOW])).toEqual([
      ['due24:a', 6 * H],
      ['due3:a', 27 * H],
      ['clears:b', 5 * H],
    ]);
    expect(plan[0]!.title).toBe('Due in 24 hours: Logo');
  });

  it('plans nothing in the past, for delivered or withdrawn orders, or when switched off', () => {
    // Due in 2 hours: both the 24 h and the 3 h reminder would be in the past.
    expect(
      reminderPlan([order({ id: 'a', dueAt: new Date(NOW + 2 * H).toISOString() })], DEFAULT_SETTINGS, NOW),
    ).toEqual([]);
    expect(reminderPlan([order({ id: 'a', status: 'delivered', dueAt: due })], DEFAULT_SETTINGS, NOW)).toEqual([]);
    expect(
      reminderPlan(
        [
          order({
            id: 'b',
            status: 'completed',
            clearsAt: new Date(NOW + H).toISOString(),
            withdrawnAt: new Date(NOW).toISOString(),
          }),
        ],
        DEFAULT_SETTINGS,
        NOW,
      ),
    ).toEqual([]);
    const off = { ...DEFAULT_SETTINGS, reminders: { deadlines: false, clearing: false } };
    expect(reminderPlan([order({ id: 'a', dueAt: due })], off, NOW)).toEqual([]);
  });

  it('names a reminder after its due date, so a new deadline is a new reminder', () => {
    const [a] = reminderPlan([order({ id: 'a', dueAt: due })], DEFAULT_SETTINGS, NOW);
    const [b] = reminderPlan([order({ id: 'a', dueAt: new Date(NOW + 40 * H).toISOString() })], DEFAULT_SETTINGS, NOW);
    expect(a!.name).not.toBe(b!.name);
  });
});

describe('syncReminders', () => {
  it('creates what is missing, clears what is stale, skips what was shown, and is idempotent', async () => {
    const alarms = new Map<string, number>([
      [`${REMINDER_PREFIX}stale`, 1],
      ['rates-refresh', 2],
    ]);
    const api = {
      alarms: {
        getAll: async () => [...alarms.keys()].map((name) => ({ name })),
        create: (name: string, { when }: { when: number }) => void alarms.set(name, when),
        clear: async (name: string) => alarms.delete(name),
      },
    };
    const plan = [
      { name: `${REMINDER_PREFIX}a`, when: 10, title: '', message: '' },
      { name: `${REMINDER_PREFIX}b`, when: 20, title: '', message: '' },
    ];
    expect(await syncReminders(api, plan, new Set([`${REMINDER_PREFIX}b`]))).toEqual({
      created: [`${REMINDER_PREFIX}a`],
      cleared: [`${REMINDER_PREFIX}stale`],
    });
    expect([...alarms.keys()].sort()).toEqual([`${REMINDER_PREFIX}a`, 'rates-refresh']);
    expect(await syncReminders(api, plan, new Set([`${REMINDER_PREFIX}b`]))).toEqual({ created: [], cleared: [] });
  });
});

describe('reminders in the background (fake browser)', () => {
  let db: GigSaathiDB;
  beforeEach(async () => {
    db = new GigSaathiDB(`rem-${Math.random().toString(36).slice(2)}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('schedules from the database and shows each reminder once', async () => {
    const due = Date.now() + 30 * H;
    await db.orders.put(order({ id: 'x', dueAt: new Date(due).toISOString() }));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    setUpReminders(fakeBrowser as never, db);
    await resyncReminders(fakeBrowser as never, db);
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith(REMINDER_PREFIX));
    expect(names).toHaveLength(2);
    const first = (await fakeBrowser.alarms.getAll()).find((a) => a.name.includes('due24'))!;
    await fakeBrowser.alarms.onAlarm.trigger(first);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect((create.mock.calls[0] as unknown[])[1]).toMatchObject({ type: 'basic', title: 'Due in 24 hours: Logo' });
    // Fired again (a restart), or re-synced: not shown or scheduled again.
    await fakeBrowser.alarms.onAlarm.trigger(first);
    await resyncReminders(fakeBrowser as never, db);
    await new Promise((r) => setTimeout(r, 20));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('drops a reminder whose order was delivered meanwhile, and honours the switch', async () => {
    await db.orders.put(order({ id: 'y', dueAt: new Date(Date.now() + 30 * H).toISOString() }));
    await resyncReminders(fakeBrowser as never, db);
    await db.orders.update('y', { status: 'delivered' });
    await resyncReminders(fakeBrowser as never, db);
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith(REMINDER_PREFIX))).toEqual([]);
    await db.orders.update('y', { status: 'active' });
    await saveSettings({ ...DEFAULT_SETTINGS, reminders: { deadlines: false, clearing: true } });
    await resyncReminders(fakeBrowser as never, db);
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith(REMINDER_PREFIX))).toEqual([]);
  });
});
