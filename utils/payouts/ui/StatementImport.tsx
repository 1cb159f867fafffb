import type { ChangeEvent, ReactNode } from 'react';
import { ImportStatus, tooBig, useImportState } from '@/components/ImportStatus';
import { useT } from '@/components/i18n';
import { request } from '@/utils/platform/messaging/client';
import { localizeError } from '@/utils/platform/i18n/errors';
import type { Translator } from '@/utils/platform/i18n';
import { pakistanDay } from '@/utils/money/pakistan-time';
import { MAX_STATEMENT_BYTES, readStatement, type LineNote, type StatementRead } from '@/utils/payouts/statements/read';
import { payoutStore, type StatementPreview } from '@/utils/payouts/store';

interface Previewed {
  name: string;
  read: StatementRead;
  preview: StatementPreview;
}

/** A preview lists this many left-out lines, then says how many more. */
const NOTES_SHOWN = 200;

function NoteList({ tr, notes, kind }: { tr: Translator; notes: LineNote[]; kind: 'skipped' | 'unreadable' }) {
  if (notes.length === 0) return null;
  return (
    <details open={kind === 'unreadable'} data-gigsaathi-statement-lines={kind}>
      <summary>{tr.tn(`statement.${kind}`, notes.length)}</summary>
      <ul>
        {notes.slice(0, NOTES_SHOWN).map((n) => (
          <li key={`${n.line}-${n.reason}`} data-gigsaathi-line={n.line}>
            {tr.t('statement.line', {
              // A line number, not an amount: "Line 9315", never "9,315".
              line: String(n.line),
              why:
                n.reason === 'invalid'
                  ? localizeError(tr, n.detail ?? '')
                  : tr.t(`statement.reason.${n.reason}`, { detail: n.detail ?? '' }),
            })}
          </li>
        ))}
        {notes.length > NOTES_SHOWN && <li>{tr.t('statement.more', { count: notes.length - NOTES_SHOWN })}</li>}
      </ul>
    </details>
  );
}

/**
 * "Import statement" (#23): an Upwork or Payoneer file read in the page, shown as a preview of
 * what it adds and what it cannot read, and written only on "Import". Returns the control that
 * sits beside "Import backup" and what it shows below.
 */
export function useStatementImport(): { control: ReactNode; panel: ReactNode } {
  const tr = useT();
  const [state, setState] = useImportState<Previewed>();
  const busy = state.kind === 'working';

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const big = tooBig(file, MAX_STATEMENT_BYTES);
    if (big) {
      setState({ kind: 'error', message: tr.t('statement.tooBig', big) });
      return;
    }
    setState({ kind: 'working', label: tr.t('statement.reading', { name: file.name }), done: 0, total: 0 });
    try {
      const result = readStatement(await file.text());
      if (!result.ok) {
        setState({ kind: 'error', message: tr.t(`statement.error.${result.error}`) });
        return;
      }
      const preview = await payoutStore.preview(result.statement);
      setState({ kind: 'preview', name: file.name, read: result.statement, preview });
    } catch (e) {
      setState({
        kind: 'error',
        message: tr.t('statement.failed', { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  };

  const onConfirm = async (read: StatementRead) => {
    const label = tr.t('statement.importing');
    setState({ kind: 'working', label, done: 0, total: 0 });
    try {
      const added = await payoutStore.import(read, (done, total) => setState({ kind: 'working', label, done, total }));
      setState({
        kind: 'done',
        message: tr.t('statement.imported', {
          orders: tr.tn('count.orders', added.orders.length),
          withdrawals: tr.tn('count.withdrawals', added.withdrawals.length),
          costs: tr.tn('count.costs', added.costs.length),
        }),
      });
      // The markups of the new withdrawals need the mid-market rate of their days.
      if (added.withdrawals.length > 0)
        request('rates.history', { days: added.withdrawals.map((w) => pakistanDay(w.at)), fetch: true }).catch(
          (e: unknown) => console.info('[GigSaathi] rates of past days:', e),
        );
    } catch (e) {
      setState({
        kind: 'error',
        message: tr.t('statement.failed', { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  };

  const control = (
    <label className="file-button">
      {tr.t('statement.import')}
      <input
        type="file"
        accept="text/csv,.csv"
        onChange={(e) => void onFile(e)}
        disabled={busy}
        data-gigsaathi-statement-input=""
      />
    </label>
  );

  let panel: ReactNode = <ImportStatus state={state} progressLabel={tr.t('statement.progress')} />;
  if (state.kind === 'preview') {
    const { read, preview } = state;
    const row = (what: 'orders' | 'withdrawals' | 'costs') => (
      <li data-gigsaathi-statement-preview={what}>
        {tr.t(`statement.preview.${what}`, { added: preview.add[what].length, present: preview.present[what] })}
      </li>
    );
    const transfers = read.transfers.reduce<Record<string, number>>(
      (m, t) => ({ ...m, [t.from]: (m[t.from] ?? 0) + 1 }),
      {},
    );
    panel = (
      <section
        className="import-preview"
        aria-labelledby="statement-preview-heading"
        data-gigsaathi-statement-preview=""
      >
        <h3 id="statement-preview-heading">{tr.t('statement.preview.heading', { name: state.name })}</h3>
        <p className="muted">
          {tr.t(`statement.source.${read.source}`)} · {tr.tn('statement.lines', read.records)}.{' '}
          {tr.t('backup.preview.intro')}
        </p>
        <ul>
          {row('orders')}
          {row('withdrawals')}
          {row('costs')}
          {Object.entries(transfers).map(([from, count]) => (
            <li key={from} data-gigsaathi-statement-preview="transfers">
              {tr.tn('statement.preview.transfers', count, { from })}
            </li>
          ))}
        </ul>
        <NoteList tr={tr} notes={read.unreadable} kind="unreadable" />
        <NoteList tr={tr} notes={read.skipped} kind="skipped" />
        <div className="row">
          <button type="button" onClick={() => void onConfirm(read)}>
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
    );
  }
  return { control, panel };
}
