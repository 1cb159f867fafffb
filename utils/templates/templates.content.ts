import { translatorFor } from '@/utils/platform/i18n';
import { dispatchPasteDirectly, insertText, type PasteDispatcher } from '@/utils/platform/insert/chain';
import { ensurePageHelper, pasteThroughPage } from '@/utils/platform/insert/main-world';
import { injectScript } from 'wxt/utils/inject-script';
import { focusedEditable, isTextField, saveCaret, type Caret, type Editable } from '@/utils/platform/insert/editable';
import { request } from '@/utils/platform/messaging/client';
import { watchSettings } from '@/utils/platform/settings';
import type { Template } from '@/utils/schema';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { createLayer } from '@/utils/platform/ui/layer';
import { createFramePicker, type FramePicker } from './frame-host.content';
import { startInsertButtons } from './insert-buttons.content';
import { startTemplateKeys } from './keys.content';
import { TEMPLATE_UI_CSS } from './picker-css';
import type { PageContext } from './variables';

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

/** One picker at a time over one editable. */
export interface PickerSession {
  openFor(editable: Editable, caret: Caret | null, preselect?: Template): void;
  close(): void;
}

/**
 * On Fiverr and Upwork the picker is a frame of our own page, out of the page's reach. (The one
 * drawn in a layer, for the context menu on other sites, is layer-picker.content.ts: the sites'
 * content scripts do not carry it.)
 */
export function framePickerSession(frame: FramePicker, context: () => PageContext): PickerSession {
  return {
    openFor: (editable, caret, preselect) => frame.open(editable, caret, context(), preselect),
    close: () => frame.close(),
  };
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
  // Lazy: it joins the page with the first Insert template button or picker, not on a page with neither.
  const layer = createLayer('templates', TEMPLATE_UI_CSS, signal, { lazy: true });
  const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void, capture = true) =>
    window.addEventListener(type, fn, { capture, signal });

  // The user's templates, cached so Tab can decide synchronously whether a shortcut matches.
  let cache: Template[] = [];
  let lastRefresh: number | null = null;
  const refresh = (force = false): Promise<Template[]> => {
    if (!force && lastRefresh !== null && performance.now() - lastRefresh < 2000) return Promise.resolve(cache);
    lastRefresh = performance.now();
    return request('templates.list', {}).then(
      (list) => (cache = list),
      (error: unknown) => {
        log.once('list', `could not load templates: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      },
    );
  };
  // Read at once where the seller writes (a composer, a page that should have one, a field already
  // focused); elsewhere (a search page of thousands of cards) on the first focus, the earliest a
  // shortcut can be typed: validating the list cost the first pass up to 7 ms there (#19).
  // One query per selector (see insert-buttons.content.ts).
  const hasComposer = () => spec.composers.some((selector) => document.querySelector(selector) !== null);
  if (spec.expectComposer?.(url) || focusedEditable() !== null || hasComposer()) refresh(true).catch(() => {});
  on('focusin', () => void refresh().catch(() => {}));

  // The name may be saved from the picker or the options page while this page is open.
  let myName = settings.myName;
  let keys = settings.keys;
  let tr = translatorFor(settings.language);
  layer.setLocale(tr);
  const unwatch = watchSettings((s) => {
    myName = s.myName;
    keys = s.keys;
    tr = translatorFor(s.language);
    layer.setLocale(tr);
  });
  signal.addEventListener('abort', unwatch, { once: true });
  const context = (): PageContext => ({ my_name: myName, ...spec.readContext(document, new URL(location.href)) });

  // The picker, for one editable at a time: a frame of ours, loaded when an editor gets focus.
  const frame = createFramePicker({ signal, tr: () => tr, insert: insertAndCount });
  const session = framePickerSession(frame, context);
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

  startTemplateKeys({
    layer,
    signal,
    templates: () => cache,
    context,
    keys: () => keys,
    open: openFor,
    insert: (editable, caret, text, template) =>
      void insertAndCount(editable, caret, text, template.id).then((ok) => {
        if (!ok) log.once('tab', `the editor did not take ${template.shortcut}`);
      }),
  });
  startInsertButtons({
    layer,
    signal,
    composers: spec.composers,
    tr: () => tr,
    pickerKey: () => keys.picker,
    open: (editable) => openFor(editable, caretForButton(editable)),
    // The seller is about to write: load the picker's frame now, so Ctrl+Space opens it at once.
    focused: (trusted) => trusted && frame.warm(),
  });

  if (spec.expectComposer?.(url)) {
    // A conversation page without its composer means Fiverr/Upwork changed their markup.
    setTimeout(() => {
      if (!signal.aborted && !hasComposer()) {
        log.standDown('no known composer on this page; Ctrl+Space still works in any text field', 'messageBox');
      }
    }, 5000);
  }
}
