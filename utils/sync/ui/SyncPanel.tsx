import { useEffect, useState } from 'react';
import type { SyncPrefs, SyncStatus } from '@/utils/schema';
import { ageText } from '@/utils/platform/i18n';
import { useT } from '@/components/i18n';
import { syncState } from '@/utils/sync/state';

/** Sync's switch for this browser and what it last did, kept live while the page is open. */
export function SyncPanel() {
  const tr = useT();
  const [state, setState] = useState<{ prefs: SyncPrefs; status: SyncStatus } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let alive = true;
    const show = (prefs: SyncPrefs, status: SyncStatus) => alive && setState({ prefs, status });
    void Promise.all([syncState.prefs(), syncState.status()]).then(([p, s]) => show(p, s));
    const stop = syncState.watch(show);
    // "2 min ago" stays true while the page is open.
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      alive = false;
      stop();
      clearInterval(timer);
    };
  }, []);
  if (!state) return null;
  const { prefs, status } = state;
  const full = prefs.enabled && status.synced < status.total;
  const received = status.lastReceivedAt ? Date.parse(status.lastReceivedAt) : null;

  return (
    <section aria-labelledby="sync-heading" className="card">
      <h2 id="sync-heading">{tr.t('sync.heading')}</h2>
      <p>{tr.t('sync.intro')}</p>
      <label className="row">
        <input
          type="checkbox"
          checked={prefs.enabled}
          onChange={(e) => {
            const enabled = e.target.checked;
            setNow(Date.now());
            // Shown at once; the background follows the stored switch.
            setState({ prefs: { enabled }, status });
            void syncState.setEnabled(enabled);
          }}
        />
        {tr.t('sync.enabled')}
      </label>
      <div role="status" data-gigsaathi-sync={!prefs.enabled ? 'off' : full ? 'full' : 'on'}>
        {!prefs.enabled ? (
          <p>{tr.t('sync.off')}</p>
        ) : (
          <>
            <p data-gigsaathi-sync-count="">
              {full
                ? tr.t('sync.full', { synced: status.synced, total: status.total })
                : tr.tn('sync.all', status.total)}
            </p>
            <p data-gigsaathi-sync-received="">
              {received === null
                ? tr.t('sync.neverReceived')
                : tr.t('sync.received', { age: ageText(tr, Math.max(0, now - received)) })}
            </p>
          </>
        )}
      </div>
      {prefs.enabled && status.error && (
        <p role="alert" className="error">
          {tr.t('sync.error', { error: status.error })}
        </p>
      )}
      {prefs.enabled && status.refused > 0 && <p className="muted">{tr.tn('sync.refused', status.refused)}</p>}
      <p className="muted">{tr.t('sync.orders')}</p>
      <p className="muted">{tr.t('sync.howTo')}</p>
    </section>
  );
}
