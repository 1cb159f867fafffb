import { useState } from 'react';
import { browser } from 'wxt/browser';
import { Field } from '@/components/Field';
import { Dashboard } from '@/utils/orders/ui/Dashboard';
import { PageNotices } from '@/components/PageNotices';
import { RatePanel } from '@/utils/rates/ui/RatePanel';
import { TemplateList } from '@/utils/templates/ui/TemplateList';
import { request } from '@/utils/platform/messaging/client';
import type { Template } from '@/utils/schema';
import { useT } from '@/components/i18n';
import { useSettings } from '@/components/useSettings';
import { updateSettings } from '@/utils/platform/settings';
import { useFleeting } from '@/components/useFleeting';

/** The quick view: copy a template anywhere, or open the full manager. */
export function App() {
  const tr = useT();
  const [status, setStatus] = useFleeting<string>();
  const [query, setQuery] = useState('');
  const settings = useSettings();
  const hidden = settings?.privacy ?? false;

  const copy = async (t: Template) => {
    try {
      await navigator.clipboard.writeText(t.body);
      await request('templates.recordUse', { id: t.id });
      setStatus(tr.t('popup.copied', { title: t.title }));
    } catch (e) {
      setStatus(tr.t('popup.copyFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <div className={hidden ? 'popup private' : 'popup'}>
      <header className="row popup-header">
        <h1>{tr.t('app.name')}</h1>
        <button type="button" className="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {tr.t('popup.openManager')}
        </button>
      </header>
      {/* One click before a screen share; the pages follow the setting at once. */}
      <button
        type="button"
        className="secondary privacy-toggle"
        aria-pressed={hidden}
        disabled={!settings}
        onClick={() => void updateSettings((s) => ({ ...s, privacy: !s.privacy }))}
        data-gigsaathi-privacy-toggle=""
      >
        {tr.t('popup.hideAmounts')}
      </button>
      {hidden && (
        <p className="muted small" data-gigsaathi-privacy-note="">
          {tr.t('popup.hidingAmounts')}
        </p>
      )}
      <PageNotices />
      {/* Rupees first, then the templates within reach without scrolling, then the rest. */}
      <Dashboard
        middle={
          <section aria-labelledby="popup-templates">
            <h2 id="popup-templates">{tr.t('popup.templates')}</h2>
            <Field label={tr.t('popup.searchTemplates')}>
              {(p) => <input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />}
            </Field>
            <TemplateList
              query={query}
              action={(t) => (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void copy(t)}
                  aria-label={tr.t('popup.copyLabel', { title: t.title })}
                >
                  {tr.t('popup.copy')}
                </button>
              )}
            />
          </section>
        }
      />
      <RatePanel />
      <p role="status" className="muted" data-gigsaathi-copy-status="">
        {status ?? ''}
      </p>
    </div>
  );
}
