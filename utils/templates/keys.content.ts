import {
  caretSelectingBack,
  focusedEditable,
  saveCaret,
  textBeforeCaret,
  type Caret,
  type Editable,
} from '@/utils/platform/insert/editable';
import type { Layer } from '@/utils/platform/ui/layer';
import type { ExpansionKey, PickerKey, Template } from '@/utils/schema';
import { matchShortcut } from './shortcuts';
import { renderTemplate, type PageContext } from './variables';

/** `KeyboardEvent.code` of each picker key's key: the same physical key on every layout (Urdu too). */
const PICKER_CODES: Record<Exclude<PickerKey, 'off'>, { code: string; key: string; ctrl: boolean }> = {
  'Ctrl+Space': { code: 'Space', key: ' ', ctrl: true },
  'Ctrl+.': { code: 'Period', key: '.', ctrl: true },
  'Ctrl+;': { code: 'Semicolon', key: ';', ctrl: true },
  'Alt+.': { code: 'Period', key: '.', ctrl: false },
};

/** Whether `e` is the seller's picker key (none when it is switched off). */
export function isPickerKey(e: KeyboardEvent, setting: PickerKey): boolean {
  if (setting === 'off') return false;
  const want = PICKER_CODES[setting];
  const mods = want.ctrl ? e.ctrlKey && !e.altKey : e.altKey && !e.ctrlKey;
  return mods && !e.metaKey && !e.shiftKey && (e.code === want.code || e.key === want.key);
}

/** Whether `e` is the seller's expansion key, pressed alone. */
export function isExpansionKey(e: KeyboardEvent, setting: ExpansionKey): boolean {
  if (setting === 'off' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return false;
  return setting === 'Tab' ? e.key === 'Tab' : e.code === 'Space' || e.key === ' ';
}

/**
 * The picker key (Ctrl+Space unless the seller chose another) opens the picker at the caret in
 * any editable; the expansion key (Tab) after a shortcut expands it, or opens the picker on that
 * template when the page cannot fill its variables. Only the seller's own keys count: a page's
 * script can send them too.
 */
export function startTemplateKeys({
  layer,
  signal,
  templates,
  context,
  open,
  insert,
  keys,
}: {
  layer: Layer;
  /** The seller's keys, as set now (settings change while the page is open). */
  keys: () => { picker: PickerKey; expansion: ExpansionKey };
  signal: AbortSignal;
  /** The templates as cached, so Tab decides synchronously whether a shortcut matches. */
  templates: () => Template[];
  context: () => PageContext;
  open(editable: Editable, caret: Caret | null, preselect?: Template): void;
  insert(editable: Editable, caret: Caret, text: string, template: Template): void;
}): void {
  window.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || e.defaultPrevented || e.isComposing || layer.owns(e.composedPath()[0] ?? null)) return;
      const chosen = keys();
      const picker = isPickerKey(e, chosen.picker);
      const expansion = !picker && isExpansionKey(e, chosen.expansion);
      if (!picker && !expansion) return;
      const editable = focusedEditable();
      if (!editable) return;
      if (picker) {
        e.preventDefault();
        e.stopImmediatePropagation();
        open(editable, saveCaret(editable));
        return;
      }
      const before = textBeforeCaret(editable);
      const match = before === null ? null : matchShortcut(before, templates());
      if (!match) return; // The key does what it always does.
      const caret = caretSelectingBack(editable, match.length);
      if (!caret) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      const rendered = renderTemplate(match.template.body, context(), new Date());
      if (rendered.missing.length > 0) open(editable, caret, match.template);
      else insert(editable, caret, rendered.text, match.template);
    },
    { capture: true, signal },
  );
}
