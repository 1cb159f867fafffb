import { getDb, type GigSaathiDB } from '@/utils/platform/db';
import { describeIssues, TemplateSchema, type Template } from '@/utils/schema';
import { byUsage } from './search';

export class DuplicateShortcutError extends Error {
  constructor(
    readonly shortcut: string,
    readonly otherTitle: string,
  ) {
    super(`The shortcut ${shortcut} is already used by the template "${otherTitle}".`);
    this.name = 'DuplicateShortcutError';
  }
}

/** A stored template the schema refuses (written by an older version, or by hand), kept as it is. */
export interface UnreadableTemplate {
  id: string;
  error: string;
}

/**
 * Every stored template, each validated on its own: one that fails the schema is left out (and
 * left in the database, untouched) instead of failing the whole list for the picker and the pages.
 */
export async function readTemplates(
  db: GigSaathiDB,
): Promise<{ templates: Template[]; unreadable: UnreadableTemplate[] }> {
  const templates: Template[] = [];
  const unreadable: UnreadableTemplate[] = [];
  for (const raw of await db.templates.toArray()) {
    const parsed = TemplateSchema.safeParse(raw);
    if (parsed.success) templates.push(parsed.data);
    else
      unreadable.push({
        id: typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '?',
        error: describeIssues(parsed.error.issues),
      });
  }
  return { templates: templates.sort(byUsage), unreadable };
}

/** Most used first, then most recently used, then by title: the order pickers show. */
export async function listTemplates(db: GigSaathiDB): Promise<Template[]> {
  return (await readTemplates(db)).templates;
}

export async function saveTemplate(db: GigSaathiDB, input: unknown, now = new Date()): Promise<Template> {
  const parsed = TemplateSchema.parse(input);
  return db.transaction('rw', db.templates, db.tombstones, async () => {
    if (parsed.shortcut !== null) {
      const other = await db.templates.where('shortcut').equals(parsed.shortcut).first();
      if (other && other.id !== parsed.id) throw new DuplicateShortcutError(parsed.shortcut, other.title);
    }
    const existing = await db.templates.get(parsed.id);
    const stamp = now.toISOString();
    const record: Template = {
      ...parsed,
      createdAt: existing?.createdAt ?? parsed.createdAt ?? stamp,
      updatedAt: stamp,
    };
    await db.templates.put(record);
    await db.tombstones.delete(record.id);
    return record;
  });
}

export async function recordTemplateUse(db: GigSaathiDB, id: string, now = new Date()): Promise<Template | undefined> {
  return db.transaction('rw', db.templates, async () => {
    const t = await db.templates.get(id);
    if (!t) return undefined;
    const updated: Template = { ...t, usageCount: t.usageCount + 1, lastUsedAt: now.toISOString() };
    await db.templates.put(updated);
    return updated;
  });
}

/**
 * Starters carry this fixed stamp, not the install time: a browser that installs GigSaathi later
 * must not count as editing them, or its fresh starters would win over a seller's edit, or bring
 * back a starter they deleted, on every browser that syncs (utils/sync).
 */
export const STARTER_STAMP = '2026-01-01T00:00:00.000Z';

/**
 * Adds the starter library the first time the extension is installed. Skips any starter whose
 * id or shortcut is already taken, or that the seller deleted, so it can never fail, overwrite the
 * user's own templates or bring one back.
 */
export async function installStarterTemplates(db: GigSaathiDB): Promise<number> {
  const { STARTER_TEMPLATES } = await import('./starter');
  return db.transaction('rw', db.templates, db.tombstones, async () => {
    const existing = await db.templates.toArray();
    const ids = new Set([...existing.map((t) => t.id), ...(await db.tombstones.toCollection().primaryKeys())]);
    const shortcuts = new Set(existing.map((t) => t.shortcut).filter(Boolean));
    const fresh = STARTER_TEMPLATES.filter((s) => !ids.has(s.id) && !shortcuts.has(s.shortcut)).map((s) =>
      TemplateSchema.parse({
        ...s,
        usageCount: 0,
        lastUsedAt: null,
        createdAt: STARTER_STAMP,
        updatedAt: STARTER_STAMP,
      }),
    );
    await db.templates.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Deletes a template and leaves its tombstone, so sync deletes it on the seller's other browsers too. */
export async function deleteTemplate(db: GigSaathiDB, id: string, now = new Date()): Promise<Template | undefined> {
  return db.transaction('rw', db.templates, db.tombstones, async () => {
    const t = await db.templates.get(id);
    if (t) {
      await db.templates.delete(id);
      await db.tombstones.put({ id, deletedAt: now.toISOString() });
    }
    return t;
  });
}

/**
 * Puts a deleted template back as it was (undo), stamped as changed now: its deletion may have
 * reached the seller's other browsers already, and the later of the two wins there (utils/sync).
 */
export async function restoreTemplate(db: GigSaathiDB, template: Template, now = new Date()): Promise<void> {
  await db.transaction('rw', db.templates, db.tombstones, async () => {
    if (template.shortcut) {
      const holder = await db.templates.where('shortcut').equals(template.shortcut).first();
      if (holder && holder.id !== template.id) throw new DuplicateShortcutError(template.shortcut, holder.title);
    }
    await db.templates.put({ ...template, updatedAt: now.toISOString() });
    await db.tombstones.delete(template.id);
  });
}

export function newTemplateId(): string {
  return `tpl-${crypto.randomUUID()}`;
}

/** The templates as the extension's pages (popup, options) read and change them, on the one database. */
export const templateStore = {
  list: () => listTemplates(getDb()),
  read: () => readTemplates(getDb()),
  save: (input: unknown) => saveTemplate(getDb(), input),
  remove: (id: string) => deleteTemplate(getDb(), id),
  restore: (template: Template) => restoreTemplate(getDb(), template),
  recordUse: (id: string) => recordTemplateUse(getDb(), id),
};
