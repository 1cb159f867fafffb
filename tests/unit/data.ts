import type { RatesView } from '@/utils/schema';
import type { Order, Template } from '@/utils/schema';

/** Records with every field set, so round trips prove nothing is dropped. */
export function fullTemplate(over: Partial<Template> = {}): Template {
  return {
    id: 'tpl-1',
    title: 'First reply',
    body: 'Hi {{client_name}},\nThanks for reaching out!\n\n— {{my_name}}',
    shortcut: '/hi',
    tags: ['greeting', 'fiverr'],
    usageCount: 4,
    lastUsedAt: '2026-11-20T10:15:00.000Z',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-11-20T10:15:00.000Z',
    ...over,
  };
}

export function fullOrder(over: Partial<Order> = {}): Order {
  return {
    id: 'ord-1',
    platform: 'fiverr',
    externalId: 'FO1A2B3C4D5E',
    client: 'alice_buyer',
    title: 'I will design a minimalist logo',
    amount: 45.5,
    currency: 'USD',
    feePercent: 20,
    status: 'completed',
    orderedAt: '2026-10-01T09:00:00.000Z',
    dueAt: '2026-10-04T09:00:00.000Z',
    deliveredAt: '2026-10-03T18:30:00.000Z',
    completedAt: '2026-10-06T18:30:00.000Z',
    clearsAt: '2026-10-20T18:30:00.000Z',
    withdrawnAt: '2026-10-25T12:00:00.000Z',
    tip: 5,
    notes: 'Wants the source files too.',
    updatedAt: '2026-10-25T12:00:00.000Z',
    ...over,
  };
}

/** A fresh, live-looking rate view at 280 PKR per USD, with the given cross rates. */
export function ratesView(rates: Record<string, number>): RatesView {
  return {
    rates: { USD: 1, PKR: 280, ...rates },
    source: 'open.er-api.com',
    fetchedAt: new Date().toISOString(),
    pkrPerUsd: 280,
    manual: false,
    ageMs: 0,
    stale: false,
    failures: [],
  };
}
