import { LOCALE_TAGS, rupees, translatorFor } from '@/utils/platform/i18n';
import { breakdown, feeModel, fixedFeeRate } from '@/utils/money/fees';
import type { RatesView } from '@/utils/schema';
import type { Platform, Settings } from '@/utils/schema';
import { TAG } from './annotate.content';

/** How far up a field's input group may nest in rows of flex or grid items. */
const MAX_ROW_LEVELS = 3;
const NOTE_STYLE = 'all: initial; font: inherit; font-size: 0.9em; color: #0b6e4f;';

/**
 * Where the note goes so it moves nothing the page laid out. A bid or price field usually sits in
 * an input group, a row of flex or grid items, often with its own max-width (the proposal
 * fixture's is 14rem): a note inside it either wrapped into a column three lines tall or, kept on
 * one line, squeezed the input itself to nothing. So after such a row (the outermost, up to
 * MAX_ROW_LEVELS), on a line of its own; elsewhere right after the field, inline.
 */
function placeNote(input: HTMLInputElement, note: HTMLElement): void {
  // A column of flex items takes a line of its own like a block does; a grid would give it a cell.
  const isRow = (el: Element) => {
    const style = getComputedStyle(el);
    return (
      style.display.includes('grid') || (style.display.includes('flex') && !style.flexDirection.startsWith('column'))
    );
  };
  let row: Element | null = null;
  for (let el = input.parentElement, level = 0; el && el !== document.body && level < MAX_ROW_LEVELS; level++) {
    if (!isRow(el)) break;
    row = el;
    el = el.parentElement;
  }
  const outer = row?.parentElement;
  if (row && outer && !isRow(outer)) {
    note.style.cssText = `${NOTE_STYLE} display: block; margin-block-start: 0.3em;`;
    row.after(note);
  } else {
    note.style.cssText = `${NOTE_STYLE} display: inline-block; margin-inline-start: 0.6em;`;
    input.after(note);
  }
}

/**
 * A rate or bid field the seller types into (Upwork's proposal bid): near it, live, what they will
 * receive in rupees after the platform fee, withdrawal and tax. The field itself is never touched.
 * Returns `update`, for new rates, settings or fee, and `unfollow`, which takes the note away when
 * the page drops the field.
 */
export function followAmountField(
  input: HTMLInputElement,
  {
    platform,
    rates,
    settings,
    signal,
  }: { platform: Platform; rates: () => RatesView; settings: () => Settings; signal: AbortSignal },
): { update: () => void; unfollow: () => void } {
  const note = document.createElement(TAG);
  note.setAttribute('data-gigsaathi-live', '');
  note.setAttribute('aria-live', 'polite');
  placeNote(input, note);
  const update = () => {
    const usd = Number.parseFloat(input.value.replace(/[^\d.]/g, ''));
    if (!Number.isFinite(usd) || usd <= 0) {
      note.textContent = '';
      note.removeAttribute('data-gigsaathi-pkr');
      note.removeAttribute('data-gigsaathi-pkr-net');
      return;
    }
    const r = rates();
    const fees = feeModel(settings(), platform, { markups: r.markups });
    const net = breakdown(usd, fees, fixedFeeRate(fees, r.rates, 'USD')).net * r.pkrPerUsd;
    note.setAttribute('data-gigsaathi-pkr', String(Math.round(usd * r.pkrPerUsd)));
    note.setAttribute('data-gigsaathi-pkr-net', String(Math.round(net)));
    const tr = translatorFor(settings().language);
    const grouping = settings().pkrGrouping;
    note.lang = LOCALE_TAGS[tr.locale];
    note.textContent = tr.t('card.youReceive', {
      gross: rupees(tr, usd * r.pkrPerUsd, grouping),
      net: rupees(tr, net, grouping),
    });
    // The route it goes by, for assistive tools and a hover; the note itself stays one short line.
    note.title = tr.t('card.route', { route: tr.t(`route.${fees.route}`) });
  };
  input.addEventListener('input', update, { signal });
  const remove = () => note.remove();
  signal.addEventListener('abort', remove, { once: true });
  update();
  return {
    update,
    unfollow: () => {
      signal.removeEventListener('abort', remove);
      input.removeEventListener('input', update);
      remove();
    },
  };
}
