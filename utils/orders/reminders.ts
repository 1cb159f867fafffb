import { LOCALE_TAGS, translatorFor } from '../i18n';
import type { Order, Settings } from '../schema';

/** One reminder, named so the same one is never scheduled or shown twice. */
export interface Reminder {
  name: string;
  when: number;
  title: string;
  message: string;
}

export const REMINDER_PREFIX = 'gs-reminder:';

/**
 * What should be scheduled now: for each active order, 24 hours and 3 hours before it is due;
 * for each completed order still clearing, when its money clears. Only future times, and only
 * kinds the user has switched on.
 */
export function reminderPlan(orders: ReadonlyArray<Order>, settings: Settings, now: number): Reminder[] {
  const tr = translatorFor(settings.language);
  const dateTag = tr.locale === 'en' ? 'en-GB' : LOCALE_TAGS[tr.locale];
  const out: Reminder[] = [];
  for (const o of orders) {
    if (settings.reminders.deadlines && o.status === 'active' && o.dueAt) {
      const due = Date.parse(o.dueAt);
      for (const hours of [24, 3]) {
        const when = due - hours * 3600_000;
        if (when > now) {
          out.push({
            // The due date is part of the name: a new deadline is a new reminder.
            name: `${REMINDER_PREFIX}due${hours}:${o.id}:${due}`,
            when,
            title: tr.t('reminder.due', { hours, title: o.title }),
            message: tr.t('reminder.dueMessage', {
              client: o.client,
              platform: o.platform,
              date: new Date(due).toLocaleString(dateTag, { dateStyle: 'medium', timeStyle: 'short' }),
            }),
          });
        }
      }
    }
    if (settings.reminders.clearing && o.status === 'completed' && o.clearsAt && !o.withdrawnAt) {
      const when = Date.parse(o.clearsAt);
      if (when > now) {
        out.push({
          name: `${REMINDER_PREFIX}clears:${o.id}:${when}`,
          when,
          title: tr.t('reminder.cleared'),
          message: tr.t('reminder.clearedMessage', {
            amount: String(o.amount),
            currency: o.currency,
            client: o.client,
            title: o.title,
          }),
        });
      }
    }
  }
  return out;
}

export interface ReminderApi {
  alarms: {
    getAll(): Promise<{ name: string }[]>;
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
  };
}

/**
 * Makes the scheduled alarms match the plan: removes stale ones (order changed, delivered,
 * switched off), adds missing ones, skips any already shown. Alarms do not survive a browser
 * restart reliably, so this runs at startup too: nothing is lost, nothing is doubled.
 */
export async function syncReminders(
  api: ReminderApi,
  plan: Reminder[],
  shown: ReadonlySet<string>,
): Promise<{ created: string[]; cleared: string[] }> {
  const wanted = new Map(plan.filter((r) => !shown.has(r.name)).map((r) => [r.name, r]));
  const existing = (await api.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith(REMINDER_PREFIX));
  const cleared: string[] = [];
  for (const name of existing) {
    if (!wanted.has(name)) {
      await api.alarms.clear(name);
      cleared.push(name);
    }
  }
  const created: string[] = [];
  for (const [name, r] of wanted) {
    if (!existing.includes(name)) {
      await api.alarms.create(name, { when: r.when });
      created.push(name);
    }
  }
  return { created, cleared };
}
