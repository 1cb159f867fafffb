import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Template } from '@/utils/schema';
import {
  deleteTemplate,
  installStarterTemplates,
  listTemplates,
  recordTemplateUse,
  restoreTemplate,
  saveTemplate,
} from '@/utils/templates/store';
import { STARTER_TEMPLATES } from '@/utils/templates/starter';
import { importBackup } from '@/utils/backup/store';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/utils/schema';
import { CHROME_QUOTAS, decodeArea, encodeText, encodeTemplate, itemBytes, readText } from '@/utils/sync/pack';
import { mergeLibraries, TOMBSTONE_DAYS } from '@/utils/sync/merge';
import { WRITES_PER_MINUTE } from '@/utils/sync/engine.background';
import { SyncHub, simulatedBrowser, type Clock, type SimulatedBrowser } from './sync-hub';

const DAY = 86_400_000;
let clock: Clock;
let hub: SyncHub;
let open: SimulatedBrowser[] = [];
const at = () => new Date(clock.t);
const tick = (ms = 5_000) => {
  clock.t += ms;
};
const browser = (name: string) => {
  const b = simulatedBrowser(hub, name);
  open.push(b);
  return b;
};
const titles = async (b: SimulatedBrowser) => (await listTemplates(b.db)).map((t) => t.title).sort();
const save = (b: SimulatedBrowser, t: Partial<Template> & { id: string }) => {
  tick();
  return saveTemplate(b.db, { title: t.id, body: `Body of ${t.id}`, shortcut: null, ...t }, at());
};

beforeEach(() => {
  clock = { t: Date.parse('2026-12-01T09:00:00.000Z') };
  hub = new SyncHub(clock);
});
afterEach(async () => {
  await Promise.all(open.map((b) => b.close()));
  open = [];
});

