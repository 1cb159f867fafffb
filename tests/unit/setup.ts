import '@/utils/platform/i18n/all';
import '@/utils/platform/i18n/en-options';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
