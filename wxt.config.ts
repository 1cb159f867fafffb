import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'GigSaathi',
    description:
      'Templates, PKR prices, gig SEO checks and an earnings dashboard for Pakistani freelancers on Fiverr and Upwork.',
    // Only what the features use; the sites' own hosts come from the content scripts' matches.
    permissions: ['storage', 'alarms'],
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
