import type { Translator } from '@/utils/platform/i18n';
import { caretRect, restoreCaret } from '@/utils/platform/insert/editable';
import { request } from '@/utils/platform/messaging/client';
import { updateSettings } from '@/utils/platform/settings';
import type { Template } from '@/utils/schema';
import type { Layer } from '@/utils/platform/ui/layer';
import { openPicker } from './picker';
import { insertAndCount, type PickerSession } from './templates.content';
import type { PageContext } from './variables';

/**
 * The picker drawn in the feature's layer, for the context menu on sites where no page of ours may
 * be framed: inserts through the chain, counts the use, remembers a name the user types, and
 * gives the editor its caret back on Escape. One at a time.
 */
export function layerPickerSession({
  layer,
  context,
  templates,
  tr,
}: {
  layer: Layer;
  context: () => PageContext;
  templates: () => Promise<Template[]>;
  tr: () => Translator;
}): PickerSession {
  let picker: { close(): void } | null = null;
  return {
    openFor: (editable, caret, preselect) => {
      picker?.close();
      picker = openPicker({
        layer,
        tr: tr(),
        anchor: caretRect(editable),
        templates: templates(),
        context: context(),
        now: () => new Date(),
        preselect,
        insert: (text, template) => insertAndCount(editable, caret, text, template.id),
        onClose: (returnFocus) => {
          picker = null;
          if (returnFocus) restoreCaret(editable, caret);
        },
        openManager: () => void request('options.open', {}).catch(() => {}),
        onAnswers: (answers) => {
          const name = answers.my_name?.trim();
          if (name) updateSettings((s) => ({ ...s, myName: name })).catch(() => {});
        },
      });
    },
    close: () => picker?.close(),
  };
}
