import { useEffect, useState } from 'react';
import { formatMoney } from '@/utils/money/format';
import type { Dashboard as Figures } from '@/utils/schema';
import { watchSummary } from '@/utils/orders/summary';
import { loadFigures, takeEarlyFigures } from './figures';
import { currentRates } from '@/utils/rates';
import type { RatesView } from '@/utils/schema';
import { PLATFORMS, type Platform } from '@/utils/schema';
import { useSettings } from '@/components/useSettings';
import { useT } from '@/components/i18n';
import { durationText, listOf, rupees, shortDate, weekdayName, type Translator } from '@/utils/platform/i18n';
import { monthLabel } from '@/utils/platform/i18n/months';

const usd = (n: number) => formatMoney(n, 'USD');
const PLATFORM_COLOURS: Record<Platform, string> = {
  fiverr: '#0b6e4f',
  upwork: '#5a8f00',
  peopleperhour: '#b35c00',
  linkedin: '#0a66c2',
  workchest: '#8250df',
  other: '#6e7781',
};

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

function countdown(tr: Translator, ms: number): string {
  const time = durationText(tr, ms);
  return ms < 0 ? tr.t('dashboard.overdueBy', { time }) : tr.t('dashboard.dueIn', { time });
}

/** Rupees first, the dollars they come from beside them. */
function Money({ pkr, usd }: { pkr: string; usd: string }) {
  return (
    <>
      <span className="stat-pkr">{pkr}</span>{' '}
      <span className="stat-usd muted" dir="ltr">
        {usd}
      </span>
    </>
  );
}

/**
 * The earnings dashboard: a glance in the popup, the full view with charts in the options page.
 * `middle` sits right under the figures (the popup puts its templates there, above the fold).
 */
