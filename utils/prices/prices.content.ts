import type { FeatureContext } from '@/utils/platform/runner/types';
import { request } from '@/utils/platform/messaging/client';
import type { Platform, Settings } from '@/utils/schema';
import { watchSettings } from '@/utils/platform/settings';
import type { RatesView } from '@/utils/schema';
import { createLayer } from '@/utils/platform/ui/layer';
import { pageObserver } from '@/utils/platform/observer';
import { PRICE_CARD_CSS, startPriceAnnotator, type EarnedAmounts, type HourlyAmounts } from './annotate.content';
import { followAmountField } from './live-field.content';
import { pageSettled } from '@/utils/platform/runner/dom';

/** Prices in rupees on a site's pages, with the site's own fee. Rates come from the background. */
export async function startPrices(
  { signal, settings, log }: FeatureContext,
  platform: Platform,
  {
    amountFields = [],
    earned,
    hourly,
    statedFee,
  }: {
    amountFields?: ReadonlyArray<string>;
    earned?: EarnedAmounts;
    hourly?: HourlyAmounts;
    /** The fee the page states for its contract (Upwork's proposal terms), over the settings'. */
    statedFee?: () => number | null;
  } = {},
): Promise<void> {
  let rates: RatesView;
  try {
    rates = await request('rates.get', {});
  } catch (e) {
    log.standDown(`no exchange rate available (${e instanceof Error ? e.message : String(e)})`);
    return;
  }
  await pageSettled(signal);
  if (signal.aborted || !document.body) return;
  // Lazy: the card's layer joins the page on the first hover, so a page never hovered gets none.
  const layer = createLayer('prices', PRICE_CARD_CSS, signal, { lazy: true });
  // Read again as the page changes: it may render the fee late, or be reached by SPA navigation.
  let stated = statedFee?.() ?? null;
  const withStatedFee = (s: Settings): Settings =>
    stated === null || stated === s.fees[platform] ? s : { ...s, fees: { ...s.fees, [platform]: stated } };
  const annotator = startPriceAnnotator({
    root: document.body,
    platform,
    rates,
    settings: withStatedFee(settings),
    layer,
    signal,
    earned,
    hourly,
  });
  let current = settings;
  // Bid and rate fields: followed as the seller types (they are inputs, which the scanner skips).
  // A note can sit outside its field's parent, so when the page drops a field its note goes too.
  // After the first look only what the page adds is searched: a query over the whole document on
  // every change would cost more the longer an infinite-scrolling page grows.
  const selector = amountFields.join(',');
  const followed = new Map<HTMLInputElement, ReturnType<typeof followAmountField>>();
  const followWithin = (root: ParentNode) => {
    const found = root instanceof Element && root.matches(selector) ? [root] : [];
    for (const input of [...found, ...root.querySelectorAll(selector)]) {
      if (!(input instanceof HTMLInputElement) || followed.has(input)) continue;
      followed.set(
        input,
        followAmountField(input, {
          platform,
          rates: () => rates,
          settings: () => withStatedFee(current),
          signal,
        }),
      );
    }
  };
  /** New rates, settings or stated fee: every annotation and every field's note again. */
  const refresh = () => {
    annotator.refresh(rates, withStatedFee(current));
    for (const field of followed.values()) field.update();
  };
  if (selector || statedFee) {
    if (selector) followWithin(document);
    pageObserver().subscribe(({ added }) => {
      const fee = statedFee?.() ?? null;
      if (fee !== stated) {
        stated = fee;
        refresh();
      }
      if (!selector) return;
      for (const [input, field] of followed) {
        if (input.isConnected) continue;
        field.unfollow();
        followed.delete(input);
      }
      // Our own price annotations are left out by the observer: they arrive by the thousand.
      for (const n of added) if (n instanceof Element && n.isConnected) followWithin(n);
    }, signal);
  }
  const unwatch = watchSettings((next) => {
    current = next;
    // A changed fee, tax status, grouping or own rate: the background recomputes the rate view.
    request('rates.get', {})
      .then((r) => {
        rates = r;
        if (!signal.aborted) refresh();
      })
      .catch(() => {});
  });
  signal.addEventListener('abort', unwatch, { once: true });
}
