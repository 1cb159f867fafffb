import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { h } from '@/utils/platform/ui/h';
import { onUserSubmit, trusted } from '@/utils/platform/ui/trusted';
import type { Layer } from '@/utils/platform/ui/layer';
import { pageStyle } from '@/utils/platform/ui/page-style';
import type { CheckResult, Fix, Status } from './rules';
import type { Translator } from '@/utils/platform/i18n';

/**
 * The SEO panel and the search card share one shell, which never covers the page (#20): it opens
 * collapsed, a small tab with its score docked at the bottom corner of its side; expanded, it
 * moves the page aside by its own width. The seller can collapse it and move it to the other
 * side; that is remembered per panel in storage.local, so it stays out of the way on the next page.
 */
const ShellStateSchema = z.object({
  collapsed: z._default(z.boolean(), true),
  side: z._default(z.enum(['left', 'right']), 'right'),
});
type ShellState = z.infer<typeof ShellStateSchema>;

const stateItem = (name: string) => storage.defineItem<unknown>(`local:panel.${name}`);

async function loadState(name: string): Promise<ShellState> {
  const parsed = ShellStateSchema.safeParse(
    (await stateItem(name)
      .getValue()
      .catch(() => null)) ?? {},
  );
  return parsed.success ? parsed.data : { collapsed: true, side: 'right' };
}

/** The panel's width and its 12 px gap to the edge, and as much again to the page's content. */
const PANEL_ROOM = 340 + 24;

