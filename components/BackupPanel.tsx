import { localizeError } from '@/utils/i18n/errors';
import { useRef, useState, type ChangeEvent } from 'react';
import {
  backupFileName,
  exportBackup,
  importBackup,
  MAX_BACKUP_BYTES,
  parseBackupText,
  type ImportSummary,
} from '@/utils/backup';
import { getDb } from '@/utils/db';
import { getSettings, saveSettings } from '@/utils/settings';
import { request } from '@/utils/messaging/client';
import type { Translator } from '@/utils/i18n';
import { useT } from './i18n';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; done: number; total: number }
  | { kind: 'error'; message: string }
  | { kind: 'done'; message: string };

function describeSummary(tr: Translator, s: ImportSummary): string {
  const part = (n: { added: number; updated: number }, what: 'templates' | 'orders') =>
    tr.t('backup.importedPart', { added: n.added, updated: n.updated, what: tr.t(`backup.what.${what}`) });
  const moved = s.shortcutsMoved.map((m) => ` ${tr.t('backup.shortcutMoved', { shortcut: m.shortcut, from: m.from })}`);
  return (
    tr.t('backup.imported', { templates: part(s.templates, 'templates'), orders: part(s.orders, 'orders') }) +
    moved.join('')
  );
}

/** Export and import of the whole local data set, in the public backup format (see README). */
export function BackupPanel() {
  const tr = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    try {
      setState({ kind: 'working', label: tr.t('backup.exporting'), done: 0, total: 0 });
      const backup = await exportBackup(getDb(), await getSettings());
      const blob = new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = backupFileName();
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({
        kind: 'done',
        message: tr.t('backup.exported', {
          templates: tr.tn('count.templates', backup.templates.length),
          orders: tr.tn('count.orders', backup.orders.length),
        }),
      });
    } catch (e) {
      setState({
        kind: 'error',
        message: tr.t('backup.exportFailed', { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      setState({
        kind: 'error',
        message: tr.t('backup.tooBig', {
          size: (file.size / 1024 / 1024).toFixed(1),
          max: MAX_BACKUP_BYTES / 1024 / 1024,
        }),
      });
      return;
    }
    setState({ kind: 'working', label: tr.t('backup.reading', { name: file.name }), done: 0, total: 0 });
    try {
      const parsed = parseBackupText(await file.text(), file.size);
      if (!parsed.ok) {
        setState({
          kind: 'error',
          message: tr.t('backup.nothingImported', { error: localizeError(tr, parsed.error) }),
        });
        return;
      }
      const summary = await importBackup(getDb(), parsed.backup, (done, total) =>
        setState({ kind: 'working', label: tr.t('backup.importing'), done, total }),
      );
      await saveSettings(parsed.backup.settings);
      request('reminders.sync', {}).catch(() => {});
      setState({ kind: 'done', message: describeSummary(tr, summary) });
    } catch (e) {
      setState({
        kind: 'error',
        message: tr.t('backup.nothingImported', { error: `${e instanceof Error ? e.message : String(e)}.` }),
      });
    }
  };

  const busy = state.kind === 'working';
  return (
    <section aria-labelledby="backup-heading" className="card">
      <h2 id="backup-heading">{tr.t('backup.heading')}</h2>
      <p>{tr.t('backup.intro')}</p>
      <div className="row">
        <button type="button" onClick={() => void onExport()} disabled={busy}>
          {tr.t('backup.export')}
        </button>
        <label className="file-button">
          {tr.t('backup.import')}
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onImport(e)}
            disabled={busy}
          />
        </label>
      </div>
      {state.kind === 'working' && (
        <p role="status">
          {state.label}{' '}
          {state.total > 0 && (
            <progress max={state.total} value={state.done} aria-label={tr.t('backup.progress')}>
              {tr.t('backup.progressText', { done: state.done, total: state.total })}
            </progress>
          )}
        </p>
      )}
      {state.kind === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && <p role="status">{state.message}</p>}
    </section>
  );
}
