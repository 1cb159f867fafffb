import { PLATFORMS, ROUTE_IDS, ROUTE_PRESETS, type RouteId, type Settings } from '@/utils/schema';
import type { Translator } from '@/utils/platform/i18n';
import { ChoiceField, NumberField } from './fields';

/** The currencies a route may withdraw in: PKR for a platform that pays out in rupees itself. */
const ROUTE_CURRENCIES = ['USD', 'GBP', 'EUR', 'PKR'] as const;

/**
 * Every route's fees, each in a group named by the route, and the route each platform's money
 * takes (#23). Edits go to the draft; the settings form saves them.
 */
export function RoutesFields({
  tr,
  draft,
  set,
}: {
  tr: Translator;
  draft: Settings;
  set: (change: (d: Settings) => Settings) => void;
}) {
  const routeName = (r: RouteId) => tr.t(`route.${r}`);
  const setRoute = (id: RouteId, change: Partial<Settings['routes'][RouteId]>) =>
    set((d) => ({ ...d, routes: { ...d.routes, [id]: { ...d.routes[id], ...change } } }));
  return (
    <fieldset data-gigsaathi-routes="">
      <legend>{tr.t('settings.routes')}</legend>
      <p className="muted">{tr.t('settings.routesHint')}</p>
      {PLATFORMS.map((p) => (
        <ChoiceField
          key={p}
          label={tr.t('settings.defaultRouteFor', { platform: tr.t(`platform.${p}`) })}
          value={draft.defaultRoute[p]}
          choices={ROUTE_IDS}
          name={routeName}
          onChange={(route) => set((d) => ({ ...d, defaultRoute: { ...d.defaultRoute, [p]: route } }))}
        />
      ))}
      {ROUTE_IDS.map((id) => {
        const r = draft.routes[id];
        return (
          <fieldset key={id} className="route" data-gigsaathi-route={id}>
            <legend>{routeName(id)}</legend>
            <div className="row">
              <NumberField
                label={tr.t('settings.routeFixed', { currency: r.currency })}
                step="0.01"
                min={0}
                max={1000}
                value={r.fixedFee}
                onChange={(fixedFee) => setRoute(id, { fixedFee })}
              />
              <NumberField
                label={tr.t('settings.routePercent')}
                step="0.1"
                min={0}
                max={100}
                value={r.percent}
                onChange={(percent) => setRoute(id, { percent })}
              />
              <NumberField
                label={tr.t('settings.routeFx')}
                step="0.1"
                min={0}
                max={100}
                value={r.fxMarkupPercent}
                onChange={(fxMarkupPercent) => setRoute(id, { fxMarkupPercent })}
              />
              <ChoiceField
                label={tr.t('settings.routeCurrency')}
                value={ROUTE_CURRENCIES.find((c) => c === r.currency) ?? 'USD'}
                choices={ROUTE_CURRENCIES}
                name={(c) => c}
                onChange={(currency) => setRoute(id, { currency })}
              />
            </div>
            <button type="button" className="secondary" onClick={() => setRoute(id, { ...ROUTE_PRESETS[id] })}>
              {tr.t('settings.routeReset')}
            </button>
          </fieldset>
        );
      })}
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.useOwnMarkup}
          onChange={(e) => set((d) => ({ ...d, useOwnMarkup: e.target.checked }))}
        />
        {tr.t('settings.useOwnMarkup')}
      </label>
    </fieldset>
  );
}

/** Every route as an option of a select, by its name. */
export function RouteOptions({ tr }: { tr: Translator }) {
  return (
    <>
      {ROUTE_IDS.map((r) => (
        <option key={r} value={r}>
          {tr.t(`route.${r}`)}
        </option>
      ))}
    </>
  );
}
