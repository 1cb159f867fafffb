import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { SyncPanel } from '@/utils/sync/ui/SyncPanel';
import { syncState } from '@/utils/sync/state';
import { SyncStatusSchema } from '@/utils/schema';

async function render(): Promise<{ root: HTMLElement; unmount(): void }> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const root = document.createElement('div');
  document.body.append(root);
  const reactRoot = createRoot(root);
  await act(async () => reactRoot.render(<I18nProvider>{<SyncPanel />}</I18nProvider>));
  for (let i = 0; i < 50 && !root.querySelector('[data-gigsaathi-sync]'); i++)
    await act(() => new Promise((r) => setTimeout(r, 20)));
  return { root, unmount: () => act(() => reactRoot.unmount()) as unknown as void };
}
const status = (root: HTMLElement) => root.querySelector('[data-gigsaathi-sync]');

afterEach(() => document.body.replaceChildren());

describe('the sync panel (options page)', () => {
  it('says plainly when sync is full, and when this browser last received a change', async () => {
    await syncState.setStatus(
      SyncStatusSchema.parse({
        synced: 240,
        total: 300,
        lastReceivedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
      }),
    );
    const { root, unmount } = await render();
    expect(status(root)?.getAttribute('data-gigsaathi-sync')).toBe('full');
    expect(status(root)?.textContent).toBe(
      'Sync is full: 240 of 300 templates sync; the others stay on this browser.' +
        'This browser last received a change 3 min ago.',
    );
    expect(root.textContent).toContain('Orders do not sync');
    unmount();
  });

  it('follows the switch and a status written while it is open', async () => {
    const { root, unmount } = await render();
    expect(status(root)?.textContent).toBe(
      'All 0 templates sync.This browser has not received a change from sync yet.',
    );
    await act(() =>
      syncState.setStatus(
        SyncStatusSchema.parse({
          synced: 12,
          total: 12,
          error: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
        }),
      ),
    );
    await expect.poll(() => status(root)?.textContent).toContain('All 12 templates sync.');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('MAX_WRITE_OPERATIONS_PER_MINUTE');
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    await act(async () => box.click());
    expect(status(root)?.getAttribute('data-gigsaathi-sync')).toBe('off');
    expect((await syncState.prefs()).enabled).toBe(false);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    unmount();
  });
});
