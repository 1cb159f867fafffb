import { pageObserver } from '@/utils/platform/observer';
import type { Layer } from '@/utils/platform/ui/layer';

/**
 * Calls `run` after the page has been quiet for `delayMs`: on the user's typing (input events)
 * and on the page's own re-renders (mutations), never on our own UI's. Typing stays untouched:
 * nothing runs between keystrokes, and one evaluation follows a burst of them.
 */
export function onPageChange(
  run: () => void,
  { signal, layer, delayMs = 300 }: { signal: AbortSignal; layer: Layer; delayMs?: number },
): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  document.addEventListener('input', (e) => !layer.owns(e.target) && schedule(), { capture: true, signal });
  document.addEventListener('change', (e) => !layer.owns(e.target) && schedule(), { capture: true, signal });
  // The page's one observer leaves our own nodes (the price tags, our layers) out.
  pageObserver().subscribe(schedule, signal);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
