import { registerPack } from '@/utils/platform/runner/packs';
import { startGigSeo } from '@/utils/seo/gig.content';

/**
 * Fiverr's gig checks, injected by the background beside the Fiverr content script when it reaches
 * a gig page or the gig editor (utils/seo/sites.content.ts); never listed in the manifest.
 */
export default defineUnlistedScript(() => registerPack('fiverr-seo', { seo: startGigSeo }));
