/**
 * The popup's first question to the background, sent by a script of a few lines that runs while
 * the popup's bundle still loads (entrypoints/popup-early.ts): 80 KB gzip of React and the rest
 * take ~80 ms to load and run, which came before the background could start on the figures.
 * This module imports nothing, so that script stays that small.
 */
export const EARLY_DASHBOARD_KEY = '__gigsaathiEarlyDashboard';

/** The message, as `request('dashboard.get', {})` sends it (messaging/client.ts). */
export const EARLY_DASHBOARD_MESSAGE = { gigsaathi: 1, type: 'dashboard.get', payload: {} } as const;

type Holder = { [EARLY_DASHBOARD_KEY]?: Promise<unknown> };

export function holdEarlyDashboard(reply: Promise<unknown>): void {
  // Not a failure of the page: the popup asks again itself if this one fails.
  reply.catch(() => undefined);
  (globalThis as Holder)[EARLY_DASHBOARD_KEY] = reply;
}

/** The raw, unvalidated reply the early script is waiting for, once; undefined if it did not run. */
export function takeEarlyDashboard(): Promise<unknown> | undefined {
  const holder = globalThis as Holder;
  const reply = holder[EARLY_DASHBOARD_KEY];
  delete holder[EARLY_DASHBOARD_KEY];
  return reply;
}
