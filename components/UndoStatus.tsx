import { useT } from './i18n';

/** The outcome of the last change, with an Undo button when it can be undone. */
export function UndoStatus<T>({
  status,
  onUndo,
}: {
  status: { text: string; undo?: T } | null;
  onUndo: (item: T) => void;
}) {
  const tr = useT();
  return (
    <p role="status" className="status">
      {status?.text}{' '}
      {status?.undo !== undefined && (
        <button type="button" className="secondary" onClick={() => onUndo(status.undo as T)}>
          {tr.t('common.undo')}
        </button>
      )}
    </p>
  );
}
