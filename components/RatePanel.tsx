import { useEffect, useState } from 'react';
import { request } from '@/utils/messaging/client';
import { ATTRIBUTION, describeAge } from '@/utils/rates';
import type { RatesView } from '@/utils/rates/service';

/** Which rate is in use, how old it is, and a way to refresh it (at most hourly, the API's terms). */
export function RatePanel() {
  const [rates, setRates] = useState<RatesView | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request('rates.get', {})
      .then(setRates)
      .catch((e: unknown) => setStatus(`Rates unavailable: ${e instanceof Error ? e.message : String(e)}`));
  }, []);

  const refresh = async () => {
    setBusy(true);
    setStatus('Refreshing…');
    try {
      const next = await request('rates.refresh', {});
      setRates(next);
      setStatus(
        next.failures.length === 0
          ? `Rate from ${next.source}, ${describeAge(next.ageMs)}.`
          : `Could not reach ${next.failures.map((f) => `${f.source} (${f.reason})`).join(', ')}; using ${next.source === 'built-in' ? 'the built-in rate' : `the rate from ${next.source}`}.`,
      );
    } catch (e) {
      setStatus(`Refresh failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  if (!rates) return <p className="muted">{status || 'Loading the exchange rate…'}</p>;
  const source = rates.manual
    ? 'your own rate'
    : rates.source === 'built-in'
      ? 'built-in rate of 8 Jul 2025'
      : rates.source;
  return (
    <section aria-labelledby="rate-heading" className="rate-panel">
      <h2 id="rate-heading">Exchange rate</h2>
      <p data-gigsaathi-rate={rates.pkrPerUsd}>
        <strong>1 USD = Rs {rates.pkrPerUsd.toFixed(2)}</strong> · {source}
        {!rates.manual && <> · {describeAge(rates.ageMs)}</>}
        {rates.stale && <span className="warning"> · stale: over 48 hours old</span>}
      </p>
      {!rates.manual && <p className="muted small">{ATTRIBUTION}</p>}
      {!rates.manual && (
        <button type="button" className="secondary" onClick={() => void refresh()} disabled={busy}>
          Refresh rate
        </button>
      )}
      <p role="status" className="muted small">
        {status}
      </p>
    </section>
  );
}
