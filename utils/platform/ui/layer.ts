import { LOCALE_TAGS, type Translator } from '@/utils/platform/i18n';
/**
 * One shadow root per feature for everything it shows on a page. The host sits on <html>, not
 * inside the page's own tree, so the page's layout, styles and React/Vue reconciliation never see
 * it; `all: initial` keeps the page's inherited styles out, and the shadow keeps ours in.
 */
export interface Layer {
  host: HTMLElement;
  root: ShadowRoot;
  /** True when `node` is part of our UI (events from it are ours, not the page's). */
  owns(node: EventTarget | null): boolean;
  /** Our UI's language and direction, whatever the page's (Urdu: right to left). */
  setLocale(tr: Pick<Translator, 'locale' | 'dir'>): void;
  /** Aborted when the feature stops: whatever else the UI added to the page goes then too. */
  signal: AbortSignal;
}

/**
 * `below`: for large panels that sit beside the page (SEO). They stay under our small in-page
 * controls (the Insert template button, price cards), which must never be covered.
 * `lazy`: the host goes into the page when `host` or `root` is first read, not before: a feature
 * that may show nothing on a page (a price card before any hover, an Insert template button with
 * no composer) adds nothing to it, and a search page of thousands of cards is spared the cost (#19).
 */
export function createLayer(
  name: string,
  css: string,
  signal: AbortSignal,
  { below = false, closed = false, lazy = false } = {},
): Layer {
  let made: { host: HTMLElement; root: ShadowRoot } | null = null;
  let locale: Pick<Translator, 'locale' | 'dir'> | null = null;
  const make = () => {
    if (made) return made;
    const host = document.createElement('div');
    host.setAttribute('data-gigsaathi-ui', name);
    host.style.cssText = `all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: ${below ? 2147483646 : 2147483647};`;
    if (locale) {
      host.lang = LOCALE_TAGS[locale.locale];
      host.dir = locale.dir;
    }
    // Open, so tests and assistive tools reach our UI; closed for the picker frame's host, whose
    // frame URL carries the token that guards its port (utils/templates/frame-host.content.ts).
    const root = host.attachShadow({ mode: closed ? 'closed' : 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
    document.documentElement.append(host);
    // Keys typed in our UI are not the page's: its shortcuts must not fire while the user searches.
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'paste', 'copy', 'cut']) {
      host.addEventListener(type, (e) => e.stopPropagation(), { signal });
    }
    signal.addEventListener('abort', () => host.remove(), { once: true });
    made = { host, root };
    return made;
  };
  if (!lazy) make();
  return {
    get host() {
      return make().host;
    },
    get root() {
      return make().root;
    },
    signal,
    owns: (node) => made !== null && (node === made.host || (node instanceof Node && made.root.contains(node))),
    setLocale: (tr) => {
      locale = tr;
      if (made) {
        made.host.lang = LOCALE_TAGS[tr.locale];
        made.host.dir = tr.dir;
      }
    },
  };
}
