import { LOCALE_TAGS, rupees, translatorFor } from '../i18n';
import { breakdown, feeModel } from '../money/fees';
import type { RatesView } from '../rates/service';
import type { Platform, Settings } from '../schema';
import { TAG } from './annotate';

/**
 * A rate or bid field the seller types into (Upwork's proposal bid): beside it, live, what they
 * will receive in rupees after the platform fee, withdrawal and tax. The field itself is never
 * touched; the note sits after it and goes away with the feature.
 */
export function followAmountField(
  input: HTMLInputElement,
  {
    platform,
    rates,
    settings,
    signal,
  }: { platform: Platform; rates: () => RatesView; settings: () => Settings; signal: AbortSignal },
): void {
  const note = document.createElement(TAG);
  // One line, never shrunk. A bid field usually sits in a narrow input group, a flex row with its own
  // max-width (the proposal fixture's is 14rem), where a shrinkable note wrapped into a column three
  // lines tall and pushed the form down. Overflowing that row to the right moves nothing else.
  note.style.cssText =
    'all: initial; display: inline-block; flex: none; white-space: nowrap; margin-inline-start: 0.6em; font: inherit; font-size: 0.9em; color: #0b6e4f;';
  note.setAttribute('data-gigsaathi-live', '');
  note.setAttribute('aria-live', 'polite');
  input.after(note);
  const update = () => {
    const usd = Number.parseFloat(input.value.replace(/[^\d.]/g, ''));
    if (!Number.isFinite(usd) || usd <= 0) {
      note.textContent = '';
      note.removeAttribute('data-gigsaathi-pkr');
      note.removeAttribute('data-gigsaathi-pkr-net');
      return;
    }
    const r = rates();
    const net = breakdown(usd, feeModel(settings(), platform)).net * r.pkrPerUsd;
    note.setAttribute('data-gigsaathi-pkr', String(Math.round(usd * r.pkrPerUsd)));
    note.setAttribute('data-gigsaathi-pkr-net', String(Math.round(net)));
    const tr = translatorFor(settings().language);
    const grouping = settings().pkrGrouping;
    note.lang = LOCALE_TAGS[tr.locale];
    note.textContent = tr.t('card.youReceive', {
      gross: rupees(tr, usd * r.pkrPerUsd, grouping),
      net: rupees(tr, net, grouping),
    });
  };
  input.addEventListener('input', update, { signal });
  signal.addEventListener('abort', () => note.remove(), { once: true });
  update();
}
