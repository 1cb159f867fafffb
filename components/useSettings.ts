import { useEffect, useState } from 'react';
import type { Settings } from '@/utils/schema';
import { getSettings, watchSettings } from '@/utils/platform/settings';

/** The current settings, kept live (null until first read). */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    getSettings()
      .then((s) => alive && setSettings(s))
      .catch((e: unknown) => console.error('[GigSaathi] reading settings failed', e));
    const unwatch = watchSettings((s) => alive && setSettings(s));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return settings;
}
