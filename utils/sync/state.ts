import { storage } from 'wxt/utils/storage';
import { SyncPrefsSchema, SyncStatusSchema, type SyncPrefs, type SyncStatus } from '@/utils/schema';

/**
 * This browser's sync switch and what the last run found, in storage.local: the switch is per
 * browser (turning sync off here leaves the others syncing), so it is not among the settings.
 */
const prefsItem = storage.defineItem<unknown>('local:syncPrefs');
const statusItem = storage.defineItem<unknown>('local:syncStatus');

const readPrefs = (raw: unknown): SyncPrefs => SyncPrefsSchema.safeParse(raw ?? {}).data ?? { enabled: true };
const readStatus = (raw: unknown): SyncStatus =>
  SyncStatusSchema.safeParse(raw ?? {}).data ?? SyncStatusSchema.parse({});

export const syncState = {
  prefs: async () => readPrefs(await prefsItem.getValue()),
  setEnabled: (enabled: boolean) => prefsItem.setValue(SyncPrefsSchema.parse({ enabled })),
  status: async () => readStatus(await statusItem.getValue()),
  setStatus: (status: SyncStatus) => statusItem.setValue(SyncStatusSchema.parse(status)),
  watch(changed: (prefs: SyncPrefs, status: SyncStatus) => void): () => void {
    const fire = () => void Promise.all([syncState.prefs(), syncState.status()]).then(([p, s]) => changed(p, s));
    const stops = [prefsItem.watch(fire), statusItem.watch(fire)];
    return () => stops.forEach((stop) => stop());
  },
};
