import { registerPack } from '@/utils/platform/runner/packs';
import { startUpworkSeo } from '@/utils/seo/upwork.content';

/**
 * Upwork's proposal, profile and Project Catalog checks, injected by the background beside the
 * Upwork content script on those pages (utils/seo/sites.content.ts); never listed in the manifest.
 */
export default defineUnlistedScript(() => registerPack('upwork-seo', { seo: startUpworkSeo }));
