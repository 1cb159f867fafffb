import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { getSettings, saveSettings, updateSettings, watchSettings } from '@/utils/platform/settings';

describe('settings in browser.storage.local', () => {
  it('starts from the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and reads back', async () => {
    await updateSettings((s) => ({ ...s, taxStatus: 'pseb', weeklyOrderLimit: 5 }));
    expect(await getSettings()).toMatchObject({ taxStatus: 'pseb', weeklyOrderLimit: 5 });
    expect(await fakeBrowser.storage.local.get('settings')).toMatchObject({ settings: { taxStatus: 'pseb' } });
  });

  it('refuses invalid settings without touching what is stored', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, myName: 'Sana' });
    await expect(saveSettings({ ...DEFAULT_SETTINGS, weeklyOrderLimit: 0 })).rejects.toThrow();
    expect((await getSettings()).myName).toBe('Sana');
  });

  it('survives a corrupted stored value field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { myName: 'Sana', fees: 'lots', restDay: 'friday' } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, myName: 'Sana', restDay: 'friday' });
  });

  it('tells watchers about changes', async () => {
    const seen = vi.fn();
    const unwatch = watchSettings(seen);
    await updateSettings((s) => ({ ...s, features: { 'x-feature': false } }));
    await vi.waitFor(() =>
      expect(seen).toHaveBeenCalledWith(expect.objectContaining({ features: { 'x-feature': false } })),
    );
    unwatch();
  });
});
