import { localizeError } from '@/utils/platform/i18n/errors';
import { useRef, type ChangeEvent, type ReactNode } from 'react';
import { ImportStatus, tooBig, useImportState } from '@/components/ImportStatus';
import {
  backupFileName,
  backupStore,
  MAX_BACKUP_BYTES,
  parseBackupText,
  type ImportPreview,
  type ImportSummary,
} from '@/utils/backup/store';
import type { Backup } from '@/utils/schema';
import { getSettings, saveSettings } from '@/utils/platform/settings';
import type { Translator } from '@/utils/platform/i18n';
import { useT } from '@/components/i18n';
import { downloadFile } from '@/components/download';
import { request } from '@/utils/platform/messaging/client';
import { pakistanDay } from '@/utils/money/pakistan-time';

interface Previewed {
  name: string;
  backup: Backup;
  preview: ImportPreview;
  replaceSettings: boolean;
}

function describeSummary(tr: Translator, s: ImportSummary & { settingsReplaced: boolean }): string {
  const part = (n: { added: number; updated: number }, what: 'templates' | 'orders' | 'withdrawals') =>
    tr.t('backup.importedPart', { added: n.added, updated: n.updated, what: tr.t(`backup.what.${what}`) });
  const moved = s.shortcutsMoved.map((m) => ` ${tr.t('backup.shortcutMoved', { shortcut: m.shortcut, from: m.from })}`);
  return (
    tr.t('backup.imported', {
      templates: part(s.templates, 'templates'),
      orders: part(s.orders, 'orders'),
      withdrawals:
        s.withdrawals.added + s.withdrawals.updated > 0
          ? tr.t('backup.importedMore', { part: part(s.withdrawals, 'withdrawals') })
          : '',
      settings: tr.t(s.settingsReplaced ? 'backup.settingsReplaced' : 'backup.settingsKept'),
    }) + moved.join('')
  );
}

/** Export and import of the whole local data set, in the public backup format (see README). */
/**
 * `beside`: another import that sits by "Import backup" (the statement import, #23), and `below`
 * what it shows.
 */
export function BackupPanel({ beside, below }: { beside?: ReactNode; below?: ReactNode } = {}) {
  const tr = useT();
  const [state, setState] = useImportState<Previewed>();
  const input = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    try {
      setState({ kind: 'working', label: tr.t('backup.exporting'), done: 0, total: 0 });
      const backup = await backupStore.export(await getSettings());
      downloadFile(backupFileName(), [JSON.stringify(backup, null, 2)], 'application/json');
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
    const big = tooBig(file, MAX_BACKUP_BYTES);
    if (big) {
      setState({ kind: 'error', message: tr.t('backup.tooBig', big) });
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
      // Nothing is written yet: the seller sees what the file will do, and confirms or cancels.
      const preview = await backupStore.preview(parsed.backup);
      setState({ kind: 'preview', name: file.name, backup: parsed.backup, preview, replaceSettings: false });
    } catch (e) {
      setState({
        kind: 'error',
        message: tr.t('backup.nothingImported', { error: `${e instanceof Error ? e.message : String(e)}.` }),
      });
    }
  };

  const onConfirm = async (backup: Backup, replaceSettings: boolean) => {
    setState({ kind: 'working', label: tr.t('backup.importing'), done: 0, total: 0 });
    try {
      const summary = await backupStore.import(backup, {
        replaceSettings,
        settings: { get: getSettings, save: saveSettings },
        onProgress: (done, total) => setState({ kind: 'working', label: tr.t('backup.importing'), done, total }),
      });
      setState({ kind: 'done', message: describeSummary(tr, summary) });
      // Restored withdrawals' markups need the mid-market rates of their days.
      if (backup.withdrawals.length > 0)
        request('rates.history', {
          days: [...new Set(backup.withdrawals.map((w) => pakistanDay(w.at)))].slice(0, 2000),
          fetch: true,
        }).catch((e: unknown) => console.info('[GigSaathi] rates of past days:', e));
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
        {beside}
      </div>
      {state.kind === 'working' && <ImportStatus state={state} progressLabel={tr.t('backup.progress')} />}
      {state.kind === 'preview' && (
        <section className="import-preview" aria-labelledby="import-preview-heading" data-gigsaathi-import-preview="">
          <h3 id="import-preview-heading">{tr.t('backup.preview.heading', { name: state.name })}</h3>
          <p className="muted">{tr.t('backup.preview.intro')}</p>
          <ul>
            <li data-gigsaathi-preview="templates">
              {tr.t('backup.preview.templates', {
                added: state.preview.templates.added,
                replaced: state.preview.templates.replaced,
              })}
            </li>
            <li data-gigsaathi-preview="orders">
              {tr.t('backup.preview.orders', {
                added: state.preview.orders.added,
                replaced: state.preview.orders.replaced,
              })}
            </li>
            {state.preview.withdrawals.added + state.preview.withdrawals.replaced > 0 && (
              <li data-gigsaathi-preview="withdrawals">
                {tr.t('backup.preview.withdrawals', {
                  added: state.preview.withdrawals.added,
                  replaced: state.preview.withdrawals.replaced,
                })}
              </li>
            )}
            {state.preview.shortcutConflicts.map((c) => (
              <li key={c.shortcut} data-gigsaathi-preview="conflict">
                {tr.t('backup.preview.conflict', { shortcut: c.shortcut, from: c.from })}
              </li>
            ))}
          </ul>
          {state.preview.hasSettings ? (
            <label className="row">
              <input
                type="checkbox"
                checked={state.replaceSettings}
                onChange={(e) => setState({ ...state, replaceSettings: e.target.checked })}
              />
              {tr.t('backup.preview.replaceSettings')}
            </label>
          ) : (
            <p>{tr.t('backup.preview.noSettings')}</p>
          )}
          <div className="row">
            <button type="button" onClick={() => void onConfirm(state.backup, state.replaceSettings)}>
              {tr.t('backup.preview.import')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => setState({ kind: 'done', message: tr.t('backup.cancelled') })}
            >
              {tr.t('backup.preview.cancel')}
            </button>
          </div>
        </section>
      )}
      {(state.kind === 'error' || state.kind === 'done') && (
        <ImportStatus state={state} progressLabel={tr.t('backup.progress')} />
      )}
      {below}
    </section>
  );
}
