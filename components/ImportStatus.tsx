import { useEffect, useState } from 'react';
import { useT } from './i18n';
import { FLEETING_MS } from './useFleeting';

/** Where a file import stands: read, previewed (with what the importer keeps), written, or refused. */
export type ImportState<Preview extends object> =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; done: number; total: number }
  | { kind: 'error'; message: string }
  | ({ kind: 'preview' } & Preview)
  | { kind: 'done'; message: string };

/**
 * An import's state, shared by "Import backup" and "Import statement". "Imported: …" reports a
 * finished step; it goes once read, so it never greets the seller later as if it were news. Errors
 * and the preview stay until acted on.
 */
export function useImportState<Preview extends object>() {
  const [state, setState] = useState<ImportState<Preview>>({ kind: 'idle' });
  useEffect(() => {
    if (state.kind !== 'done') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), FLEETING_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return [state, setState] as const;
}

/** "The file is 60 MB; … at most 50 MB." for a file refused before it is read, else null. */
export function tooBig(file: File, maxBytes: number): { size: string; max: number } | null {
  return file.size > maxBytes ? { size: (file.size / 1024 / 1024).toFixed(1), max: maxBytes / 1024 / 1024 } : null;
}

/** What an import shows besides its preview: progress while it works, then its result. */
export function ImportStatus({
  state,
  progressLabel,
}: {
  state: ImportState<object>;
  /** The progress bar's accessible name. */
  progressLabel: string;
}) {
  const tr = useT();
  if (state.kind === 'working')
    return (
      <p role="status" aria-live="polite">
        {state.label}{' '}
        {state.total > 0 && (
          <progress max={state.total} value={state.done} aria-label={progressLabel}>
            {tr.t('backup.progressText', { done: state.done, total: state.total })}
          </progress>
        )}
      </p>
    );
  if (state.kind === 'error')
    return (
      <p role="alert" className="error">
        {state.message}
      </p>
    );
  if (state.kind === 'done') return <p role="status">{state.message}</p>;
  return null;
}
