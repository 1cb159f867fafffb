import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFleeting } from '@/components/useFleeting';

let set: (v: { error: boolean; text: string } | null) => void = () => {};
function Probe() {
  const [message, setMessage] = useFleeting<{ error: boolean; text: string }>(1000, (m) => !m.error);
  set = setMessage;
  return <p role="status">{message?.text ?? ''}</p>;
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('status messages that clear themselves', () => {
  it('a success goes after its time, an error stays, and a new message gets its full time', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    vi.useFakeTimers();
    const root = document.createElement('div');
    document.body.append(root);
    const react = createRoot(root);
    await act(async () => react.render(<Probe />));
    const text = () => root.querySelector('[role="status"]')!.textContent;

    await act(async () => set({ error: false, text: 'Exported 3 orders.' }));
    await act(async () => vi.advanceTimersByTime(900));
    expect(text()).toBe('Exported 3 orders.');
    await act(async () => set({ error: false, text: 'Exported 4 orders.' }));
    await act(async () => vi.advanceTimersByTime(900));
    expect(text()).toBe('Exported 4 orders.');
    await act(async () => vi.advanceTimersByTime(200));
    expect(text()).toBe('');

    await act(async () => set({ error: true, text: 'The end date is before the start.' }));
    await act(async () => vi.advanceTimersByTime(60_000));
    expect(text()).toBe('The end date is before the start.');
    await act(async () => react.unmount());
  });
});
