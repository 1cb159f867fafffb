import { watchSettings } from '@/utils/platform/settings';
import { OUR_INLINE_TAG } from '@/utils/platform/ui/ours';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { pageStyle } from '@/utils/platform/ui/page-style';

/** Our own figures on the page: the rupee annotations and the live notes under price fields. */
const OURS = [OUR_INLINE_TAG, '[data-gigsaathi-live]'];

/**
 * The popup's screen-sharing switch: while it is on, the page's balances and earnings and every
 * rupee figure of ours are blurred. One style element of ours with fixed selectors; the page's
 * own elements and text are left as they are, so switching off puts everything back.
 */
export function startPrivacy({ signal, settings }: FeatureContext, pageAmounts: ReadonlyArray<string>): void {
  // A blur strong enough that no digit can be read on a shared screen; no pointer events, so a
  // viewer cannot hover one open either.
  const css = `${[...OURS, ...pageAmounts].join(',\n')} { filter: blur(7px) !important; pointer-events: none !important; }`;
  const style = pageStyle('data-gigsaathi-privacy', '', signal);
  const apply = (on: boolean) => style.set(on ? css : null);
  apply(settings.privacy);
  const unwatch = watchSettings((s) => apply(s.privacy));
  signal.addEventListener('abort', unwatch, { once: true });
}
