import { describe, expect, it } from 'vitest';
import { EARLY_DASHBOARD_MESSAGE, holdEarlyDashboard, takeEarlyDashboard } from '@/utils/orders/ui/early';
import { readReply, RequestError } from '@/utils/platform/messaging/client';
import { PROTOCOL } from '@/utils/platform/messaging/protocol';

describe("the popup's early dashboard request", () => {
  it('is the message request() sends, in a shape the router accepts', () => {
    expect(EARLY_DASHBOARD_MESSAGE.type in PROTOCOL).toBe(true);
    expect(PROTOCOL['dashboard.get'].request.safeParse(EARLY_DASHBOARD_MESSAGE.payload).success).toBe(true);
  });

  it('is taken once, and a failed one breaks nothing', async () => {
    expect(takeEarlyDashboard()).toBeUndefined();
    const reply = Promise.resolve({ ok: true, data: null });
    holdEarlyDashboard(reply);
    expect(takeEarlyDashboard()).toBe(reply);
    expect(takeEarlyDashboard()).toBeUndefined();
    // Held and never taken: no unhandled rejection.
    holdEarlyDashboard(Promise.reject(new Error('no background')));
    await new Promise((r) => setTimeout(r, 0));
    await expect(takeEarlyDashboard()).rejects.toThrow('no background');
  });

  it('is validated like any reply: a refusal is a RequestError, malformed figures are refused', () => {
    expect(() =>
      readReply('dashboard.get', { ok: false, error: { code: 'forbidden', message: 'dashboard.get: not ours' } }),
    ).toThrow(RequestError);
    expect(() => readReply('dashboard.get', { ok: true, data: { monthEarnedUsd: 'a lot' } })).toThrow();
    expect(() => readReply('dashboard.get', 'hello')).toThrow();
  });
});
