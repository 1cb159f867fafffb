import * as z from 'zod/mini';

/**
 * Code a site's content script loads only on the pages that need it (#19): the background injects
 * the pack's script beside the content script when one of its features starts
 * (utils/platform/runner/packs.ts). Each is an unlisted script, `/<name>.js`, for one site.
 */
export const PACK_SITES = {
  'fiverr-seo': 'fiverr',
  'fiverr-capture': 'fiverr',
  'upwork-seo': 'upwork',
  'upwork-capture': 'upwork',
} as const;
export type PackName = keyof typeof PACK_SITES;
export const PackName = z.enum(Object.keys(PACK_SITES) as [PackName, ...PackName[]]);
