import { useEffect, useState } from 'react';
import { request } from '@/utils/platform/messaging/client';
import { ageText } from '@/utils/platform/i18n';
import { useT } from '@/components/i18n';
import type { RatesView } from '@/utils/schema';

/** Which rate is in use, how old it is, and a way to refresh it (at most hourly, the API's terms). */
export function RatePanel() {
  const tr = useT();
  const [rates, setRates] = useState<RatesView | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request('rates.get', {})
      .then(setRates)
      .catch((e: unknown) =>
        setStatus(tr.t('rates.unavailable', { error: e instanceof Error ? e.message : String(e) })),
      );
  }, [tr]);

  const refresh = async () => {
    setBusy(true);
    setStatus(tr.t('rates.refreshing'));
    try {
      const next = await request('rates.refresh', {});
      setRates(next);
      setStatus(
        next.failures.length === 0
          ? tr.t('rates.refreshedFrom', { source: next.source, age: ageText(tr, next.ageMs) })
          : tr.t('rates.unreachable', {
              failures: next.failures.map((f) => `${f.source} (${f.reason})`).join(', '),
              fallback:
                next.source === 'built-in'
                  ? tr.t('rates.theBuiltInRate')
                  : tr.t('rates.theRateFrom', { source: next.source }),
            }),
      );
    } catch (e) {
      setStatus(tr.t('rates.refreshFailed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  if (!rates) return <p className="muted">{status || tr.t('rates.loading')}</p>;
  const source = rates.manual
    ? tr.t('rates.yourOwnRate')
    : rates.source === 'built-in'
      ? tr.t('rates.builtIn')
      : rates.source;
  return (
    <section aria-labelledby="rate-heading" className="rate-panel">
      <h2 id="rate-heading">{tr.t('rates.heading')}</h2>
      <p data-gigsaathi-rate={rates.pkrPerUsd}>
        <strong>{tr.t('rates.line', { rate: rates.pkrPerUsd.toFixed(2) })}</strong> · {source}
        {!rates.manual && <> · {ageText(tr, rates.ageMs)}</>}
        {rates.stale && <span className="warning"> · {tr.t('rates.stale')}</span>}
      </p>
      {!rates.manual && <p className="muted small">{tr.t('rates.attribution')}</p>}
      {!rates.manual && (
        <button type="button" className="secondary" onClick={() => void refresh()} disabled={busy}>
          {tr.t('rates.refresh')}
        </button>
      )}
      <p role="status" className="muted small">
        {status}
      </p>
    </section>
  );
}
