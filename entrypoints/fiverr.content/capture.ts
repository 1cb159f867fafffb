import { defineFeature } from '@/utils/platform/runner/types';
import { startCapture } from '@/utils/orders/capture.content';
import { fiverr } from '@/utils/sites';

/** "Save to GigSaathi" on an order page; "Save all to GigSaathi" on the manage-orders list. */
export default defineFeature({
  id: 'capture',
  site: 'fiverr',
  include: [fiverr.isOrderPage, fiverr.isManageOrders],
  init: (context) =>
    fiverr.isManageOrders(context.url)
      ? startCapture(context, (doc) => fiverr.readOrderRows(doc), 'capture.saveAll')
      : startCapture(context, fiverr.readOrder),
});
