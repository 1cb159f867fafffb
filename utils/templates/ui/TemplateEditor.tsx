import { useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describePolicyWarnings, policyWarnings } from '@/utils/templates/policy';
import { Field } from '@/components/Field';
import { KNOWN_VARIABLES, variableCompletions } from '@/utils/templates/variables';
import { useT } from '@/components/i18n';

export interface TemplateDraft {
  title: string;
  body: string;
  shortcut: string;
  tags: string;
}

/**
 * The form for one template. Typing `{{` in the body offers the known variables (arrow keys and
 * Enter or Tab to accept); text that would break the sites' rules gets a warning saying why.
 */
export function TemplateEditor({
  initial,
  heading,
  error,
  onSave,
  onCancel,
}: {
  initial: TemplateDraft;
  heading: string;
  error: string | null;
  onSave(draft: TemplateDraft): void;
  onCancel(): void;
}) {
  const tr = useT();
  const [draft, setDraft] = useState(initial);
  const [caret, setCaret] = useState<number | null>(null);
  const [activeOption, setActiveOption] = useState(0);
  const body = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // Where the caret goes once React has written a completed variable into the textarea: set in
  // the same commit, so keys typed right after land after the variable, not before it.
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !body.current) return;
    pendingCaret.current = null;
    body.current.focus();
    body.current.setSelectionRange(at, at);
  }, [draft.body]);

  const completion = useMemo(
    () => (caret === null ? null : variableCompletions(draft.body.slice(0, caret))),
    [draft.body, caret],
  );
  const options = completion?.options ?? [];
  const warnings = useMemo(() => policyWarnings(`${draft.title}\n${draft.body}`), [draft.title, draft.body]);

  const accept = (variable: string) => {
    const el = body.current;
    if (!el || caret === null || !completion) return;
    const start = caret - completion.prefix.length;
    const before = draft.body.slice(0, start);
    const after = draft.body.slice(caret).replace(/^[a-z0-9_+]*\s*\}\}/i, '');
    const next = `${before}${variable}}}${after}`;
    const at = before.length + variable.length + 2;
    pendingCaret.current = at;
    setDraft({ ...draft, body: next });
    setCaret(null);
  };

  const insertVariable = (variable: string) => {
    const el = body.current;
    const at = el?.selectionStart ?? draft.body.length;
    const text = `{{${variable === 'date+N' ? 'date+3' : variable}}}`;
    pendingCaret.current = at + text.length;
    setDraft({ ...draft, body: draft.body.slice(0, at) + text + draft.body.slice(el?.selectionEnd ?? at) });
  };

  const onBodyKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (options.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActiveOption((i) => (i + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(options[Math.min(activeOption, options.length - 1)]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setCaret(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(draft);
  };

  return (
    <form className="template-editor card" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{heading}</h3>
      <Field label={tr.t('editor.title')}>
        {(p) => (
          <input
            {...p}
            value={draft.title}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        )}
      </Field>
      <div className="row">
        <Field label={tr.t('editor.shortcut')} hint={tr.t('editor.shortcutHint')}>
          {(p) => (
            <input
              {...p}
              value={draft.shortcut}
              maxLength={32}
              placeholder="/thanks"
              onChange={(e) => setDraft({ ...draft, shortcut: e.target.value })}
            />
          )}
        </Field>
        <Field label={tr.t('editor.tags')} hint={tr.t('editor.tagsHint')}>
          {(p) => (
            <input
              {...p}
              value={draft.tags}
              placeholder={tr.t('editor.tagsPlaceholder')}
              onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label={tr.t('editor.text')} wide hint={tr.t('editor.textHint')}>
        {(p) => (
          <textarea
            {...p}
            ref={body}
            rows={9}
            value={draft.body}
            onChange={(e) => {
              setDraft({ ...draft, body: e.target.value });
              setCaret(e.target.selectionStart);
              setActiveOption(0);
            }}
            onKeyDown={onBodyKey}
            onBlur={() => setTimeout(() => setCaret(null), 150)}
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={`${id}-vars`}
            aria-autocomplete="list"
            aria-activedescendant={options.length > 0 ? `${id}-var-${activeOption}` : undefined}
          />
        )}
      </Field>
      {options.length > 0 && (
        <ul className="completions" id={`${id}-vars`} role="listbox" aria-label={tr.t('editor.variables')}>
          {options.map((v, i) => (
            <li
              key={v}
              id={`${id}-var-${i}`}
              role="option"
              aria-selected={i === activeOption}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(v);
              }}
            >
              <code>{`{{${v}}}`}</code>{' '}
              <span className="muted">
                {tr.t(`variable.${v === 'date+3' ? 'date+N' : (v as (typeof KNOWN_VARIABLES)[number])}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="row variables" aria-label={tr.t('editor.insertVariable')}>
        <span className="muted">{tr.t('editor.variablesLabel')}</span>
        {KNOWN_VARIABLES.map((v) => (
          <button
            key={v}
            type="button"
            className="chip"
            onClick={() => insertVariable(v)}
            title={tr.t(`variable.${v}`)}
          >
            {`{{${v}}}`}
          </button>
        ))}
      </div>
      {warnings.length > 0 && (
        <p className="warning" role="note">
          ⚠ {describePolicyWarnings(warnings, tr)}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit">{tr.t('editor.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {tr.t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
