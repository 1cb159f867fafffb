import { translatorFor } from '@/utils/platform/i18n';
import { ensureMessages } from '@/utils/platform/i18n/remote';
import { focusedEditable, saveCaret } from '@/utils/platform/insert/editable';
import { request } from '@/utils/platform/messaging/client';
import { getSettings, watchSettings } from '@/utils/platform/settings';
import { createLayer } from '@/utils/platform/ui/layer';
import { siteOf } from '@/utils/sites';
import { framePickerSession, insertAndCount } from './templates.content';
import { layerPickerSession } from './layer-picker.content';
import { createFramePicker } from './frame-host.content';
import { TEMPLATE_UI_CSS } from './picker-css';

type OpenPicker = () => boolean;
const slot = globalThis as { __gigsaathiOpenPicker?: OpenPicker };

/**
 * Run by the "Insert template" context-menu entry and the keyboard command, injected into the
 * page (any site, through activeTab) or into every frame. Opens the picker on the focused field;
 * where the templates feature already runs (Fiverr, Upwork) it defers to it.
 */
export async function openPickerHere(): Promise<boolean> {
  if (!document.hasFocus() || !focusedEditable()) return false;
  if (slot.__gigsaathiOpenPicker) return slot.__gigsaathiOpenPicker();

  // First use on this page: a picker that lives as long as the page does.
  const settings = await getSettings();
  await ensureMessages(settings.language);
  let myName = settings.myName;
  let tr = translatorFor(settings.language);
  const layer = createLayer('templates', TEMPLATE_UI_CSS, new AbortController().signal);

  layer.setLocale(tr);
  watchSettings(
    (s) =>
      void ensureMessages(s.language).then(() => {
        myName = s.myName;
        tr = translatorFor(s.language);
        layer.setLocale(tr);
      }),
  );
  // On the sites we serve a frame of ours may be shown (web_accessible_resources); elsewhere the
  // picker is drawn in the page, the one place it can be.
  const context = () => ({ my_name: myName });
  const session =
    siteOf(location.href) !== null
      ? framePickerSession(
          createFramePicker({ signal: new AbortController().signal, tr: () => tr, insert: insertAndCount }),
          context,
        )
      : layerPickerSession({ layer, tr: () => tr, context, templates: () => request('templates.list', {}) });
  slot.__gigsaathiOpenPicker = () => {
    const editable = focusedEditable();
    if (!editable) return false;
    session.openFor(editable, saveCaret(editable));
    return true;
  };
  return slot.__gigsaathiOpenPicker();
}
