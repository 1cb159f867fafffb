import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GigSaathiDB } from '@/utils/platform/db';
import { saveSettings } from '@/utils/platform/settings';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { saveTemplate } from '@/utils/templates/store';
import { setUpSync } from '@/utils/sync/sync.background';
import { syncState } from '@/utils/sync/state';
import { decodeArea } from '@/utils/sync/pack';

const dbs: GigSaathiDB[] = [];
afterEach(async () => {
  // Let a run the last change started finish before its database closes.
  await new Promise((r) => setTimeout(r, 300));
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const area = () => fakeBrowser.storage.sync.get(null) as Promise<Record<string, unknown>>;

describe('sync in the background (fake browser)', () => {
  it('sends a saved template and the settings a moment after the change, and its status says so', async () => {
    const db = new GigSaathiDB(`sync-bg-${Math.random().toString(36).slice(2)}`);
    dbs.push(db);
    setUpSync(fakeBrowser as never, db, { localQuietMs: 50, remoteQuietMs: 20 });
    await saveTemplate(db, { id: 'tpl-1', title: 'Hello', body: 'Hi there', shortcut: '/hello' });
    await saveSettings({ ...DEFAULT_SETTINGS, myName: 'Bilal' });
    await expect
      .poll(async () => decodeArea(await area()).templates.get('tpl-1')?.title, { timeout: 3000 })
      .toBe('Hello');
    expect(decodeArea(await area()).settings?.settings.myName).toBe('Bilal');
    await expect.poll(async () => (await syncState.status()).synced).toBe(1);
    expect((await syncState.status()).lastSentAt).not.toBeNull();
  });

  it('takes a change that arrives from sync, and with sync switched off writes nothing', async () => {
    const db = new GigSaathiDB(`sync-bg-${Math.random().toString(36).slice(2)}`);
    dbs.push(db);
    setUpSync(fakeBrowser as never, db, { localQuietMs: 50, remoteQuietMs: 20 });
    const other = new GigSaathiDB(`sync-bg-other-${Math.random().toString(36).slice(2)}`);
    dbs.push(other);
    // What another browser wrote, as its items.
    const { encodeTemplate } = await import('@/utils/sync/pack');
    const t = await saveTemplate(other, { id: 'from-office', title: 'From the office', body: 'Hi', shortcut: null });
    await fakeBrowser.storage.sync.set(encodeTemplate(t, 8192));
    await expect
      .poll(async () => (await db.templates.get('from-office'))?.title, { timeout: 3000 })
      .toBe('From the office');
    expect((await syncState.status()).lastReceivedAt).not.toBeNull();

    await syncState.setEnabled(false);
    await sleep(100);
    const before = JSON.stringify(await area());
    await saveTemplate(db, { id: 'tpl-2', title: 'Stays here', body: 'x', shortcut: null });
    await sleep(300);
    expect(JSON.stringify(await area())).toBe(before);
  });

  it('at a restart runs only when the data changed since the last run', async () => {
    const db = new GigSaathiDB(`sync-bg-${Math.random().toString(36).slice(2)}`);
    dbs.push(db);
    // Quiet times longer than the test: only the start of each background can send.
    const start = () => setUpSync(fakeBrowser as never, db, { localQuietMs: 600_000, remoteQuietMs: 20 });
    await saveTemplate(db, { id: 'tpl-1', title: 'Hello', body: 'Hi there', shortcut: null });
    start();
    await expect.poll(async () => decodeArea(await area()).templates.has('tpl-1'), { timeout: 3000 }).toBe(true);
    await sleep(100);
    // A restart with nothing new does not even read sync.
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    start();
    await sleep(200);
    expect(get).not.toHaveBeenCalled();
    // A change the stopped background never sent (its quiet time had not passed) goes at the next start.
    await saveTemplate(db, { id: 'tpl-2', title: 'Unsent', body: 'x', shortcut: null });
    await sleep(50);
    expect(decodeArea(await area()).templates.has('tpl-2')).toBe(false);
    start();
    await expect.poll(async () => decodeArea(await area()).templates.has('tpl-2'), { timeout: 3000 }).toBe(true);
  });
});
