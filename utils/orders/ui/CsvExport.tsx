import { useState, type FormEvent } from 'react';
import { FLEETING_MS, useFleeting } from '@/components/useFleeting';
import { endOfDay, startOfDay } from 'date-fns';
import { orderStore } from '@/utils/orders/store';
import { request } from '@/utils/platform/messaging/client';
import { ordersCsv } from '@/utils/orders/csv';
import { getSettings } from '@/utils/platform/settings';
import { Field } from '@/components/Field';
import { downloadCsv } from '@/components/download';
import { useT } from '@/components/i18n';

const today = () => new Date().toISOString().slice(0, 10);
const yearStart = () => `${new Date().getFullYear()}-01-01`;

/** Orders of a chosen period as CSV: gross, fees, net, the rate used and rupee columns. */
export function CsvExport() {
  const tr = useT();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);
  // "Exported 3 orders." clears itself; an error stays until the seller fixes the range.
  const [message, setMessage] = useFleeting<{ error: boolean; text: string }>(FLEETING_MS, (m) => !m.error);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const start = startOfDay(new Date(`${from}T00:00:00`));
    const end = endOfDay(new Date(`${to}T00:00:00`));
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start > end) {
      setMessage({ error: true, text: tr.t('csv.badRange') });
      return;
    }
    try {
      const [orders, settings, rates] = await Promise.all([orderStore.list(), getSettings(), request('rates.get', {})]);
      const csv = ordersCsv(orders, settings, rates, start, new Date(end.getTime() + 1));
      const rows = csv.trimEnd().split('\r\n').length - 1;
      downloadCsv(`gigsaathi-orders-${from}-to-${to}.csv`, csv);
      setMessage({ error: false, text: tr.t('csv.exported', { orders: tr.tn('count.orders', rows) }) });
    } catch (err) {
      setMessage({
        error: true,
        text: tr.t('csv.failed', { error: err instanceof Error ? err.message : String(err) }),
      });
    }
  };

  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="csv-heading">
      <h2 id="csv-heading">{tr.t('csv.heading')}</h2>
      <p className="muted">{tr.t('csv.intro')}</p>
      <div className="row">
        <Field label={tr.t('csv.from')}>
          {(p) => <input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label={tr.t('csv.to')}>
          {(p) => <input {...p} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      <button type="submit">{tr.t('csv.export')}</button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </form>
  );
}
