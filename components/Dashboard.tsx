import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { getDb } from '@/utils/db';
import { listOrders } from '@/utils/db/orders';
import { formatMoney, formatRupees } from '@/utils/money/format';
import { computeDashboard, type Dashboard as Figures } from '@/utils/orders/dashboard';
import { readOrdersRevision, readSummary, saveSummary } from '@/utils/orders/summary';
import { currentRates, type RatesView } from '@/utils/rates/service';
import { PLATFORMS, type Platform } from '@/utils/schema';
import { useSettings } from './useSettings';

const usd = (n: number) => formatMoney(n, 'USD');
const PLATFORM_COLOURS: Record<Platform, string> = {
  fiverr: '#0b6e4f',
  upwork: '#5a8f00',
  peopleperhour: '#b35c00',
  linkedin: '#0a66c2',
  other: '#6e7781',
};
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

function Stat({
  name,
  value,
  label,
  children,
}: {
  name: string;
  value: number;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <div className="stat" data-gigsaathi-stat={name} data-value={value}>
      <span className="stat-label">{label}</span>
      <strong className="stat-value">{children}</strong>
    </div>
  );
}

function countdown(ms: number): string {
  const h = Math.round(Math.abs(ms) / 3600_000);
  const text = h >= 48 ? `${Math.round(h / 24)} days` : `${h} hours`;
  return ms < 0 ? `overdue by ${text}` : `due in ${text}`;
}