export function Dashboard({ full = false, middle }: { full?: boolean; middle?: React.ReactNode }) {
  const tr = useT();
  const settings = useSettings();
  const [rates, setRates] = useState<RatesView | null>(null);
  const [figures, setFigures] = useState<Figures | null>(null);
  // Read the cached rate here rather than asking the background: the popup can read storage
  // itself, and waking the service worker first cost a visible delay. Read again when the
  // settings change (an own rate); an earlier read that answers late is ignored.
  useEffect(() => {
    let alive = true;
    currentRates().then(
      (r) => alive && setRates(r),
      () => alive && setRates(null),
    );
    return () => {
      alive = false;
    };
  }, [settings]);
  // Only the background computes the figures (summary.background.ts). The kept ones show at once;
  // when none are current for these settings and rates, the background computes them now. Each
  // time it keeps new ones (after any write to the orders), they are read again.
  useEffect(() => {
    if (!settings || !rates) return;
    let alive = true;
    const load = async () => {
      // The popup's first load may have started before this mounted (loadFiguresEarly); later
      // ones, and a settings or rate change, load for what is in force now.
      const figures = (await takeEarlyFigures()) ?? (await loadFigures(settings, rates));
      if (alive) setFigures(figures);
    };
    const reload = () =>
      void load().catch((e: unknown) => console.error('[GigSaathi] reading the dashboard failed', e));
    reload();
    const unwatch = watchSummary(reload);
    return () => {
      alive = false;
      unwatch();
    };
  }, [settings, rates]);
  const f = figures;
  // The same frame while loading, so `middle` (the popup's templates, maybe already searched)
  // keeps its place in the tree and is not drawn anew when the figures arrive.
  if (!f || !settings || !rates)
    return (
      <section className={full ? 'card dashboard' : 'dashboard'} aria-labelledby="dashboard-heading">
        <h2 id="dashboard-heading">{tr.t('dashboard.heading')}</h2>
        <p className="muted">{tr.t('dashboard.loading')}</p>
        {middle}
      </section>
    );
  // The current month: its name says the period, the year goes without saying.
  const month = monthLabel(tr, f.month, 'name');

  return (
    <section className={full ? 'card dashboard' : 'dashboard'} aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">{tr.t('dashboard.heading')}</h2>
      <div className="stats">
        <Stat name="month-earned-usd" value={f.monthEarnedUsd} label={tr.t('dashboard.monthEarned', { month })}>
          <Money pkr={rupees(tr, f.monthEarnedUsd * f.pkrPerUsd, settings.pkrGrouping)} usd={usd(f.monthEarnedUsd)} />
        </Stat>
        <Stat name="month-earned-net-pkr" value={f.monthEarnedNetPkr} label={tr.t('dashboard.reachesBank', { month })}>
          <Money pkr={rupees(tr, f.monthEarnedNetPkr, settings.pkrGrouping)} usd={usd(f.monthEarnedNetUsd)} />
        </Stat>
        <Stat name="clearing-usd" value={f.clearingUsd} label={tr.t('dashboard.clearing')}>
          <Money pkr={rupees(tr, f.clearingUsd * f.pkrPerUsd, settings.pkrGrouping)} usd={usd(f.clearingUsd)} />
        </Stat>
        <Stat name="available-usd" value={f.availableUsd} label={tr.t('dashboard.available')}>
          <Money pkr={rupees(tr, f.availableUsd * f.pkrPerUsd, settings.pkrGrouping)} usd={usd(f.availableUsd)} />
        </Stat>
        <Stat name="active-count" value={f.activeCount} label={tr.t('dashboard.activeCount')}>
          {f.activeCount}
        </Stat>
        <Stat
          name="week-new-orders"
          value={f.weekNewOrders}
          label={tr.t('dashboard.weekNew', { limit: f.weeklyLimit })}
        >
          <span dir="ltr">{`${f.weekNewOrders} / ${f.weeklyLimit}`}</span>
        </Stat>
      </div>
      {middle}
      {f.nextClears.length > 0 && (
        <p className="muted small">
          {tr.t('dashboard.clearsNext', {
            list: listOf(
              tr,
              f.nextClears.map((c) =>
                tr.t('dashboard.clearsOn', { amount: usd(c.usd), date: shortDate(tr, new Date(`${c.date}T12:00:00`)) }),
              ),
            ),
          })}
        </p>
      )}
      {f.overWeeklyLimit && (
        <p className="warning" role="note">
          {tr.t('dashboard.overLimit', { count: f.weekNewOrders, limit: f.weeklyLimit })}
        </p>
      )}
      {f.active.length > 0 && (
        <>
          <h3>{tr.t('dashboard.activeOrders')}</h3>
          <ul className="active-orders">
            {f.active.slice(0, full ? undefined : 5).map((a) => (
              <li key={a.order.id} className={a.overdue ? 'overdue' : undefined} data-gigsaathi-active={a.order.id}>
                <strong translate="no" dir="auto">
                  {a.order.client}
                </strong>{' '}
                ·{' '}
                <span translate="no" dir="auto">
                  {a.order.title}
                </span>{' '}
                ·{' '}
                <span className={a.overdue ? 'error' : undefined}>
                  {a.msLeft === null ? tr.t('dashboard.noDueDate') : countdown(tr, a.msLeft)}
                </span>
                {a.dueOnRestDay && (
                  <span className="warning">
                    {' · '}
                    {tr.t('dashboard.dueOnRestDay', { day: weekdayName(tr, settings.restDay) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {full && (
        <>
          <p>
            {tr.t('dashboard.withdrawnMonth')}{' '}
            <strong data-gigsaathi-stat="withdrawn-month-usd" data-value={f.withdrawnThisMonthUsd}>
              {usd(f.withdrawnThisMonthUsd)}
            </strong>{' '}
            · {tr.t('dashboard.averageOrder')}{' '}
            <strong data-gigsaathi-stat="average-order-usd" data-value={f.averageOrderUsd}>
              {usd(f.averageOrderUsd)}
            </strong>{' '}
            · {tr.t('dashboard.repeatClients')}{' '}
            <strong data-gigsaathi-stat="repeat-client-share" data-value={f.repeatClientShare}>
              {tr.number(f.repeatClientShare, { style: 'percent' })}
            </strong>
          </p>
          <MonthsChart months={f.months} tr={tr} />
          {f.topClients.length > 0 && (
            <>
              <h3>{tr.t('dashboard.topClients')}</h3>
              <ol className="top-clients">
                {f.topClients.map((c) => (
                  <li key={c.client}>
                    {tr.t('dashboard.topClient', {
                      client: c.client,
                      amount: usd(c.usd),
                      orders: tr.tn('count.orders', c.orders),
                    })}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      {f.unconverted > 0 && <p className="muted small">{tr.tn('dashboard.unconverted', f.unconverted)}</p>}
    </section>
  );
}

/** Completed gross per month, stacked by platform: plain SVG, with the same numbers as a table. */
function MonthsChart({ months, tr }: { months: Figures['months']; tr: Translator }) {
  const max = Math.max(1, ...months.map((m) => m.total));
  const W = 600;
  const H = 180;
  const bar = W / months.length;
  const label = (m: string) => monthLabel(tr, m, 'short');
  // Whole dollars above each bar ("$1.2k" past a thousand), so the chart reads without the table.
  const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <figure className="chart">
      <figcaption>{tr.t('chart.caption')}</figcaption>
      <svg viewBox={`0 -14 ${W} ${H + 34}`} role="img" aria-label={tr.t('chart.label')}>
        {months.map((m, i) => {
          let y = H;
          const top = H - (m.total / max) * (H - 10);
          return (
            <g key={m.month}>
              {PLATFORMS.filter((p) => m.byPlatform[p] > 0).map((p) => {
                const h = (m.byPlatform[p] / max) * (H - 10);
                y -= h;
                return <rect key={p} x={i * bar + 6} y={y} width={bar - 12} height={h} fill={PLATFORM_COLOURS[p]} />;
              })}
              {m.total > 0 && (
                <text
                  x={i * bar + bar / 2}
                  y={top - 4}
                  textAnchor="middle"
                  fontSize="11"
                  fill="#1b1f24"
                  data-gigsaathi-chart-value={m.month}
                >
                  {`$${compact.format(Math.round(m.total))}`}
                </text>
              )}
              <text x={i * bar + bar / 2} y={H + 15} textAnchor="middle" fontSize="11" fill="#57606a">
                {label(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{tr.t('chart.showNumbers')}</summary>
        <table className="orders">
          <thead>
            <tr>
              <th scope="col">{tr.t('chart.month')}</th>
              {PLATFORMS.map((p) => (
                <th scope="col" key={p}>
                  {tr.t(`platform.${p}`)}
                </th>
              ))}
              <th scope="col">{tr.t('chart.total')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(tr, m.month)}</th>
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
