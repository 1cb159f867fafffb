import { registerPack } from '@/utils/platform/runner/packs';
import { startFiverrCapture } from '@/utils/orders/packs.content';

/**
 * Fiverr's "Save to GigSaathi", injected by the background beside the Fiverr content script on
 * order pages and the manage-orders list (utils/orders/sites.content.ts); never listed in the manifest.
 */
export default defineUnlistedScript(() => registerPack('fiverr-capture', { capture: startFiverrCapture }));
