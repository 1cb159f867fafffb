import { REQUEST, RESPONSE } from './main-world-page';

/**
 * The content-script side of the Firefox paste helper: asks the page-world script (injected
 * once, see entrypoints/paste-main-world.ts) to paste. Returns null when the helper is not
 * there, so the chain falls back to its next technique.
 */
export function pasteThroughPage(target: Element, text: string): 'handled' | 'ignored' | null {
  let answer: 'handled' | 'ignored' | null = null;
  const onAnswer = (e: Event) => {
    const detail = (e as CustomEvent<unknown>).detail;
    if (detail === 'handled' || detail === 'ignored') answer = detail;
  };
  target.addEventListener(RESPONSE, onAnswer, { once: true });
  // Dispatch is synchronous: the page-world listener answers before this returns.
  target.dispatchEvent(new CustomEvent(REQUEST, { detail: text, bubbles: true, composed: true }));
  target.removeEventListener(RESPONSE, onAnswer);
  return answer;
}

let injected: Promise<void> | null = null;

/** Injects the page-world helper once per page. */
export function ensurePageHelper(inject: () => Promise<void>): Promise<void> {
  injected ??= inject().catch((e: unknown) => {
    injected = null;
    throw e;
  });
  return injected;
}
