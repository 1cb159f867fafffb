import { defineFeature } from '@/utils/platform/runner/types';
import { fiverr, upwork } from '@/utils/sites';
import { startCapture } from './capture.content';

/** "Save to GigSaathi" on an order page; "Save all to GigSaathi" on the manage-orders list. */
export const fiverrCapture = defineFeature({
  id: 'capture',
  site: 'fiverr',
  include: [fiverr.isOrderPage, fiverr.isManageOrders],
  init: (context) =>
    fiverr.isManageOrders(context.url)
      ? startCapture(context, (doc) => fiverr.readOrderRows(doc), 'capture.saveAll')
      : startCapture(context, fiverr.readOrder),
});

/** "Save to GigSaathi" on a contract page. */
export const upworkCapture = defineFeature({
  id: 'capture',
  site: 'upwork',
  include: [upwork.isContract],
  init: (context) => startCapture(context, upwork.readContract),
});
