import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { getDb } from '@/utils/db';
import { listOrders, saveOrder } from '@/utils/db/orders';
import { request } from '@/utils/messaging/client';
import { formatMoney } from '@/utils/money/format';
import { advance, stageOf, type Stage } from '@/utils/orders/lifecycle';
import { describeIssues, OrderSchema, ORDER_STATUSES, PLATFORMS, type Order } from '@/utils/schema';
import { Field } from './Field';
import { UndoStatus } from './UndoStatus';
import { useSettings } from './useSettings';

const PLATFORM_OPTIONS = PLATFORMS.map((x) => (
  <option key={x} value={x}>
    {x}
  </option>
));
const STAGES: Stage[] = ['active', 'delivered', 'clearing', 'available', 'withdrawn', 'cancelled'];
const ORDERS_PAGE = 100;

const SORTS = { ordered: 'Newest first', due: 'Due soonest', amount: 'Largest first' } as const;
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const toLocalInput = (iso?: string) =>
  iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60000).toISOString().slice(0, 16) : '';
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : undefined);
const syncReminders = () => void request('reminders.sync', {}).catch(() => {});

interface Draft {
  platform: string;
  externalId: string;
  client: string;
  title: string;
  amount: string;
  currency: string;
  feePercent: string;
  tip: string;
  status: string;
  orderedAt: string;
  dueAt: string;
  notes: string;
}
const draftOf = (o?: Order): Draft => ({
  platform: o?.platform ?? 'fiverr',
  externalId: o?.externalId ?? '',
  client: o?.client ?? '',
  title: o?.title ?? '',
  amount: o ? String(o.amount) : '',
  currency: o?.currency ?? 'USD',
  feePercent: o?.feePercent === undefined ? '' : String(o.feePercent),
  tip: o?.tip === undefined ? '' : String(o.tip),
  status: o?.status ?? 'active',
  orderedAt: toLocalInput(o?.orderedAt ?? new Date().toISOString()),
  dueAt: toLocalInput(o?.dueAt),
  notes: o?.notes ?? '',
});
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** Every order, by hand or captured: add, edit, move along, delete (with undo), find. */
export function OrderManager() {
  const orders = useLiveQuery(() => listOrders(getDb()), []);
  const settings = useSettings();
  const [editing, setEditing] = useState<Order | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(draftOf());
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; undo?: Order } | null>(null);
  const [query, setQuery] = useState('');
  const [platform, setPlatform] = useState('');
  const [stage, setStage] = useState('');
  const [month, setMonth] = useState('');
  const [sort, setSort] = useState<keyof typeof SORTS>('ordered');
  // Years of orders are thousands of rows; rendering them all froze the options page (10,000
  // orders: seconds of main-thread work). Rows come a page at a time.
  const [limit, setLimit] = useState(ORDERS_PAGE);
  useEffect(() => setLimit(ORDERS_PAGE), [query, platform, stage, month, sort]);

  const shown = useMemo(() => {
    const now = new Date();
    const q = query.trim().toLowerCase();
    const list = (orders ?? []).filter(
      (o) =>
        (!platform || o.platform === platform) &&
        (!stage || stageOf(o, now) === stage) &&
        (!month || o.orderedAt.startsWith(month) || (o.completedAt ?? '').startsWith(month)) &&
        (!q || `${o.client} ${o.title} ${o.externalId ?? ''} ${o.notes ?? ''}`.toLowerCase().includes(q)),
    );
    return list.sort((a, b) =>
      sort === 'amount'
        ? b.amount - a.amount
        : sort === 'due'
          ? (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9')
          : b.orderedAt.localeCompare(a.orderedAt),
    );
  }, [orders, query, platform, stage, month, sort]);

  const open = (o: Order | 'new') => {
    setEditing(o);
    setDraft(draftOf(o === 'new' ? undefined : o));
    setError(null);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const base = editing && editing !== 'new' ? editing : { id: `ord-${crypto.randomUUID()}` };
    const candidate = {
      ...base,
      platform: draft.platform,
      externalId: draft.externalId.trim() || undefined,
      client: draft.client,
      title: draft.title,
      amount: num(draft.amount) ?? Number.NaN,
      currency: draft.currency.trim().toUpperCase(),
      feePercent: num(draft.feePercent),
      tip: num(draft.tip),
      status: draft.status,
      orderedAt: fromLocalInput(draft.orderedAt) ?? '',
      dueAt: fromLocalInput(draft.dueAt),
      notes: draft.notes.trim() || undefined,
    };
    const parsed = OrderSchema.safeParse(candidate);
    if (!parsed.success) {
      setError(`Not saved: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    let order = parsed.data;
    // Completing by hand sets the clearing date, as the lifecycle does.
    if (order.status === 'completed' && !order.completedAt && settings)
      order = advance({ ...order, status: 'delivered' }, 'completed', new Date(), settings);
    await saveOrder(getDb(), order);
    syncReminders();
    setEditing(null);
    setStatus({ text: `Saved “${order.title}”.` });
  };

  const move = async (o: Order, to: 'delivered' | 'completed' | 'withdrawn' | 'cancelled') => {
    if (!settings) return;
    await saveOrder(getDb(), advance(o, to, new Date(), settings));
    syncReminders();
    setStatus({ text: `“${o.title}” marked ${to}.` });
  };

  const remove = async (o: Order) => {
    await getDb().orders.delete(o.id);
    syncReminders();
    setStatus({ text: `Deleted “${o.title}”.`, undo: o });
  };

  const undo = async (o: Order) => {
    await getDb().orders.put(o);
    syncReminders();
    setStatus({ text: `Restored “${o.title}”.` });
  };

  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  return (
    <section className="card" aria-labelledby="orders-heading">
      <div className="row space-between">
        <h2 id="orders-heading">Orders</h2>
        <button type="button" onClick={() => open('new')}>
          Add order
        </button>
      </div>
      {editing && (
        <form
          className="card template-editor"
          onSubmit={(e) => void save(e)}
          noValidate
          aria-label={editing === 'new' ? 'New order' : 'Edit order'}
        >
          <div className="row">
            <Field label="Platform">
              {(p) => (
                <select {...p} value={draft.platform} onChange={set('platform')}>
                  {PLATFORM_OPTIONS}
                </select>
              )}
            </Field>
            <Field label="Order id on the platform" hint="Optional, e.g. FO1A2B3C4D5E">
              {(p) => <input {...p} value={draft.externalId} onChange={set('externalId')} />}
            </Field>
          </div>
          <div className="row">
            <Field label="Client">{(p) => <input {...p} value={draft.client} onChange={set('client')} />}</Field>
            <Field label="Order title">{(p) => <input {...p} value={draft.title} onChange={set('title')} />}</Field>
          </div>
          <div className="row">
            <Field label="Amount">
              {(p) => <input {...p} inputMode="decimal" value={draft.amount} onChange={set('amount')} />}
            </Field>
            <Field label="Currency" hint="ISO code: USD, EUR, GBP, PKR…">
              {(p) => <input {...p} value={draft.currency} maxLength={3} onChange={set('currency')} />}
            </Field>
            <Field label="Tip">
              {(p) => <input {...p} inputMode="decimal" value={draft.tip} onChange={set('tip')} />}
            </Field>
            <Field label="Fee % for this order" hint="Leave empty for the platform's default.">
              {(p) => <input {...p} inputMode="decimal" value={draft.feePercent} onChange={set('feePercent')} />}
            </Field>
          </div>
          <div className="row">
            <Field label="Status">
              {(p) => (
                <select {...p} value={draft.status} onChange={set('status')}>
                  {ORDER_STATUSES.map((x) => (
                    <option key={x} value={x}>
                      {x}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Ordered">
              {(p) => <input {...p} type="datetime-local" value={draft.orderedAt} onChange={set('orderedAt')} />}
            </Field>
            <Field label="Due">
              {(p) => <input {...p} type="datetime-local" value={draft.dueAt} onChange={set('dueAt')} />}
            </Field>
          </div>
          <Field label="Notes" wide>
            {(p) => <textarea {...p} rows={3} value={draft.notes} onChange={set('notes')} />}
          </Field>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit">Save order</button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <div className="row filters">
        <Field label="Search orders">
          {(p) => <input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
        </Field>
        <Field label="Platform filter">
          {(p) => (
            <select {...p} value={platform} onChange={(e) => setPlatform(e.target.value)}>
              <option value="">All platforms</option>
              {PLATFORM_OPTIONS}
            </select>
          )}
        </Field>
        <Field label="Status filter">
          {(p) => (
            <select {...p} value={stage} onChange={(e) => setStage(e.target.value)}>
              <option value="">All</option>
              {STAGES.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Month">
          {(p) => <input {...p} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />}
        </Field>
        <Field label="Sort">
          {(p) => (
            <select {...p} value={sort} onChange={(e) => setSort(e.target.value as keyof typeof SORTS)}>
              {Object.entries(SORTS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <UndoStatus status={status} onUndo={(item) => void undo(item)} />
      {!orders ? (
        <p>Loading orders…</p>
      ) : shown.length === 0 ? (
        <p className="empty">{orders.length === 0 ? 'No orders yet.' : 'No order matches.'}</p>
      ) : (
        <table className="orders">
          <caption>
            Orders ({shown.length} of {orders.length})
          </caption>
          <thead>
            <tr>
              <th scope="col">Ordered</th>
              <th scope="col">Platform</th>
              <th scope="col">Client</th>
              <th scope="col">Title</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((o) => {
              const s = stageOf(o, new Date());
              return (
                <tr key={o.id} data-gigsaathi-order={o.id}>
                  <td>{day.format(new Date(o.orderedAt))}</td>
                  <td>{o.platform}</td>
                  <td>{o.client}</td>
                  <td>{o.title}</td>
                  <td>{formatMoney(o.amount + (o.tip ?? 0), o.currency)}</td>
                  <td>
                    {s}
                    {s === 'clearing' && o.clearsAt ? ` until ${day.format(new Date(o.clearsAt))}` : ''}
                  </td>
                  <td className="actions">
                    <button type="button" className="secondary" onClick={() => open(o)} aria-label={`Edit ${o.title}`}>
                      Edit
                    </button>
                    {s === 'active' && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void move(o, 'delivered')}
                        aria-label={`Mark ${o.title} delivered`}
                      >
                        Delivered
                      </button>
                    )}
                    {(s === 'active' || s === 'delivered') && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void move(o, 'completed')}
                        aria-label={`Mark ${o.title} completed`}
                      >
                        Completed
                      </button>
                    )}
                    {s === 'available' && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void move(o, 'withdrawn')}
                        aria-label={`Mark ${o.title} withdrawn`}
                      >
                        Withdrawn
                      </button>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void remove(o)}
                      aria-label={`Delete ${o.title}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > limit && (
        <p className="row">
          <span className="muted">
            Showing {limit.toLocaleString('en-US')} of {shown.length.toLocaleString('en-US')}.
          </span>
          <button type="button" className="secondary" onClick={() => setLimit((n) => n + ORDERS_PAGE)}>
            Show {Math.min(ORDERS_PAGE, shown.length - limit)} more orders
          </button>
        </p>
      )}
    </section>
  );
}
