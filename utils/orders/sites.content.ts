import { defineFeature } from '@/utils/platform/runner/types';
import { fiverr, upwork } from '@/utils/sites';
import { fromPack } from '@/utils/platform/runner/packs';

/**
 * "Save to GigSaathi" on an order page; "Save all to GigSaathi" on the manage-orders list. Its code
 * is a pack (entrypoints/fiverr-capture.ts), loaded on those pages only.
 */
export const fiverrCapture = defineFeature({
  id: 'capture',
  site: 'fiverr',
  include: [fiverr.isOrderPage, fiverr.isManageOrders],
  init: fromPack('fiverr-capture', 'capture'),
});

/** "Save to GigSaathi" on a contract page; its code is a pack too (entrypoints/upwork-capture.ts). */
export const upworkCapture = defineFeature({
  id: 'capture',
  site: 'upwork',
  include: [upwork.isContract],
  init: fromPack('upwork-capture', 'capture'),
});
