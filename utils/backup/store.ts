import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { getDb, type GigSaathiDB } from '@/utils/platform/db';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupSchema,
  describeIssues,
  OrderSchema,
  TemplateSchema,
  type Backup,
  type Settings,
  upgradeLegacySettings,
} from '@/utils/schema';

/** A year of heavy use is a few MB; 50 MB leaves room for 100,000+ orders while refusing junk early. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

function findDuplicate(records: ReadonlyArray<{ id: string }>, list: string, key: (r: never) => string | null) {
  const seen = new Map<string, number>();
  for (const [i, r] of records.entries()) {
    const k = key(r as never);
    if (k === null) continue;
    const before = seen.get(k);
    if (before !== undefined) return { index: i, before, value: k, list };
    seen.set(k, i);
  }
  return null;
}

/**
 * Checks a backup file's text completely before anything touches the database: a file with any
 * problem is rejected whole, with a message naming the problem and the record.
 */
export function parseBackupText(text: string, byteLength = new TextEncoder().encode(text).length): ParseResult {
  if (byteLength > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      error: `The file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; a GigSaathi backup is at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB.`,
    };
  }
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `The file is not valid JSON (is it complete?): ${detail}` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: `Not a GigSaathi backup: expected an object with "format": "${BACKUP_FORMAT}".` };
  }
  const head = raw as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) {
    return { ok: false, error: `Not a GigSaathi backup: "format" must be "${BACKUP_FORMAT}".` };
  }
  if (head.version !== BACKUP_VERSION) {
    return {
      ok: false,
      error: `Unsupported backup version ${JSON.stringify(head.version)}: this GigSaathi reads version ${BACKUP_VERSION}.`,
    };
  }
  const parsed = validateBackup(raw);
  if (!parsed.ok) return parsed;
  const backup = parsed.backup;
  const dup =
    findDuplicate(backup.templates, 'templates', (t: { id: string }) => t.id) ??
    findDuplicate(backup.orders, 'orders', (o: { id: string }) => o.id) ??
    findDuplicate(backup.withdrawals, 'withdrawals', (w: { id: string }) => w.id) ??
    findDuplicate(backup.costs, 'costs', (c: { id: string }) => c.id);
  if (dup) {
    return {
      ok: false,
      error: `${dup.list}[${dup.index}].id: duplicate id ${JSON.stringify(dup.value)} (also ${dup.list}[${dup.before}])`,
    };
  }
  // One order twice (by the platform's own id) would be two records of one sale.
  const dupOrder = findDuplicate(backup.orders, 'orders', (o: { platform: string; externalId?: string }) =>
    o.externalId ? `${o.platform} ${o.externalId}` : null,
  );
  if (dupOrder) {
    return {
      ok: false,
      error: `orders[${dupOrder.index}] and orders[${dupOrder.before}] are the same ${dupOrder.value.replace(' ', ' order ')}`,
    };
  }
  const dupShortcut = findDuplicate(backup.templates, 'templates', (t: { shortcut: string | null }) => t.shortcut);
  if (dupShortcut) {
    return {
      ok: false,
      error: `templates[${dupShortcut.index}].shortcut: the shortcut ${dupShortcut.value} is also used by templates[${dupShortcut.before}]`,
    };
  }
  return { ok: true, backup };
}

/** After this many bad records a file is plainly not a backup; checking the rest only costs time. */
const MAX_BAD_RECORDS = 20;

const BackupHeadSchema = z.object({
  ...BackupSchema.shape,
  templates: z.array(z.unknown(), { error: 'expected a list of templates' }),
  orders: z.array(z.unknown(), { error: 'expected a list of orders' }),
});

/**
 * Validates the frame first, then record by record, so a 10 MB file of junk is refused in
 * moments instead of zod collecting millions of issues.
 */
