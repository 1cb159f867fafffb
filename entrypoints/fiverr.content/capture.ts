import { defineFeature } from '@/utils/features/types';
import { startCapture } from '@/utils/orders/capture-button';
import { fiverr } from '@/utils/sites';

/** "Save to GigSaathi" on an order page. */
export default defineFeature({
  id: 'capture',
  site: 'fiverr',
  include: [fiverr.isOrderPage],
  init: (context) => startCapture(context, fiverr.readOrder),
});
