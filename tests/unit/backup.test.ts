import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  exportBackup,
  importAll,
  importBackup,
  MAX_BACKUP_BYTES,
  parseBackupText,
  previewImport,
} from '@/utils/backup/store';
import { GigSaathiDB } from '@/utils/platform/db';
import { saveTemplate } from '@/utils/templates/store';
import { DEFAULT_SETTINGS, type Backup, type Settings } from '@/utils/schema';
import { fullOrder, fullTemplate } from './data';

let db: GigSaathiDB;
beforeEach(async () => {
  db = new GigSaathiDB(`backup-test-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function backupOf(over: Partial<Record<keyof Backup, unknown>> = {}) {
  return {
    format: 'gigsaathi-backup',
    version: 1,
    exportedAt: '2026-11-24T08:00:00.000Z',
    templates: [fullTemplate(), fullTemplate({ id: 'tpl-2', shortcut: null, title: 'Delivery', tags: [] })],
    orders: [fullOrder(), fullOrder({ id: 'ord-2', platform: 'upwork', externalId: undefined, currency: 'EUR' })],
    settings: { ...DEFAULT_SETTINGS, myName: 'Ayesha', features: { x: false } },
    gigKeywords: [
      {
        slug: 'design-a-minimalist-logo',
        keywords: ['minimalist logo', 'logo design'],
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    withdrawals: [
      {
        id: 'wd-1',
        at: '2026-11-10T07:00:00.000Z',
        amount: 500,
        currency: 'USD',
        fee: 0.99,
        pkrReceived: 138_200,
        route: 'upwork-local-bank',
        externalId: '987654321',
      },
    ],
    costs: [
      {
        id: 'cost-1',
        at: '2026-11-03T07:00:00.000Z',
        platform: 'upwork',
        kind: 'connects',
        amount: 12,
        currency: 'USD',
        description: 'Fees for additional Connects (80).',
        externalId: '555',
      },
    ],
    ...over,
  };
}
const text = (v: unknown) => JSON.stringify(v);
const errorOf = (t: string) => {
  const r = parseBackupText(t);
  return r.ok ? null : r.error;
};
const snapshot = async () => ({
  templates: await db.templates.orderBy('id').toArray(),
  orders: await db.orders.orderBy('id').toArray(),
});

describe('parseBackupText', () => {
  it('accepts a valid backup', () => {
    const r = parseBackupText(text(backupOf()));
    expect(r.ok).toBe(true);
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['a truncated file', text(backupOf()).slice(0, 200), /^The file is not valid JSON \(is it complete\?\)/],
    ['plain text', 'hello', /^The file is not valid JSON/],
    ['a JSON array', '[]', /^Not a GigSaathi backup/],
    [
      'another app’s JSON',
      text({ format: 'other', version: 1 }),
      'Not a GigSaathi backup: "format" must be "gigsaathi-backup".',
    ],
    [
      'a newer version',
      text(backupOf({ version: 2 })),
      'Unsupported backup version 2: this GigSaathi reads version 1.',
    ],
    [
      'a version as text',
      text(backupOf({ version: '1' })),
      'Unsupported backup version "1": this GigSaathi reads version 1.',
    ],
  ])('rejects %s', (_, input, expected) => {
    const error = errorOf(input);
    if (typeof expected === 'string') expect(error).toBe(expected);
    else expect(error).toMatch(expected);
  });

  it('names the record and field of a negative amount', () => {
    const orders = [
      fullOrder({ id: 'a' }),
      fullOrder({ id: 'b' }),
      fullOrder({ id: 'c' }),
      fullOrder({ id: 'd', amount: -3 }),
    ];
    expect(errorOf(text(backupOf({ orders })))).toBe('orders[3].amount: expected a positive number');
  });

  it('rejects wrong types, naming each', () => {
    expect(errorOf(text(backupOf({ templates: 'none' })))).toBe('templates: expected a list of templates');
    const templates = [fullTemplate({ title: 42 as unknown as string })];
    expect(errorOf(text(backupOf({ templates })))).toBe('templates[0].title: expected a title (text)');
    expect(errorOf(text(backupOf({ orders: [{ ...fullOrder(), orderedAt: 1700000000 }] })))).toBe(
      'orders[0].orderedAt: expected an ISO 8601 date-time',
    );
    expect(errorOf(text(backupOf({ settings: { weeklyOrderLimit: 2.5 } })))).toBe(
      'settings.weeklyOrderLimit: expected a whole number',
    );
  });

  it('reads a backup written before a setting existed, filling its default', () => {
    const { pkrGrouping: _, ...older } = DEFAULT_SETTINGS;
    const r = parseBackupText(text(backupOf({ settings: older })));
    expect(r.ok && r.backup.settings?.pkrGrouping).toBe('thousands');
  });

  it('names a missing section, and reads a file without settings (a shared template pack)', () => {
    const { settings: _, ...noSettings } = backupOf();
    const pack = parseBackupText(text(noSettings));
    expect(pack.ok && pack.backup.settings).toBeUndefined();
    const { orders: __, ...noOrders } = backupOf();
    expect(errorOf(text(noOrders))).toBe('orders: expected a list of orders');
    expect(errorOf(text(backupOf({ orders: [null] })))).toBe('orders[0]: expected an order (an object)');
  });

  it('refuses two orders with the same platform and external id, naming both', () => {
    const orders = [
      fullOrder({ id: 'a', externalId: 'FO1' }),
      fullOrder({ id: 'b' }),
      fullOrder({ id: 'c', externalId: 'FO1' }),
    ];
    expect(errorOf(text(backupOf({ orders })))).toBe('orders[2] and orders[0] are the same fiverr order FO1');
  });

  it('counts further problems', () => {
    const orders = [fullOrder({ amount: -1 }), fullOrder({ id: 'x', currency: 'ZZZ' })];
    expect(errorOf(text(backupOf({ orders })))).toBe(
      'orders[0].amount: expected a positive number (and 1 more problem)',
    );
  });

  it('rejects an unknown currency', () => {
    expect(errorOf(text(backupOf({ orders: [fullOrder({ currency: 'BTC' })] })))).toBe(
      'orders[0].currency: unknown currency "BTC" (expected an ISO 4217 code such as "USD")',
    );
  });

  it('rejects duplicate ids and duplicate shortcuts', () => {
    const orders = [fullOrder(), fullOrder({ id: 'x' }), fullOrder()];
    expect(errorOf(text(backupOf({ orders })))).toBe('orders[2].id: duplicate id "ord-1" (also orders[0])');
    const templates = [fullTemplate(), fullTemplate()];
    expect(errorOf(text(backupOf({ templates })))).toBe('templates[1].id: duplicate id "tpl-1" (also templates[0])');
    const sameShortcut = [fullTemplate(), fullTemplate({ id: 'other' })];
    expect(errorOf(text(backupOf({ templates: sameShortcut })))).toBe(
      'templates[1].shortcut: the shortcut /hi is also used by templates[0]',
    );
  });

  it('refuses a file over the size limit without parsing it', () => {
    expect(parseBackupText('{}', MAX_BACKUP_BYTES + 1)).toEqual({
      ok: false,
      error: 'The file is 50.0 MB; a GigSaathi backup is at most 50 MB.',
    });
  });

  it('rejects a 10 MB file of junk with a clear message', () => {
    const junk = `{"format":"gigsaathi-backup","version":1,"exportedAt":"2026-11-24T08:00:00.000Z","settings":{},"templates":[],"orders":[${'{"id":1},'.repeat(1_200_000)}{}]}`;
    expect(junk.length).toBeGreaterThan(10_000_000);
    expect(errorOf(junk)).toBe(
      'orders[0].id: expected an id (text) (and 159 more problems) Checking stopped there: more records may be invalid.',
    );
  });
});

describe('importBackup', () => {
  it('round-trips every field exactly through export and import', async () => {
    await importBackup(db, parseOk(text(backupOf())));
    const exported = await exportBackup(db, backupOf().settings as Settings, new Date('2026-11-24T08:00:00.000Z'));
    expect(exported).toEqual(backupOf());

    const other = new GigSaathiDB(`${db.name}-copy`);
    try {
      await importBackup(other, parseOk(JSON.stringify(exported)));
      const again = await exportBackup(other, exported.settings!, new Date(exported.exportedAt));
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('reads backups written before withdrawals and routes, keeping the old withdrawal figures', async () => {
    const { withdrawals: _w, costs: _c, settings: _s, ...older } = backupOf();
    const { routes: _r, defaultRoute: _d, useOwnMarkup: _u, ...oldSettings } = DEFAULT_SETTINGS;
    const file = {
      ...older,
      settings: { ...oldSettings, withdrawal: { percent: 2.5, fixedUsd: 1, fxMarkupPercent: 1.5 } },
    };
    const r = parseOk(text(file));
    expect(r.withdrawals).toEqual([]);
    expect(r.costs).toEqual([]);
    expect(r.settings?.routes.payoneer).toEqual({ fixedFee: 1, percent: 2.5, fxMarkupPercent: 1.5, currency: 'USD' });
    expect(
      errorOf(text(backupOf({ withdrawals: [{ id: 'w', at: 'yesterday', amount: 5, currency: 'USD' }] }))),
    ).toMatch(/withdrawals\[0\]\.at: expected an ISO 8601 date-time/);
    expect(
      errorOf(
        text(
          backupOf({
            withdrawals: [
              { id: 'wd-1', at: '2026-11-10T07:00:00.000Z', amount: 1, currency: 'USD' },
              { id: 'wd-1', at: '2026-11-11T07:00:00.000Z', amount: 2, currency: 'USD' },
            ],
          }),
        ),
      ),
    ).toMatch(/withdrawals\[1\]\.id: duplicate id "wd-1"/);
  });

  it('reads backups written before gig keywords existed, and names a bad keyword record', async () => {
    const { gigKeywords: _, ...older } = backupOf();
    const r = parseBackupText(text(older));
    expect(r.ok && r.backup.gigKeywords).toEqual([]);
    expect(
      errorOf(
        text(
          backupOf({
            gigKeywords: [{ slug: 'x', keywords: ['a', 'b', 'c', 'd'], updatedAt: '2026-11-20T10:00:00.000Z' }],
          }),
        ),
      ),
    ).toMatch(/gigKeywords\[0\]\.keywords: at most 3 keywords per gig/);
    await importBackup(db, parseOk(text(backupOf())));
    expect(await db.gigKeywords.get('design-a-minimalist-logo')).toMatchObject({
      keywords: ['minimalist logo', 'logo design'],
    });
  });

  it('merges by id: importing twice adds nothing', async () => {
    const backup = parseOk(text(backupOf()));
    expect(await importBackup(db, backup)).toEqual({
      templates: { added: 2, updated: 0 },
      orders: { added: 2, updated: 0 },
      withdrawals: { added: 1, updated: 0 },
      shortcutsMoved: [],
    });
    const before = await snapshot();
    expect(await importBackup(db, backup)).toEqual({
      templates: { added: 0, updated: 2 },
      orders: { added: 0, updated: 2 },
      withdrawals: { added: 0, updated: 1 },
      shortcutsMoved: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps records the backup does not mention and replaces those it does', async () => {
    await saveTemplate(db, fullTemplate({ id: 'mine', shortcut: '/mine', title: 'Mine' }));
    await db.orders.put(fullOrder({ id: 'ord-1', client: 'old name' }));
    await importBackup(db, parseOk(text(backupOf())));
    expect((await db.templates.get('mine'))?.title).toBe('Mine');
    expect((await db.orders.get('ord-1'))?.client).toBe('alice_buyer');
    expect(await db.templates.count()).toBe(3);
  });

  it('gives a clashing shortcut to the backup and keeps the other template without it', async () => {
    await saveTemplate(db, fullTemplate({ id: 'mine', shortcut: '/hi', title: 'My greeting', body: 'Salaam!' }));
    const summary = await importBackup(db, parseOk(text(backupOf())));
    expect(summary.shortcutsMoved).toEqual([{ shortcut: '/hi', from: 'My greeting' }]);
    expect(await db.templates.get('mine')).toMatchObject({ title: 'My greeting', body: 'Salaam!', shortcut: null });
    expect((await db.templates.get('tpl-1'))?.shortcut).toBe('/hi');
  });

  it('lets replaced templates swap shortcuts', async () => {
    await saveTemplate(db, fullTemplate({ id: 'a', shortcut: '/one' }));
    await saveTemplate(db, fullTemplate({ id: 'b', shortcut: '/two' }));
    const templates = [fullTemplate({ id: 'a', shortcut: '/two' }), fullTemplate({ id: 'b', shortcut: '/one' })];
    await importBackup(db, parseOk(text(backupOf({ templates }))));
    expect((await db.templates.get('a'))?.shortcut).toBe('/two');
    expect((await db.templates.get('b'))?.shortcut).toBe('/one');
  });

  it('rolls everything back when a write fails midway', async () => {
    await db.orders.put(fullOrder({ id: 'keep' }));
    const before = await snapshot();
    const backup = parseOk(text(backupOf()));
    const failing = (primKey: unknown) => {
      if (primKey === 'ord-2') throw new Error('disk full');
    };
    db.orders.hook('creating', failing);
    await expect(importBackup(db, backup)).rejects.toThrow('disk full');
    db.orders.hook('creating').unsubscribe(failing);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps script text inert: stored and exported exactly as text', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const backup = parseOk(text(backupOf({ templates: [fullTemplate({ title: evil, body: evil })] })));
    await importBackup(db, backup);
    expect((await db.templates.get('tpl-1'))?.body).toBe(evil);
    expect((await exportBackup(db, DEFAULT_SETTINGS)).templates[0]?.title).toBe(evil);
  });

  it('imports a valid 10 MB backup, reporting progress', async () => {
    const orders = Array.from({ length: 24_000 }, (_, i) =>
      fullOrder({ id: `o-${i}`, externalId: `FO${i}`, notes: 'n'.repeat(100), client: `client ${i % 300}` }),
    );
    const big = text(backupOf({ orders }));
    expect(big.length).toBeGreaterThan(10_000_000);
    const progress: number[] = [];
    const summary = await importBackup(db, parseOk(big), (done) => progress.push(done));
    expect(summary.orders.added).toBe(24_000);
    expect(await db.orders.count()).toBe(24_000);
    expect(progress.at(-1)).toBe(24_002);
    expect(progress.length).toBeGreaterThan(10);
  }, 60_000);
});

describe('backupFileName', () => {
  it('carries the local date', () => {
    expect(backupFileName(new Date(2026, 10, 4, 23, 59))).toBe('gigsaathi-backup-2026-11-04.json');
  });
});

function parseOk(t: string): Backup {
  const r = parseBackupText(t);
  if (!r.ok) throw new Error(r.error);
  return r.backup;
}

describe('previewImport and importAll', () => {
  const memory = (initial: Settings) => {
    let current = initial;
    const saves: Settings[] = [];
    return {
      store: {
        get: async () => current,
        save: async (s: Settings) => {
          saves.push(s);
          current = s;
        },
      },
      saves,
      current: () => current,
    };
  };

  it('says what the file will do before anything is written', async () => {
    await importBackup(db, parseOk(text(backupOf({ settings: DEFAULT_SETTINGS }))));
    await db.templates.put({ ...fullTemplate({ id: 'mine', shortcut: '/pack' }) });
    const file = parseOk(
      text(
        backupOf({
          templates: [fullTemplate(), fullTemplate({ id: 'tpl-new', shortcut: '/pack', title: 'From the pack' })],
          orders: [fullOrder(), fullOrder({ id: 'ord-new', externalId: 'FO999' })],
        }),
      ),
    );
    const before = await db.templates.count();
    expect(await previewImport(db, file)).toEqual({
      templates: { added: 1, replaced: 1 },
      orders: { added: 1, replaced: 1 },
      withdrawals: { added: 0, replaced: 1 },
      shortcutConflicts: [{ shortcut: '/pack', from: fullTemplate().title }],
      hasSettings: true,
    });
    expect(await db.templates.count()).toBe(before);
  });

  it('leaves the seller’s settings alone unless asked, and a pack without settings imports', async () => {
    const mine = { ...DEFAULT_SETTINGS, myName: 'Ayesha' };
    const settings = memory(mine);
    const file = parseOk(text(backupOf({ settings: { ...DEFAULT_SETTINGS, myName: 'Bilal' } })));
    expect((await importAll(db, file, { settings: settings.store })).settingsReplaced).toBe(false);
    expect(settings.current().myName).toBe('Ayesha');
    expect((await importAll(db, file, { settings: settings.store, replaceSettings: true })).settingsReplaced).toBe(
      true,
    );
    expect(settings.current().myName).toBe('Bilal');
    const { settings: _, ...pack } = backupOf({ templates: [fullTemplate({ id: 'p1', shortcut: '/p1' })], orders: [] });
    const result = await importAll(db, parseOk(text(pack)), { settings: settings.store, replaceSettings: true });
    expect(result).toMatchObject({ templates: { added: 1 }, settingsReplaced: false });
    expect(settings.current().myName).toBe('Bilal');
  });

  it('puts the settings back when the records fail: both or neither', async () => {
    const settings = memory({ ...DEFAULT_SETTINGS, myName: 'Ayesha' });
    const file = parseOk(text(backupOf({ settings: { ...DEFAULT_SETTINGS, myName: 'Bilal' } })));
    db.close();
    await expect(importAll(db, file, { settings: settings.store, replaceSettings: true })).rejects.toThrow();
    expect(settings.current().myName).toBe('Ayesha');
    expect(settings.saves.map((s) => s.myName)).toEqual(['Bilal', 'Ayesha']);
  });
});