export const PANEL_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.panel {
  position: fixed; top: 88px; width: 340px; max-width: calc(100vw - 24px); max-height: calc(100vh - 104px);
  display: flex; flex-direction: column; overflow: hidden;
  background: #ffffff; color: #1b1f24; border: 1px solid #8c959f; border-radius: 10px;
  box-shadow: 0 8px 24px rgba(0,0,0,.16);
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif; text-align: start;
}
.panel[data-side="right"] { right: 12px; }
.panel[data-side="left"] { left: 12px; }
.panel[data-collapsed="true"] { width: auto; top: auto; bottom: 12px; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.panel[data-collapsed="true"] .body, .panel[data-collapsed="true"] .move { display: none; }
.panel[data-collapsed="true"] header { padding: 4px 6px; border-bottom: 0; }
.panel[data-collapsed="true"] header h2 { font-size: 12px; }
header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; background: #f6f8fa; border-bottom: 1px solid #d0d7de; }
header h2 { margin: 0; font-size: 14px; font-weight: 700; flex: 1 1 auto; }
header .score { font-weight: 700; padding: 1px 7px; border-radius: 10px; background: #eef1f4; }
header button, .body button {
  font: inherit; font-size: 12px; border-radius: 6px; padding: 3px 8px; cursor: pointer;
  border: 1px solid #0b6e4f; background: #fff; color: #0b6e4f;
}
.body button.primary { background: #0b6e4f; color: #fff; }
button:focus-visible, input:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.body { overflow: auto; padding: 8px 10px 10px; display: flex; flex-direction: column; gap: 10px; }
.body h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #57606a; }
ul { list-style: none; margin: 0; padding: 0; }
.checks li { padding: 6px 0; border-top: 1px solid #eaeef2; display: grid; grid-template-columns: 54px 1fr; gap: 2px 8px; }
.checks li:first-child { border-top: 0; }
.badge { grid-row: span 3; font-weight: 700; font-size: 11px; text-align: center; border-radius: 6px; padding: 2px 0; height: fit-content; }
[data-status="pass"] .badge { background: #dafbe1; color: #116329; }
[data-status="warn"] .badge { background: #fff1c2; color: #7a4500; }
[data-status="fail"] .badge { background: #ffebe9; color: #a40e26; }
.label { font-weight: 600; }
.message { color: #1b1f24; }
.hint { color: #57606a; font-size: 12px; margin: 0; }
.fix { grid-column: 2; display: flex; flex-direction: column; gap: 4px; margin-top: 4px; padding: 6px; border: 1px dashed #8c959f; border-radius: 6px; }
.fix q { font-style: normal; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; }
.chips li { background: #eef1f4; border-radius: 10px; padding: 1px 8px; }
.chips .count { color: #57606a; margin-inline-start: 4px; }
.keywords form { display: flex; gap: 6px; }
.keywords input { flex: 1 1 auto; font: inherit; padding: 4px 6px; border: 1px solid #8c959f; border-radius: 6px; min-width: 0; }
.keywords label { display: block; font-weight: 600; margin-bottom: 4px; }
.muted { color: #57606a; margin: 0; }
[role="alert"] { color: #a40e26; font-weight: 600; margin: 0; }
[role="status"] { color: #116329; margin: 0; }
[role="alert"]:empty, [role="status"]:empty { display: none; }
.stats { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
.stats dt { color: #57606a; }
.stats dd { margin: 0; font-weight: 600; }
`;

export interface Shell {
  panel: HTMLElement;
  body: HTMLElement;
  heading: HTMLElement;
  badge: HTMLElement;
  /** Whether the seller has it collapsed now. */
  collapsed(): boolean;
  /** Calls `changed` each time the seller collapses or expands it. */
  onToggle(changed: (collapsed: boolean) => void): void;
}

/** A collapsible, movable card in `layer`, labelled `title`, its state remembered as `name`. */
export async function createShell(layer: Layer, name: string, title: string, tr: Translator): Promise<Shell> {
  layer.setLocale(tr);
  const state = await loadState(name);
  const heading = h('h2', { id: `${name}-title` }, title);
  const badge = h('span', { className: 'score', hidden: true });
  const body = h('div', { className: 'body', id: `${name}-body` });
  const collapse = h('button', { type: 'button', 'aria-controls': body.id });
  const move = h('button', { type: 'button', className: 'move' });
  const panel = h(
    'section',
    { className: 'panel', 'aria-labelledby': heading.id, 'data-gigsaathi-panel': name },
    h('header', {}, heading, badge, collapse, move),
    body,
  );
  // Expanded, the page makes room: its root gets a margin as wide as the panel on the panel's
  // side, so its content reflows beside the panel instead of under it. One style element of
  // ours; the page's own elements are left as they are, and collapsing takes it away.
  const aside = pageStyle('data-gigsaathi-aside', name, layer.signal);
  const makeRoom = () =>
    aside.set(state.collapsed ? null : `html { margin-${state.side}: ${PANEL_ROOM}px !important; }`);
  const apply = () => {
    makeRoom();
    panel.dataset.side = state.side;
    panel.dataset.collapsed = String(state.collapsed);
    collapse.textContent = state.collapsed ? tr.t('panel.expand') : tr.t('panel.collapse');
    collapse.setAttribute('aria-expanded', String(!state.collapsed));
    move.textContent = state.side === 'right' ? tr.t('panel.moveLeft') : tr.t('panel.moveRight');
  };
  const toggled: ((collapsed: boolean) => void)[] = [];
  let wasCollapsed = state.collapsed;
  const save = () => {
    apply();
    if (state.collapsed !== wasCollapsed) {
      wasCollapsed = state.collapsed;
      for (const f of toggled) f(state.collapsed);
    }
    stateItem(name)
      .setValue({ ...state })
      .catch(() => {});
  };
  collapse.addEventListener(
    'click',
    trusted(() => {
      state.collapsed = !state.collapsed;
      save();
    }),
  );
  move.addEventListener(
    'click',
    trusted(() => {
      state.side = state.side === 'right' ? 'left' : 'right';
      save();
    }),
  );
  // Escape puts the panel out of the way from the keyboard, as the Collapse button does.
  panel.addEventListener('keydown', (e) => {
    if (!e.isTrusted || e.key !== 'Escape' || state.collapsed) return;
    e.preventDefault();
    state.collapsed = true;
    save();
    collapse.focus();
  });
  apply();
  layer.root.append(panel);
  return {
    panel,
    body,
    heading,
    badge,
    collapsed: () => state.collapsed,
    onToggle: (changed) => void toggled.push(changed),
  };
}

const SEVERITY: Record<Status, number> = { fail: 0, warn: 1, pass: 2 };

export interface KeywordsView {
  keywords: ReadonlyArray<string>;
  /** True when the seller set them; false when they are suggestions from the tags. */
  set: boolean;
  suggestions: ReadonlyArray<string>;
  /** Saves the list; resolves an error to show, or null. */
  save(keywords: string[]): Promise<string | null>;
}

export interface ChecksView {
  results: ReadonlyArray<CheckResult>;
  score: number;
  keywords?: KeywordsView;
  /** Tags to list (a gig page's own tags), with a heading. */
  tags?: { heading: string; tags: ReadonlyArray<string> } | null;
  /** Applies a proposed fix through the page's editor; resolves whether it took. */
  applyFix?: (fix: Fix) => Promise<boolean>;
}

/** Renders check results into a shell; re-renders only what changed since the last call. */
export function createChecksView(shell: Shell, tr: Translator): { update(view: ChecksView): void } {
  const status = h('p', { role: 'status' });
  const checks = h('ul', { className: 'checks', 'aria-label': tr.t('panel.checks') });
  const keywordBox = h('div', { className: 'keywords' });
  const tagsBox = h('div', {});
  shell.body.append(status, keywordBox, checks, tagsBox);
  let lastChecks = '';
  let lastKeywords = '';
  let lastTags = '';

  const renderChecks = (view: ChecksView) => {
    const sorted = [...view.results].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);
    checks.replaceChildren(
      ...sorted.map((r) =>
        h(
          'li',
          {
            'data-gigsaathi-check': r.id,
            'data-status': r.status,
            ...Object.fromEntries(Object.entries(r.data ?? {}).map(([k, v]) => [`data-${k}`, v])),
          },
          h('span', { className: 'badge' }, tr.t(`panel.${r.status}`)),
          h('span', { className: 'label' }, r.label),
          h('span', { className: 'message' }, r.message),
          r.status !== 'pass' && h('p', { className: 'hint' }, r.hint),
          r.fix && view.applyFix ? fixBox(r.fix, view.applyFix) : null,
        ),
      ),
    );
  };

  const fixBox = (fix: Fix, applyFix: (fix: Fix) => Promise<boolean>) => {
    const button = h('button', { type: 'button', className: 'primary' }, fix.label);
    button.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      button.disabled = true;
      applyFix(fix)
        .then((ok) => {
          status.textContent = ok
            ? tr.t('panel.fixDone', { fix: tr.locale === 'en' ? fix.label.toLowerCase() : fix.label })
            : tr.t('panel.fixNotTaken');
        })
        .catch(() => {
          status.textContent = tr.t('panel.fixNotTaken');
        })
        .finally(() => {
          button.disabled = false;
        });
    });
    return h(
      'div',
      { className: 'fix' },
      h('span', {}, tr.t('panel.proposed'), h('q', { dir: 'auto' }, fix.text)),
      button,
    );
  };

  const renderKeywords = (kw: KeywordsView) => {
    const input = h('input', {
      id: 'gigsaathi-keywords',
      value: kw.set ? kw.keywords.join(', ') : '',
      placeholder: kw.suggestions.length ? kw.suggestions.join(', ') : tr.t('panel.keywordsPlaceholder'),
      'aria-describedby': 'gigsaathi-keywords-help',
      autocomplete: 'off',
    });
    const error = h('p', { role: 'alert' });
    const form = h(
      'form',
      {},
      input,
      h('button', { type: 'submit', className: 'primary' }, tr.t('panel.saveKeywords')),
    );
    const submit = () => {
      const list = input.value
        .split(',')
        .map((k) => k.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      if (list.length > 3) return void (error.textContent = tr.t('panel.tooMany'));
      const long = list.find((k) => k.length > 60);
      if (long) return void (error.textContent = tr.t('panel.tooLong', { keyword: long.slice(0, 20) }));
      error.textContent = '';
      kw.save(list)
        .then((problem) => {
          error.textContent = problem ?? '';
          if (!problem) status.textContent = list.length ? tr.t('panel.saved') : tr.t('panel.cleared');
        })
        .catch(() => {
          error.textContent = tr.t('panel.saveFailed');
        });
    };
    onUserSubmit(form, submit);
    const help = kw.set
      ? tr.t('panel.checkedAgainst', { keywords: kw.keywords.join(', ') })
      : kw.suggestions.length
        ? tr.t('panel.suggested', { keywords: kw.suggestions.join(', ') })
        : tr.t('panel.noneToSuggest');
    const useSuggestions =
      !kw.set && kw.suggestions.length
        ? h(
            'button',
            { type: 'button', onclick: trusted(() => ((input.value = kw.suggestions.join(', ')), submit())) },
            tr.t('panel.useSuggestions'),
          )
        : null;
    keywordBox.replaceChildren(
      h('label', { for: input.id }, tr.t('panel.keywords')),
      form,
      h('p', { className: 'muted', id: 'gigsaathi-keywords-help' }, help),
      ...(useSuggestions ? [useSuggestions] : []),
      error,
    );
  };

  return {
    update(view) {
      shell.badge.hidden = false;
      shell.badge.textContent = `${view.score}/100`;
      shell.badge.setAttribute('aria-label', tr.t('panel.score', { score: view.score }));
      shell.panel.setAttribute('data-gigsaathi-seo-score', String(view.score));
      const checksKey = JSON.stringify([view.results, Boolean(view.applyFix)]);
      if (checksKey !== lastChecks) {
        lastChecks = checksKey;
        renderChecks(view);
      }
      const kwKey = view.keywords
        ? JSON.stringify([view.keywords.keywords, view.keywords.set, view.keywords.suggestions])
        : '';
      // The keyword form is rebuilt only when the keywords change, never while the seller types in it.
      if (
        kwKey !== lastKeywords &&
        !(view.keywords && keywordBox.contains((shell.panel.getRootNode() as ShadowRoot | Document).activeElement))
      ) {
        lastKeywords = kwKey;
        if (view.keywords) renderKeywords(view.keywords);
        else keywordBox.replaceChildren();
      }
      const tagsKey = JSON.stringify(view.tags ?? null);
      if (tagsKey !== lastTags) {
        lastTags = tagsKey;
        tagsBox.replaceChildren(
          ...(view.tags
            ? [
                h('h3', {}, view.tags.heading),
                view.tags.tags.length
                  ? h(
                      'ul',
                      { className: 'chips', 'data-gigsaathi-tags': '' },
                      ...view.tags.tags.map((t) => h('li', { translate: 'no', dir: 'auto' }, t)),
                    )
                  : h('p', { className: 'muted' }, tr.t('panel.noTags')),
              ]
            : []),
        );
      }
    },
  };
}
