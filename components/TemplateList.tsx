import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { getDb } from '@/utils/db';
import { listTemplates } from '@/utils/db/templates';
import type { Template } from '@/utils/schema';
import { searchTemplates } from '@/utils/templates/search';

/** The user's templates, most used first, updating live as the database changes. */
export function TemplateList({ action, query = '' }: { action?: (t: Template) => ReactNode; query?: string }) {
  const all = useLiveQuery(() => listTemplates(getDb()), []);
  if (!all) return <p>Loading templates…</p>;
  if (all.length === 0) return <p className="empty">No templates yet.</p>;
  const templates = searchTemplates(all, query);
  if (templates.length === 0) return <p className="empty">No template matches your search.</p>;
  return (
    <ul className="template-list" aria-label="Templates">
      {templates.map((t) => (
        <li key={t.id} data-gigsaathi-template={t.id}>
          <div className="template-head">
            <strong>{t.title}</strong>
            {t.shortcut && <code>{t.shortcut}</code>}
            <span className="muted">
              used {t.usageCount} {t.usageCount === 1 ? 'time' : 'times'}
            </span>
          </div>
          <p className="template-body">{t.body}</p>
          {action?.(t)}
        </li>
      ))}
    </ul>
  );
}
