import { storage } from 'wxt/utils/storage';
import type { WxtBrowser } from 'wxt/browser';
import { onRevision, type GigSaathiDB } from '@/utils/platform/db';
import { dueReminders, LATE_REMINDER_MS, REMINDER_PREFIX, reminderPlan, syncReminders } from './reminders';
import { getSettings } from '@/utils/platform/settings';

/** Names of reminders already shown, so a restart or a re-sync never shows one twice. */
const shownItem = storage.defineItem<string[]>('local:remindersShown', { fallback: [] });
const KEEP_SHOWN = 500;

type Api = Pick<WxtBrowser, 'alarms' | 'notifications' | 'runtime' | 'storage'>;

export async function resyncReminders(api: Api, db: GigSaathiDB, now = Date.now()) {
  const [orders, settings, shown] = await Promise.all([db.orders.toArray(), getSettings(), shownItem.getValue()]);
  return syncReminders({ alarms: api.alarms }, reminderPlan(orders, settings, now), new Set(shown));
}

/** Shows every reminder now due (the order still as planned), once each; then arms the next. */
export async function showDueReminders(api: Api, db: GigSaathiDB, now = Date.now()): Promise<string[]> {
  const [orders, settings, shown] = await Promise.all([db.orders.toArray(), getSettings(), shownItem.getValue()]);
  // Planned again from the orders as they are now: one delivered meanwhile has no reminder left.
  const due = dueReminders(reminderPlan(orders, settings, now - LATE_REMINDER_MS), new Set(shown), now);
  if (due.length > 0) await shownItem.setValue([...shown, ...due.map((r) => r.name)].slice(-KEEP_SHOWN));
  for (const reminder of due) {
    await api.notifications.create(reminder.name, {
      type: 'basic',
      iconUrl: api.runtime.getURL('/icon/128.png'),
      title: reminder.title,
      message: reminder.message,
    });
  }
  await resyncReminders(api, db, now);
  return due.map((r) => r.name);
}

/**
 * Deadline and clearing reminders: one alarm for the next, shown once each. Re-planned when the
 * orders' revision or the settings change, whoever wrote them (a capture, an edit, an import).
 */
export function setUpReminders(api: Api, db: GigSaathiDB, clock: () => number = Date.now): void {
  const sync = () =>
    void showDueReminders(api, db, clock()).catch((e: unknown) => console.info('[GigSaathi] reminders:', e));
  api.runtime.onStartup.addListener(sync);
  api.runtime.onInstalled.addListener(sync);
  onRevision(
    api.storage,
    { tables: ['orders'], keys: ['settings'] },
    () => void resyncReminders(api, db, clock()).catch((e: unknown) => console.info('[GigSaathi] reminders:', e)),
  );
  api.alarms.onAlarm.addListener((alarm) => {
    // The one alarm, or one an earlier version left: either way, what is due now is shown.
    if (alarm.name.startsWith(REMINDER_PREFIX)) sync();
  });
}
