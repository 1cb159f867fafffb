import { MESSAGES, type MessageKey, type Translator } from '@/utils/platform/i18n';
import type { Template } from '@/utils/schema';
import { h } from '@/utils/platform/ui/h';
import type { Layer } from '@/utils/platform/ui/layer';
import { onUserSubmit, trusted } from '@/utils/platform/ui/trusted';
import { describePolicyWarnings, policyWarnings } from './policy';
import { searchTemplates } from './search';
import { renderTemplate, type PageContext } from './variables';

export interface PickerOptions {
  layer: Layer;
  /** Where to show it: the caret's or the editor's box. */
  anchor: DOMRect;
  templates: Promise<Template[]>;
  context: PageContext;
  now: () => Date;
  /** Open straight on this template's questions (a shortcut whose variables the page cannot fill). */
  preselect?: Template;
  /** Puts the text in the editor; resolves false when the editor would not take it. */
  insert(text: string, template: Template): Promise<boolean>;
  /** Called once; `returnFocus` is true when the editor should get focus and caret back. */
  onClose(returnFocus: boolean): void;
  openManager(): void;
  /** Answers the user typed, e.g. to remember their own name. */
  onAnswers?(answers: Record<string, string>): void;
  tr: Translator;
}

/** A variable's name for the form: ours from the locale files, the user's own as written. */
const label = (tr: Translator, variable: string) => {
  const key = `variableName.${variable}`;
  if (key in MESSAGES.en) return tr.t(key as MessageKey);
  const words = variable.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const PREVIEW_LENGTH = 120;

/** A template's first words on one line, cut at a word with "…" when there is more (#20). */
export function previewOf(body: string, length = PREVIEW_LENGTH): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

let counter = 0;

/**
 * The template picker: a search box (combobox) over a listbox of templates, most used first.
 * Arrow keys move, Enter inserts, Escape closes and gives the editor its caret back. Variables
 * the page cannot fill are asked for before inserting. Lives in the feature's shadow root.
 */
export function openPicker(options: PickerOptions): { close(): void } {
  const { tr } = options;
  const uid = `gs-picker-${++counter}`;
  let all: Template[] = [];
  let shown: Template[] = [];
  let active = 0;
  let closed = false;

  const search = h('input', {
    type: 'text',
    role: 'combobox',
    'aria-label': tr.t('picker.search'),
    'aria-expanded': 'true',
    'aria-controls': `${uid}-list`,
    'aria-autocomplete': 'list',
    placeholder: tr.t('picker.searchPlaceholder'),
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = h('ul', { id: `${uid}-list`, role: 'listbox', 'aria-label': tr.t('templates.listLabel') });
  const alert = h('p', { role: 'alert' });
  const hint = h('p', { className: 'hint' }, tr.t('picker.keys'));
  const body = h('div', { className: 'body' }, search, list, hint);
  const dialog = h(
    'div',
    {
      className: 'picker',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-label': tr.t('picker.insertTemplate'),
      'data-gigsaathi-picker': '',
    },
    h('h2', {}, tr.t('picker.insertTemplate')),
    body,
    alert,
  );

  const close = (returnFocus: boolean) => {
    if (closed) return;
    closed = true;
    dialog.remove();
    document.removeEventListener('pointerdown', onOutside, true);
    options.onClose(returnFocus);
  };

  const onOutside = (e: PointerEvent) => {
    if (e.isTrusted && !options.layer.owns(e.composedPath()[0] ?? null)) close(false);
  };

  const setActive = (i: number) => {
    const items = list.querySelectorAll('[role="option"]');
    if (items.length === 0) {
      search.removeAttribute('aria-activedescendant');
      return;
    }
    active = (i + items.length) % items.length;
    items.forEach((item, j) => item.setAttribute('aria-selected', String(j === active)));
    const current = items[active]!;
    search.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  };

  const renderList = () => {
    shown = searchTemplates(all, search.value);
    const items = shown.map((t, i) => {
      const warnings = policyWarnings(t.body);
      const preview = previewOf(t.body);
      return h(
        'li',
        {
          id: `${uid}-opt-${i}`,
          role: 'option',
          'aria-selected': 'false',
          'data-gigsaathi-template': t.id,
          onclick: trusted(() => void choose(t)),
        },
        h(
          'span',
          { className: 'row' },
          h('span', { className: 'title' }, t.title),
          t.shortcut ? h('code', {}, t.shortcut) : null,
        ),
        h('span', { className: 'preview' }, preview),
        warnings.length > 0 ? h('span', { className: 'warn' }, `⚠ ${describePolicyWarnings(warnings, tr)}`) : null,
      );
    });
    if (items.length === 0) {
      const empty =
        all.length === 0
          ? h(
              'li',
              { className: 'empty' },
              tr.t('picker.none'),
              h(
                'button',
                { type: 'button', className: 'secondary', onclick: trusted(() => options.openManager()) },
                tr.t('picker.openApp'),
              ),
            )
          : h('li', { className: 'empty' }, tr.t('picker.noMatch', { query: search.value }));
      list.replaceChildren(empty);
    } else list.replaceChildren(...items);
    setActive(0);
  };

  const doInsert = async (text: string, template: Template) => {
    alert.textContent = '';
    const ok = await options.insert(text, template).catch(() => false);
    if (ok) close(false);
    else alert.textContent = tr.t('picker.notTaken');
  };

  const askVariables = (template: Template, missing: string[]) => {
    const inputs = missing.map((name) => h('input', { name, type: 'text', autocomplete: 'off' }));
    const form = h(
      'form',
      { 'aria-label': tr.t('picker.fillIn', { title: template.title }) },
      h('p', { className: 'hint' }, tr.tn('picker.needs', missing.length, { title: template.title })),
      ...missing.map((name, i) =>
        h(
          'label',
          {},
          label(tr, name),
          inputs[i]!,
          name === 'my_name' ? h('small', { className: 'hint' }, tr.t('picker.savedName')) : null,
        ),
      ),
      h(
        'div',
        { className: 'actions' },
        h('button', { type: 'submit', className: 'primary' }, tr.t('picker.insert')),
        options.preselect
          ? null
          : h(
              'button',
              { type: 'button', className: 'secondary', onclick: trusted(() => showList()) },
              tr.t('picker.back'),
            ),
      ),
    );
    onUserSubmit(form, () => {
      const answers = Object.fromEntries(missing.map((name, i) => [name, inputs[i]!.value]));
      const empty = missing.find((name) => !answers[name]?.trim());
      if (empty) {
        alert.textContent = tr.t('picker.pleaseFill', {
          what: tr.locale === 'en' ? label(tr, empty).toLowerCase() : label(tr, empty),
        });
        inputs[missing.indexOf(empty)]!.focus();
        return;
      }
      options.onAnswers?.(answers);
      void doInsert(renderTemplate(template.body, options.context, options.now(), answers).text, template);
    });
    body.replaceChildren(form);
    inputs[0]?.focus();
  };

  const choose = async (template: Template) => {
    const rendered = renderTemplate(template.body, options.context, options.now());
    if (rendered.missing.length > 0) askVariables(template, rendered.missing);
    else await doInsert(rendered.text, template);
  };

  const showList = () => {
    alert.textContent = '';
    body.replaceChildren(search, list, hint);
    search.focus();
    renderList();
  };

  dialog.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') {
      // Keep keyboard focus inside the dialog while it is open.
      const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button, [tabindex="0"]')].filter(
        (el) => !el.hasAttribute('disabled'),
      );
      if (focusable.length === 0) return;
      const i = focusable.indexOf(options.layer.root.activeElement as HTMLElement);
      e.preventDefault();
      focusable[(i + (e.shiftKey ? -1 : 1) + focusable.length) % focusable.length]!.focus();
    }
  });
  search.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'Enter') {
      e.preventDefault();
      const t = shown[active];
      if (t) void choose(t);
    }
  });
  search.addEventListener('input', () => renderList());

  options.layer.root.append(dialog);
  position(dialog, options.anchor);
  document.addEventListener('pointerdown', onOutside, true);

  if (options.preselect) {
    const rendered = renderTemplate(options.preselect.body, options.context, options.now());
    askVariables(options.preselect, rendered.missing);
  } else {
    search.focus();
    list.replaceChildren(h('li', { className: 'empty' }, tr.t('templates.loading')));
  }
  options.templates
    .then((templates) => {
      all = templates;
      if (!options.preselect && !closed) renderList();
    })
    .catch(() => {
      if (!closed) list.replaceChildren(h('li', { className: 'empty' }, tr.t('templates.loadFailed')));
    });

  return { close: () => close(false) };
}

/** Below the anchor when there is room, else above; always inside the viewport. */
function position(el: HTMLElement, anchor: DOMRect) {
  const width = Math.min(380, window.innerWidth - 16);
  const height = Math.min(440, window.innerHeight - 16);
  const below = anchor.bottom + 6;
  const top = below + height <= window.innerHeight ? below : Math.max(8, anchor.top - 6 - height);
  const left = Math.min(Math.max(8, anchor.left), window.innerWidth - width - 8);
  el.style.top = `${top}px`;
  el.style.left = `${left}px`;
}
