import { storage } from 'wxt/utils/storage';
import { coerceSettings, SettingsSchema, type Settings } from '@/utils/schema';

/** Settings live in browser.storage.local (readable by content scripts, unlike our IndexedDB). */
const item = storage.defineItem<unknown>('local:settings');
/**
 * When the settings were last changed on this browser, or by the browser sync took them from
 * ('' until the seller first saves): the later of two browsers' settings wins (utils/sync).
 */
const stampItem = storage.defineItem<string>('local:settingsUpdatedAt', { fallback: '' });

export async function getSettings(): Promise<Settings> {
  return coerceSettings(await item.getValue());
}

export async function saveSettings(next: unknown, updatedAt = new Date().toISOString()): Promise<Settings> {
  const parsed = SettingsSchema.parse(next);
  // One storage write for both, so no reader sees new settings with the old stamp.
  await storage.setItems([
    { item, value: parsed },
    { item: stampItem, value: updatedAt },
  ]);
  return parsed;
}

/** The settings with when they last changed ('' if never). */
export async function getStampedSettings(): Promise<{ settings: Settings; updatedAt: string }> {
  const [settings, updatedAt] = await Promise.all([getSettings(), stampItem.getValue()]);
  return { settings, updatedAt };
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(change(await getSettings()));
}

/** Calls back with the coerced settings whenever they change; returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback(coerceSettings(value)));
}
