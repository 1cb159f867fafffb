import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db';
import { createRouter, isEnvelope } from '@/utils/messaging/router';
import { createHandlers } from './handlers';

export default defineBackground(() => {
  const route = createRouter(createHandlers(getDb()), browser.runtime.id);
  // webextension-polyfill's contract: a listener answers by returning a promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEnvelope(message)) return undefined;
    return route(message, sender);
  });
});