function validateBackup(file: unknown): ParseResult {
  // Backups made before routes (#23) carry the one withdrawal model of then.
  const raw =
    file !== null && typeof file === 'object' && 'settings' in file
      ? { ...file, settings: upgradeLegacySettings(file.settings) }
      : file;
  const head = BackupHeadSchema.safeParse(raw);
  if (!head.success) return { ok: false, error: describeIssues(head.error.issues) };
  const issues: $ZodIssue[] = [];
  let bad = 0;
  const check = <T>(list: 'templates' | 'orders', schema: z.ZodMiniType<T>, records: unknown[]): T[] => {
    const out: T[] = [];
    for (const [i, record] of records.entries()) {
      if (bad >= MAX_BAD_RECORDS) break;
      const r = schema.safeParse(record);
      if (r.success) out.push(r.data);
      else {
        bad++;
        for (const issue of r.error.issues) issues.push({ ...issue, path: [list, i, ...issue.path] });
      }
    }
    return out;
  };
  const templates = check('templates', TemplateSchema, head.data.templates);
  const orders = check('orders', OrderSchema, head.data.orders);
  if (issues.length > 0) {
    const more = bad >= MAX_BAD_RECORDS ? ' Checking stopped there: more records may be invalid.' : '';
    return { ok: false, error: describeIssues(issues) + more };
  }
  return { ok: true, backup: { ...head.data, templates, orders } };
}

export async function exportBackup(db: GigSaathiDB, settings: Settings, now = new Date()): Promise<Backup> {
  return db.transaction('r', [db.templates, db.orders, db.gigKeywords, db.withdrawals, db.costs], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    templates: await db.templates.orderBy('id').toArray(),
    orders: await db.orders.orderBy('id').toArray(),
    settings,
    gigKeywords: await db.gigKeywords.orderBy('slug').toArray(),
    withdrawals: await db.withdrawals.orderBy('id').toArray(),
    costs: await db.costs.orderBy('id').toArray(),
  }));
}

