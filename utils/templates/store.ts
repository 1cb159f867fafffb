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
  return db.transaction('rw', db.templates, async () => {
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
 * Adds the starter library the first time the extension is installed. Skips any starter whose
 * id or shortcut is already taken, so it can never fail or overwrite the user's own templates.
 */
export async function installStarterTemplates(db: GigSaathiDB, now = new Date()): Promise<number> {
  const { STARTER_TEMPLATES } = await import('./starter');
  return db.transaction('rw', db.templates, async () => {
    const existing = await db.templates.toArray();
    const ids = new Set(existing.map((t) => t.id));
    const shortcuts = new Set(existing.map((t) => t.shortcut).filter(Boolean));
    const stamp = now.toISOString();
    const fresh = STARTER_TEMPLATES.filter((s) => !ids.has(s.id) && !shortcuts.has(s.shortcut)).map((s) =>
      TemplateSchema.parse({ ...s, usageCount: 0, lastUsedAt: null, createdAt: stamp, updatedAt: stamp }),
    );
    await db.templates.bulkAdd(fresh);
    return fresh.length;
  });
}

export async function deleteTemplate(db: GigSaathiDB, id: string): Promise<Template | undefined> {
  return db.transaction('rw', db.templates, async () => {
    const t = await db.templates.get(id);
    if (t) await db.templates.delete(id);
    return t;
  });
}

/** Puts a deleted template back exactly as it was (undo). */
export async function restoreTemplate(db: GigSaathiDB, template: Template): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    if (template.shortcut) {
      const holder = await db.templates.where('shortcut').equals(template.shortcut).first();
      if (holder && holder.id !== template.id) throw new DuplicateShortcutError(template.shortcut, holder.title);
    }
    await db.templates.put(template);
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
