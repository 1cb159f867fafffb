import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coerceSettings,
  DEFAULT_SETTINGS,
  describeIssues,
  isFeatureEnabled,
  OrderSchema,
  SettingsSchema,
  TemplateSchema,
} from '@/utils/schema';
import { fullOrder, fullTemplate } from './data';

const firstError = (r: { success: boolean; error?: { issues: Parameters<typeof describeIssues>[0] } }) =>
  r.success ? null : describeIssues(r.error!.issues);

describe('TemplateSchema', () => {
  it('accepts a full template unchanged', () => {
    expect(TemplateSchema.parse(fullTemplate())).toEqual(fullTemplate());
  });

  it('fills usage defaults for a minimal template', () => {
    expect(TemplateSchema.parse({ id: 'a', title: 'T', body: 'B', shortcut: null })).toEqual({
      id: 'a',
      title: 'T',
      body: 'B',
      shortcut: null,
      tags: [],
      usageCount: 0,
      lastUsedAt: null,
    });
  });

  it.each([
    [{ title: '   ' }, 'title: a title cannot be empty'],
    [{ body: '' }, 'body: a body cannot be empty'],
    [{ shortcut: '/a b' }, 'shortcut: a shortcut cannot contain spaces'],
    [{ shortcut: '/' }, 'shortcut: a shortcut needs at least 2 characters'],
    [{ id: '' }, 'id: expected a non-empty id'],
    [{ tags: 'a,b' }, 'tags: expected a list of tags'],
    [{ lastUsedAt: 'yesterday' }, 'lastUsedAt: expected an ISO 8601 date-time'],
  ])('rejects %j with a clear message', (over, message) => {
    expect(firstError(TemplateSchema.safeParse({ ...fullTemplate(), ...over }))).toBe(message);
  });

  it('makes shortcuts and titles that read alike the same: NFKC, no invisible characters', () => {
    const parse = (shortcut: string) => TemplateSchema.parse(fullTemplate({ shortcut })).shortcut;
    expect(parse('/hi\u200b')).toBe('/hi');
    expect(parse('\u202e/hi')).toBe('/hi');
    expect(parse('／ｈｉ')).toBe('/hi');
    expect(firstError(TemplateSchema.safeParse({ ...fullTemplate(), shortcut: '/\u200b' }))).toBe(
      'shortcut: a shortcut needs at least 2 characters',
    );
    expect(TemplateSchema.parse(fullTemplate({ title: 'Thanks\u2066 for\ufeff ordering' })).title).toBe(
      'Thanks for ordering',
    );
    // A body is the seller's own text, kept exactly.
    expect(TemplateSchema.parse(fullTemplate({ body: 'a\u200bb ｌｏｇｏ' })).body).toBe('a\u200bb ｌｏｇｏ');
  });

  it('keeps markup and script text as plain text', () => {
    const body = '<script>alert(1)</script><b>bold</b>';
    expect(TemplateSchema.parse(fullTemplate({ body })).body).toBe(body);
  });
});

describe('OrderSchema', () => {
  it('accepts a full order unchanged', () => {
    expect(OrderSchema.parse(fullOrder())).toEqual(fullOrder());
  });

  it.each([
    [{ amount: -5 }, 'amount: expected a positive number'],
    [{ amount: 0 }, 'amount: expected a positive number'],
    [{ amount: '25' }, 'amount: expected a positive number'],
    [{ amount: 10.0001 }, 'amount: amount has more than 3 decimal places'],
    [{ currency: 'XYZ' }, 'currency: unknown currency "XYZ" (expected an ISO 4217 code such as "USD")'],
    [{ currency: 'usd' }, 'currency: unknown currency "usd" (expected an ISO 4217 code such as "USD")'],
    [{ platform: 'etsy' }, 'platform: expected one of fiverr, upwork, peopleperhour, linkedin, workchest, other'],
    [{ status: 'done' }, 'status: expected one of active, delivered, completed, cancelled'],
    [{ orderedAt: '2026-13-01T00:00:00Z' }, 'orderedAt: expected an ISO 8601 date-time'],
    [{ feePercent: 120 }, 'feePercent: expected a percentage from 0 to 100'],
    [{ client: ' ' }, 'client: a client name cannot be empty'],
  ])('rejects %j with a clear message', (over, message) => {
    expect(firstError(OrderSchema.safeParse({ ...fullOrder(), ...over }))).toBe(message);
  });

  it.each(['USD', 'EUR', 'GBP', 'PKR', 'AED', 'CAD', 'AUD', 'JPY'])('knows the currency %s', (currency) => {
    expect(OrderSchema.safeParse(fullOrder({ currency })).success).toBe(true);
  });

  it('accepts dates with a time-zone offset (Pakistan is +05:00)', () => {
    expect(OrderSchema.safeParse(fullOrder({ orderedAt: '2026-11-24T10:00:00+05:00' })).success).toBe(true);
  });
});

