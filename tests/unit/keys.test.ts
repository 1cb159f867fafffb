import { describe, expect, it } from 'vitest';
import { isExpansionKey, isPickerKey } from '@/utils/templates/keys.content';
import { EXPANSION_KEYS, PICKER_KEYS } from '@/utils/schema';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
const ctrlSpace = key({ key: ' ', code: 'Space', ctrlKey: true });
const ctrlDot = key({ key: '.', code: 'Period', ctrlKey: true });
// An Urdu layout: the key next to the comma writes "۔", its code is still Period.
const ctrlDotUrdu = key({ key: '۔', code: 'Period', ctrlKey: true });
const altDot = key({ key: '.', code: 'Period', altKey: true });
const ctrlSemicolon = key({ key: ';', code: 'Semicolon', ctrlKey: true });
const tab = key({ key: 'Tab', code: 'Tab' });
const space = key({ key: ' ', code: 'Space' });

describe('the seller’s keys', () => {
  it('the picker key is the one chosen, with exactly its modifiers', () => {
    expect(isPickerKey(ctrlSpace, 'Ctrl+Space')).toBe(true);
    expect(isPickerKey(ctrlDot, 'Ctrl+Space')).toBe(false);
    expect(isPickerKey(ctrlDot, 'Ctrl+.')).toBe(true);
    expect(isPickerKey(ctrlDotUrdu, 'Ctrl+.')).toBe(true);
    expect(isPickerKey(ctrlSemicolon, 'Ctrl+;')).toBe(true);
    expect(isPickerKey(altDot, 'Alt+.')).toBe(true);
    expect(isPickerKey(altDot, 'Ctrl+.')).toBe(false);
    // Ctrl+Shift+Space is the browser's command; Ctrl+Alt is AltGr on many layouts.
    expect(isPickerKey(key({ key: ' ', code: 'Space', ctrlKey: true, shiftKey: true }), 'Ctrl+Space')).toBe(false);
    expect(isPickerKey(key({ key: '.', code: 'Period', ctrlKey: true, altKey: true }), 'Ctrl+.')).toBe(false);
  });

  it('a key switched off is never the picker key nor the expansion key', () => {
    for (const e of [ctrlSpace, ctrlDot, altDot, ctrlSemicolon, tab, space]) {
      expect(isPickerKey(e, 'off')).toBe(false);
      expect(isExpansionKey(e, 'off')).toBe(false);
    }
  });

  it('the expansion key is Tab or Space pressed alone', () => {
    expect(isExpansionKey(tab, 'Tab')).toBe(true);
    expect(isExpansionKey(space, 'Tab')).toBe(false);
    expect(isExpansionKey(space, 'Space')).toBe(true);
    expect(isExpansionKey(tab, 'Space')).toBe(false);
    expect(isExpansionKey(key({ key: 'Tab', code: 'Tab', shiftKey: true }), 'Tab')).toBe(false);
    expect(isExpansionKey(ctrlSpace, 'Space')).toBe(false);
  });

  it('offers no picker key that is also an expansion key, and Ctrl+Space and Tab first', () => {
    expect(PICKER_KEYS[0]).toBe('Ctrl+Space');
    expect(EXPANSION_KEYS[0]).toBe('Tab');
    expect(PICKER_KEYS).not.toContain('Ctrl+Shift+Space');
  });
});
