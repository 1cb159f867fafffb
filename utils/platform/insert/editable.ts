/** Text fields whose value we can edit: textareas and text-like inputs. */
export type TextField = HTMLTextAreaElement | HTMLInputElement;
/** A text field, or the root element of a contenteditable editor. */
export type Editable = TextField | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', '']);

export function isTextField(el: Element | null): el is TextField {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return false;
}

/** The outermost element of the contenteditable region `el` is in (where editors listen). */
function contentEditableRoot(el: Element): HTMLElement | null {
  let node: HTMLElement | null = el instanceof HTMLElement ? el : el.parentElement;
  if (!node?.isContentEditable) return null;
  while (node.parentElement?.isContentEditable) node = node.parentElement;
  return node;
}

/** The editable that `el` (usually document.activeElement or an event target) belongs to. */
export function editableOf(el: Element | null): Editable | null {
  if (!el) return null;
  if (isTextField(el)) return el;
  return contentEditableRoot(el);
}

/** The focused editable, looking through open shadow roots as a page's components may use them. */
export function focusedEditable(doc: Document = document): Editable | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return editableOf(active);
}

/** Where the caret or selection is in an editable, kept while our picker has focus. */
export type Caret = { kind: 'field'; start: number; end: number } | { kind: 'range'; range: Range };

export function saveCaret(editable: Editable): Caret | null {
  if (isTextField(editable)) {
    const start = editable.selectionStart ?? editable.value.length;
    return { kind: 'field', start, end: editable.selectionEnd ?? start };
  }
  const sel = editable.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!editable.contains(range.commonAncestorContainer)) return null;
  return { kind: 'range', range: range.cloneRange() };
}

/** Puts focus and the caret (or selection) back where they were. */
export function restoreCaret(editable: Editable, caret: Caret | null): void {
  editable.focus({ preventScroll: true });
  if (!caret) return;
  if (caret.kind === 'field' && isTextField(editable)) {
    editable.setSelectionRange(caret.start, caret.end);
  } else if (caret.kind === 'range') {
    const sel = editable.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(caret.range);
  }
}

/** The text from the start of the caret's line (or text node) up to a collapsed caret. */
export function textBeforeCaret(editable: Editable): string | null {
  if (isTextField(editable)) {
    const { selectionStart: s, selectionEnd: e } = editable;
    if (s === null || s !== e) return null;
    return editable.value.slice(0, s);
  }
  const sel = editable.ownerDocument.getSelection();
  if (!sel || !sel.isCollapsed || sel.rangeCount === 0) return null;
  const { anchorNode, anchorOffset } = sel;
  if (!anchorNode || !editable.contains(anchorNode)) return null;
  if (anchorNode.nodeType === Node.TEXT_NODE) return (anchorNode.textContent ?? '').slice(0, anchorOffset);
  // Caret between nodes: the text of the node just before it.
  const before = anchorNode.childNodes[anchorOffset - 1];
  return before?.textContent ?? '';
}

/** A caret that selects the `length` characters before the collapsed caret (a typed shortcut). */
export function caretSelectingBack(editable: Editable, length: number): Caret | null {
  if (isTextField(editable)) {
    const end = editable.selectionStart ?? 0;
    return { kind: 'field', start: Math.max(0, end - length), end };
  }
  const sel = editable.ownerDocument.getSelection();
  if (!sel?.anchorNode || sel.anchorNode.nodeType !== Node.TEXT_NODE) return null;
  const range = editable.ownerDocument.createRange();
  range.setStart(sel.anchorNode, Math.max(0, sel.anchorOffset - length));
  range.setEnd(sel.anchorNode, sel.anchorOffset);
  return { kind: 'range', range };
}

/** The text the editor shows, as the user reads it. */
export function editorText(editable: Editable): string {
  return isTextField(editable) ? editable.value : editable.innerText;
}

/** Where to anchor a popup: the caret's box when there is one, else the editable's. */
export function caretRect(editable: Editable): DOMRect {
  if (!isTextField(editable)) {
    const sel = editable.ownerDocument.getSelection();
    if (sel && sel.rangeCount > 0 && editable.contains(sel.anchorNode)) {
      const rect = sel.getRangeAt(0).getBoundingClientRect();
      if (rect.width > 0 || rect.height > 0) return rect;
    }
  }
  return editable.getBoundingClientRect();
}
