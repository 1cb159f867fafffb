import { useState } from 'react';
import { browser } from 'wxt/browser';
import { Field } from '@/components/Field';
import { Dashboard } from '@/components/Dashboard';
import { RatePanel } from '@/components/RatePanel';
import { TemplateList } from '@/components/TemplateList';
import { getDb } from '@/utils/db';
import { recordTemplateUse } from '@/utils/db/templates';
import type { Template } from '@/utils/schema';

/** The quick view: copy a template anywhere, or open the full manager. */
export function App() {
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');

  const copy = async (t: Template) => {
    try {
      await navigator.clipboard.writeText(t.body);
      await recordTemplateUse(getDb(), t.id);
      setStatus(`Copied “${t.title}”.`);
    } catch (e) {
      setStatus(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="popup">
      <header className="row popup-header">
        <h1>GigSaathi</h1>
        <button type="button" className="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          Open manager
        </button>
      </header>
      <Dashboard />
      <RatePanel />
      <section aria-labelledby="popup-templates">
        <h2 id="popup-templates">Templates</h2>
        <Field label="Search templates">
          {(p) => <input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />}
        </Field>
        <TemplateList
          query={query}
          action={(t) => (
            <button type="button" className="secondary" onClick={() => void copy(t)} aria-label={`Copy ${t.title}`}>
              Copy
            </button>
          )}
        />
      </section>
      <p role="status" className="muted" data-gigsaathi-copy-status="">
        {status}
      </p>
    </div>
  );
}
