import { defineFeature } from '@/utils/platform/runner/types';
import { startCapture } from '@/utils/orders/capture.content';
import { upwork } from '@/utils/sites';

/** "Save to GigSaathi" on a contract page. */
export default defineFeature({
  id: 'capture',
  site: 'upwork',
  include: [upwork.isContract],
  init: (context) => startCapture(context, upwork.readContract),
});
