import type { WxtBrowser } from 'wxt/browser';
import { PPH_MATCHES } from '@/utils/sites/peopleperhour';

/**
 * Sites whose host permission is optional (#23): the seller switches one on in the options page,
 * which asks the browser for its host permission; with it granted, its content script is
 * registered here, and unregistered when the permission goes (revoked in the browser's own
 * settings too). The manifest lists their hosts only as optional (wxt.config.ts), so installing
 * GigSaathi asks for none of them.
 */
export const OPTIONAL_SITES = {
  peopleperhour: {
    origins: PPH_MATCHES,
    script: {
      id: 'gigsaathi-peopleperhour',
      js: ['content-scripts/peopleperhour.js'],
      matches: PPH_MATCHES,
      runAt: 'document_idle' as const,
    },
  },
} as const;
export type OptionalSite = keyof typeof OPTIONAL_SITES;

type Api = Pick<WxtBrowser, 'permissions' | 'scripting' | 'runtime'>;

/** Registers each optional site's script where its permission is granted, and only there. */
export async function syncOptionalSites(api: Pick<Api, 'permissions' | 'scripting'>): Promise<void> {
  for (const site of Object.values(OPTIONAL_SITES)) {
    const granted = await api.permissions.contains({ origins: [...site.origins] });
    const registered = await api.scripting.getRegisteredContentScripts({ ids: [site.script.id] });
    if (granted && registered.length === 0)
      await api.scripting.registerContentScripts([
        { ...site.script, js: [...site.script.js], matches: [...site.script.matches] },
      ]);
    else if (!granted && registered.length > 0) await api.scripting.unregisterContentScripts({ ids: [site.script.id] });
  }
}

export function setUpOptionalSites(api: Api): void {
  const sync = () => void syncOptionalSites(api).catch((e: unknown) => console.info('[GigSaathi] optional sites:', e));
  api.permissions.onAdded.addListener(sync);
  api.permissions.onRemoved.addListener(sync);
  // Firefox forgets registered scripts when it restarts; Chrome keeps them. Either way, at start.
  sync();
}
