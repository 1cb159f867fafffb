import * as fiverr from './fiverr';
import * as upwork from './upwork';
import { hostIs, toUrl, type UrlLike } from './url';

export { fiverr, upwork };
export type Site = 'fiverr' | 'upwork';

export function siteOf(input: UrlLike): Site | null {
  const url = toUrl(input);
  if (!url) return null;
  if (hostIs(url, fiverr.FIVERR_DOMAIN)) return 'fiverr';
  if (hostIs(url, upwork.UPWORK_DOMAIN)) return 'upwork';
  return null;
}
