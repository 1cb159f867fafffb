import { storage } from 'wxt/utils/storage';
import type { WxtBrowser } from 'wxt/browser';
import type { GigSaathiDB } from '../db';
import { REMINDER_PREFIX, reminderPlan, syncReminders } from '../orders/reminders';
import { getSettings } from '../settings';

/** Names of reminders already shown, so a restart or a re-sync never shows one twice. */
const shownItem = storage.defineItem<string[]>('local:remindersShown', { fallback: [] });
const KEEP_SHOWN = 500;

type Api = Pick<WxtBrowser, 'alarms' | 'notifications' | 'runtime'>;

export async function resyncReminders(api: Api, db: GigSaathiDB, now = Date.now()) {
  const [orders, settings, shown] = await Promise.all([db.orders.toArray(), getSettings(), shownItem.getValue()]);
  return syncReminders({ alarms: api.alarms }, reminderPlan(orders, settings, now), new Set(shown));
}

/** Deadline and clearing reminders: scheduled from the database, shown once each. */
export function setUpReminders(api: Api, db: GigSaathiDB): void {
  const sync = () => void resyncReminders(api, db).catch((e: unknown) => console.info('[GigSaathi] reminders:', e));
  api.runtime.onStartup.addListener(sync);
  api.runtime.onInstalled.addListener(sync);
  api.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(REMINDER_PREFIX)) return;
    void (async () => {
      const shown = await shownItem.getValue();
      if (shown.includes(alarm.name)) return;
      // Still true? The order may have been delivered or changed since it was scheduled.
      const orders = await db.orders.toArray();
      // Planned from the epoch: every reminder these orders would have, past ones included.
      const plan = reminderPlan(orders, await getSettings(), 0);
      const reminder = plan.find((r) => r.name === alarm.name);
      if (!reminder) return;
      await shownItem.setValue([...shown, alarm.name].slice(-KEEP_SHOWN));
      await api.notifications.create(alarm.name, {
        type: 'basic',
        iconUrl: api.runtime.getURL('/icon/128.png'),
        title: reminder.title,
        message: reminder.message,
      });
    })();
  });
}
