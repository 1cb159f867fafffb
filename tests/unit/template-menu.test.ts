import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { COMMAND, MENU_ID, PICKER_SCRIPT, setUpTemplateMenu } from '@/utils/templates/menu.background';
import { GigSaathiDB } from '@/utils/platform/db';
import { installStarterTemplates, saveTemplate } from '@/utils/templates/store';
import { STARTER_TEMPLATES } from '@/utils/templates/starter';
import { STARTER_IDS } from '@/utils/schema';

function event<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return {
    addListener: (fn: (...args: A) => void) => listeners.push(fn),
    fire: (...args: A) => listeners.forEach((l) => l(...args)),
  };
}

function fakeApi() {
  const onInstalled = event<[unknown]>();
  const onClicked = event<[{ menuItemId: string; frameId?: number }, { id?: number } | undefined]>();
  const onCommand = event<[string, { id?: number } | undefined]>();
  const api = {
    runtime: { onInstalled },
    contextMenus: { removeAll: vi.fn(async () => {}), create: vi.fn(), onClicked },
    commands: { onCommand },
    scripting: { executeScript: vi.fn(async () => []) },
  };
  setUpTemplateMenu(api as unknown as Parameters<typeof setUpTemplateMenu>[0]);
  return { api, onInstalled, onClicked, onCommand };
}

describe('Insert template on other sites', () => {
  it('adds one context-menu entry on editable fields', async () => {
    const { api, onInstalled } = fakeApi();
    onInstalled.fire({ reason: 'install' });
    await vi.waitFor(() => expect(api.contextMenus.create).toHaveBeenCalledTimes(1));
    expect(api.contextMenus.removeAll).toHaveBeenCalledBefore(api.contextMenus.create);
    expect(api.contextMenus.create).toHaveBeenCalledWith({
      id: MENU_ID,
      title: 'Insert template',
      contexts: ['editable'],
    });
  });

  it('injects the picker into the frame that was right-clicked', () => {
    const { api, onClicked } = fakeApi();
    onClicked.fire({ menuItemId: MENU_ID, frameId: 3 }, { id: 7 });
    expect(api.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      files: [PICKER_SCRIPT],
    });
  });

  it('injects into every frame of the tab for the keyboard command', () => {
    const { api, onCommand } = fakeApi();
    onCommand.fire(COMMAND, { id: 9 });
    expect(api.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 9, allFrames: true },
      files: [PICKER_SCRIPT],
    });
  });

  it('ignores other menu items, other commands and tabless events', () => {
    const { api, onClicked, onCommand } = fakeApi();
    onClicked.fire({ menuItemId: 'other' }, { id: 1 });
    onClicked.fire({ menuItemId: MENU_ID }, undefined);
    onCommand.fire('something-else', { id: 1 });
    expect(api.scripting.executeScript).not.toHaveBeenCalled();
  });

  it('does not throw on pages that refuse scripts', async () => {
    const { api, onCommand } = fakeApi();
    api.scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    onCommand.fire(COMMAND, { id: 1 });
    await vi.waitFor(() => expect(info).toHaveBeenCalled());
  });
});

describe('starter library', () => {
  it('installs once, never over the user’s own templates or shortcuts', async () => {
    const db = new GigSaathiDB(`starter-${Math.random().toString(36).slice(2)}`);
    try {
      await saveTemplate(db, { id: 'mine', title: 'Mine', body: 'x', shortcut: '/thanks' });
      expect(await installStarterTemplates(db)).toBe(STARTER_TEMPLATES.length - 1);
      expect((await db.templates.get('mine'))?.title).toBe('Mine');
      expect(await db.templates.get('starter-thanks')).toBeUndefined();
      expect(await installStarterTemplates(db)).toBe(0);
      expect(await db.templates.count()).toBe(STARTER_TEMPLATES.length);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  it('the starter ids the database upgrade buries are the starter library’s ids', () => {
    expect(STARTER_TEMPLATES.map((s) => s.id)).toEqual([...STARTER_IDS]);
  });
});
