import { useState, type FormEvent } from 'react';
import { endOfDay, startOfDay } from 'date-fns';
import { getDb } from '@/utils/db';
import { request } from '@/utils/messaging/client';
import { ordersCsv } from '@/utils/orders/csv';
import { getSettings } from '@/utils/settings';
import { Field } from './Field';

const today = () => new Date().toISOString().slice(0, 10);
const yearStart = () => `${new Date().getFullYear()}-01-01`;

/** Orders of a chosen period as CSV: gross, fees, net, the rate used and rupee columns. */
export function CsvExport() {
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const start = startOfDay(new Date(`${from}T00:00:00`));
    const end = endOfDay(new Date(`${to}T00:00:00`));
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start > end) {
      setMessage({ error: true, text: 'Choose a start date on or before the end date.' });
      return;
    }
    try {
      const [orders, settings, rates] = await Promise.all([
        getDb().orders.toArray(),
        getSettings(),
        request('rates.get', {}),
      ]);
      const csv = ordersCsv(orders, settings, rates, start, new Date(end.getTime() + 1));
      const rows = csv.trimEnd().split('\r\n').length - 1;
      const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `gigsaathi-orders-${from}-to-${to}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({ error: false, text: `Exported ${rows} ${rows === 1 ? 'order' : 'orders'}.` });
    } catch (err) {
      setMessage({ error: true, text: `Export failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="csv-heading">
      <h2 id="csv-heading">Export orders (CSV)</h2>
      <p className="muted">
        For bookkeeping and your tax return: one row per order completed in the period, with gross, fee, net, the rate
        used and rupees.
      </p>
      <div className="row">
        <Field label="From">
          {(p) => <input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="To">
          {(p) => <input {...p} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      <button type="submit">Export CSV</button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </form>
  );
}
