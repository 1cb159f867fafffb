import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db';
import { installStarterTemplates } from '@/utils/db/templates';
import { setUpTemplateMenu } from '@/utils/background/template-menu';
import { createRouter, isEnvelope } from '@/utils/messaging/router';
import { createHandlers } from './handlers';

export default defineBackground(() => {
  setUpTemplateMenu(browser);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
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
