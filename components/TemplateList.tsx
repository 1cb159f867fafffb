import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { getDb } from '@/utils/db';
import { listTemplates } from '@/utils/db/templates';
import type { Template } from '@/utils/schema';

/** The user's templates, most used first, updating live as the database changes. */
export function TemplateList({ action }: { action?: (t: Template) => ReactNode }) {
  const templates = useLiveQuery(() => listTemplates(getDb()), []);
  if (!templates) return <p>Loading templates…</p>;
  if (templates.length === 0) return <p className="empty">No templates yet.</p>;
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
