import { storage } from 'wxt/utils/storage';
import { coerceSettings, SettingsSchema, type Settings } from '@/utils/schema';

/** Settings live in browser.storage.local (readable by content scripts, unlike our IndexedDB). */
const item = storage.defineItem<unknown>('local:settings');

export async function getSettings(): Promise<Settings> {
  return coerceSettings(await item.getValue());
}

export async function saveSettings(next: unknown): Promise<Settings> {
  const parsed = SettingsSchema.parse(next);
  await item.setValue(parsed);
  return parsed;
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(change(await getSettings()));
}

/** Calls back with the coerced settings whenever they change; returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback(coerceSettings(value)));
}
