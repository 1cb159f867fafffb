import { browser } from 'wxt/browser';
import { getDb } from '@/utils/platform/db';
import { installStarterTemplates } from '@/utils/templates/store';
import { setUpTemplateMenu } from '@/utils/templates/menu.background';
import { setUpReminders } from '@/utils/orders/reminders.background';
import { setUpSummary } from '@/utils/orders/summary.background';
import { setUpNotices } from '@/utils/platform/notices';
import { setUpSync } from '@/utils/sync/sync.background';
import { setUpLearnedMarkups } from '@/utils/payouts/markups.background';
import { setUpOptionalSites } from '@/utils/platform/runner/optional-sites.background';
import { REFRESH_ALARM, REFRESH_EVERY_MINUTES, refreshRates } from '@/utils/rates/store';
import { createRouter, isEnvelope } from '@/utils/platform/messaging/router';
import { createHandlers } from './handlers';

export default defineBackground(() => {
  setUpTemplateMenu(browser);
  setUpReminders(browser, getDb());
  setUpSummary(browser, getDb());
  setUpNotices(browser);
  setUpSync(browser, getDb());
  setUpLearnedMarkups(browser, getDb());
  setUpOptionalSites(browser);

  // Rates: refreshed by the background only, every 6 hours (and at install), never by a page.
  const refresh = () =>
    refreshRates((url, init) => fetch(url, init), { minAgeMs: (REFRESH_EVERY_MINUTES - 5) * 60_000 }).catch(() => {});
  void browser.alarms.get(REFRESH_ALARM).then((alarm) => {
    if (!alarm)
      void browser.alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes: REFRESH_EVERY_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refresh();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void refresh();
    installStarterTemplates(getDb()).catch((e: unknown) =>
      console.error('[GigSaathi] installing starter templates failed', e),
    );
  });
  const route = createRouter(createHandlers(getDb()), browser.runtime.id);
  // webextension-polyfill's contract: a listener answers by returning a promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEnvelope(message)) return undefined;
    return route(message, sender);
  });
});
