import { useEffect, useState, type ReactNode } from 'react';
import { watchRevision } from '@/utils/platform/db/revision';
import { request } from '@/utils/platform/messaging/client';
import type { Template } from '@/utils/schema';
import { searchTemplates } from '@/utils/templates/search';
import { useT } from '@/components/i18n';

/**
 * The templates from the background, most used first, again after each write to them. The popup
 * shows them without opening the database: Dexie was a fifth of what it loaded.
 */
function useTemplates(): Template[] | 'failed' | undefined {
  const [all, setAll] = useState<Template[] | 'failed'>();
  useEffect(() => {
    let alive = true;
    const load = () =>
      void request('templates.list', {}).then(
        (list) => alive && setAll(list),
        (e: unknown) => {
          console.error('[GigSaathi] listing templates failed', e);
          if (alive) setAll('failed');
        },
      );
    load();
    const unwatch = watchRevision('templates', load);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return all;
}

/** The user's templates, most used first, updating live as they change. */
export function TemplateList({ action, query = '' }: { action?: (t: Template) => ReactNode; query?: string }) {
  const tr = useT();
  const all = useTemplates();
  if (!all) return <p>{tr.t('templates.loading')}</p>;
  if (all === 'failed') return <p role="alert">{tr.t('templates.loadFailed')}</p>;
  if (all.length === 0) return <p className="empty">{tr.t('templates.none')}</p>;
  const templates = searchTemplates(all, query);
  if (templates.length === 0) return <p className="empty">{tr.t('templates.noMatch')}</p>;
  return (
    <ul className="template-list" aria-label={tr.t('templates.listLabel')}>
      {templates.map((t) => (
        <li key={t.id} data-gigsaathi-template={t.id}>
          <div className="template-head">
            <TemplateName template={t} />
            <span className="muted">{tr.tn('templates.used', t.usageCount)}</span>
          </div>
          <p className="template-body" translate="no" dir="auto">
            {t.body}
          </p>
          {action?.(t)}
        </li>
      ))}
    </ul>
  );
}

/** A template's title and shortcut, as the user wrote them (never translated). */
export function TemplateName({ template }: { template: Template }) {
  return (
    <>
      <strong translate="no" dir="auto">
        {template.title}
      </strong>
      {template.shortcut && (
        <code translate="no" dir="auto">
          {template.shortcut}
        </code>
      )}
    </>
  );
}
