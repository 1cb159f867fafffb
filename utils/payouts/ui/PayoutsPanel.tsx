import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Field } from '@/components/Field';
import { downloadCsv } from '@/components/download';
import { RouteOptions } from '@/components/RoutesFields';
import { useT } from '@/components/i18n';
import { FLEETING_MS, useFleeting } from '@/components/useFleeting';
import { useSettings } from '@/components/useSettings';
import { formatMoney } from '@/utils/money/format';
import { listOf, rupees, shortDate, type Translator } from '@/utils/platform/i18n';
import { localizeError } from '@/utils/platform/i18n/errors';
import { monthLabel } from '@/utils/platform/i18n/months';
import { request } from '@/utils/platform/messaging/client';
import { BUILT_IN_RATES, watchLearnedMarkups, watchRateHistory } from '@/utils/rates';
import {
  DEFAULT_SETTINGS,
  describeIssues,
  ROUTE_IDS,
  WithdrawalSchema,
  type Cost,
  type RatesView,
  type Settings,
  type Withdrawal,
} from '@/utils/schema';
import { TAX_PERCENT } from '@/utils/money/fees';
import {
  PRC_PURPOSE_CODE,
  RETENTION,
  taxYear,
  taxYearCsv,
  taxYearOf,
  taxYearRemittances,
  withdrawalFigures,
  type MidRates,
  type WithdrawalFigures,
} from '@/utils/payouts/figures';
import { pakistanDay, pakistanMonth, pakistanNoon } from '@/utils/money/pakistan-time';
import { payoutStore } from '@/utils/payouts/store';

const WITHDRAWAL_CURRENCIES = ['USD', 'GBP', 'EUR'] as const;
/** The list shows the latest withdrawals; the tax year's table counts them all. */
const LIST_SHOWN = 50;

/** The mid-market rates of the withdrawals' days, as the background keeps them. */
function useMidRates(days: ReadonlyArray<string>): MidRates {
  const [mids, setMids] = useState<MidRates>(new Map());
  const key = days.join(',');
  useEffect(() => {
    if (days.length === 0) return;
    let live = true;
    const load = () =>
      request('rates.history', { days: [...days], fetch: false })
        .then((r) => live && setMids(new Map(Object.entries(r.rates))))
        .catch((e: unknown) => console.info('[GigSaathi] rates of past days:', e));
    void load();
    // A day's rate fetched after a withdrawal was saved or imported arrives here.
    const stop = watchRateHistory(() => void load());
    return () => {
      live = false;
      stop();
    };
    // The days by value: a new array of the same days is no reason to ask again.
  }, [key]);
  return mids;
}

interface Totals {
  count: number;
  usd: number;
  pkr: number;
  costPkr: number;
  /** Withdrawals whose cost is known (rupees recorded, mid-market rate known). */
  costed: number;
}

function totalsOf(rows: ReadonlyArray<{ w: Withdrawal; f: WithdrawalFigures }>, mids: MidRates): Totals {
  const t: Totals = { count: 0, usd: 0, pkr: 0, costPkr: 0, costed: 0 };
  for (const { w, f } of rows) {
    t.count++;
    const usdMid = mids.get(f.day)?.PKR;
    t.usd += w.currency === 'USD' ? w.amount : f.midRate && usdMid ? (w.amount * f.midRate) / usdMid : 0;
    t.pkr += w.pkrReceived ?? 0;
    if (f.costPkr !== null) {
      t.costPkr += f.costPkr;
      t.costed++;
    }
  }
  return t;
}

function TotalsLine({
  tr,
  settings,
  name,
  label,
  t,
}: {
  tr: Translator;
  settings: Settings;
  name: string;
  label: string;
  t: Totals;
}) {
  return (
    <div className="stat" data-gigsaathi-stat={name} data-value={t.pkr} data-cost={t.costPkr}>
      <span className="stat-label">{label}</span>
      <strong className="stat-value">
        <span className="stat-pkr">{rupees(tr, t.pkr, settings.pkrGrouping)}</span>{' '}
        <span className="stat-usd muted" dir="ltr">
          {formatMoney(t.usd, 'USD')}
        </span>
      </strong>
      <span className="muted">
        {tr.tn('count.withdrawals', t.count)}
        {t.costed > 0 &&
          ` · ${tr.t('payouts.realCost', { cost: rupees(tr, t.costPkr, settings.pkrGrouping), count: t.costed })}`}
      </span>
    </div>
  );
}