describe('sync between two browsers', () => {
  it('a template made, edited and deleted on one browser is made, edited and deleted on the other', async () => {
    const laptop = browser('laptop');
    const office = browser('office');
    await save(laptop, { id: 'tpl-1', title: 'Delivery', body: 'Here are your files.', shortcut: '/del' });
    await laptop.run();
    expect((await office.run()).kind).toBe('done');
    expect(await office.db.templates.get('tpl-1')).toMatchObject({ title: 'Delivery', shortcut: '/del' });
    expect(office.status.lastReceivedAt).toBe(at().toISOString());
    // Nothing new: another round on either browser writes nothing.
    const writes = [laptop.area.writes.length, office.area.writes.length];
    await laptop.run();
    await office.run();
    expect([laptop.area.writes.length, office.area.writes.length]).toEqual(writes);

    await save(office, { id: 'tpl-1', title: 'Delivery (final)', body: 'Here are your final files.' });
    await office.run();
    await laptop.run();
    expect(await laptop.db.templates.get('tpl-1')).toMatchObject({ title: 'Delivery (final)', shortcut: null });

    tick();
    await deleteTemplate(laptop.db, 'tpl-1', at());
    await laptop.run();
    await office.run();
    expect(await office.db.templates.count()).toBe(0);
    expect(await office.db.tombstones.get('tpl-1')).toBeDefined();
  });

  it('when both edit the same template, the later edit wins on both', async () => {
    const a = browser('a');
    const b = browser('b');
    await save(a, { id: 'tpl-1', title: 'Original' });
    await a.run();
    await b.run();
    a.area.goOffline();
    b.area.goOffline();
    await save(a, { id: 'tpl-1', title: 'Edited on A' });
    await save(b, { id: 'tpl-1', title: 'Edited on B, later' });
    await a.run();
    await b.run();
    a.area.goOnline();
    b.area.goOnline();
    for (const x of [a, b, a, b]) await x.run();
    expect(await titles(a)).toEqual(['Edited on B, later']);
    expect(await titles(b)).toEqual(['Edited on B, later']);
  });

  it('a template deleted while the other browser was offline for months is not brought back', async () => {
    const a = browser('a');
    const b = browser('b');
    await save(a, { id: 'keep' });
    await save(a, { id: 'gone' });
    await a.run();
    await b.run();
    b.area.goOffline();
    tick();
    await deleteTemplate(a.db, 'gone', at());
    await a.run();
    tick(120 * DAY);
    // The old browser runs while still offline (its sync area still holds "gone"), then comes back.
    await b.run();
    b.area.goOnline();
    await b.run();
    await a.run();
    expect(await titles(b)).toEqual(['keep']);
    expect(await titles(a)).toEqual(['keep']);
    expect(decodeArea(await a.area.get()).templates.has('gone')).toBe(false);
  });

  it('an edit made after a deletion elsewhere wins over it', async () => {
    const a = browser('a');
    const b = browser('b');
    await save(a, { id: 'tpl-1', title: 'Old' });
    await a.run();
    await b.run();
    b.area.goOffline();
    tick();
    await deleteTemplate(a.db, 'tpl-1', at());
    await a.run();
    await save(b, { id: 'tpl-1', title: 'Rewritten later' });
    await b.run();
    b.area.goOnline();
    await b.run();
    await a.run();
    expect(await titles(a)).toEqual(['Rewritten later']);
    expect(await a.db.tombstones.count()).toBe(0);
  });

  it('undo of a delete that already synced brings the template back on both', async () => {
    const a = browser('a');
    const b = browser('b');
    const t = await save(a, { id: 'tpl-1', title: 'Keep me' });
    await a.run();
    await b.run();
    tick();
    await deleteTemplate(a.db, 'tpl-1', at());
    await a.run();
    await b.run();
    expect(await b.db.templates.count()).toBe(0);
    tick();
    await restoreTemplate(a.db, t, at());
    await a.run();
    await b.run();
    expect(await titles(b)).toEqual(['Keep me']);
  });

  it('a backup that restores a deleted template keeps it on every browser', async () => {
    const a = browser('a');
    const b = browser('b');
    const t = await save(a, { id: 'tpl-1', title: 'From the file' });
    await a.run();
    await b.run();
    tick();
    await deleteTemplate(b.db, 'tpl-1', at());
    await b.run();
    await a.run();
    tick();
    const backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: at().toISOString(),
      templates: [t],
      orders: [],
      gigKeywords: [],
    } as const;
    await importBackup(
      a.db,
      { ...backup, templates: [...backup.templates], orders: [], gigKeywords: [], withdrawals: [], costs: [] },
      undefined,
      at(),
    );
    await a.run();
    await b.run();
    expect(await titles(b)).toEqual(['From the file']);
  });

  it('two browsers with the starter library end up with one starter library', async () => {
    const a = browser('a');
    const b = browser('b');
    await installStarterTemplates(a.db);
    tick();
    await installStarterTemplates(b.db);
    await a.run();
    await b.run();
    await a.run();
    expect(await a.db.templates.count()).toBe(STARTER_TEMPLATES.length);
    expect(await b.db.templates.count()).toBe(STARTER_TEMPLATES.length);

    // A starter deleted on one browser stays deleted on a browser installed afterwards.
    tick();
    await deleteTemplate(a.db, 'starter-thanks', at());
    await a.run();
    const c = browser('c');
    await installStarterTemplates(c.db);
    await c.run();
    expect(await c.db.templates.get('starter-thanks')).toBeUndefined();
    expect(await c.db.templates.count()).toBe(STARTER_TEMPLATES.length - 1);
  });

  it('settings follow the seller, the later change winning; sync itself can be switched off per browser', async () => {
    const a = browser('a');
    const b = browser('b');
    tick();
    a.setSettings({
      settings: { ...DEFAULT_SETTINGS, myName: 'Ayesha', pkrGrouping: 'lakh' },
      updatedAt: at().toISOString(),
    });
    await a.run();
    await b.run();
    expect(b.settings.settings).toMatchObject({ myName: 'Ayesha', pkrGrouping: 'lakh' });
    // A browser whose settings were never changed does not overwrite the seller's.
    const c = browser('c');
    await c.run();
    expect(c.settings.settings.myName).toBe('Ayesha');

    b.prefs.enabled = false;
    tick();
    b.setSettings({ settings: { ...DEFAULT_SETTINGS, myName: 'Not sent' }, updatedAt: at().toISOString() });
    await save(b, { id: 'local-only' });
    const writes = b.area.writes.length;
    expect((await b.run()).kind).toBe('off');
    expect(b.area.writes.length).toBe(writes);
    await a.run();
    expect(a.settings.settings.myName).toBe('Ayesha');
    expect(await a.db.templates.get('local-only')).toBeUndefined();
  });

  it('the screen-sharing blur stays on the browser it was switched on, and nothing fights over it', async () => {
    const a = browser('a');
    const b = browser('b');
    tick();
    a.setSettings({ settings: { ...DEFAULT_SETTINGS, myName: 'Ayesha' }, updatedAt: at().toISOString() });
    await a.run();
    await b.run();
    tick();
    a.setSettings({
      settings: { ...DEFAULT_SETTINGS, myName: 'Ayesha', privacy: true },
      updatedAt: at().toISOString(),
    });
    for (const x of [a, b, a, b]) await x.run();
    expect(a.settings.settings.privacy).toBe(true);
    expect(b.settings.settings).toMatchObject({ myName: 'Ayesha', privacy: false });
    const writes = [a.area.writes.length, b.area.writes.length];
    for (const x of [a, b, a, b]) await x.run();
    expect([a.area.writes.length, b.area.writes.length]).toEqual(writes);
  });

  it('a template left half written (a client that stopped) is replaced after a while by this browser’s copy', async () => {
    const a = browser('a');
    await save(a, { id: 'long', title: 'Mine, whole' });
    a.area.plant('t:long', { v: 1, n: 2, h: 'x', p: '["long","Broken' });
    expect((await a.run()).kind).toBe('done');
    expect(decodeArea(await a.area.get()).waiting.has('long')).toBe(true);
    tick(11 * 60_000);
    await a.run();
    tick(11 * 60_000);
    await a.run();
    expect(decodeArea(await a.area.get()).templates.get('long')?.title).toBe('Mine, whole');
    expect(await titles(a)).toEqual(['Mine, whole']);
  });

  it('using a template costs no write of its own; the counters travel later or with the next edit', async () => {
    const a = browser('a');
    const b = browser('b');
    await save(a, { id: 'tpl-1' });
    await a.run();
    await b.run();
    const writes = a.area.writes.length;
    for (let i = 0; i < 5; i++) {
      tick(1000);
      await recordTemplateUse(a.db, 'tpl-1', at());
      await a.run();
    }
    expect(a.area.writes.length).toBe(writes);
    expect(a.later.some((l) => l.reason === 'usage')).toBe(true);
    await a.run(true);
    expect(a.area.writes.length).toBe(writes + 1);
    await b.run();
    expect((await b.db.templates.get('tpl-1'))?.usageCount).toBe(5);
    // B's own uses add to the highest count seen, and ride along with B's next edit.
    await recordTemplateUse(b.db, 'tpl-1', at());
    await save(b, { id: 'tpl-2' });
    await b.run();
    await a.run();
    expect((await a.db.templates.get('tpl-1'))?.usageCount).toBe(6);
  });

  it('never writes faster than its own limit, and everything lands once the limit allows', async () => {
    const a = browser('a');
    const b = browser('b');
    const held: number[] = [];
    for (let i = 0; i < 40; i++) {
      await save(a, { id: `tpl-${i}`, title: `Template ${i}` });
      tick(500 - 5_000); // an edit every half second (save() moved the clock 5 s)
      const r = await a.run();
      if (r.kind === 'held') held.push(r.until);
      expect(r.kind).not.toBe('failed');
    }
    expect(held.length).toBeGreaterThan(0);
    const perMinute = (t: number) => a.area.writes.filter((w) => w > t - 60_000 && w <= t).length;
    for (const w of a.area.writes) expect(perMinute(w)).toBeLessThanOrEqual(WRITES_PER_MINUTE);
    tick(61_000);
    expect((await a.run()).kind).toBe('done');
    await b.run();
    expect(await b.db.templates.count()).toBe(40);
  });

  it('when the library is too big, the most recently used templates that fit sync and the rest stay', async () => {
    const a = browser('a');
    const b = browser('b');
    const body = 'Detailed answer about delivery times and revisions. '.repeat(20); // ~1 KB
    for (let i = 0; i < 300; i++)
      await saveTemplate(a.db, { id: `tpl-${String(i).padStart(3, '0')}`, title: `T${i}`, body, shortcut: null }, at());
    tick();
    await recordTemplateUse(a.db, 'tpl-007', at());
    const r = await a.run();
    expect(r).toMatchObject({ kind: 'done', total: 300 });
    const synced = a.status.synced;
    expect(synced).toBeGreaterThan(50);
    expect(synced).toBeLessThan(300);
    expect(a.area.bytesInUse()).toBeLessThanOrEqual(CHROME_QUOTAS.bytes);
    expect(await a.db.templates.count()).toBe(300);
    await b.run();
    expect(await b.db.templates.count()).toBe(synced);
    expect(await b.db.templates.get('tpl-007')).toBeDefined();
    // B syncing back never trims A's library.
    await save(b, { id: 'from-b' });
    await b.run();
    await a.run();
    expect(await a.db.templates.count()).toBe(301);
    expect(await a.db.templates.get('from-b')).toBeDefined();
  });

  it('refuses a corrupt item, item by item, and keeps the local data as it was', async () => {
    const a = browser('a');
    const b = browser('b');
    await save(a, { id: 'good', title: 'Good one' });
    await a.run();
    await save(b, { id: 'mine', title: 'Mine' });
    b.area.plant('t:bad', { v: 1, n: 1, h: 'nope', p: 'garbage' }); // hash does not match: half a write
    b.area.plant('t:evil', encodeTemplate({ id: 'evil' } as Template, 8192)['t:evil']); // whole, fails the schema
    b.area.plant(
      's',
      encodeText('s', JSON.stringify({ m: '2099-01-01T00:00:00.000Z', v: { weeklyOrderLimit: 0 } }), 8192).s,
    );
    b.area.plant('x', 42);
    const before = b.settings;
    const r = await b.run();
    expect(r.kind).toBe('done');
    expect(await titles(b)).toEqual(['Good one', 'Mine']);
    expect(b.settings).toEqual(before);
    expect(b.status.refused).toBe(3);
  });

  it('waits for a template that is half delivered, then takes it whole', async () => {
    const a = browser('a');
    const b = browser('b');
    await save(a, { id: 'long', title: 'Long', body: 'A long answer. '.repeat(200) });
    await a.run();
    await b.run();
    hub.hold = true;
    await save(a, { id: 'long', title: 'Long, edited', body: 'یہ ایک لمبا جواب ہے۔ '.repeat(700) });
    await a.run();
    // The new header arrives before its pieces.
    hub.deliver((k) => k === 't:long');
    await b.run();
    expect(await titles(b)).toEqual(['Long']);
    hub.deliver();
    await b.run();
    expect(await titles(b)).toEqual(['Long, edited']);
  });

  it('two new templates with one shortcut: the later keeps it, the other keeps everything else', async () => {
    const a = browser('a');
    const b = browser('b');
    await save(a, { id: 'on-a', title: 'Price on A', shortcut: '/price' });
    await save(b, { id: 'on-b', title: 'Price on B', shortcut: '/price' });
    await a.run();
    await b.run();
    await a.run();
    await b.run();
    const onA = await listTemplates(a.db);
    const onB = await listTemplates(b.db);
    expect(onA.map((t) => [t.id, t.shortcut]).sort()).toEqual([
      ['on-a', null],
      ['on-b', '/price'],
    ]);
    expect(onB.map((t) => [t.id, t.shortcut]).sort()).toEqual(onA.map((t) => [t.id, t.shortcut]).sort());
  });
});

