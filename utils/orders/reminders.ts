import { LOCALE_TAGS, translatorFor } from '@/utils/platform/i18n';
import type { Order, Settings } from '@/utils/schema';

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
 * The one alarm reminders use: set for the next reminder due, re-armed after each. Chrome allows
 * an extension 500 alarms at once; one per reminder filled that with 300 orders (#18).
 */
export const NEXT_REMINDER_ALARM = `${REMINDER_PREFIX}next`;

/** How late a reminder may still be shown (the browser was closed when it was due). */
export const LATE_REMINDER_MS = 24 * 3600_000;

/** The reminders to show now: due, not shown yet, and not staler than LATE_REMINDER_MS. */
export function dueReminders(plan: ReadonlyArray<Reminder>, shown: ReadonlySet<string>, now: number): Reminder[] {
  return plan.filter((r) => r.when <= now && r.when > now - LATE_REMINDER_MS && !shown.has(r.name));
}

/**
 * Arms the one alarm for the next reminder not shown yet, or none, and clears any per-reminder
 * alarm an earlier version left. Runs at startup too (alarms do not survive a browser restart
 * reliably): nothing is lost, nothing is doubled.
 */
export async function syncReminders(
  api: ReminderApi,
  plan: ReadonlyArray<Reminder>,
  shown: ReadonlySet<string>,
): Promise<{ next: Reminder | null; cleared: string[] }> {
  const next = plan.filter((r) => !shown.has(r.name)).sort((a, b) => a.when - b.when)[0] ?? null;
  const cleared: string[] = [];
  for (const { name } of await api.alarms.getAll()) {
    if (name.startsWith(REMINDER_PREFIX) && name !== NEXT_REMINDER_ALARM) {
      await api.alarms.clear(name);
      cleared.push(name);
    }
  }
  if (next) await api.alarms.create(NEXT_REMINDER_ALARM, { when: next.when });
  else await api.alarms.clear(NEXT_REMINDER_ALARM);
  return { next, cleared };
}
