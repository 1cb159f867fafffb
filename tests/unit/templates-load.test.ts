import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { startTemplates, type TemplateSiteSpec } from '@/utils/templates/templates.content';

const request = vi.hoisted(() => vi.fn(async (type: string) => (type === 'templates.list' ? [] : null)));
vi.mock('@/utils/platform/messaging/client', async (original) => ({
  ...(await original<typeof import('@/utils/platform/messaging/client')>()),
  request,
}));

const log = { once: vi.fn(), standDown: vi.fn() };
const listRequests = () => request.mock.calls.filter(([type]) => type === 'templates.list').length;
const spec = (extra: Partial<TemplateSiteSpec> = {}): TemplateSiteSpec => ({
  composers: ['textarea.composer'],
  readContext: () => ({}),
  ...extra,
});

describe('when a page’s content script reads the seller’s templates (#19)', () => {
  let controller: AbortController;
  beforeEach(() => {
    request.mockClear();
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });
  const start = (s: TemplateSiteSpec, url = 'https://www.fiverr.com/search/gigs?query=logo') =>
    startTemplates({ signal: controller.signal, url: new URL(url), settings: DEFAULT_SETTINGS, log: log as never }, s);

  it('a page without a composer reads them on the first focus, not before', () => {
    const search = document.body.appendChild(document.createElement('input'));
    start(spec());
    expect(listRequests()).toBe(0);
    search.focus();
    search.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(listRequests()).toBe(1);
    // Focus again at once: the list just read serves.
    search.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(listRequests()).toBe(1);
  });

  it('a page with a composer reads them at once, so Tab after a shortcut works from the first key', () => {
    const composer = document.createElement('textarea');
    composer.className = 'composer';
    document.body.append(composer);
    start(spec());
    expect(listRequests()).toBe(1);
  });

  it('a page that should have a composer reads them at once, even before the composer renders', () => {
    start(spec({ expectComposer: () => true }), 'https://www.fiverr.com/inbox/buyer_1');
    expect(listRequests()).toBe(1);
  });

  it('a field already focused as the script starts reads them at once', () => {
    const field = document.body.appendChild(document.createElement('textarea'));
    field.focus();
    start(spec());
    expect(listRequests()).toBe(1);
  });
});
