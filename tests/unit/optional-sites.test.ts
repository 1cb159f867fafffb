import { describe, expect, it } from 'vitest';
import { OPTIONAL_SITES, syncOptionalSites } from '@/utils/platform/runner/optional-sites.background';

/** The permissions and scripting APIs as the background sees them: a granted set and a registry. */
function fakeApi(granted: boolean) {
  const registered = new Map<string, unknown>();
  const state = { granted };
  const api = {
    permissions: {
      contains: async ({ origins }: { origins: string[] }) =>
        state.granted && origins.every((o) => o === 'https://*.peopleperhour.com/*'),
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.filter((id) => registered.has(id)).map((id) => registered.get(id)),
      registerContentScripts: async (scripts: { id: string }[]) => {
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) registered.delete(id);
      },
    },
  };
  return { api: api as unknown as Parameters<typeof syncOptionalSites>[0], registered, state };
}

describe('optional sites', () => {
  it('registers PeoplePerHour’s script only while its permission is granted, once', async () => {
    const { api, registered, state } = fakeApi(false);
    await syncOptionalSites(api);
    expect(registered.size).toBe(0);
    state.granted = true;
    await syncOptionalSites(api);
    await syncOptionalSites(api);
    expect([...registered.values()]).toEqual([
      {
        id: 'gigsaathi-peopleperhour',
        js: ['content-scripts/peopleperhour.js'],
        matches: ['https://*.peopleperhour.com/*'],
        runAt: 'document_idle',
      },
    ]);
    state.granted = false;
    await syncOptionalSites(api);
    expect(registered.size).toBe(0);
  });

  it('asks for PeoplePerHour only, never all sites', () => {
    expect(OPTIONAL_SITES.peopleperhour.origins).toEqual(['https://*.peopleperhour.com/*']);
  });
});
