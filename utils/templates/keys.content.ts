import {
  caretSelectingBack,
  focusedEditable,
  saveCaret,
  textBeforeCaret,
  type Caret,
  type Editable,
} from '@/utils/platform/insert/editable';
import type { Layer } from '@/utils/platform/ui/layer';
import type { Template } from '@/utils/schema';
import { matchShortcut } from './shortcuts';
import { renderTemplate, type PageContext } from './variables';

/**
 * Ctrl+Space opens the picker at the caret in any editable; Tab after a shortcut expands it, or
 * opens the picker on that template when the page cannot fill its variables. Only the seller's
 * own keys count: a page's script can send Ctrl+Space or Tab too.
 */
export function startTemplateKeys({
  layer,
  signal,
  templates,
  context,
  open,
  insert,
}: {
  layer: Layer;
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
      const ctrlSpace = e.ctrlKey && !e.altKey && !e.metaKey && (e.code === 'Space' || e.key === ' ');
      const plainTab = e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
      if (!ctrlSpace && !plainTab) return;
      const editable = focusedEditable();
      if (!editable) return;
      if (ctrlSpace) {
        e.preventDefault();
        e.stopImmediatePropagation();
        open(editable, saveCaret(editable));
        return;
      }
      const before = textBeforeCaret(editable);
      const match = before === null ? null : matchShortcut(before, templates());
      if (!match) return; // Tab behaves as it always does.
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
