import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FromFrame, PortOffer, ToFrame } from '@/utils/schema/picker-frame';
import { startPickerFrame } from '@/utils/templates/frame.page';

/** The picker frame hands its one port to whoever knows the token in its URL, and no one else. */
const TOKEN = 'a'.repeat(36) + 'b'.repeat(36);

const offer = (token: string) => {
  const channel = new MessageChannel();
  const heard: unknown[] = [];
  channel.port1.onmessage = (e) => heard.push(e.data);
  window.dispatchEvent(
    new MessageEvent('message', { data: { gigsaathi: 'picker-port', token }, ports: [channel.port2] }),
  );
  return heard;
};

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('the picker frame', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    window.location.hash = `#${TOKEN}`;
  });

  it('takes a port only with its own token, and only the first', async () => {
    startPickerFrame();
    const stranger = offer('x'.repeat(72));
    await tick();
    expect(stranger).toEqual([]);
    const ours = offer(TOKEN);
    await tick();
    expect(ours).toEqual([{ type: 'ready' }]);
    const second = offer(TOKEN);
    await tick();
    expect(second).toEqual([]);
  });

  it('validates what crosses the port, both ways', () => {
    expect(PortOffer.safeParse({ gigsaathi: 'picker-port', token: 'short' }).success).toBe(false);
    expect(
      ToFrame.safeParse({ type: 'open', context: { client_name: 'x'.repeat(301) }, preselect: null }).success,
    ).toBe(false);
    expect(ToFrame.safeParse({ type: 'eval', code: '1' }).success).toBe(false);
    expect(FromFrame.safeParse({ type: 'insert', text: 'hi', template: '' }).success).toBe(false);
    expect(FromFrame.safeParse({ type: 'close', returnFocus: true }).success).toBe(true);
  });

  it('closes a picker dismissed while it is still opening, instead of showing it', async () => {
    // The background takes its time to list the templates, as a sleeping service worker does.
    fakeBrowser.runtime.onMessage.addListener(async () => {
      await new Promise((r) => setTimeout(r, 60));
      return { ok: true, data: [] };
    });
    startPickerFrame();
    const channel = new MessageChannel();
    const heard: unknown[] = [];
    channel.port1.onmessage = (e) => heard.push(e.data);
    window.dispatchEvent(
      new MessageEvent('message', { data: { gigsaathi: 'picker-port', token: TOKEN }, ports: [channel.port2] }),
    );
    await tick();
    // The seller's Escape (or a click elsewhere) before the frame has built the picker.
    channel.port1.postMessage({ type: 'open', context: {}, preselect: 't1' });
    await tick();
    channel.port1.postMessage({ type: 'dismiss' });
    await new Promise((r) => setTimeout(r, 120));
    expect(heard).toEqual([{ type: 'ready' }, { type: 'close', returnFocus: false }]);
    expect(document.querySelector('[data-gigsaathi-picker]')).toBeNull();
  });
});
