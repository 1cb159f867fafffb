import { browser } from 'wxt/browser';
import type { Translator } from '@/utils/platform/i18n';
import { caretRect, restoreCaret, type Caret, type Editable } from '@/utils/platform/insert/editable';
import type { Template } from '@/utils/schema';
import { createLayer } from '@/utils/platform/ui/layer';
import { FRAME_HEIGHT, FRAME_PATH, FRAME_WIDTH, FromFrame, type ToFrame } from '@/utils/schema/picker-frame';
import type { PageContext } from './variables';

const CSS = `
:host { all: initial; }
iframe { position: fixed; top: 0; left: 0; border: 0; padding: 0; margin: 0; background: transparent;
  width: ${FRAME_WIDTH}px; height: ${FRAME_HEIGHT}px; max-width: 100vw; max-height: 100vh; color-scheme: normal; }
iframe[hidden] { display: block; visibility: hidden; pointer-events: none; width: 0; height: 0; }
`;

/** How long a fresh frame may take to hand back its port. */
const READY_TIMEOUT_MS = 5000;

export interface FramePicker {
  /** Loads the frame ahead of the first key (an editor got focus), so opening is quick. */
  warm(): void;
  open(editable: Editable, caret: Caret | null, context: PageContext, preselect?: Template): void;
  close(): void;
}

/**
 * The content script's side of the picker frame (utils/templates/frame.page.ts): a frame of our own
 * page in a *closed* shadow root, so the page's scripts cannot reach it or its URL's token; the
 * port it is handed carries the page context in and the text to insert out.
 */
export function createFramePicker({
  signal,
  tr,
  insert,
}: {
  signal: AbortSignal;
  tr: () => Translator;
  /** Inserts into the editor the picker was opened on; resolves whether the editor took it. */
  insert(editable: Editable, caret: Caret | null, text: string, templateId: string): Promise<boolean>;
}): FramePicker {
  // Lazy: the frame's host joins the page when the picker first opens.
  const layer = createLayer('picker', CSS, signal, { closed: true, lazy: true });
  const url = browser.runtime.getURL(FRAME_PATH);
  let frame: HTMLIFrameElement | null = null;
  let port: MessagePort | null = null;
  let ready: Promise<MessagePort> | null = null;
  let target: { editable: Editable; caret: Caret | null } | null = null;

  const post = (message: ToFrame) => port?.postMessage(message);

  const hide = () => {
    if (!frame) return;
    frame.hidden = true;
    layer.host.removeAttribute('data-gigsaathi-picker');
  };

  const onMessage = (event: MessageEvent, resolveReady: (p: MessagePort) => void) => {
    const message = FromFrame.safeParse(event.data);
    if (!message.success) return;
    const m = message.data;
    if (m.type === 'ready') resolveReady(port!);
    else if (m.type === 'size') {
      if (frame) frame.style.height = `${Math.min(m.height, FRAME_HEIGHT)}px`;
    } else if (m.type === 'insert') {
      const at = target;
      if (!at) return post({ type: 'inserted', ok: false });
      void insert(at.editable, at.caret, m.text, m.template)
        .catch(() => false)
        .then((ok) => post({ type: 'inserted', ok }));
    } else {
      const at = target;
      target = null;
      hide();
      if (m.returnFocus && at) restoreCaret(at.editable, at.caret);
    }
  };

  const load = () =>
    new Promise<MessagePort>((resolve, reject) => {
      const token = crypto.randomUUID() + crypto.randomUUID();
      const el = document.createElement('iframe');
      let settled = false;
      const ready = (p: MessagePort) => {
        settled = true;
        resolve(p);
      };
      const fail = (reason: string) => {
        if (settled) return;
        settled = true;
        el.remove();
        if (frame === el) frame = port = null;
        reject(new Error(reason));
      };
      el.src = `${url}#${token}`;
      el.title = tr().t('picker.insertTemplate');
      el.hidden = true;
      el.setAttribute('allow', '');
      el.addEventListener(
        'load',
        () => {
          const channel = new MessageChannel();
          port = channel.port1;
          port.onmessage = (event) => onMessage(event, ready);
          // To our own origin only: a frame the page navigated elsewhere gets nothing.
          el.contentWindow?.postMessage({ gigsaathi: 'picker-port', token }, new URL(url).origin, [channel.port2]);
        },
        { once: true },
      );
      el.addEventListener('error', () => fail('the picker frame did not load'), { once: true });
      // A frame the page's policy blocked shows an error page that never answers: give up, and
      // let the next key try a fresh frame.
      setTimeout(() => fail('the picker frame did not answer'), READY_TIMEOUT_MS);
      frame = el;
      layer.root.append(el);
    });

  const warm = () => {
    ready ??= load();
    ready.catch(() => (ready = null));
  };

  // A click elsewhere on the page closes it, as the in-page picker did. Clicks inside the frame
  // never reach the page.
  document.addEventListener(
    'pointerdown',
    (e) => {
      if (e.isTrusted && target && !layer.owns(e.composedPath()[0] ?? null)) post({ type: 'dismiss' });
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => port?.close(), { once: true });

  return {
    warm,
    open: (editable, caret, context, preselect) => {
      warm();
      target = { editable, caret };
      const anchor = caretRect(editable);
      const loading = ready;
      if (!loading) return;
      void loading
        .then(() => {
          if (!frame || target?.editable !== editable) return;
          const width = Math.min(FRAME_WIDTH, window.innerWidth);
          const height = Math.min(FRAME_HEIGHT, window.innerHeight);
          const below = anchor.bottom;
          const top = below + height <= window.innerHeight ? below : Math.max(0, anchor.top - height);
          frame.style.top = `${top}px`;
          frame.style.left = `${Math.min(Math.max(0, anchor.left - 8), window.innerWidth - width)}px`;
          frame.hidden = false;
          layer.host.setAttribute('data-gigsaathi-picker', '');
          frame.focus();
          // Only what the page itself shows; the seller's own name stays in the frame.
          const { client_name = null, gig_title = null } = context;
          post({ type: 'open', context: { client_name, gig_title }, preselect: preselect?.id ?? null });
        })
        // A frame that would not load (a page's CSP, say): the picker stays shut, the page untouched.
        .catch(() => {
          target = null;
        });
    },
    close: () => {
      if (target) post({ type: 'dismiss' });
    },
  };
}
