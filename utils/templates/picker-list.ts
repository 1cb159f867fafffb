import type { Translator } from '@/utils/platform/i18n';
import { h } from '@/utils/platform/ui/h';
import { trusted } from '@/utils/platform/ui/trusted';
import type { Template } from '@/utils/schema';
import { describePolicyWarnings, policyWarnings } from './policy';
import { searchTemplates } from './search';

const PREVIEW_LENGTH = 120;

/** A template's first words on one line, cut at a word with "…" when there is more (#20). */
export function previewOf(body: string, length = PREVIEW_LENGTH): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/**
 * Fills the picker's listbox with the templates that match `query`, most used first, each with
 * its shortcut, a preview and any policy warning; or says why there is none. Returns those shown,
 * in order, for the keys to move over.
 */
export function renderTemplateList({
  list,
  all,
  query,
  uid,
  tr,
  choose,
  openManager,
}: {
  list: HTMLElement;
  all: Template[];
  query: string;
  uid: string;
  tr: Translator;
  choose(template: Template): void;
  openManager(): void;
}): Template[] {
  const shown = searchTemplates(all, query);
  const items = shown.map((t, i) => {
    const warnings = policyWarnings(t.body);
    return h(
      'li',
      {
        id: `${uid}-opt-${i}`,
        role: 'option',
        'aria-selected': 'false',
        'data-gigsaathi-template': t.id,
        onclick: trusted(() => choose(t)),
      },
      h(
        'span',
        { className: 'row' },
        h('span', { className: 'title' }, t.title),
        t.shortcut ? h('code', {}, t.shortcut) : null,
      ),
      h('span', { className: 'preview' }, previewOf(t.body)),
      warnings.length > 0 ? h('span', { className: 'warn' }, `⚠ ${describePolicyWarnings(warnings, tr)}`) : null,
    );
  });
  if (items.length > 0) list.replaceChildren(...items);
  else if (all.length === 0)
    list.replaceChildren(
      h(
        'li',
        { className: 'empty' },
        tr.t('picker.none'),
        h(
          'button',
          { type: 'button', className: 'secondary', onclick: trusted(() => openManager()) },
          tr.t('picker.openApp'),
        ),
      ),
    );
  else list.replaceChildren(h('li', { className: 'empty' }, tr.t('picker.noMatch', { query })));
  return shown;
}
