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

type StorageEvents = { onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void } };

/**
 * Runs `run` after the tables' revisions (or the other local storage `keys`) change, once per
 * burst of changes (`delayMs` after the last). The one way a background part follows the data.
 */
export function onRevision(
  storageApi: StorageEvents,
  { tables, keys = [], delayMs = 500 }: { tables: string[]; keys?: string[]; delayMs?: number },
  run: () => void,
): void {
  const watched = [...tables.map(revisionKey), ...keys];
  let timer: ReturnType<typeof setTimeout> | undefined;
  storageApi.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !watched.some((key) => key in changes)) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
}

/**
 * Calls `changed` after each write to `table`, from an extension page that does not open the
 * database itself (the popup); returns the way to stop.
 */
export function watchRevision(table: string, changed: () => void): () => void {
  return item(table).watch(() => changed());
}
