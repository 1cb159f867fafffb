import { defineConfig } from 'wxt';

/**
 * Sites the seller switches on (#23): their content scripts are registered at runtime
 * (entrypoints/peopleperhour.content), which WXT would add to the required host permissions.
 * Moved to the optional ones here, so installing asks for none of them.
 */
const OPTIONAL_HOSTS = ['https://*.peopleperhour.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // Runs before WXT turns a Manifest V2 (Firefox) manifest's host_permissions into permissions.
      const required = (list: string[] | undefined) => list?.filter((p) => !OPTIONAL_HOSTS.includes(p));
      manifest.host_permissions = required(manifest.host_permissions);
      if (manifest.manifest_version === 3) {
        manifest.optional_host_permissions = [...(manifest.optional_host_permissions ?? []), ...OPTIONAL_HOSTS];
      } else {
        manifest.optional_permissions = [
          ...((manifest.optional_permissions as string[] | undefined) ?? []),
          ...OPTIONAL_HOSTS,
        ] as typeof manifest.optional_permissions;
      }
    },
  },
  manifest: ({ browser }) => ({
    // The browser shows these in its own language (public/_locales); everything else follows the
    // language setting (utils/platform/i18n), which browser.i18n cannot do.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what the features use; the sites' own hosts come from the content scripts' matches.
    // contextMenus + activeTab + scripting: "Insert template" on other sites, for the tab the
    // user acted on only, with no host permission.
    // notifications: deadline and clearing reminders (switchable in settings).
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    // The sites we serve (already asked for by the content scripts, so no new warning): lets the
    // menu and command reach Fiverr/Upwork frames too. Everything else only through activeTab.
    host_permissions: [
      'https://*.fiverr.com/*',
      'https://*.upwork.com/*',
      // Exchange rates, fetched by the background only (shared/FACTS.md); on jsDelivr only the
      // one package path we read, not every file it serves.
      'https://open.er-api.com/*',
      // The latest file and the dated ones (`@2026-11-20`): past days' rates for withdrawals' markups.
      'https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@*',
      'https://latest.currency-api.pages.dev/*',
    ],
    commands: {
      'open-template-picker': {
        suggested_key: { default: 'Ctrl+Shift+Space', mac: 'MacCtrl+Shift+Space' },
        description: '__MSG_commandInsert__',
      },
    },
    web_accessible_resources: [
      // The template picker is a page of ours framed on the sites' pages, so the seller's templates
      // and typing stay out of the page's reach (utils/templates/frame.page.ts); on our sites only.
      { resources: ['picker-frame.html'], matches: ['https://*.fiverr.com/*', 'https://*.upwork.com/*'] },
      // The page-world paste helper Firefox needs (utils/platform/insert/main-world.ts), on our sites only.
      ...(browser === 'firefox'
        ? [{ resources: ['paste-main-world.js'], matches: ['https://*.fiverr.com/*', 'https://*.upwork.com/*'] }]
        : []),
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gigsaathi@gigsaathi.app',
              strict_min_version: '115.0',
              // Required of new Firefox add-ons since 2025: we collect nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
