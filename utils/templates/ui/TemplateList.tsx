import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { templateStore } from '@/utils/templates/store';
import type { Template } from '@/utils/schema';
import { searchTemplates } from '@/utils/templates/search';
import { useT } from '@/components/i18n';

/** The user's templates, most used first, updating live as the database changes. */
export function TemplateList({ action, query = '' }: { action?: (t: Template) => ReactNode; query?: string }) {
  const tr = useT();
  const all = useLiveQuery(() => templateStore.list(), []);
  if (!all) return <p>{tr.t('templates.loading')}</p>;
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
