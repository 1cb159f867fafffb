import * as fiverr from './fiverr';
import * as upwork from './upwork';
import * as peopleperhour from './peopleperhour';
import { hostIs, toUrl, type UrlLike } from './url';

export { fiverr, upwork, peopleperhour };
/** PeoplePerHour only where the seller granted its optional host permission. */
export type Site = 'fiverr' | 'upwork' | 'peopleperhour';

export function siteOf(input: UrlLike): Site | null {
  const url = toUrl(input);
  if (!url) return null;
  if (hostIs(url, fiverr.FIVERR_DOMAIN)) return 'fiverr';
  if (hostIs(url, upwork.UPWORK_DOMAIN)) return 'upwork';
  if (hostIs(url, peopleperhour.PPH_DOMAIN)) return 'peopleperhour';
  return null;
}
