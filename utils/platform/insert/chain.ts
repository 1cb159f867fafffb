import { editorText, isTextField, restoreCaret, type Caret, type Editable, type TextField } from './editable';

/**
 * Puts text into a page's editor so that the editor's own state takes it: the chain from
 * shared/SITES.md, each technique verified by reading the editor back before the next is tried.
 *
 * - Text fields: execCommand('insertText') first (it keeps the browser's undo stack, so Ctrl+Z
 *   works, and fires the `input` event React and Vue listen to); then setRangeText + `input`.
 * - Rich editors (Slate, ProseMirror/TipTap, Quill, Lexical): a synthetic `paste` carrying
 *   text/plain. Each of them reads clipboardData and applies it to its own model, with newlines
 *   turned into its own paragraphs. Plain contenteditable has no paste handler, so then
 *   execCommand('insertText') line by line with insertParagraph between lines.
 */
export type Technique = 'execCommand' | 'setRangeText' | 'paste' | 'execCommand-lines';

export interface InsertResult {
  ok: boolean;
  technique: Technique | null;
  tried: Technique[];
}

const ZERO_WIDTH = /[\u200B\uFEFF\u00AD]/g;
/** Editors differ in how they show blank lines and spaces; compare words only. */
export function normalise(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until the editor shows one more copy of `text` than before, or `ms` pass. */
async function landed(editable: Editable, text: string, before: number, ms: number): Promise<boolean> {
  const needle = normalise(text);
  if (!needle) return true;
  const deadline = performance.now() + ms;
  for (;;) {
    if (occurrences(normalise(editorText(editable)), needle) > before) return true;
    if (performance.now() > deadline) return false;
    await frame();
  }
}

function insertIntoField(field: TextField, text: string, caret: Caret | null, tried: Technique[]): Technique | null {
  const start = caret?.kind === 'field' ? caret.start : (field.selectionStart ?? field.value.length);
  const end = caret?.kind === 'field' ? caret.end : (field.selectionEnd ?? start);
  const expected = field.value.slice(0, start) + text + field.value.slice(end);
  field.focus({ preventScroll: true });
  field.setSelectionRange(start, end);

  const original = field.value;
  tried.push('execCommand');
  // Deprecated, but still the only way to insert text as typing does, with undo.
  document.execCommand('insertText', false, text);
  if (field.value === expected) return 'execCommand';
  // It changed something (a maxlength cut it short, the page reformatted it): trying another
  // technique now would insert twice.
  if (field.value !== original) return null;

  tried.push('setRangeText');
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return field.value === expected ? 'setRangeText' : null;
}

/**
 * Lets the editor pick up the selection we just set: editors sync their model from the
 * `selectionchange` event, which fires a task later. Slate (slate-react's Editable) throttles that
 * sync to 100 ms, so a Slate editor gets that long too.
 */
async function settleSelection(editable: HTMLElement): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 50);
    editable.ownerDocument.addEventListener('selectionchange', done, { once: true });
  });
  await frame();
  if (editable.closest('[data-slate-editor="true"]')) await sleep(110);
}

function pasteEvent(text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
}

/** The element a paste should be dispatched on: where the caret is, as a real paste would be. */
function pasteTarget(editable: HTMLElement): HTMLElement {
  const node = editable.ownerDocument.getSelection()?.anchorNode;
  const el = node instanceof HTMLElement ? node : node?.parentElement;
  return el && editable.contains(el) ? el : editable;
}

function execLines(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  let ok = true;
  lines.forEach((line, i) => {
    if (i > 0) ok = document.execCommand('insertParagraph') && ok;
    if (line) ok = document.execCommand('insertText', false, line) && ok;
  });
  return ok;
}

/**
 * Inserts `text` at `caret` (replacing what it selects), or at the current caret. Resolves with
 * the technique that worked; `ok: false` means the editor took nothing and nothing was changed.
 */
/**
 * How a paste reaches the editor: `handled` when the editor cancelled it (it took the text),
 * `ignored` when nobody did, null when pasting is not possible here.
 */
export type PasteDispatcher = (target: HTMLElement, text: string) => Promise<'handled' | 'ignored' | null>;

/** Chromium: a paste built in the content script is read by page scripts as is. */
export const dispatchPasteDirectly: PasteDispatcher = async (target, text) => {
  const event = pasteEvent(text);
  target.dispatchEvent(event);
  return event.defaultPrevented ? 'handled' : 'ignored';
};

export async function insertText(
  editable: Editable,
  text: string,
  caret: Caret | null,
  { dispatchPaste = dispatchPasteDirectly }: { dispatchPaste?: PasteDispatcher } = {},
): Promise<InsertResult> {
  const tried: Technique[] = [];
  if (isTextField(editable)) {
    const technique = insertIntoField(editable, text, caret, tried);
    return { ok: technique !== null, technique, tried };
  }

  const needle = normalise(text);
  const before = occurrences(normalise(editorText(editable)), needle);
  restoreCaret(editable, caret);
  await settleSelection(editable);

  const pasted = await dispatchPaste(pasteTarget(editable), text).catch(() => null);
  if (pasted !== null) {
    tried.push('paste');
    // An editor that handled the paste cancels it; give its (possibly async) render time to land
    // before trying anything else, so nothing is ever inserted twice.
    if (await landed(editable, text, before, pasted === 'handled' ? 1000 : 50))
      return { ok: true, technique: 'paste', tried };
    if (pasted === 'handled') return { ok: false, technique: null, tried };
  }

  tried.push('execCommand-lines');
  restoreCaret(editable, caret);
  execLines(text);
  const ok = await landed(editable, text, before, 300);
  return { ok, technique: ok ? 'execCommand-lines' : null, tried };
}
