import type { Translator } from '@/utils/platform/i18n';
import type { Template } from '@/utils/schema';
import { h } from '@/utils/platform/ui/h';
import type { Layer } from '@/utils/platform/ui/layer';
import { variablesForm } from './picker-form';
import { renderTemplateList } from './picker-list';
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

export { previewOf } from './picker-list';

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
    shown = renderTemplateList({
      list,
      all,
      query: search.value,
      uid,
      tr,
      choose: (t) => void choose(t),
      openManager: options.openManager,
    });
    setActive(0);
  };

  const doInsert = async (text: string, template: Template) => {
    alert.textContent = '';
    const ok = await options.insert(text, template).catch(() => false);
    if (ok) close(false);
    else alert.textContent = tr.t('picker.notTaken');
  };

  const askVariables = (template: Template, missing: string[]) => {
    const { form, focus } = variablesForm({
      template,
      missing,
      tr,
      alert,
      back: options.preselect ? null : () => showList(),
      submit: (answers) => {
        options.onAnswers?.(answers);
        void doInsert(renderTemplate(template.body, options.context, options.now(), answers).text, template);
      },
    });
    body.replaceChildren(form);
    focus();
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
