import { pageObserver } from '@/utils/platform/observer';

/**
 * Waits for the first element matching `selector` (pages render late and re-render on SPA
 * navigation). Resolves null when `signal` aborts or `timeoutMs` passes, so a feature whose
 * selectors no longer match simply stands down.
 */
export function waitForElement<E extends Element = Element>(
  selector: string,
  {
    signal,
    timeoutMs = 10_000,
    root = document,
  }: { signal: AbortSignal; timeoutMs?: number; root?: Document | Element },
): Promise<E | null> {
  const found = root.querySelector<E>(selector);
  if (found || signal.aborted) return Promise.resolve(signal.aborted ? null : found);
  return new Promise((resolve) => {
    const watching = new AbortController();
    const done = (value: E | null) => {
      watching.abort();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    // Through the page's one observer: one query per batch (a frame) at most, however many
    // mutations a render produces.
    pageObserver().subscribe(() => {
      const el = root.querySelector<E>(selector);
      if (el) done(el);
    }, watching.signal);
    const onAbort = () => done(null);
    const timer = setTimeout(() => done(root.querySelector<E>(selector)), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Fiverr and Upwork render on the server and hydrate in the browser; nodes added before hydration
 * ends make React/Vue report a mismatch. So the first scan waits for `load` and an idle moment
 * (at most 2 s more).
 */
export function pageSettled(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      'requestIdleCallback' in window
        ? requestIdleCallback(() => resolve(), { timeout: 2000 })
        : setTimeout(resolve, 200);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true, signal });
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
