import { translatorFor, type Translator } from '@/utils/platform/i18n';
import { request } from '@/utils/platform/messaging/client';
import { getSettings, updateSettings, watchSettings } from '@/utils/platform/settings';
import type { Settings, Template } from '@/utils/schema';
import { createLayer } from '@/utils/platform/ui/layer';
import { FromFrame, PortOffer, ToFrame } from '@/utils/schema/picker-frame';
import { openPicker } from './picker';
import { TEMPLATE_UI_CSS } from './picker-css';

/**
 * The template picker as an extension page in a frame on Fiverr and Upwork: the seller's
 * templates, the search they type and the variables form live in GigSaathi's origin, where the
 * page's scripts (ads, analytics, session replay) can neither read them nor hear the keys. The
 * content script in the page keeps the trigger and the insertion.
 */
export function startPickerFrame(): void {
  const token = location.hash.slice(1);
  let port: MessagePort | null = null;
  let settings: Settings | null = null;
  let tr: Translator = translatorFor('auto');
  const layer = createLayer('picker', TEMPLATE_UI_CSS, new AbortController().signal);
  const apply = (s: Settings) => {
    settings = s;
    tr = translatorFor(s.language);
    layer.setLocale(tr);
    document.documentElement.lang = layer.host.lang;
    document.documentElement.dir = tr.dir;
  };
  // Read before the first key, so opening costs no storage round trip.
  const loaded = getSettings().then(apply);
  watchSettings(apply);

  let picker: { close(): void } | null = null;
  let pendingInsert: ((ok: boolean) => void) | null = null;
  const send = (message: FromFrame) => port?.postMessage(FromFrame.parse(message));

  /**
   * An opening under way: the frame has the focus from the moment it shows, before the picker is
   * built here (the settings, a preselected template). Escape or a dismissal meanwhile must still
   * close it, or the seller's quick Escape after Ctrl+Space is lost and the picker stays open.
   */
  let opening: { dismissed: boolean; returnFocus: boolean } | null = null;
  const dismissOpening = (returnFocus: boolean) => {
    if (opening && !picker) Object.assign(opening, { dismissed: true, returnFocus });
  };
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.isTrusted && e.key === 'Escape') dismissOpening(true);
    },
    true,
  );

  const open = async (message: Extract<ToFrame, { type: 'open' }>) => {
    const attempt = { dismissed: false, returnFocus: false };
    opening = attempt;
    await loaded;
    picker?.close();
    const templates = request('templates.list', {});
    const preselect = message.preselect
      ? ((await templates.catch(() => [] as Template[])).find((t) => t.id === message.preselect) ?? undefined)
      : undefined;
    if (opening !== attempt) return;
    opening = null;
    if (attempt.dismissed) return send({ type: 'close', returnFocus: attempt.returnFocus });
    picker = openPicker({
      layer,
      tr,
      anchor: new DOMRect(0, 0, 0, 0),
      templates,
      context: { ...message.context, my_name: settings?.myName ?? null },
      now: () => new Date(),
      preselect,
      insert: (text, template) =>
        new Promise<boolean>((resolve) => {
          pendingInsert = resolve;
          send({ type: 'insert', text, template: template.id });
        }),
      onClose: (returnFocus) => {
        picker = null;
        send({ type: 'close', returnFocus });
      },
      openManager: () => void request('options.open', {}).catch(() => {}),
      onAnswers: (answers) => {
        const name = answers.my_name?.trim();
        if (name) updateSettings((s) => ({ ...s, myName: name })).catch(() => {});
      },
    });
  };

  // The frame is as tall as the picker in it (list, or the shorter variables form): the page
  // below stays the page's to click.
  const observeDialog = () => {
    const dialog = layer.root.querySelector<HTMLElement>('[data-gigsaathi-picker]');
    if (dialog) sizes.observe(dialog);
  };
  const sizes = new ResizeObserver(() => {
    const dialog = layer.root.querySelector<HTMLElement>('[data-gigsaathi-picker]');
    if (dialog) send({ type: 'size', height: Math.ceil(dialog.getBoundingClientRect().bottom + 16) });
  });

  const onPortMessage = (event: MessageEvent) => {
    const message = ToFrame.safeParse(event.data);
    if (!message.success) return;
    const m = message.data;
    if (m.type === 'open') void open(m).then(observeDialog);
    else if (m.type === 'inserted') {
      pendingInsert?.(m.ok);
      pendingInsert = null;
    } else {
      dismissOpening(false);
      picker?.close();
    }
  };

  // The one port, from the content script that made this frame: it alone knows the token.
  window.addEventListener('message', (event) => {
    const offer = PortOffer.safeParse(event.data);
    if (port || !token || !offer.success || offer.data.token !== token || !event.ports[0]) return;
    port = event.ports[0];
    port.onmessage = onPortMessage;
    send({ type: 'ready' });
  });
}
