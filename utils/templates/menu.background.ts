import { translatorFor } from '@/utils/platform/i18n';
import { getSettings, watchSettings } from '@/utils/platform/settings';
import type { WxtBrowser } from 'wxt/browser';

export const MENU_ID = 'gigsaathi-insert-template';
export const COMMAND = 'open-template-picker';
export const PICKER_SCRIPT = '/picker.js';

type Api = Pick<WxtBrowser, 'contextMenus' | 'commands' | 'scripting' | 'runtime'>;

/**
 * "Insert template" everywhere else (LinkedIn, PeoplePerHour, WorkChest, Gmail, WhatsApp Web):
 * a context-menu entry on editable fields and a keyboard command. Both inject the picker into
 * the page the user acted on; activeTab grants that tab for that gesture only, so no host
 * permission is needed.
 */
export function setUpTemplateMenu(api: Api): void {
  api.runtime.onInstalled.addListener(() => {
    // Menus persist across restarts; re-creating on install/update keeps exactly one.
    void api.contextMenus
      .removeAll()
      .then(() => getSettings())
      .then((s) =>
        api.contextMenus.create({
          id: MENU_ID,
          title: translatorFor(s.language).t('picker.insertTemplate'),
          contexts: ['editable'],
        }),
      );
  });
  // The entry follows the interface language when it changes.
  watchSettings((s) => {
    void Promise.resolve(
      api.contextMenus.update(MENU_ID, { title: translatorFor(s.language).t('picker.insertTemplate') }),
    ).catch(() => {});
  });
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void inject(api, tab.id, info.frameId);
  });
  api.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND || tab?.id === undefined) return;
    void inject(api, tab.id);
  });
}

export async function inject(api: Api, tabId: number, frameId?: number): Promise<void> {
  try {
    await api.scripting.executeScript({
      // The command does not know the frame: every frame gets it, only the focused one opens.
      target: frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] },
      files: [PICKER_SCRIPT],
    });
  } catch (e) {
    // Pages the browser protects (the Web Store, browser settings) refuse scripts; nothing to do there.
    console.info('[GigSaathi] could not open the picker here:', e instanceof Error ? e.message : e);
  }
}
