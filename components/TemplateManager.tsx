import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { getDb } from '@/utils/db';
import {
  deleteTemplate,
  DuplicateShortcutError,
  listTemplates,
  newTemplateId,
  restoreTemplate,
  saveTemplate,
} from '@/utils/db/templates';
import { describeIssues, TemplateSchema, type Template } from '@/utils/schema';
import { describePolicyWarnings, policyWarnings } from '@/utils/templates/policy';
import { searchTemplates } from '@/utils/templates/search';
import { Field } from './Field';
import { UndoStatus } from './UndoStatus';
import { TemplateEditor, type TemplateDraft } from './TemplateEditor';

type Editing = { mode: 'new' } | { mode: 'edit'; template: Template } | null;

const EMPTY: TemplateDraft = { title: '', body: '', shortcut: '', tags: '' };
const draftOf = (t: Template): TemplateDraft => ({
  title: t.title,
  body: t.body,
  shortcut: t.shortcut ?? '',
  tags: t.tags.join(', '),
});
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** Create, edit, duplicate, delete (with undo) and search the user's templates. */
export function TemplateManager() {
  const templates = useLiveQuery(() => listTemplates(getDb()), []);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; undo?: Template } | null>(null);
  const shown = useMemo(() => searchTemplates(templates ?? [], query), [templates, query]);

  const save = async (draft: TemplateDraft) => {
    const base = editing?.mode === 'edit' ? editing.template : { id: newTemplateId(), usageCount: 0, lastUsedAt: null };
    const candidate = {
      ...base,
      title: draft.title,
      body: draft.body,
      shortcut: draft.shortcut.trim() === '' ? null : draft.shortcut.trim(),
      tags: [
        ...new Set(
          draft.tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ],
    };
    const parsed = TemplateSchema.safeParse(candidate);
    if (!parsed.success) {
      setError(`Not saved: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    try {
      const saved = await saveTemplate(getDb(), parsed.data);
      setEditing(null);
      setError(null);
      setStatus({ text: `Saved “${saved.title}”.` });
    } catch (e) {
      setError(
        e instanceof DuplicateShortcutError ? e.message : `Not saved: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };

  const duplicate = async (t: Template) => {
    const copy = await saveTemplate(getDb(), {
      ...t,
      id: newTemplateId(),
      title: `${t.title} (copy)`.slice(0, 200),
      shortcut: null,
      usageCount: 0,
      lastUsedAt: null,
      createdAt: undefined,
    });
    setStatus({ text: `Duplicated as “${copy.title}” (without a shortcut, which must stay unique).` });
  };

  const remove = async (t: Template) => {
    await deleteTemplate(getDb(), t.id);
    setStatus({ text: `Deleted “${t.title}”.`, undo: t });
  };

  const undo = async (t: Template) => {
    try {
      await restoreTemplate(getDb(), t);
      setStatus({ text: `Restored “${t.title}”.` });
    } catch (e) {
      setStatus({ text: `Could not restore: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <section className="card" aria-labelledby="templates-heading">
      <div className="row space-between">
        <h2 id="templates-heading">Templates</h2>
        <button
          type="button"
          onClick={() => {
            setEditing({ mode: 'new' });
            setError(null);
          }}
        >
          New template
        </button>
      </div>
      {editing && (
        <TemplateEditor
          key={editing.mode === 'edit' ? editing.template.id : 'new'}
          heading={editing.mode === 'edit' ? `Edit “${editing.template.title}”` : 'New template'}
          initial={editing.mode === 'edit' ? draftOf(editing.template) : EMPTY}
          error={error}
          onSave={(d) => void save(d)}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
        />
      )}
      <Field label="Search templates">
        {(p) => (
          <input
            {...p}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Title, text, shortcut or tag"
          />
        )}
      </Field>
      <UndoStatus status={status} onUndo={(item) => void undo(item)} />
      {!templates ? (
        <p>Loading templates…</p>
      ) : shown.length === 0 ? (
        <p className="empty">{templates.length === 0 ? 'No templates yet.' : 'No template matches your search.'}</p>
      ) : (
        <ul className="template-list" aria-label="Templates">
          {shown.map((t) => {
            const warnings = policyWarnings(`${t.title}\n${t.body}`);
            return (
              <li key={t.id} data-gigsaathi-template={t.id}>
                <div className="template-head">
                  <strong>{t.title}</strong>
                  {t.shortcut && <code>{t.shortcut}</code>}
                  {t.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                  <span className="muted">
                    used {t.usageCount} {t.usageCount === 1 ? 'time' : 'times'}
                    {t.lastUsedAt ? `, last on ${dateFormat.format(new Date(t.lastUsedAt))}` : ''}
                  </span>
                </div>
                <p className="template-body">{t.body}</p>
                {warnings.length > 0 && <p className="warning">⚠ {describePolicyWarnings(warnings)}</p>}
                <div className="row">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setEditing({ mode: 'edit', template: t })}
                    aria-label={`Edit ${t.title}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void duplicate(t)}
                    aria-label={`Duplicate ${t.title}`}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void remove(t)}
                    aria-label={`Delete ${t.title}`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