/** The earnings dashboard: a glance in the popup, the full view with charts in the options page. */
export function Dashboard({ full = false }: { full?: boolean }) {
  // The revision is read before the orders, so figures are never kept under a newer revision
  // than the orders they came from (Dexie: wrap non-Dexie promises in Promise.resolve).
  const live = useLiveQuery(async () => {
    const revision = await Promise.resolve(readOrdersRevision());
    return { revision, orders: await listOrders(getDb()) };
  }, []);
  const settings = useSettings();
  const [rates, setRates] = useState<RatesView | null>(null);
  const [kept, setKept] = useState<Figures | null>(null);
  // Read the cached rate here rather than asking the background: the popup can read storage
  // itself, and waking the service worker first cost a visible delay.
  useEffect(() => {
    currentRates().then(setRates, () => setRates(null));
  }, [settings]);
  // The figures kept from the last opening show at once while every order is read again.
  useEffect(() => {
    if (!settings || !rates) return;
    let alive = true;
    readSummary(settings, rates, new Date()).then(
      (figures) => alive && setKept(figures),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [settings, rates]);
  const figures = useMemo<Figures | null>(
    () => (live && settings && rates ? computeDashboard(live.orders, settings, rates, new Date()) : null),
    [live, settings, rates],
  );
  useEffect(() => {
    if (!figures || !live || !settings || !rates) return;
    saveSummary(figures, live.orders, settings, rates, live.revision, new Date()).catch((e: unknown) =>
      console.error('[GigSaathi] keeping the dashboard summary failed', e),
    );
  }, [figures, live, settings, rates]);
  const f = figures ?? kept;
  if (!f || !settings || !rates) return <p className="muted">Loading your earnings…</p>;

  return (
    <section className={full ? 'card dashboard' : 'dashboard'} aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Earnings</h2>
      <div className="stats">
        <Stat name="month-earned-usd" value={f.monthEarnedUsd} label="Earned this month (completed)">
          {usd(f.monthEarnedUsd)}
        </Stat>
        <Stat name="month-earned-net-pkr" value={f.monthEarnedNetPkr} label="Reaches your bank">
          {formatRupees(f.monthEarnedNetPkr, settings.pkrGrouping)}
        </Stat>
        <Stat name="clearing-usd" value={f.clearingUsd} label="Clearing">
          {usd(f.clearingUsd)}
        </Stat>
        <Stat name="available-usd" value={f.availableUsd} label="Available">
          {usd(f.availableUsd)}
        </Stat>
        <Stat name="active-count" value={f.activeCount} label="Active orders">
          {f.activeCount}
        </Stat>
        <Stat name="week-new-orders" value={f.weekNewOrders} label={`New this week (limit ${f.weeklyLimit})`}>
          {f.weekNewOrders} / {f.weeklyLimit}
        </Stat>
      </div>
      {f.nextClears.length > 0 && (
        <p className="muted small">
          Clears next:{' '}
          {f.nextClears.map((c) => `${usd(c.usd)} on ${dayFormat.format(new Date(`${c.date}T12:00:00`))}`).join(', ')}
        </p>
      )}
      {f.overWeeklyLimit && (
        <p className="warning" role="note">
          You took {f.weekNewOrders} new orders this week, over your limit of {f.weeklyLimit}. A gentle reminder: rest
          keeps the quality up.
        </p>
      )}
      {f.active.length > 0 && (
        <>
          <h3>Active orders</h3>
          <ul className="active-orders">
            {f.active.slice(0, full ? undefined : 5).map((a) => (
              <li key={a.order.id} className={a.overdue ? 'overdue' : undefined} data-gigsaathi-active={a.order.id}>
                <strong>{a.order.client}</strong> · {a.order.title} ·{' '}
                <span className={a.overdue ? 'error' : undefined}>
                  {a.msLeft === null ? 'no due date' : countdown(a.msLeft)}
                </span>
                {a.dueOnRestDay && <span className="warning"> · due on your rest day ({settings.restDay})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {full && (
        <>
          <p>
            Withdrawn this month:{' '}
            <strong data-gigsaathi-stat="withdrawn-month-usd" data-value={f.withdrawnThisMonthUsd}>
              {usd(f.withdrawnThisMonthUsd)}
            </strong>{' '}
            · Average order:{' '}
            <strong data-gigsaathi-stat="average-order-usd" data-value={f.averageOrderUsd}>
              {usd(f.averageOrderUsd)}
            </strong>{' '}
            · Repeat clients:{' '}
            <strong data-gigsaathi-stat="repeat-client-share" data-value={f.repeatClientShare}>
              {Math.round(f.repeatClientShare * 100)}%
            </strong>
          </p>
          <MonthsChart months={f.months} />
          {f.topClients.length > 0 && (
            <>
              <h3>Top clients</h3>
              <ol className="top-clients">
                {f.topClients.map((c) => (
                  <li key={c.client}>
                    {c.client}: {usd(c.usd)} ({c.orders} {c.orders === 1 ? 'order' : 'orders'})
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      {f.unconverted > 0 && (
        <p className="muted small">{f.unconverted} orders in currencies without a rate are not counted.</p>
      )}
    </section>
  );
}

/** Completed gross per month, stacked by platform: plain SVG, with the same numbers as a table. */
function MonthsChart({ months }: { months: Figures['months'] }) {
  const max = Math.max(1, ...months.map((m) => m.total));
  const W = 600;
  const H = 180;
  const bar = W / months.length;
  const label = (m: string) =>
    new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(new Date(`${m}-15T12:00:00`));
  return (
    <figure className="chart">
      <figcaption>Completed orders, last 12 months (USD, by platform)</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H + 20}`}
        role="img"
        aria-label="Bar chart of completed earnings per month; the table below has the numbers."
      >
        {months.map((m, i) => {
          let y = H;
          return (
            <g key={m.month}>
              {PLATFORMS.filter((p) => m.byPlatform[p] > 0).map((p) => {
                const h = (m.byPlatform[p] / max) * (H - 10);
                y -= h;
                return <rect key={p} x={i * bar + 6} y={y} width={bar - 12} height={h} fill={PLATFORM_COLOURS[p]} />;
              })}
              <text x={i * bar + bar / 2} y={H + 15} textAnchor="middle" fontSize="11" fill="#57606a">
                {label(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Show the numbers</summary>
        <table className="orders">
          <thead>
            <tr>
              <th scope="col">Month</th>
              {PLATFORMS.map((p) => (
                <th scope="col" key={p}>
                  {p}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {PLATFORMS.map((p) => (
                  <td key={p}>{usd(m.byPlatform[p])}</td>
                ))}
                <td>{usd(m.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
