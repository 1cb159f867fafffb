import { localizeError } from '@/utils/platform/i18n/errors';
import { useLiveQuery } from 'dexie-react-hooks';
import { RouteOptions } from '@/components/RoutesFields';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { editedFieldsOf, orderStore } from '@/utils/orders/store';
import { formatMoney } from '@/utils/money/format';
import { advance, stageOf, type Stage } from '@/utils/orders/lifecycle';
import { DEFAULT_SETTINGS, describeIssues, OrderSchema, ORDER_STATUSES, PLATFORMS, type Order } from '@/utils/schema';
import { Field } from '@/components/Field';
import { UndoStatus } from '@/components/UndoStatus';
import { useSettings } from '@/components/useSettings';
import { useT } from '@/components/i18n';
import { shortDate } from '@/utils/platform/i18n';
import { monthLabel } from '@/utils/platform/i18n/months';

const STAGES: Stage[] = ['active', 'delivered', 'clearing', 'available', 'withdrawn', 'cancelled'];
const ORDERS_PAGE = 100;

const SORTS = ['ordered', 'due', 'amount'] as const;
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const toLocalInput = (iso?: string) =>
  iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60000).toISOString().slice(0, 16) : '';
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : undefined);

interface Draft {
  platform: string;
  externalId: string;
  client: string;
  title: string;
  amount: string;
  currency: string;
  feePercent: string;
  /** '' is the platform's usual route. */
  route: string;
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
  route: o?.route ?? '',
  tip: o?.tip === undefined ? '' : String(o.tip),
  status: o?.status ?? 'active',
  orderedAt: toLocalInput(o?.orderedAt ?? new Date().toISOString()),
  dueAt: toLocalInput(o?.dueAt),
  notes: o?.notes ?? '',
});
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** Every order, by hand or captured: add, edit, move along, delete (with undo), find. */
export function OrderManager() {
  const tr = useT();
  const day = (iso: string) => shortDate(tr, new Date(iso), DAY);
  const platformOptions = PLATFORMS.map((x) => (
    <option key={x} value={x}>
      {tr.t(`platform.${x}`)}
    </option>
  ));
  const orders = useLiveQuery(() => orderStore.list(), []);
  const settings = useSettings();
  const defaultRouteOf = (platform: string) => {
    const known = PLATFORMS.find((p) => p === platform) ?? 'other';
    return (settings ?? DEFAULT_SETTINGS).defaultRoute[known];
  };
  const [editing, setEditing] = useState<Order | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(draftOf());
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; undo?: Order } | null>(null);
  const [query, setQuery] = useState('');
  const [platform, setPlatform] = useState('');
  const [stage, setStage] = useState('');
  const [month, setMonth] = useState('');
  const [sort, setSort] = useState<(typeof SORTS)[number]>('ordered');
  // Years of orders are thousands of rows; rendering them all froze the options page (10,000
  // orders: seconds of main-thread work). Rows come a page at a time.
  const [limit, setLimit] = useState(ORDERS_PAGE);
  useEffect(() => setLimit(ORDERS_PAGE), [query, platform, stage, month, sort]);

  // The filter matches the stored dates' `yyyy-MM` prefix, so the list is made of the same.
  const monthsWithOrders = useMemo(() => {
    const set = new Set<string>();
    for (const o of orders ?? []) {
      set.add(o.orderedAt.slice(0, 7));
      if (o.completedAt) set.add(o.completedAt.slice(0, 7));
    }
    return [...set].sort().reverse();
  }, [orders]);

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
      route: draft.route || undefined,
      tip: num(draft.tip),
      status: draft.status,
      orderedAt: fromLocalInput(draft.orderedAt) ?? '',
      dueAt: fromLocalInput(draft.dueAt),
      notes: draft.notes.trim() || undefined,
    };
    const parsed = OrderSchema.safeParse(candidate);
    if (!parsed.success) {
      setError(tr.t('orders.notSaved', { error: localizeError(tr, describeIssues(parsed.error.issues)) }));
      return;
    }
    let order = parsed.data;
    // What the seller corrected in a captured order stays theirs when the page is captured again.
    if (editing !== 'new' && editing?.externalId) {
      const editedFields = editedFieldsOf(editing, order);
      order = editedFields ? { ...order, editedFields } : order;
    }
    // Completing by hand sets the clearing date, as the lifecycle does.
    if (order.status === 'completed' && !order.completedAt && settings)
      order = advance({ ...order, status: 'delivered' }, 'completed', new Date(), settings);
    await orderStore.save(order);
    setEditing(null);
    setStatus({ text: tr.t('orders.saved', { title: order.title }) });
  };

  const move = async (o: Order, to: 'delivered' | 'completed' | 'withdrawn' | 'cancelled') => {
    if (!settings) return;
    await orderStore.save(advance(o, to, new Date(), settings));
    setStatus({ text: tr.t('orders.marked', { title: o.title, stage: tr.t(`stage.${to}`) }) });
  };

  const remove = async (o: Order) => {
    await orderStore.remove(o.id);
    setStatus({ text: tr.t('orders.deleted', { title: o.title }), undo: o });
  };

  const undo = async (o: Order) => {
    await orderStore.restore(o);
    setStatus({ text: tr.t('orders.restored', { title: o.title }) });
  };

  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  return (
    <section className="card" aria-labelledby="orders-heading">
      <div className="row space-between">
        <h2 id="orders-heading">{tr.t('orders.heading')}</h2>
        <button type="button" onClick={() => open('new')}>
          {tr.t('orders.add')}
        </button>
      </div>
      {editing && (
        <form
          className="card template-editor"
          onSubmit={(e) => void save(e)}
          noValidate
          aria-label={editing === 'new' ? tr.t('orders.new') : tr.t('orders.edit')}
        >
          <div className="row">
            <Field label={tr.t('orders.platform')}>
              {(p) => (
                <select {...p} value={draft.platform} onChange={set('platform')}>
                  {platformOptions}
                </select>
              )}
            </Field>
            <Field label={tr.t('orders.externalId')} hint={tr.t('orders.externalIdHint')}>
              {(p) => <input {...p} value={draft.externalId} onChange={set('externalId')} />}
            </Field>
          </div>
          <div className="row">
            <Field label={tr.t('orders.client')}>
              {(p) => <input {...p} value={draft.client} onChange={set('client')} />}
            </Field>
            <Field label={tr.t('orders.title')}>
              {(p) => <input {...p} value={draft.title} onChange={set('title')} />}
            </Field>
          </div>
          <div className="row">
            <Field label={tr.t('orders.amount')}>
              {(p) => <input {...p} inputMode="decimal" value={draft.amount} onChange={set('amount')} />}
            </Field>
            <Field label={tr.t('orders.currency')} hint={tr.t('orders.currencyHint')}>
              {(p) => <input {...p} value={draft.currency} maxLength={3} onChange={set('currency')} />}
            </Field>
            <Field label={tr.t('orders.tip')}>
              {(p) => <input {...p} inputMode="decimal" value={draft.tip} onChange={set('tip')} />}
            </Field>
            <Field label={tr.t('orders.fee')} hint={tr.t('orders.feeHint')}>
              {(p) => <input {...p} inputMode="decimal" value={draft.feePercent} onChange={set('feePercent')} />}
            </Field>
            <Field label={tr.t('orders.route')}>
              {(p) => (
                <select {...p} value={draft.route} onChange={set('route')}>
                  <option value="">
                    {tr.t('orders.routeDefault', { route: tr.t(`route.${defaultRouteOf(draft.platform)}`) })}
                  </option>
                  <RouteOptions tr={tr} />
                </select>
              )}
            </Field>
          </div>
          <div className="row">
            <Field label={tr.t('orders.status')}>
              {(p) => (
                <select {...p} value={draft.status} onChange={set('status')}>
                  {ORDER_STATUSES.map((x) => (
                    <option key={x} value={x}>
                      {tr.t(`stage.${x}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={tr.t('orders.ordered')}>
              {(p) => <input {...p} type="datetime-local" value={draft.orderedAt} onChange={set('orderedAt')} />}
            </Field>
            <Field label={tr.t('orders.due')}>
              {(p) => <input {...p} type="datetime-local" value={draft.dueAt} onChange={set('dueAt')} />}
            </Field>
          </div>
          <Field label={tr.t('orders.notes')} wide>
            {(p) => <textarea {...p} rows={3} value={draft.notes} onChange={set('notes')} />}
          </Field>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit">{tr.t('orders.save')}</button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              {tr.t('orders.cancel')}
            </button>
          </div>
        </form>
      )}
      <div className="row filters">
        <Field label={tr.t('orders.search')}>
          {(p) => <input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
        </Field>
        <Field label={tr.t('orders.platformFilter')}>
          {(p) => (
            <select {...p} value={platform} onChange={(e) => setPlatform(e.target.value)}>
              <option value="">{tr.t('orders.allPlatforms')}</option>
              {platformOptions}
            </select>
          )}
        </Field>
        <Field label={tr.t('orders.statusFilter')}>
          {(p) => (
            <select {...p} value={stage} onChange={(e) => setStage(e.target.value)}>
              <option value="">{tr.t('orders.all')}</option>
              {STAGES.map((x) => (
                <option key={x} value={x}>
                  {tr.t(`stage.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={tr.t('orders.month')}>
          {(p) => (
            // A list of the months that have orders, by name: Chromium draws an empty
            // <input type="month"> as "--------- ----".
            <select {...p} value={month} onChange={(e) => setMonth(e.target.value)}>
              <option value="">{tr.t('orders.allMonths')}</option>
              {monthsWithOrders.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(tr, m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={tr.t('orders.sort')}>
          {(p) => (
            <select {...p} value={sort} onChange={(e) => setSort(e.target.value as (typeof SORTS)[number])}>
              {SORTS.map((k) => (
                <option key={k} value={k}>
                  {tr.t(`orders.sort.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <UndoStatus status={status} onUndo={(item) => void undo(item)} />
      {!orders ? (
        <p>{tr.t('orders.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{orders.length === 0 ? tr.t('orders.none') : tr.t('orders.noMatch')}</p>
      ) : (
        <table className="orders">
          <caption>{tr.t('orders.caption', { shown: shown.length, total: orders.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr.t('orders.col.ordered')}</th>
              <th scope="col">{tr.t('orders.col.platform')}</th>
              <th scope="col">{tr.t('orders.col.client')}</th>
              <th scope="col">{tr.t('orders.col.title')}</th>
              <th scope="col">{tr.t('orders.col.amount')}</th>
              <th scope="col">{tr.t('orders.col.status')}</th>
              <th scope="col">{tr.t('orders.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((o) => {
              const s = stageOf(o, new Date());
              return (
                <tr key={o.id} data-gigsaathi-order={o.id}>
                  <td>{day(o.orderedAt)}</td>
                  <td>{tr.t(`platform.${o.platform}`)}</td>
                  <td translate="no" dir="auto">
                    {o.client}
                  </td>
                  <td translate="no" dir="auto">
                    {o.title}
                  </td>
                  <td>{formatMoney(o.amount + (o.tip ?? 0), o.currency)}</td>
                  <td>
                    {tr.t(`stage.${s}`)}
                    {s === 'clearing' && o.clearsAt ? tr.t('orders.until', { date: day(o.clearsAt) }) : ''}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => open(o)}
                      aria-label={tr.t('orders.editLabel', { title: o.title })}
                    >
                      {tr.t('orders.editButton')}
                    </button>
                    {s === 'active' && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void move(o, 'delivered')}
                        aria-label={tr.t('orders.deliveredLabel', { title: o.title })}
                      >
                        {tr.t('orders.delivered')}
                      </button>
                    )}
                    {(s === 'active' || s === 'delivered') && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void move(o, 'completed')}
                        aria-label={tr.t('orders.completedLabel', { title: o.title })}
                      >
                        {tr.t('orders.completed')}
                      </button>
                    )}
                    {s === 'available' && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void move(o, 'withdrawn')}
                        aria-label={tr.t('orders.withdrawnLabel', { title: o.title })}
                      >
                        {tr.t('orders.withdrawn')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void remove(o)}
                      aria-label={tr.t('orders.deleteLabel', { title: o.title })}
                    >
                      {tr.t('orders.delete')}
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
          <span className="muted">{tr.t('orders.showing', { shown: limit, total: shown.length })}</span>
          <button type="button" className="secondary" onClick={() => setLimit((n) => n + ORDERS_PAGE)}>
            {tr.t('orders.showMore', { count: Math.min(ORDERS_PAGE, shown.length - limit) })}
          </button>
        </p>
      )}
    </section>
  );
}
