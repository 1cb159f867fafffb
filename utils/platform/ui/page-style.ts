/**
 * A style element of ours at the end of <html>, for what must reach the page's own elements (a
 * blur over its amounts, room beside it for a panel), which our shadow roots' styles cannot. The
 * page's elements and text are never touched: `set(null)`, or the end of `signal`, takes the
 * style away and the page is as it was. `attribute` names it in the page (`data-gigsaathi-…`).
 */
export function pageStyle(attribute: string, value: string, signal: AbortSignal): { set(css: string | null): void } {
  const style = document.createElement('style');
  style.setAttribute(attribute, value);
  signal.addEventListener('abort', () => style.remove(), { once: true });
  return {
    set(css) {
      if (css === null || signal.aborted) {
        style.remove();
        return;
      }
      if (style.textContent !== css) style.textContent = css;
      if (!style.isConnected) document.documentElement.append(style);
    },
  };
}
