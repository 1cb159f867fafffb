/**
 * The page is not on our side: its ads, analytics and session-replay scripts can dispatch
 * synthetic events and call `.click()` on our buttons (shared/SITES.md). Those events carry
 * `isTrusted === false`; only the seller's own keystrokes and clicks are trusted.
 */
export function trusted<E extends Event>(fn: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) fn(event);
  };
}

const SUBMITTER = 'button[type="submit"], button:not([type]), input[type="submit"]';

/**
 * A form's submit, only after the seller's own Enter or click on its submit button. The submit
 * event itself proves nothing: `form.requestSubmit()` and a synthetic `.click()` on the submit
 * button both fire a *trusted* submit (seen in Chromium 156), so what led to it is checked.
 */
export function onUserSubmit(
  form: HTMLFormElement,
  fn: (event: SubmitEvent) => void,
  options: { signal?: AbortSignal } = {},
): void {
  let armed = false;
  const arm = (event: Event) => {
    armed = event.isTrusted;
  };
  form.addEventListener('keydown', (e) => e.key === 'Enter' && arm(e), { capture: true, ...options });
  form.addEventListener('click', (e) => e.target instanceof Element && e.target.closest(SUBMITTER) && arm(e), {
    capture: true,
    ...options,
  });
  form.addEventListener(
    'submit',
    (e) => {
      e.preventDefault();
      const ok = armed;
      armed = false;
      if (ok) fn(e);
    },
    options,
  );
}
