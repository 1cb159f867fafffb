import type { Template } from '@/utils/schema';

export interface ShortcutMatch {
  template: Template;
  /** How many characters before the caret the shortcut takes. */
  length: number;
}

/**
 * The template whose shortcut ends exactly at the caret and starts at a word boundary (start of
 * text or after whitespace), so `/thanks` expands but `a/thanks` or `/thanksgiving` do not.
 * The longest shortcut wins when one ends another (`/ty` vs `/thankty`).
 */
export function matchShortcut(textBeforeCaret: string, templates: ReadonlyArray<Template>): ShortcutMatch | null {
  let best: ShortcutMatch | null = null;
  for (const template of templates) {
    const s = template.shortcut;
    if (!s || !textBeforeCaret.endsWith(s)) continue;
    const before = textBeforeCaret.slice(0, textBeforeCaret.length - s.length);
    if (before !== '' && !/\s$/u.test(before)) continue;
    if (!best || s.length > best.length) best = { template, length: s.length };
  }
  return best;
}

/** The other template already using `shortcut`, if any. */
export function shortcutOwner(
  templates: ReadonlyArray<Template>,
  shortcut: string | null,
  exceptId?: string,
): Template | null {
  if (!shortcut) return null;
  return templates.find((t) => t.shortcut === shortcut && t.id !== exceptId) ?? null;
}
