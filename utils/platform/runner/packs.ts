import { ensureMessages } from '@/utils/platform/i18n/remote';
import { request } from '@/utils/platform/messaging/client';
import type { PackName } from '@/utils/schema';
import type { Feature } from './types';

type Init = Feature['init'];
type Registry = Partial<Record<PackName, Readonly<Record<string, Init>>>>;

/**
 * The content script and the packs the background injects beside it share one global scope (the
 * extension's isolated world in Chromium, its sandbox in Firefox), but not their modules: each is
 * its own bundle. What they must share lives there, under these keys (Symbol.for names the same
 * symbol in every bundle).
 */
const REGISTRY = Symbol.for('gigsaathi.packs');
const scope = globalThis as { [REGISTRY]?: Registry };
const registry = (): Registry => (scope[REGISTRY] ??= {});
const loading = new Map<PackName, Promise<unknown>>();

/**
 * Called as a site's content script starts: packs a content script of an earlier install left
 * here (before the extension was updated or reloaded) belong to a context that is gone.
 */
export function claimPacks(): void {
  scope[REGISTRY] = {};
  loading.clear();
}

/**
 * In a pack's script: hands its features' starts to the content script that asked for it. The
 * pack has its own copy of the words: the seller's language is fetched into it before a feature
 * shows one, as the content script does for its own (utils/platform/runner/content.ts).
 */
export function registerPack(name: PackName, inits: Readonly<Record<string, Init>>): void {
  registry()[name] = Object.fromEntries(
    Object.entries(inits).map(([id, init]) => [
      id,
      async (context: Parameters<Init>[0]) => {
        await ensureMessages(context.settings.language);
        if (!context.signal.aborted) await init(context);
      },
    ]),
  );
}

/**
 * A feature's start that first has the background inject its pack into this frame, once per page
 * however many features and navigations ask. If the pack cannot be had, the feature stands down.
 */
export function fromPack(name: PackName, id: string): Init {
  return async (context) => {
    if (!registry()[name]) {
      let load = loading.get(name);
      if (!load) {
        load = request('pack.load', { pack: name });
        loading.set(name, load);
        load.catch(() => loading.delete(name));
      }
      try {
        await load;
      } catch (e) {
        return context.log.standDown(`its code could not be loaded (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    if (context.signal.aborted) return;
    const init = registry()[name]?.[id];
    if (!init) return context.log.standDown(`its code (${name}) did not load`);
    return init(context);
  };
}
