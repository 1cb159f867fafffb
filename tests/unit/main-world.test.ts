import { describe, expect, it } from 'vitest';
import { ensurePageHelper, pasteThroughPage } from '@/utils/platform/insert/main-world';
import { listenForPasteRequests } from '@/utils/platform/insert/main-world-page';

/**
 * The Firefox paste helper's protocol. happy-dom has one world, so both halves run in it; the
 * point is the contract: text in, a synchronous 'handled' / 'ignored' answer out.
 */
describe('Firefox page-world paste helper', () => {
  it('answers null when the helper is not in the page', () => {
    const el = document.createElement('div');
    document.body.append(el);
    expect(pasteThroughPage(el, 'hello')).toBeNull();
  });

  it('pastes in the page world and reports whether the editor took it', () => {
    const doc = document.implementation.createHTMLDocument('page');
    listenForPasteRequests(doc);
    const editor = doc.createElement('div');
    const plain = doc.createElement('div');
    doc.body.append(editor, plain);
    const seen: string[] = [];
    editor.addEventListener('paste', (e) => {
      seen.push((e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '');
      e.preventDefault();
    });
    expect(pasteThroughPage(editor, 'Line 1\nLine 2 <b>x</b>')).toBe('handled');
    expect(seen).toEqual(['Line 1\nLine 2 <b>x</b>']);
    expect(pasteThroughPage(plain, 'nobody listens')).toBe('ignored');
  });

  it('ignores requests that are not text', () => {
    const doc = document.implementation.createHTMLDocument('page');
    listenForPasteRequests(doc);
    const el = doc.createElement('div');
    doc.body.append(el);
    let pasted = false;
    el.addEventListener('paste', () => (pasted = true));
    el.dispatchEvent(new CustomEvent('gigsaathi:paste', { detail: { text: 'object' }, bubbles: true }));
    expect(pasted).toBe(false);
  });

  it('injects the helper once, and again only after a failure', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('blocked'));
    };
    await expect(ensurePageHelper(failing)).rejects.toThrow('blocked');
    const ok = () => {
      calls++;
      return Promise.resolve();
    };
    await ensurePageHelper(ok);
    await ensurePageHelper(ok);
    expect(calls).toBe(2);
  });
});