export function backupFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `gigsaathi-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** What importing a file will do, shown before anything is written. */
export interface ImportPreview {
  templates: { added: number; replaced: number };
  orders: { added: number; replaced: number };
  withdrawals: { added: number; replaced: number };
  /** Shortcuts the file's templates take from templates it does not replace. */
  shortcutConflicts: { shortcut: string; from: string }[];
  /** Whether the file carries settings (which are replaced only if the seller asks). */
  hasSettings: boolean;
}

export async function previewImport(db: GigSaathiDB, backup: Backup): Promise<ImportPreview> {
  return db.transaction('r', [db.templates, db.orders, db.withdrawals], async () => {
    const templateIds = new Set(await db.templates.toCollection().primaryKeys());
    const orderIds = new Set(await db.orders.toCollection().primaryKeys());
    const withdrawalIds = new Set(await db.withdrawals.toCollection().primaryKeys());
    const incoming = new Set(backup.templates.map((t) => t.id));
    const shortcutConflicts: ImportPreview['shortcutConflicts'] = [];
    for (const t of backup.templates) {
      if (t.shortcut === null) continue;
      const holder = await db.templates.where('shortcut').equals(t.shortcut).first();
      if (holder && holder.id !== t.id && !incoming.has(holder.id))
        shortcutConflicts.push({ shortcut: t.shortcut, from: holder.title });
    }
    const replaced = (ids: Set<unknown>, list: ReadonlyArray<{ id: string }>) =>
      list.filter((r) => ids.has(r.id)).length;
    const t = replaced(templateIds, backup.templates);
    const o = replaced(orderIds, backup.orders);
    const w = replaced(withdrawalIds, backup.withdrawals);
    return {
      withdrawals: { added: backup.withdrawals.length - w, replaced: w },
      templates: { added: backup.templates.length - t, replaced: t },
      orders: { added: backup.orders.length - o, replaced: o },
      shortcutConflicts,
      hasSettings: backup.settings !== undefined,
    };
  });
}

export interface ImportSummary {
  templates: { added: number; updated: number };
  orders: { added: number; updated: number };
  withdrawals: { added: number; updated: number };
  /** Shortcuts the backup took from templates it does not replace; those keep all but the shortcut. */
  shortcutsMoved: { shortcut: string; from: string }[];
}

const CHUNK = 500;

/** Where settings are kept (browser.storage.local through utils/platform/settings), passed in for tests. */
export interface SettingsStore {
  get(): Promise<Settings>;
  save(settings: Settings): Promise<unknown>;
}

/**
 * The whole import as one step: the records in one transaction, and the file's settings only when
 * `replaceSettings`, written first and put back as they were if the records then fail. Settings
 * live in extension storage, outside IndexedDB's transaction, so this is how both or neither land.
 */
export async function importAll(
  db: GigSaathiDB,
  backup: Backup,
  {
    replaceSettings = false,
    settings,
    onProgress,
  }: {
    replaceSettings?: boolean;
    settings: SettingsStore;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportSummary & { settingsReplaced: boolean }> {
  const incoming = replaceSettings ? backup.settings : undefined;
  const before = incoming ? await settings.get() : null;
  if (incoming) await settings.save(incoming);
  try {
    return { ...(await importBackup(db, backup, onProgress)), settingsReplaced: incoming !== undefined };
  } catch (e) {
    if (before) await settings.save(before);
    throw e;
  }
}

/**
 * Merges by id in one transaction: a record with a known id replaces it, a new id is added, so
 * importing the same file twice adds nothing. Any failure rolls the whole import back.
 */
export async function importBackup(
  db: GigSaathiDB,
  backup: Backup,
  onProgress?: (done: number, total: number) => void,
  now = new Date(),
): Promise<ImportSummary> {
  const total = backup.templates.length + backup.orders.length;
  let done = 0;
  const tables = [db.templates, db.orders, db.gigKeywords, db.tombstones, db.withdrawals, db.costs];
  return db.transaction('rw', tables, async () => {
    const summary: ImportSummary = {
      templates: { added: 0, updated: 0 },
      orders: { added: 0, updated: 0 },
      withdrawals: { added: 0, updated: 0 },
      shortcutsMoved: [],
    };

    // A restored backup is what the user asked for: where one of its shortcuts is held by a
    // template it does not replace (a starter, say), the backup gets the shortcut and the other
    // template keeps everything else. Nothing is lost, and uniqueness holds.
    const incomingIds = new Set(backup.templates.map((t) => t.id));
    for (const t of backup.templates) {
      if (t.shortcut === null) continue;
      const holder = await db.templates.where('shortcut').equals(t.shortcut).first();
      if (holder && holder.id !== t.id && !incomingIds.has(holder.id)) {
        await db.templates.update(holder.id, { shortcut: null });
        summary.shortcutsMoved.push({ shortcut: t.shortcut, from: holder.title });
      }
    }

    const existingTemplates = new Set(await db.templates.toCollection().primaryKeys());
    const existingOrders = new Set(await db.orders.toCollection().primaryKeys());
    for (const t of backup.templates) summary.templates[existingTemplates.has(t.id) ? 'updated' : 'added']++;
    for (const o of backup.orders) summary.orders[existingOrders.has(o.id) ? 'updated' : 'added']++;
    const existingWithdrawals = new Set(await db.withdrawals.toCollection().primaryKeys());
    for (const w of backup.withdrawals) summary.withdrawals[existingWithdrawals.has(w.id) ? 'updated' : 'added']++;

    // Replaced templates may swap shortcuts among themselves: clear theirs first so the unique
    // index never sees a transient duplicate.
    const replaced = backup.templates.filter((t) => existingTemplates.has(t.id)).map((t) => t.id);
    if (replaced.length > 0) await db.templates.bulkDelete(replaced);

    // A template the seller deleted and now restores from a file is an edit made now: stamped so,
    // its deletion cannot win over it when sync meets the two (utils/sync).
    const buried = new Set(
      (await db.tombstones.bulkGet(backup.templates.map((t) => t.id))).flatMap((t) => (t ? [t.id] : [])),
    );
    const templates = backup.templates.map((t) => (buried.has(t.id) ? { ...t, updatedAt: now.toISOString() } : t));
    if (buried.size > 0) await db.tombstones.bulkDelete([...buried]);
    for (let i = 0; i < templates.length; i += CHUNK) {
      const chunk = templates.slice(i, i + CHUNK);
      await db.templates.bulkPut(chunk);
      done += chunk.length;
      onProgress?.(done, total);
    }
    for (let i = 0; i < backup.orders.length; i += CHUNK) {
      const chunk = backup.orders.slice(i, i + CHUNK);
      await db.orders.bulkPut(chunk);
      done += chunk.length;
      onProgress?.(done, total);
    }
    await db.gigKeywords.bulkPut(backup.gigKeywords);
    await db.withdrawals.bulkPut(backup.withdrawals);
    await db.costs.bulkPut(backup.costs);
    return summary;
  });
}

/** The backup as the options page makes and restores it, on the one database. */
export const backupStore = {
  export: (settings: Settings) => exportBackup(getDb(), settings),
  preview: (backup: Backup) => previewImport(getDb(), backup),
  import: (backup: Backup, options: Parameters<typeof importAll>[2]) => importAll(getDb(), backup, options),
};