describe('sync item packing', () => {
  it('splits a long template across items, each within the quota, and reads it back exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 20_000 }),
        fc.constantFrom(8192, 1000, 300),
        (text, perItem) => {
          const items = encodeText('t:some-id', text, perItem);
          for (const [k, v] of Object.entries(items)) expect(itemBytes(k, v)).toBeLessThanOrEqual(perItem);
          const back = readText(items, 't:some-id');
          expect(back.ok && back.text).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a 20,000-character Urdu template fits and round-trips', () => {
    const body = 'آپ کا آرڈر تیار ہے، براہ کرم دیکھ لیں۔ "quotes" \\ '.repeat(500).slice(0, 20_000);
    const t: Template = {
      id: 'tpl-urdu',
      title: 'اردو',
      body,
      shortcut: '/ur',
      tags: ['اردو'],
      usageCount: 2,
      lastUsedAt: null,
    };
    const items = encodeTemplate(t, CHROME_QUOTAS.perItem);
    expect(Object.keys(items).length).toBeGreaterThan(1);
    for (const [k, v] of Object.entries(items)) expect(itemBytes(k, v)).toBeLessThanOrEqual(CHROME_QUOTAS.perItem);
    expect(decodeArea(items).templates.get('tpl-urdu')).toEqual(t);
  });

  it('forgets tombstones after their time, and a template newer than its tombstone outlives it', () => {
    const now = new Date('2026-12-01T00:00:00.000Z');
    const old = new Date(now.getTime() - (TOMBSTONE_DAYS + 1) * DAY).toISOString();
    const t: Template = {
      id: 'a',
      title: 'A',
      body: 'b',
      shortcut: null,
      tags: [],
      usageCount: 0,
      lastUsedAt: null,
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    const merged = mergeLibraries(
      { templates: [t], tombstones: [{ id: 'old', deletedAt: old }] },
      { templates: [], tombstones: [{ id: 'a', deletedAt: '2026-10-01T00:00:00.000Z' }] },
      now,
    );
    expect(merged.templates.map((x) => x.id)).toEqual(['a']);
    expect(merged.tombstones).toEqual([]);
    expect(merged.tombstonesChanged).toBe(true);
  });
});
