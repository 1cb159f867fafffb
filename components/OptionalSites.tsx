import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PPH_MATCHES } from '@/utils/sites/peopleperhour';
import { useT } from './i18n';

/**
 * Sites GigSaathi works on only when the seller switches them on (#23): the switch asks the
 * browser for the site's host permission, so installing never asks for it, and turning it off
 * gives the permission back. The browser's own prompt is the confirmation; the background then
 * registers the site's content script (utils/platform/runner/optional-sites.background.ts).
 */
export function OptionalSites() {
  const tr = useT();
  const origins = [...PPH_MATCHES];
  const [on, setOn] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    // A browser without the permissions API (or a test's fake one) shows the switch off.
    const read = () => {
      try {
        browser.permissions.contains({ origins }).then(setOn, () => setOn(false));
      } catch {
        setOn(false);
      }
    };
    read();
    try {
      browser.permissions.onAdded.addListener(read);
      browser.permissions.onRemoved.addListener(read);
    } catch {
      return;
    }
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);

  const toggle = (want: boolean) => {
    setMessage(null);
    // The request must be made in the click itself: the browser asks only on a user gesture.
    const asked = want ? browser.permissions.request({ origins }) : browser.permissions.remove({ origins });
    asked.then(
      (done) => {
        if (want && !done) setMessage({ error: true, text: tr.t('sites.pph.denied') });
        else setMessage({ error: false, text: tr.t(want ? 'sites.pph.on' : 'sites.pph.off') });
        return browser.permissions.contains({ origins }).then(setOn);
      },
      (e: unknown) =>
        setMessage({
          error: true,
          text: tr.t('sites.pph.failed', { error: e instanceof Error ? e.message : String(e) }),
        }),
    );
  };

  return (
    <section className="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{tr.t('sites.heading')}</h2>
      <p className="muted">{tr.t('sites.intro')}</p>
      <label className="inline switch">
        <input
          type="checkbox"
          data-gigsaathi-site-permission="peopleperhour"
          checked={on === true}
          disabled={on === null}
          onChange={(e) => toggle(e.target.checked)}
        />
        {tr.t('sites.pph.label')}
      </label>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
