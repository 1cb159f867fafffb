import { translatorFor, type Translator } from '@/utils/platform/i18n';
import { dispatchPasteDirectly, insertText, type PasteDispatcher } from '@/utils/platform/insert/chain';
import { ensurePageHelper, pasteThroughPage } from '@/utils/platform/insert/main-world';
import { injectScript } from 'wxt/utils/inject-script';
import {
  caretRect,
  caretSelectingBack,
  editableOf,
  focusedEditable,
  isTextField,
  restoreCaret,
  saveCaret,
  textBeforeCaret,
  type Caret,
  type Editable,
} from '@/utils/platform/insert/editable';
import { request } from '@/utils/platform/messaging/client';
import { updateSettings, watchSettings } from '@/utils/platform/settings';
import type { Template } from '@/utils/schema';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { h } from '@/utils/platform/ui/h';
import { createLayer, type Layer } from '@/utils/platform/ui/layer';
import { trusted } from '@/utils/platform/ui/trusted';
import { createFramePicker, type FramePicker } from './frame-host.content';
import { openPicker } from './picker';
import { TEMPLATE_UI_CSS } from './picker-css';
import { matchShortcut } from './shortcuts';
import { renderTemplate, type PageContext } from './variables';

/**
 * Firefox keeps a content script's objects out of page scripts' reach, so there the paste is
 * built in the page's world by a helper injected on first use; Chromium pastes directly.
 */
export const dispatchPaste: PasteDispatcher = import.meta.env.FIREFOX
  ? async (target, text) => {
      await ensurePageHelper(() => injectScript('/paste-main-world.js', { keepInDom: true }).then(() => undefined));
      return pasteThroughPage(target, text);
    }
  : dispatchPasteDirectly;

/** Inserts through the chain and, when the editor took the text, counts the template's use. */
export async function insertAndCount(editable: Editable, caret: Caret | null, text: string, id: string) {
  const result = await insertText(editable, text, caret, { dispatchPaste });
  if (result.ok) request('templates.recordUse', { id }).catch(() => {});
  return result.ok;
}

/**
 * One picker at a time over one editable: inserts through the chain, counts the use, remembers
 * a name the user types, and gives the editor its caret back on Escape. On Fiverr and Upwork the
 * picker is a frame of our own page (`frame`), out of the page's reach; elsewhere (the context
 * menu on any site, where no page of ours may be framed) it is drawn in the feature's layer.
 */
export function createPickerSession({
  layer,
  context,
  templates,
  tr,
  frame,
}: {
  layer: Layer;
  context: () => PageContext;
  templates: () => Promise<Template[]>;
  tr: () => Translator;
  frame?: FramePicker;
}) {
  let picker: { close(): void } | null = null;
  const openFor = (editable: Editable, caret: Caret | null, preselect?: Template) => {
    if (frame) return frame.open(editable, caret, context(), preselect);
    picker?.close();
    picker = openPicker({
      layer,
      tr: tr(),
      anchor: caretRect(editable),
      templates: templates(),
      context: context(),
      now: () => new Date(),
      preselect,
      insert: (text, template) => insertAndCount(editable, caret, text, template.id),
      onClose: (returnFocus) => {
        picker = null;
        if (returnFocus) restoreCaret(editable, caret);
      },
      openManager: () => void request('options.open', {}).catch(() => {}),
      onAnswers: (answers) => {
        const name = answers.my_name?.trim();
        if (name) updateSettings((s) => ({ ...s, myName: name })).catch(() => {});
      },
    });
  };
  return { openFor, close: () => (frame ? frame.close() : picker?.close()) };
}

export interface TemplateSiteSpec {
  /** Composers that always get an Insert template button (other editables get one while focused). */
  composers: ReadonlyArray<string>;
  /** The client's name, the gig title… as far as this page shows them. */
  readContext(doc: Document, url: URL): PageContext;
  /** Pages that should have a composer; finding none there is logged once (a redesign alarm). */
  expectComposer?(url: URL): boolean;
}

/**
 * Templates on a site's pages: an "Insert template" button beside each composer, Ctrl+Space in
 * any editable field, and Tab after a shortcut. Everything is removed when `signal` aborts.
 */
