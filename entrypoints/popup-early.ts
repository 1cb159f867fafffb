import { EARLY_DASHBOARD_MESSAGE, holdEarlyDashboard } from '@/utils/orders/ui/early';

type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * Loaded by popup.html before its bundle: asks the background for the dashboard's figures at once
 * (utils/orders/ui/early.ts). The browser's own API, not the polyfill: both browsers' runtime
 * messaging returns a promise here (Chrome MV3, Firefox), and the polyfill would be most of this
 * script. The reply is validated where it is used (utils/orders/ui/figures.ts).
 */
export default defineUnlistedScript(() => {
  const g = globalThis as { browser?: Runtime; chrome?: Runtime };
  const api = g.browser ?? g.chrome;
  if (api) holdEarlyDashboard(api.runtime.sendMessage(EARLY_DASHBOARD_MESSAGE));
});
