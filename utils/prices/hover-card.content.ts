import { ageText, rupees, translatorFor } from '@/utils/platform/i18n';
import { breakdown } from '@/utils/money/fees';
import { formatMoney } from '@/utils/money/format';
import type { PriceMatch } from '@/utils/money/parse';
import { pkrPer } from '@/utils/money/rates';
import { h } from '@/utils/platform/ui/h';
import type { Layer } from '@/utils/platform/ui/layer';
import { OUR_INLINE_TAG as TAG } from '@/utils/platform/ui/ours';
import type { RatesView, Settings } from '@/utils/schema';
import type { Look } from './look';

/**
 * The card an annotation opens on hover or focus: gross → fee → withdrawal → tax → net, with the
 * rate and its age. Built when asked for, in the feature's layer, never in the page.
 */
export function startHoverCard({
  layer,
  signal,
  describe,
  current,
}: {
  layer: Layer | null;
  signal: AbortSignal;
  /** An annotation of ours → its price and how it was made; null for anything else. */
  describe: (annotation: HTMLElement) => { match: PriceMatch; look: Look } | null;
  current: () => { rates: RatesView; settings: Settings };
}): { hide(): void } {
  let card: HTMLElement | null = null;
  const hideCard = () => {
    card?.remove();
    card = null;
  };
  const showCard = (annotation: HTMLElement) => {
    const described = describe(annotation);
    if (!described || !layer) return;
    const { match, look } = described;
    const { rates, settings } = current();
    hideCard();
    // Screen sharing: no breakdown opens while amounts are hidden.
    if (settings.privacy) return;
    const { effective, fees, feeTaken } = look;
    const perUnit = pkrPer(effective, match.currency) ?? 0;
    const b = breakdown(match.min, fees, look.fixedRateFor(match));
    const tr = translatorFor(settings.language);
    layer.setLocale(tr);
    const row = (label: string, amount: number, sign = '') =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, label),
        h('td', { dir: 'ltr' }, `${sign}${formatMoney(amount, match.currency)}`),
        h('td', {}, `${sign}${rupees(tr, amount * perUnit, settings.pkrGrouping)}`),
      );
    const rate = effective.pkrPerUsd.toFixed(2);
    const rateLine = effective.manual
      ? tr.t('card.ownRate', { rate })
      : tr.t('card.rateLine', {
          rate,
          source: rates.source === 'built-in' ? tr.t('rates.builtIn') : rates.source,
          age: ageText(tr, effective.ageMs),
        });
    card = h(
      'div',
      { className: 'price-card', role: 'tooltip', 'data-gigsaathi-price-card': '' },
      h(
        'table',
        {},
        h(
          'caption',
          {},
          match.min === match.max
            ? tr.t(match.hourly ? 'card.reachesBankHourly' : 'card.reachesBank')
            : tr.t(match.hourly ? 'card.reachesBankForHourly' : 'card.reachesBankFor', {
                amount: formatMoney(match.min, match.currency),
              }),
        ),
        row(tr.t(feeTaken ? 'card.earned' : 'card.gross'), b.gross),
        feeTaken
          ? h(
              'tr',
              {},
              h('th', { scope: 'row' }, tr.t('card.platformFeeTaken')),
              h('td', { colspan: 2 }, tr.t('card.alreadyTaken')),
            )
          : row(tr.t('card.platformFee', { percent: fees.platformPercent }), b.platformFee, '− '),
        row(
          fees.withdrawalFixed && !match.hourly
            ? tr.t('card.withdrawalFixed', {
                percent: fees.withdrawalPercent,
                fixed: formatMoney(fees.withdrawalFixed, fees.withdrawalCurrency),
              })
            : tr.t('card.withdrawal', { percent: fees.withdrawalPercent }),
          b.withdrawalFee,
          '− ',
        ),
        row(
          fees.markupFrom
            ? tr.tn('card.fxMarkupOwn', fees.markupFrom.count, { percent: fees.fxMarkupPercent })
            : tr.t('card.fxMarkup', { percent: fees.fxMarkupPercent }),
          b.fxMarkup,
          '− ',
        ),
        row(tr.t('card.tax', { percent: fees.taxPercent }), b.tax, '− '),
        h(
          'tr',
          { className: 'net' },
          h('th', { scope: 'row' }, tr.t('card.net')),
          h('td', { dir: 'ltr' }, formatMoney(b.net, match.currency)),
          h('td', {}, rupees(tr, b.net * perUnit, settings.pkrGrouping)),
        ),
      ),
      // Upwork's "You'll receive" and Fiverr's earnings are after the platform's fee only; said,
      // so the seller does not take them for what reaches the bank (#20).
      h(
        'p',
        { className: 'route', 'data-gigsaathi-route': fees.route },
        tr.t('card.route', { route: tr.t(`route.${fees.route}`) }),
      ),
      feeTaken ? h('p', { className: 'earned-note', 'data-gigsaathi-earned-note': '' }, tr.t('card.earnedNote')) : null,
      h(
        'p',
        { className: effective.stale ? 'rate stale' : 'rate' },
        rateLine,
        effective.stale ? ` · ${tr.t('rates.stale')}` : '',
      ),
      effective.manual ? null : h('p', { className: 'attribution' }, tr.t('rates.attribution')),
    );
    layer.root.append(card);
    const r = annotation.getBoundingClientRect();
    const top = r.bottom + 6 + 240 < window.innerHeight ? r.bottom + 6 : Math.max(8, r.top - 246);
    card.style.top = `${top}px`;
    card.style.left = `${Math.min(Math.max(8, r.left), window.innerWidth - 328)}px`;
  };
  const onOver = (e: Event) => {
    const t = e.target;
    if (t instanceof HTMLElement && t.tagName === TAG.toUpperCase()) showCard(t);
  };
  const onOut = (e: Event) => {
    const t = e.target;
    if (t instanceof HTMLElement && t.tagName === TAG.toUpperCase()) hideCard();
  };
  document.addEventListener('mouseover', onOver, { signal, passive: true });
  document.addEventListener('focusin', onOver, { signal });
  document.addEventListener('mouseout', onOut, { signal, passive: true });
  document.addEventListener('focusout', onOut, { signal });
  // A card that appears on hover or focus can be dismissed without moving (WCAG 1.4.13).
  document.addEventListener('keydown', (e) => e.key === 'Escape' && card && hideCard(), { signal });
  return { hide: hideCard };
}

export const PRICE_CARD_CSS = `
:host { all: initial; }
.price-card { position: fixed; width: 320px; padding: 10px 12px; background: #fff; color: #1b1f24; border: 1px solid #8c959f; border-radius: 10px; box-shadow: 0 8px 24px rgba(0,0,0,.18); font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; }
.price-card table { width: 100%; border-collapse: collapse; }
.price-card caption { text-align: start; font-weight: 600; margin-bottom: 4px; }
.price-card th { text-align: start; font-weight: 400; color: #57606a; padding: 1px 0; }
.price-card td { text-align: end; font-variant-numeric: tabular-nums; padding: 1px 0 1px 8px; }
.price-card tr.net th, .price-card tr.net td { font-weight: 700; color: #0b6e4f; border-top: 1px solid #d0d7de; padding-top: 3px; }
.price-card .route { margin: 6px 0 0; font-size: 12px; }
.price-card .rate { margin: 6px 0 0; color: #57606a; font-size: 12px; }
.price-card .earned-note { margin: 6px 0 0; max-width: 34ch; font-size: 12px; }
.price-card .rate.stale { color: #8a4600; font-weight: 600; }
.price-card .attribution { margin: 2px 0 0; color: #57606a; font-size: 11px; }
`;
