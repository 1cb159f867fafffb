import type { WxtBrowser } from 'wxt/browser';
import { onRevision, type GigSaathiDB } from '@/utils/platform/db';
import { getStampedSettings, saveSettings } from '@/utils/platform/settings';
import { createSyncEngine, type SyncArea } from './engine.background';
import { syncState } from './state';

export const SYNC_RETRY_ALARM = 'gigsaathi-sync-retry';
export const SYNC_USAGE_ALARM = 'gigsaathi-sync-usage';
/** A burst of edits (typing in the options page saves on each Save, an import writes once) waits this long. */
const LOCAL_QUIET_MS = 3_000;
/** Sync delivers a write's items one by one; wait for the rest of them. */
const REMOTE_QUIET_MS = 1_000;

/**
 * Templates and settings through the browser's own sync (Chrome Sync, Firefox Sync): no server
 * of ours. Runs at start, a few seconds after local changes, when sync brings a change, and when
 * an alarm it asked for fires.
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
  const run = (flushUsage = false) =>
    engine.run({ flushUsage }).catch((e: unknown) => console.error('[GigSaathi] sync run failed', e));

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
  // At every start of the background: a change made just before it was stopped, or one sync
  // brought while it slept, is taken now.
  setTimeout(() => void run(), remoteQuietMs);
}
