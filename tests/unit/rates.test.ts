import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_RATES, fetchRates, type Fetch } from '@/utils/rates/sources';
import { effectiveRates, pkrPer } from '@/utils/money/rates';
import { ageText, translator } from '@/utils/platform/i18n';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const erApi = (pkr: unknown = 280.5) => ({
  result: 'success',
  time_last_update_unix: 1764000000,
  rates: { USD: 1, PKR: pkr, EUR: 0.92, GBP: 0.79 },
});
const currencyApi = (pkr = 281) => ({ date: '2026-11-24', usd: { pkr, eur: 0.91, gbp: 0.78 } });

type Answer = { status?: number; json?: unknown; notJson?: true; hang?: true; throws?: true };
function stub(answers: Record<string, Answer>): Fetch & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (url: string, { signal }: { signal: AbortSignal }) => {
    calls.push(new URL(url).host);
    const a = answers[new URL(url).host] ?? { status: 404 };
    if (a.throws) throw new TypeError('Failed to fetch');
    if (a.hang) {
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return {
      ok: (a.status ?? 200) < 400,
      status: a.status ?? 200,
      json: async () => {
        if (a.notJson) throw new SyntaxError('Unexpected token <');
        return a.json;
      },
    };
  }) as Fetch & { calls: string[] };
  fn.calls = calls;
  return fn;
}

describe('fetchRates', () => {
  it('uses the primary source when it answers well', async () => {
    const f = stub({ 'open.er-api.com': { json: erApi() } });
    const { table, failures } = await fetchRates(f, () => NOW);
    expect(failures).toEqual([]);
    expect(table).toMatchObject({
      source: 'open.er-api.com',
      fetchedAt: NOW.toISOString(),
      rates: { PKR: 280.5, EUR: 0.92, USD: 1 },
    });
    expect(f.calls).toEqual(['open.er-api.com']);
  });

  it.each([
    ['an HTTP error', { status: 500 }, 'HTTP 500'],
    ['a network failure', { throws: true }, 'Failed to fetch'],
    ['a non-JSON answer', { notJson: true }, 'not JSON'],
    ['a missing PKR field', { json: { result: 'success', rates: { USD: 1, EUR: 0.9 } } }, 'no PKR rate'],
    ['a garbage rate', { json: erApi(3.5) }, 'PKR rate 3.5 is outside 50–2000'],
    ['an implausible rate', { json: erApi(25000) }, 'PKR rate 25000 is outside 50–2000'],
    ['a wrong shape', { json: { result: 'error', 'error-type': 'quota-reached' } }, 'unexpected response shape'],
  ] satisfies [string, Answer, string][])('falls back to jsDelivr after %s', async (_, primary, reason) => {
    const f = stub({ 'open.er-api.com': primary, 'cdn.jsdelivr.net': { json: currencyApi() } });
    const { table, failures } = await fetchRates(f, () => NOW);
    expect(failures).toEqual([{ source: 'open.er-api.com', reason }]);
    expect(table).toMatchObject({
      source: 'jsdelivr',
      rates: { PKR: 281, EUR: 0.91, USD: 1 },
      publishedAt: '2026-11-24T00:00:00.000Z',
    });
  });

  it('times out a source that does not answer', async () => {
    vi.useFakeTimers();
    try {
      const f = stub({
        'open.er-api.com': { hang: true },
        'cdn.jsdelivr.net': { hang: true },
        'latest.currency-api.pages.dev': { json: currencyApi(282) },
      });
      const pending = fetchRates(f, () => NOW);
      await vi.advanceTimersByTimeAsync(10_001);
      const { table, failures } = await pending;
      expect(failures.map((x) => x.reason)).toEqual(['no answer within 5 s', 'no answer within 5 s']);
      expect(table?.source).toBe('pages.dev');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports every failure when no source works', async () => {
    const { table, failures } = await fetchRates(stub({}), () => NOW);
    expect(table).toBeNull();
    expect(failures.map((x) => x.source)).toEqual(['open.er-api.com', 'jsdelivr', 'pages.dev']);
  });
});

describe('effective rates', () => {
  const table = {
    rates: { USD: 1, PKR: 280, EUR: 0.8, GBP: 0.7 },
    source: 'open.er-api.com' as const,
    fetchedAt: '2026-11-24T07:00:00.000Z',
  };

  it('derives cross rates from the USD table', () => {
    const r = effectiveRates(table, null, NOW);
    expect(pkrPer(r, 'USD')).toBe(280);
    expect(pkrPer(r, 'EUR')).toBe(350);
    expect(pkrPer(r, 'GBP')).toBeCloseTo(400, 6);
    expect(pkrPer(r, 'XYZ')).toBeNull();
    expect(r).toMatchObject({ manual: false, stale: false, ageMs: 3 * 3600 * 1000 });
  });

  it('lets the user’s own rate override every source', () => {
    const r = effectiveRates(table, 300, NOW);
    expect(pkrPer(r, 'USD')).toBe(300);
    expect(pkrPer(r, 'EUR')).toBe(375);
    expect(r.manual).toBe(true);
  });

  it('flags rates older than 48 hours as stale, and dates the built-in rate', () => {
    expect(effectiveRates({ ...table, fetchedAt: '2026-11-22T09:59:00.000Z' }, null, NOW).stale).toBe(true);
    expect(effectiveRates({ ...table, fetchedAt: '2026-11-22T10:01:00.000Z' }, null, NOW).stale).toBe(false);
    expect(effectiveRates(BUILT_IN_RATES, null, NOW).stale).toBe(true);
    expect(BUILT_IN_RATES.publishedAt).toBe('2025-07-08T00:00:00.000Z');
    expect(BUILT_IN_RATES.rates.PKR).toBe(284.36);
  });

  it('says how old a rate is', () => {
    expect(ageText(translator('en'), 20_000)).toBe('just now');
    expect(ageText(translator('en'), 25 * 60_000)).toBe('25 min ago');
    expect(ageText(translator('en'), 3 * 3600_000)).toBe('3 hours ago');
    expect(ageText(translator('en'), 72 * 3600_000)).toBe('3 days ago');
  });
});
