import type { Dashboard, RatesView, Settings } from '@/utils/schema';
import { readSummary } from '@/utils/orders/summary';
import { readReply, request } from '@/utils/platform/messaging/client';
import { getSettings } from '@/utils/platform/settings';
import { currentRates } from '@/utils/rates';
import { takeEarlyDashboard } from './early';

/**
 * The dashboard's figures: the kept ones when they are current for these settings and rates,
 * else the background computes them now (summary.background.ts).
 */
export async function loadFigures(settings: Settings, rates: RatesView): Promise<Dashboard> {
  return (await readSummary(settings, rates, new Date())) ?? (await request('dashboard.get', {}));
}

let early: Promise<Dashboard> | null = null;

/**
 * Starts loading the figures before the first render, from both places at once: the kept ones
 * (read here, no wait for the service worker) and the background (which answers with the kept
 * ones too while they are current, else computes them). The first current answer wins. Mounted,
 * the dashboard would ask only after reading the settings and the rates itself, ~50 ms after the
 * popup's script starts, and with no current kept figures that wait came before the background's
 * own work; the popup wakes the background at once anyway (the templates, the rates). The
 * background's answer is the one popup-early.js asked for while the bundle loaded, when it ran.
 */
export function loadFiguresEarly(): void {
  const kept = Promise.all([getSettings(), currentRates()]).then(([s, r]) => readSummary(s, r, new Date()));
  const sent = takeEarlyDashboard();
  const computed = sent ? sent.then((raw) => readReply('dashboard.get', raw)) : request('dashboard.get', {});
  const figures = new Promise<Dashboard>((resolve, reject) => {
    kept.then(
      (f) => f && resolve(f),
      () => undefined,
    );
    computed.then(resolve, (e: unknown) =>
      kept.then(
        (f) => (f ? resolve(f) : reject(e)),
        () => reject(e),
      ),
    );
  });
  // A failure here is the dashboard's to report: it loads again itself (takeEarlyFigures).
  figures.catch(() => undefined);
  early = figures;
}

/** The figures loadFiguresEarly started, once; null when there are none or they failed. */
export function takeEarlyFigures(): Promise<Dashboard | null> | null {
  const figures = early;
  early = null;
  return figures && figures.catch(() => null);
}
