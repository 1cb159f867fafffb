import type { WxtBrowser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { onRevision, readRevision, type GigSaathiDB } from '@/utils/platform/db';
import { getStampedSettings, saveSettings } from '@/utils/platform/settings';
import { createSyncEngine, type SyncArea } from './engine.background';
import { syncState } from './state';

export const SYNC_RETRY_ALARM = 'gigsaathi-sync-retry';
export const SYNC_USAGE_ALARM = 'gigsaathi-sync-usage';
const markItem = storage.defineItem<string>('local:syncLocalMark', { fallback: '' });
/** A burst of edits (typing in the options page saves on each Save, an import writes once) waits this long. */
const LOCAL_QUIET_MS = 3_000;
/** Sync delivers a write's items one by one; wait for the rest of them. */
const REMOTE_QUIET_MS = 1_000;

/**
 * Templates and settings through the browser's own sync (Chrome Sync, Firefox Sync): no server
 * of ours. Runs at start when the data changed since the last run, a few seconds after local
 * changes, when sync brings a change, and when an alarm it asked for fires.
 */
export function setUpSync(
  browser: Pick<WxtBrowser, 'alarms' | 'storage'>,
  db: GigSaathiDB,
  { localQuietMs = LOCAL_QUIET_MS, remoteQuietMs = REMOTE_QUIET_MS } = {},
): void {
  const area = browser.storage.sync as unknown as SyncArea;
  const engine = createSyncEngine({
    area,
    db,
    settings: {
      read: getStampedSettings,
      write: async ({ settings, updatedAt }) => {
        await saveSettings(settings, updatedAt);
      },
    },
    status: { get: syncState.status, set: syncState.setStatus },
    prefs: { get: syncState.prefs },
    later: (reason, delayMs) => {
      const name = reason === 'usage' ? SYNC_USAGE_ALARM : SYNC_RETRY_ALARM;
      void browser.alarms.get(name).then((existing) => {
        // The usage alarm keeps its first time, or a seller sending all day would never flush.
        if (existing && reason === 'usage') return;
        // Chrome's alarms fire no sooner than 30 s after they are set.
        void browser.alarms.create(name, { when: Date.now() + Math.max(30_000, delayMs) });
      });
    },
  });
  // What this browser's data was when sync last ran: the tables' revisions and the settings' stamp.
  const localMark = async () =>
    JSON.stringify([
      await readRevision('templates'),
      await readRevision('tombstones'),
      (await getStampedSettings()).updatedAt,
    ]);
  const run = async (flushUsage = false) => {
    try {
      const mark = await localMark();
      const result = await engine.run({ flushUsage });
      if (result.kind === 'done') await markItem.setValue(mark);
    } catch (e) {
      console.error('[GigSaathi] sync run failed', e);
    }
  };

  let remoteTimer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync') {
      clearTimeout(remoteTimer);
      remoteTimer = setTimeout(() => void run(), remoteQuietMs);
    } else if (areaName === 'local' && 'syncPrefs' in changes) void run();
  });
  onRevision(
    browser.storage,
    { tables: ['templates', 'tombstones'], keys: ['settings'], delayMs: localQuietMs },
    () => void run(),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) void run();
    if (alarm.name === SYNC_USAGE_ALARM) void run(true);
  });
  // The background stops when idle (MV3), and a change made in the seconds before may not have
  // been sent: at start it runs if the data changed since the last run, and only then, since the
  // background starts for every message a page sends. A change sync brings wakes it on its own.
  setTimeout(
    () =>
      void Promise.all([localMark(), markItem.getValue()]).then(([now, last]) => {
        if (now !== last) void run();
      }),
    remoteQuietMs,
  );
}
