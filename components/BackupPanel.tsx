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

type State =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; done: number; total: number }
  | { kind: 'error'; message: string }
  | { kind: 'done'; message: string };

function describeSummary(s: ImportSummary): string {
  const part = (n: { added: number; updated: number }, what: string) =>
    `${n.added} ${what} added, ${n.updated} updated`;
  const moved = s.shortcutsMoved.map(
    (m) => ` ${m.shortcut} now belongs to the imported template; “${m.from}” kept without it.`,
  );
  return `Backup imported: ${part(s.templates, 'templates')}; ${part(s.orders, 'orders')}; settings restored.${moved.join('')}`;
}

/** Export and import of the whole local data set, in the public backup format (see README). */
export function BackupPanel() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    try {
      setState({ kind: 'working', label: 'Exporting…', done: 0, total: 0 });
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
        message: `Backup exported: ${backup.templates.length} templates, ${backup.orders.length} orders.`,
      });
    } catch (e) {
      setState({ kind: 'error', message: `Export failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      setState({
        kind: 'error',
        message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a GigSaathi backup is at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB. Nothing was imported.`,
      });
      return;
    }
    setState({ kind: 'working', label: `Reading ${file.name}…`, done: 0, total: 0 });
    try {
      const parsed = parseBackupText(await file.text(), file.size);
      if (!parsed.ok) {
        setState({ kind: 'error', message: `${parsed.error} Nothing was imported.` });
        return;
      }
      const summary = await importBackup(getDb(), parsed.backup, (done, total) =>
        setState({ kind: 'working', label: 'Importing…', done, total }),
      );
      await saveSettings(parsed.backup.settings);
      request('reminders.sync', {}).catch(() => {});
      setState({ kind: 'done', message: describeSummary(summary) });
    } catch (e) {
      setState({
        kind: 'error',
        message: `${e instanceof Error ? e.message : String(e)}. Nothing was imported.`,
      });
    }
  };

  const busy = state.kind === 'working';
  return (
    <section aria-labelledby="backup-heading" className="card">
      <h2 id="backup-heading">Backup</h2>
      <p>
        Your templates, orders and settings live only in this browser. Export a backup to keep them safe or move them to
        another computer; importing merges by id, so importing the same file twice adds nothing.
      </p>
      <div className="row">
        <button type="button" onClick={() => void onExport()} disabled={busy}>
          Export backup
        </button>
        <label className="file-button">
          Import backup
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
            <progress max={state.total} value={state.done} aria-label="Import progress">
              {state.done} of {state.total}
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