export function startTemplates({ signal, url, settings, log }: FeatureContext, spec: TemplateSiteSpec): void {
  const layer = createLayer('templates', TEMPLATE_UI_CSS, signal);
  const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void, capture = true) =>
    window.addEventListener(type, fn, { capture, signal });

  // --- the user's templates, cached so Tab can decide synchronously whether a shortcut matches
  let cache: Template[] = [];
  let lastRefresh = 0;
  const refresh = (force = false): Promise<Template[]> => {
    if (!force && performance.now() - lastRefresh < 2000) return Promise.resolve(cache);
    lastRefresh = performance.now();
    return request('templates.list', {}).then(
      (list) => (cache = list),
      (error: unknown) => {
        log.once('list', `could not load templates: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      },
    );
  };
  refresh(true).catch(() => {});
  on('focusin', () => void refresh().catch(() => {}));

  // The name may be saved from the picker or the options page while this page is open.
  let myName = settings.myName;
  let tr = translatorFor(settings.language);
  layer.setLocale(tr);
  const unwatch = watchSettings((s) => {
    myName = s.myName;
    tr = translatorFor(s.language);
    layer.setLocale(tr);
  });
  signal.addEventListener('abort', unwatch, { once: true });
  const context = (): PageContext => ({ my_name: myName, ...spec.readContext(document, new URL(location.href)) });

  // --- the picker, for one editable at a time: a frame of ours, loaded when an editor gets focus
  const frame = createFramePicker({ signal, tr: () => tr, insert: insertAndCount });
  const session = createPickerSession({ layer, context, templates: () => refresh(true), tr: () => tr, frame });
  signal.addEventListener('abort', () => session.close(), { once: true });
  const openFor = session.openFor;
  // The context menu and the keyboard command reach an already-running feature through this.
  (globalThis as { __gigsaathiOpenPicker?: () => boolean }).__gigsaathiOpenPicker = () => {
    const editable = focusedEditable();
    if (editable) openFor(editable, saveCaret(editable));
    return editable !== null;
  };
  signal.addEventListener(
    'abort',
    () => delete (globalThis as { __gigsaathiOpenPicker?: unknown }).__gigsaathiOpenPicker,
    {
      once: true,
    },
  );

  /** Opening from the button of an editor that has no caret yet: insert at its end. */
  const caretForButton = (editable: Editable): Caret | null => {
    if (focusedEditable() === editable) return saveCaret(editable);
    if (isTextField(editable)) return { kind: 'field', start: editable.value.length, end: editable.value.length };
    const range = document.createRange();
    range.selectNodeContents(editable);
    range.collapse(false);
    return { kind: 'range', range };
  };

  // --- Ctrl+Space opens the picker at the caret; Tab after a shortcut expands it
  on('keydown', (e) => {
    // A page's script can send Ctrl+Space or Tab too: only the seller's own keys open or expand.
    if (!e.isTrusted || e.defaultPrevented || e.isComposing || layer.owns(e.composedPath()[0] ?? null)) return;
    const ctrlSpace = e.ctrlKey && !e.altKey && !e.metaKey && (e.code === 'Space' || e.key === ' ');
    const plainTab = e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
    if (!ctrlSpace && !plainTab) return;
    const editable = focusedEditable();
    if (!editable) return;
    if (ctrlSpace) {
      e.preventDefault();
      e.stopImmediatePropagation();
      openFor(editable, saveCaret(editable));
      return;
    }
    const before = textBeforeCaret(editable);
    const match = before === null ? null : matchShortcut(before, cache);
    if (!match) return; // Tab behaves as it always does.
    const caret = caretSelectingBack(editable, match.length);
    if (!caret) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const rendered = renderTemplate(match.template.body, context(), new Date());
    if (rendered.missing.length > 0) {
      openFor(editable, caret, match.template);
      return;
    }
    void insertText(editable, rendered.text, caret, { dispatchPaste }).then((result) => {
      if (result.ok) request('templates.recordUse', { id: match.template.id }).catch(() => {});
      else log.once('tab', `the editor did not take ${match.template.shortcut}`);
    });
  });

  // --- Insert template buttons
  const buttons = new Map<Editable, HTMLButtonElement>();
  const makeButton = (editable: Editable) => {
    const button = h(
      'button',
      {
        type: 'button',
        className: 'insert-button',
        'aria-label': tr.t('picker.insertTemplate'),
        title: tr.t('picker.insertTemplateTitle'),
        'data-gigsaathi-insert': '',
        // Keep focus and caret in the editor.
        onmousedown: (e: Event) => e.preventDefault(),
        onclick: trusted(() => openFor(editable, caretForButton(editable))),
      },
      '✎',
    );
    layer.root.append(button);
    buttons.set(editable, button);
    return button;
  };

  let focusedExtra: Editable | null = null;
  const wanted = (): Set<Editable> => {
    const set = new Set<Editable>();
    for (const el of document.querySelectorAll(spec.composers.join(','))) {
      const editable = editableOf(el);
      if (editable) set.add(editable);
    }
    if (focusedExtra?.isConnected) set.add(focusedExtra);
    return set;
  };

  const place = () => {
    for (const [editable, button] of buttons) {
      const r = editable.getBoundingClientRect();
      const visible = r.width > 40 && r.height > 10 && r.bottom > 0 && r.top < window.innerHeight;
      button.style.display = visible ? '' : 'none';
      // Inside the editor's top-right corner, where text rarely reaches.
      button.style.top = `${Math.max(0, r.top + 4)}px`;
      button.style.left = `${Math.max(0, r.right - 32)}px`;
    }
  };

  let scheduled = false;
  const sync = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const want = wanted();
      for (const [editable, button] of buttons) {
        if (!want.has(editable)) {
          button.remove();
          buttons.delete(editable);
        }
      }
      for (const editable of want) if (!buttons.has(editable)) makeButton(editable);
      place();
    });
  };

  on('focusin', (e) => {
    const editable = editableOf(e.composedPath()[0] as Element);
    if (editable && !layer.owns(editable)) {
      // The seller is about to write: load the picker's frame now, so Ctrl+Space opens it at once.
      if (e.isTrusted) frame.warm();
      focusedExtra = editable;
      sync();
    }
  });
  on('focusout', (e) => {
    // A button keeps its editor's focus (mousedown is cancelled), so leaving means leaving.
    if (focusedExtra && e.target === focusedExtra) {
      focusedExtra = null;
      sync();
    }
  });
  on('scroll', () => sync(), true);
  on('resize', () => sync(), false);
  // Pages render composers late and re-render them on navigation: one observer, one rescan per frame.
  const observer = new MutationObserver(() => sync());
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  sync();

  if (spec.expectComposer?.(url)) {
    // A conversation page without its composer means Fiverr/Upwork changed their markup.
    setTimeout(() => {
      if (!signal.aborted && document.querySelectorAll(spec.composers.join(',')).length === 0) {
        log.standDown('no known composer on this page; Ctrl+Space still works in any text field', 'messageBox');
      }
    }, 5000);
  }
}
