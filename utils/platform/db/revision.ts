import { storage } from 'wxt/utils/storage';

/**
 * A revision per table, bumped after each burst of writes to it from any of our pages or the
 * background. Whatever depends on a table (the dashboard's kept figures, the reminders) follows
 * its revision in storage, so no writer has to remember to tell them.
 */
export function revisionKey(table: string): string {
  // `ordersRevision` is the key the orders' revision had before every table had one.
  return `${table}Revision`;
}

function item(table: string) {
  return storage.defineItem<string>(`local:${revisionKey(table)}`, { fallback: '' });
}

export function readRevision(table: string): Promise<string> {
  return item(table).getValue();
}

export async function bumpRevision(table: string): Promise<void> {
  await item(table).setValue(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
}
