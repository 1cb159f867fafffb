import { localizeError } from '@/utils/platform/i18n/errors';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { DuplicateShortcutError, newTemplateId, templateStore } from '@/utils/templates/store';
import { describeIssues, TemplateSchema, type Template } from '@/utils/schema';
import { describePolicyWarnings, policyWarnings } from '@/utils/templates/policy';
import { searchTemplates } from '@/utils/templates/search';
import { Field } from '@/components/Field';
import { useT } from '@/components/i18n';
import { TemplateName } from './TemplateList';
import { shortDate } from '@/utils/platform/i18n';
import { UndoStatus } from '@/components/UndoStatus';
import { TemplateEditor, type TemplateDraft } from './TemplateEditor';

type Editing = { mode: 'new' } | { mode: 'edit'; template: Template } | null;

const EMPTY: TemplateDraft = { title: '', body: '', shortcut: '', tags: '' };
const draftOf = (t: Template): TemplateDraft => ({
  title: t.title,
  body: t.body,
  shortcut: t.shortcut ?? '',
  tags: t.tags.join(', '),
});

/** Create, edit, duplicate, delete (with undo) and search the user's templates. */
export function TemplateManager() {
  const tr = useT();
  const stored = useLiveQuery(() => templateStore.read(), []);
  const templates = stored?.templates;
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
      setError(tr.t('templates.notSaved', { error: localizeError(tr, describeIssues(parsed.error.issues)) }));
      return;
    }
    try {
      const saved = await templateStore.save(parsed.data);
      setEditing(null);
      setError(null);
      setStatus({ text: tr.t('templates.saved', { title: saved.title }) });
    } catch (e) {
      setError(
        e instanceof DuplicateShortcutError
          ? tr.t('templates.duplicateShortcut', { shortcut: e.shortcut, other: e.otherTitle })
          : tr.t('templates.notSaved', { error: e instanceof Error ? e.message : String(e) }),
      );
    }
  };

  const duplicate = async (t: Template) => {
    const copy = await templateStore.save({
      ...t,
      id: newTemplateId(),
      title: tr.t('templates.copySuffix', { title: t.title }).slice(0, 200),
      shortcut: null,
      usageCount: 0,
      lastUsedAt: null,
      createdAt: undefined,
    });
    setStatus({ text: tr.t('templates.duplicated', { title: copy.title }) });
  };

  const remove = async (t: Template) => {
    await templateStore.remove(t.id);
    setStatus({ text: tr.t('templates.deleted', { title: t.title }), undo: t });
  };

  const undo = async (t: Template) => {
    try {
      await templateStore.restore(t);
      setStatus({ text: tr.t('templates.restored', { title: t.title }) });
    } catch (e) {
      setStatus({ text: tr.t('templates.restoreFailed', { error: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className="card" aria-labelledby="templates-heading">
      <div className="row space-between">
        <h2 id="templates-heading">{tr.t('templates.heading')}</h2>
        <button
          type="button"
          onClick={() => {
            setEditing({ mode: 'new' });
            setError(null);
          }}
        >
          {tr.t('templates.new')}
        </button>
      </div>
      {stored && stored.unreadable.length > 0 && (
        <p role="alert" data-gigsaathi-unreadable={stored.unreadable.length}>
          {tr.tn('templates.unreadable', stored.unreadable.length, {
            ids: stored.unreadable.map((u) => u.id).join(', '),
          })}
        </p>
      )}
      {editing && (
        <TemplateEditor
          key={editing.mode === 'edit' ? editing.template.id : 'new'}
          heading={
            editing.mode === 'edit'
              ? tr.t('templates.editHeading', { title: editing.template.title })
              : tr.t('templates.new')
          }
          initial={editing.mode === 'edit' ? draftOf(editing.template) : EMPTY}
          error={error}
          onSave={(d) => void save(d)}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
        />
      )}
      <Field label={tr.t('popup.searchTemplates')}>
        {(p) => (
          <input
            {...p}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={tr.t('templates.searchPlaceholder')}
          />
        )}
      </Field>
      <UndoStatus status={status} onUndo={(item) => void undo(item)} />
      {!templates ? (
        <p>{tr.t('templates.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{templates.length === 0 ? tr.t('templates.none') : tr.t('templates.noMatch')}</p>
      ) : (
        <ul className="template-list" aria-label={tr.t('templates.listLabel')}>
          {shown.map((t) => {
            const warnings = policyWarnings(`${t.title}\n${t.body}`);
            return (
              <li key={t.id} data-gigsaathi-template={t.id}>
                <div className="template-head">
                  <TemplateName template={t} />
                  {t.tags.map((tag) => (
                    <span key={tag} className="tag" translate="no" dir="auto">
                      {tag}
                    </span>
                  ))}
                  <span className="muted">
                    {tr.tn('templates.used', t.usageCount)}
                    {t.lastUsedAt
                      ? tr.t('templates.lastUsed', {
                          date: shortDate(tr, new Date(t.lastUsedAt), {
                            day: 'numeric',
                            month: 'short',
                            year: 'numeric',
                          }),
                        })
                      : ''}
                  </span>
                </div>
                <p className="template-body" translate="no" dir="auto">
                  {t.body}
                </p>
                {warnings.length > 0 && <p className="warning">⚠ {describePolicyWarnings(warnings, tr)}</p>}
                <div className="row">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setEditing({ mode: 'edit', template: t })}
                    aria-label={tr.t('templates.editLabel', { title: t.title })}
                  >
                    {tr.t('templates.edit')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void duplicate(t)}
                    aria-label={tr.t('templates.duplicateLabel', { title: t.title })}
                  >
                    {tr.t('templates.duplicate')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void remove(t)}
                    aria-label={tr.t('templates.deleteLabel', { title: t.title })}
                  >
                    {tr.t('templates.delete')}
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