function WithdrawalForm({ tr, settings }: { tr: Translator; settings: Settings }) {
  const [day, setDay] = useState(() => pakistanDay(new Date()));
  const [route, setRoute] = useState<string>(settings.defaultRoute.fiverr);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string>('USD');
  const [fee, setFee] = useState('');
  const [pkr, setPkr] = useState('');
  const [message, setMessage] = useFleeting<{ error: boolean; text: string }>(FLEETING_MS, (m) => !m.error);
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(/,/g, '')));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = WithdrawalSchema.safeParse({
      id: `wd-${crypto.randomUUID()}`,
      at: /^\d{4}-\d{2}-\d{2}$/.test(day) ? pakistanNoon(day) : day,
      amount: num(amount) ?? Number.NaN,
      currency,
      fee: num(fee),
      pkrReceived: num(pkr),
      route: route || undefined,
    });
    if (!parsed.success) {
      setMessage({
        error: true,
        text: tr.t('payouts.notSaved', { error: localizeError(tr, describeIssues(parsed.error.issues)) }),
      });
      return;
    }
    try {
      await payoutStore.saveWithdrawal(parsed.data);
      setAmount('');
      setFee('');
      setPkr('');
      setMessage({ error: false, text: tr.t('payouts.saved') });
      request('rates.history', { days: [pakistanDay(parsed.data.at)], fetch: true }).catch((err: unknown) =>
        console.info('[GigSaathi] rate of the day:', err),
      );
    } catch (err) {
      setMessage({
        error: true,
        text: tr.t('payouts.notSaved', { error: err instanceof Error ? err.message : String(err) }),
      });
    }
  };

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="withdrawal-form-heading"
      data-gigsaathi-withdrawal-form=""
    >
      <h3 id="withdrawal-form-heading">{tr.t('payouts.add')}</h3>
      <div className="row">
        <Field label={tr.t('payouts.date')}>
          {(p) => <input {...p} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
        <Field label={tr.t('payouts.route')}>
          {(p) => (
            <select {...p} value={route} onChange={(e) => setRoute(e.target.value)}>
              <RouteOptions tr={tr} />
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label={tr.t('payouts.amount')} hint={tr.t('payouts.amountHint')}>
          {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        <Field label={tr.t('payouts.currency')}>
          {(p) => (
            <select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {WITHDRAWAL_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={tr.t('payouts.fee')} hint={tr.t('payouts.feeHint')}>
          {(p) => <input {...p} inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} />}
        </Field>
        <Field label={tr.t('payouts.pkrReceived')}>
          {(p) => <input {...p} inputMode="decimal" value={pkr} onChange={(e) => setPkr(e.target.value)} />}
        </Field>
      </div>
      <button type="submit">{tr.t('payouts.save')}</button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </form>
  );
}

/** This month's costs of selling by kind (Connects, membership…), each currency on its own. */
function CostsLine({ tr, costs, month }: { tr: Translator; costs: ReadonlyArray<Cost>; month: string }) {
  if (costs.length === 0) return null;
  const sums = new Map<string, number>();
  for (const c of costs) sums.set(`${c.kind} ${c.currency}`, (sums.get(`${c.kind} ${c.currency}`) ?? 0) + c.amount);
  const parts = [...sums].map(([key, amount]) => {
    const [kind, currency] = key.split(' ') as [Cost['kind'], string];
    return tr.t('payouts.costPart', { kind: tr.t(`cost.${kind}`), amount: formatMoney(amount, currency) });
  });
  return (
    <p data-gigsaathi-costs={month}>
      {tr.t('payouts.costs', { month: monthLabel(tr, month), list: listOf(tr, parts) })}
    </p>
  );
}

const pct = (tr: Translator, n: number | null) => (n === null ? '—' : `${tr.number(n, { maximumFractionDigits: 2 })}%`);

/**
 * Money to the bank (#23): withdrawals and the rate they really got, each route's average markup,
 * and Pakistan's tax year month by month with a CSV for the return.
 */
export function PayoutsPanel() {
  const tr = useT();
  const settings = useSettings() ?? DEFAULT_SETTINGS;
  const withdrawals = useLiveQuery(() => payoutStore.withdrawals(), []);
  const costs = useLiveQuery(() => payoutStore.costs(), []);
  const days = useMemo(() => [...new Set((withdrawals ?? []).map((w) => pakistanDay(w.at)))].sort(), [withdrawals]);
  const mids = useMidRates(days);
  // The rate in use and each route's learned markup, as the background keeps them for every net
  // figure (utils/payouts/markups.background.ts): shown as kept, not worked out again here.
  const [rates, setRates] = useState<RatesView | null>(null);
  useEffect(() => {
    const load = () =>
      request('rates.get', {})
        .then(setRates)
        .catch((e: unknown) => console.info('[GigSaathi] rates:', e));
    void load();
    return watchLearnedMarkups(() => void load());
  }, []);
  const now = new Date();
  const currentYear = taxYearOf(now).year;
  const years = useMemo(() => {
    const set = new Set([currentYear, ...(withdrawals ?? []).map((w) => taxYearOf(w.at).year)]);
    return [...set].sort((a, b) => b - a);
  }, [withdrawals, currentYear]);
  const [year, setYear] = useState(currentYear);

  const rows = useMemo(
    () => (withdrawals ?? []).map((w) => ({ w, f: withdrawalFigures(w, mids, settings) })),
    [withdrawals, mids, settings],
  );
  const thisMonth = pakistanMonth(now);
  const ty = taxYear(year);
  const monthTotals = totalsOf(
    rows.filter((r) => pakistanMonth(r.w.at) === thisMonth),
    mids,
  );
  const yearTotals = totalsOf(
    rows.filter((r) => Date.parse(r.w.at) >= ty.start && Date.parse(r.w.at) < ty.end),
    mids,
  );
  const markups = rates?.markups ?? {};
  // A day with no kept mid-market rate is estimated at the rate in use now (the popup's).
  const months = taxYearRemittances(
    withdrawals ?? [],
    mids,
    settings,
    ty,
    rates?.pkrPerUsd ?? BUILT_IN_RATES.rates.PKR!,
  );
  const yearLabel = tr.t('payouts.taxYear', { year: String(year), from: String(year - 1) });

  return (
    <section className="card" aria-labelledby="payouts-heading" data-gigsaathi-payouts="">
      <h2 id="payouts-heading">{tr.t('payouts.heading')}</h2>
      <p className="muted">{tr.t('payouts.intro')}</p>
      <div className="stats">
        <TotalsLine
          tr={tr}
          settings={settings}
          name="withdrawn-month"
          label={tr.t('payouts.month', { month: monthLabel(tr, thisMonth) })}
          t={monthTotals}
        />
        <TotalsLine tr={tr} settings={settings} name="withdrawn-tax-year" label={yearLabel} t={yearTotals} />
      </div>

      <CostsLine tr={tr} costs={(costs ?? []).filter((c) => pakistanMonth(c.at) === thisMonth)} month={thisMonth} />

      <h3>{tr.t('payouts.markups')}</h3>
      <table className="orders" data-gigsaathi-markups="">
        <thead>
          <tr>
            <th scope="col">{tr.t('payouts.route')}</th>
            <th scope="col">{tr.t('payouts.yourMarkup')}</th>
            <th scope="col">{tr.t('payouts.presetMarkup')}</th>
          </tr>
        </thead>
        <tbody>
          {ROUTE_IDS.map((r) => (
            <tr key={r} data-gigsaathi-route={r}>
              <th scope="row">{tr.t(`route.${r}`)}</th>
              <td data-value={markups[r]?.percent ?? ''}>
                {markups[r] ? `${pct(tr, markups[r].percent)} (${tr.tn('count.withdrawals', markups[r].count)})` : '—'}
              </td>
              <td>{pct(tr, settings.routes[r].fxMarkupPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{tr.t(settings.useOwnMarkup ? 'payouts.markupsUsed' : 'payouts.markupsNotUsed')}</p>

      <WithdrawalForm tr={tr} settings={settings} />

      {rows.length > 0 && (
        <>
          <h3>{tr.t('payouts.list')}</h3>
          <table className="orders" data-gigsaathi-withdrawals="">
            <thead>
              <tr>
                <th scope="col">{tr.t('payouts.date')}</th>
                <th scope="col">{tr.t('payouts.route')}</th>
                <th scope="col">{tr.t('payouts.sent')}</th>
                <th scope="col">{tr.t('payouts.pkrReceived')}</th>
                <th scope="col">{tr.t('payouts.rate')}</th>
                <th scope="col">{tr.t('payouts.mid')}</th>
                <th scope="col">{tr.t('payouts.markup')}</th>
                <th scope="col">
                  <span className="visually-hidden">{tr.t('payouts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, LIST_SHOWN).map(({ w, f }) => {
                const date = shortDate(tr, new Date(w.at), { day: 'numeric', month: 'short', year: 'numeric' });
                return (
                  <tr key={w.id} data-gigsaathi-withdrawal={w.id} data-markup={f.markupPercent ?? ''}>
                    <td>{date}</td>
                    <td>{w.route ? tr.t(`route.${w.route}`) : '—'}</td>
                    <td dir="ltr">{formatMoney(w.amount, w.currency)}</td>
                    <td>{w.pkrReceived === undefined ? '—' : rupees(tr, w.pkrReceived, settings.pkrGrouping)}</td>
                    <td>{f.effectiveRate === null ? '—' : tr.number(f.effectiveRate, { maximumFractionDigits: 2 })}</td>
                    <td>
                      {f.midRate === null
                        ? tr.t('payouts.midUnknown')
                        : tr.number(f.midRate, { maximumFractionDigits: 2 })}
                    </td>
                    <td>{pct(tr, f.markupPercent)}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={tr.t('payouts.delete', { date })}
                        onClick={() => void payoutStore.deleteWithdrawal(w.id)}
                      >
                        {tr.t('payouts.deleteShort')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}

      <h3 id="tax-year-heading">{tr.t('payouts.taxHeading')}</h3>
      <div className="row">
        <Field label={tr.t('payouts.chooseYear')}>
          {(p) => (
            <select {...p} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {tr.t('payouts.taxYear', { year: String(y), from: String(y - 1) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          onClick={() => downloadCsv(`gigsaathi-tax-year-${year}.csv`, taxYearCsv(months, ty, settings))}
        >
          {tr.t('payouts.taxCsv')}
        </button>
      </div>
      <table className="orders" aria-labelledby="tax-year-heading" data-gigsaathi-tax-year={year}>
        <thead>
          <tr>
            <th scope="col">{tr.t('payouts.monthColumn')}</th>
            <th scope="col">{tr.t('payouts.remitted')}</th>
            <th scope="col">{tr.t('payouts.tax', { percent: TAX_PERCENT[settings.taxStatus] })}</th>
            <th scope="col">{tr.t('payouts.retention')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} data-gigsaathi-tax-month={m.month} data-pkr={m.pkr} data-tax={m.taxPkr}>
              <th scope="row">{monthLabel(tr, m.month)}</th>
              <td>
                {m.count === 0 ? '—' : rupees(tr, m.pkr, settings.pkrGrouping)}
                {m.estimated > 0 && <small> {tr.tn('payouts.estimated', m.estimated)}</small>}
              </td>
              <td>{m.count === 0 ? '—' : rupees(tr, m.taxPkr, settings.pkrGrouping)}</td>
              <td dir="ltr">{m.count === 0 ? '—' : formatMoney(m.retentionUsd, 'USD')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {tr.t('payouts.taxNote', {
          code: PRC_PURPOSE_CODE,
          share: RETENTION.share * 100,
          floor: formatMoney(RETENTION.floorUsd, 'USD'),
        })}
      </p>
    </section>
  );
}
