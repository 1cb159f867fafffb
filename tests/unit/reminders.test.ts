import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resyncReminders, setUpReminders } from '@/utils/orders/reminders.background';
import { GigSaathiDB } from '@/utils/platform/db';
import {
  dueReminders,
  NEXT_REMINDER_ALARM,
  reminderPlan,
  syncReminders,
  REMINDER_PREFIX,
} from '@/utils/orders/reminders';
import { DEFAULT_SETTINGS, OrderSchema, type Order } from '@/utils/schema';
import { saveSettings } from '@/utils/platform/settings';

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
  it('arms one alarm for the next reminder not shown, clears old per-reminder alarms, and is idempotent', async () => {
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
      { name: `${REMINDER_PREFIX}c`, when: 30, title: '', message: '' },
      { name: `${REMINDER_PREFIX}a`, when: 10, title: '', message: '' },
      { name: `${REMINDER_PREFIX}b`, when: 5, title: '', message: '' },
    ];
    const shown = new Set([`${REMINDER_PREFIX}b`]);
    expect(await syncReminders(api, plan, shown)).toEqual({ next: plan[1], cleared: [`${REMINDER_PREFIX}stale`] });
    expect([...alarms]).toEqual([
      ['rates-refresh', 2],
      [NEXT_REMINDER_ALARM, 10],
    ]);
    expect(await syncReminders(api, plan, shown)).toEqual({ next: plan[1], cleared: [] });
    expect(alarms.size).toBe(2);
    expect(await syncReminders(api, [], shown)).toEqual({ next: null, cleared: [] });
    expect([...alarms.keys()]).toEqual(['rates-refresh']);
  });

  it('shows what is due, not what was shown or is a day late', () => {
    const r = (name: string, when: number) => ({ name, when, title: '', message: '' });
    const now = 100 * H;
    const plan = [r('soon', now + 1), r('now', now), r('late', now - 2 * H), r('stale', now - 25 * H), r('seen', now)];
    expect(dueReminders(plan, new Set(['seen']), now).map((x) => x.name)).toEqual(['now', 'late']);
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

  const reminderAlarms = async () =>
    (await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith(REMINDER_PREFIX));

  it('keeps one alarm, at the next reminder, and shows each reminder once as its time comes', async () => {
    const start = Date.now();
    const due = start + 30 * H;
    await db.orders.put(order({ id: 'x', dueAt: new Date(due).toISOString() }));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    let now = start;
    setUpReminders(fakeBrowser as never, db, () => now);
    await resyncReminders(fakeBrowser as never, db, now);
    expect((await reminderAlarms()).map((a) => [a.name, a.scheduledTime])).toEqual([
      [NEXT_REMINDER_ALARM, due - 24 * H],
    ]);
    // 24 hours before: shown, and the alarm moves on to 3 hours before.
    now = due - 24 * H;
    await fakeBrowser.alarms.onAlarm.trigger((await reminderAlarms())[0]!);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect((create.mock.calls[0] as unknown[])[1]).toMatchObject({ type: 'basic', title: 'Due in 24 hours: Logo' });
    await vi.waitFor(async () => expect((await reminderAlarms())[0]?.scheduledTime).toBe(due - 3 * H));
    // Fired again (a restart), or re-synced: not shown again.
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_REMINDER_ALARM, scheduledTime: now });
    await resyncReminders(fakeBrowser as never, db, now);
    await new Promise((r) => setTimeout(r, 20));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('uses one alarm however many orders there are (Chrome allows 500)', async () => {
    const start = Date.now();
    await db.orders.bulkPut(
      Array.from({ length: 300 }, (_, i) =>
        order({ id: `o${i}`, dueAt: new Date(start + (30 + i) * H).toISOString() }),
      ),
    );
    await resyncReminders(fakeBrowser as never, db, start);
    expect(await reminderAlarms()).toHaveLength(1);
  });

  it('drops a reminder whose order was delivered meanwhile, and honours the switch', async () => {
    await db.orders.put(order({ id: 'y', dueAt: new Date(Date.now() + 30 * H).toISOString() }));
    await resyncReminders(fakeBrowser as never, db);
    await db.orders.update('y', { status: 'delivered' });
    await resyncReminders(fakeBrowser as never, db);
    expect(await reminderAlarms()).toEqual([]);
    await db.orders.update('y', { status: 'active' });
    await saveSettings({ ...DEFAULT_SETTINGS, reminders: { deadlines: false, clearing: true } });
    await resyncReminders(fakeBrowser as never, db);
    expect(await reminderAlarms()).toEqual([]);
  });
});