describe('settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      myName: '',
      rate: { mode: 'live', manualPkrPerUsd: null },
      fees: { fiverr: 20, upwork: 10, peopleperhour: 20, linkedin: 0, workchest: 0, other: 0 },
      routes: {
        payoneer: { fixedFee: 0, percent: 3, fxMarkupPercent: 2, currency: 'USD' },
        'upwork-local-bank': { fixedFee: 0.99, percent: 0, fxMarkupPercent: 1, currency: 'USD' },
        'upwork-payoneer': { fixedFee: 2, percent: 3, fxMarkupPercent: 2, currency: 'USD' },
        wise: { fixedFee: 0, percent: 0.7, fxMarkupPercent: 0, currency: 'USD' },
        'pph-payoneer': { fixedFee: 0, percent: 3, fxMarkupPercent: 2, currency: 'GBP' },
        'pph-bank': { fixedFee: 0, percent: 0, fxMarkupPercent: 3, currency: 'GBP' },
      },
      defaultRoute: {
        fiverr: 'payoneer',
        upwork: 'upwork-local-bank',
        peopleperhour: 'pph-payoneer',
        linkedin: 'payoneer',
        workchest: 'payoneer',
        other: 'payoneer',
      },
      useOwnMarkup: true,
      taxStatus: 'unregistered',
      reminders: { deadlines: true, clearing: true },
      topRatedSeller: false,
      clearanceDays: { fiverr: 14, upwork: 5, peopleperhour: 0, linkedin: 0, workchest: 0, other: 0 },
      weeklyOrderLimit: 3,
      restDay: 'sunday',
      pkrGrouping: 'thousands',
      language: 'auto',
      keys: { picker: 'Ctrl+Space', expansion: 'Tab' },
      setupDone: false,
      privacy: false,
      features: {},
    });
  });

  it('keeps valid fields and resets only the broken ones', () => {
    const s = coerceSettings({ myName: 'Ayesha', weeklyOrderLimit: -4, restDay: 'funday', fees: { fiverr: 25 } });
    expect(s.myName).toBe('Ayesha');
    expect(s.weeklyOrderLimit).toBe(3);
    expect(s.restDay).toBe('sunday');
    expect(s.fees).toEqual({ fiverr: 25, upwork: 10, peopleperhour: 20, linkedin: 0, workchest: 0, other: 0 });
  });

  it('resets one bad nested setting alone, its siblings kept', () => {
    const s = coerceSettings({
      myName: 'Ayesha',
      fees: { fiverr: 'twenty', upwork: 5, peopleperhour: 15 },
      reminders: { deadlines: false, clearing: 'yes' },
      features: { prices: false, templates: 'off' },
    });
    expect(s.myName).toBe('Ayesha');
    expect(s.fees).toEqual({ fiverr: 20, upwork: 5, peopleperhour: 15, linkedin: 0, workchest: 0, other: 0 });
    expect(s.reminders).toMatchObject({ deadlines: false, clearing: true });
    expect(isFeatureEnabled(s, 'prices')).toBe(false);
    expect(isFeatureEnabled(s, 'templates')).toBe(true);
  });

  it('always gives valid settings, whatever is stored (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        expect(SettingsSchema.safeParse(coerceSettings(raw)).success).toBe(true);
      }),
    );
  });

  it.each([null, undefined, 42, 'settings', []])('falls back to defaults for %j', (raw) => {
    expect(coerceSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects an implausible manual rate', () => {
    expect(firstError(SettingsSchema.safeParse({ rate: { mode: 'manual', manualPkrPerUsd: 5 } }))).toBe(
      'rate.manualPkrPerUsd: a PKR per USD rate below 50 is not plausible',
    );
  });

  it('keeps the one withdrawal model of settings before routes as the Payoneer route', () => {
    const s = coerceSettings({ myName: 'Ayesha', withdrawal: { percent: 2.5, fixedUsd: 1, fxMarkupPercent: 1.8 } });
    expect(s.myName).toBe('Ayesha');
    expect(s.routes.payoneer).toEqual({ fixedFee: 1, percent: 2.5, fxMarkupPercent: 1.8, currency: 'USD' });
    expect(s.routes['upwork-local-bank']).toEqual(DEFAULT_SETTINGS.routes['upwork-local-bank']);
    expect(s).not.toHaveProperty('withdrawal');
    // Half a legacy model: what it has is kept, the rest is the preset's.
    expect(coerceSettings({ withdrawal: { percent: 4 } }).routes.payoneer).toMatchObject({
      percent: 4,
      fxMarkupPercent: 2,
    });
    // Routes already there win; a broken legacy value is dropped, never fatal.
    const both = coerceSettings({ withdrawal: { percent: 9 }, routes: { wise: { percent: 1 } } });
    expect(both.routes.payoneer.percent).toBe(3);
    expect(both.routes.wise.percent).toBe(1);
    expect(coerceSettings({ withdrawal: 'junk' }).routes).toEqual(DEFAULT_SETTINGS.routes);
  });

  it('treats features as on unless switched off', () => {
    const s = coerceSettings({ features: { 'price-annotations': false } });
    expect(isFeatureEnabled(s, 'price-annotations')).toBe(false);
    expect(isFeatureEnabled(s, 'template-picker')).toBe(true);
  });
});
