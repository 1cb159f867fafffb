import { registerPack } from '@/utils/platform/runner/packs';
import { startUpworkCapture } from '@/utils/orders/packs.content';

/**
 * Upwork's "Save to GigSaathi", injected by the background beside the Upwork content script on
 * contract pages (utils/orders/sites.content.ts); never listed in the manifest.
 */
export default defineUnlistedScript(() => registerPack('upwork-capture', { capture: startUpworkCapture }));
