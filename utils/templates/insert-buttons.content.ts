import type { Translator } from '@/utils/platform/i18n';
import { editableOf, type Editable } from '@/utils/platform/insert/editable';
import { h } from '@/utils/platform/ui/h';
import type { Layer } from '@/utils/platform/ui/layer';
import { holds, pageObserver, within } from '@/utils/platform/observer';
import { trusted } from '@/utils/platform/ui/trusted';
import type { PickerKey } from '@/utils/schema';

/**
 * An "Insert template" button in the top-right corner of each known composer, and of any other
 * editable while it has focus. Buttons live in the feature's layer and follow their editor on
 * scroll, resize and re-render, one rescan per frame at most.
 */
export function startInsertButtons({
  layer,
  signal,
  composers,
  tr,
  open,
  focused,
  pickerKey,
}: {
  layer: Layer;
  signal: AbortSignal;
  composers: ReadonlyArray<string>;
  tr: () => Translator;
  /** The seller clicked the button of `editable`. */
  open(editable: Editable): void;
  /** A page editable took focus (trusted: the seller's own). */
  focused?(trusted: boolean): void;
  /** The seller's picker key, named in the button's tooltip. */
  pickerKey: () => PickerKey;
}): void {
  const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void, capture = true) =>
    window.addEventListener(type, fn, { capture, signal });
  const buttons = new Map<Editable, HTMLButtonElement>();
  const makeButton = (editable: Editable) => {
    const button = h(
      'button',
      {
        type: 'button',
        className: 'insert-button',
        'aria-label': tr().t('picker.insertTemplate'),
        title:
          pickerKey() === 'off'
            ? tr().t('picker.insertTemplate')
            : tr().t('picker.insertTemplateTitle', { key: pickerKey() }),
        'data-gigsaathi-insert': '',
        // Keep focus and caret in the editor.
        onmousedown: (e: Event) => e.preventDefault(),
        onclick: trusted(() => open(editable)),
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
    // One query per selector, not one of the joined list: in Chromium our four took 0.3 ms in all
    // on the 5,000-card bench page and the joined list 5.3 ms, on every page's first pass and
    // again on each scroll frame.
    for (const selector of composers)
      for (const el of document.querySelectorAll(selector)) {
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
      focused?.(e.isTrusted);
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
  // Pages render composers late and re-render them on navigation. A rescan only when what the
  // page added is, holds or sits in a composer (an editor can fill its box after the box), or an
  // editor with a button left: fifty appended search cards do none of that.
  const selector = composers.join(',');
  const holdsComposer = (n: Node) => (n.parentNode !== null && within(n.parentNode, selector)) || holds(n, selector);
  pageObserver().subscribe(({ added, removed }) => {
    if (added.some(holdsComposer) || (removed.length > 0 && [...buttons.keys()].some((e) => !e.isConnected))) sync();
  }, signal);
  sync();
}
