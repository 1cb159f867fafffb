import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { noticesFor, tabNotices } from '@/utils/platform/notices';
import type { PageNotice } from '@/utils/schema';
import { useT } from './i18n';

/**
 * The tab the popup speaks of: the active one, or, where the popup is open in a tab of its own
 * (pinned, or in the tests), the tab the seller was on before it.
 */
async function pageTab() {
  const self = await browser.tabs.getCurrent();
  if (!self) return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const others = (await browser.tabs.query({ currentWindow: true })).filter((t) => t.id !== self.id);
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/**
 * What GigSaathi could not find on the page of the tab the popup was opened over, in plain
 * words: a site that changed its markup degrades to "less help", and the seller hears why here,
 * never in the page's console.
 */
export function PageNotices() {
  const tr = useT();
  const [notices, setNotices] = useState<PageNotice[]>([]);

  useEffect(() => {
    let tabId: number | undefined;
    let url: string | undefined;
    const load = async () => {
      if (tabId === undefined) return;
      setNotices(noticesFor(await tabNotices(browser.storage.session, tabId), url));
    };
    const onChange = (_: unknown, area: string) => {
      if (area === 'session') void load().catch(() => {});
    };
    void pageTab()
      .then((tab) => {
        tabId = tab?.id;
        url = tab?.url;
        return load();
      })
      .catch(() => {});
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  if (notices.length === 0) return null;
  return (
    <section className="page-notices" aria-labelledby="popup-notices" data-gigsaathi-notices="">
      <h2 id="popup-notices">{tr.t('notice.heading')}</h2>
      <ul>
        {notices.map((n) => (
          <li key={`${n.feature}:${n.notice}`} data-gigsaathi-notice={n.notice}>
            {tr.t(`notice.${n.notice}`)}
          </li>
        ))}
      </ul>
      <p className="muted">{tr.t('notice.why')}</p>
    </section>
  );
}
