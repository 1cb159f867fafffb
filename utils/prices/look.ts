import { breakdown, feeModel, fixedFeeRate } from '@/utils/money/fees';
import { rupees, translator } from '@/utils/platform/i18n';
import type { PriceMatch } from '@/utils/money/parse';
import { effectiveRates, pkrPer, type EffectiveRates } from '@/utils/money/rates';
import { OUR_INLINE_TAG as TAG } from '@/utils/platform/ui/ours';
import type { Platform, RatesView, Settings } from '@/utils/schema';

/**
 * An annotation sits inside the page's own text, beside a dollar figure the page wrote in
 * English, so it reads as English does ("≈ Rs 7,000") whatever the seller's language; the card
 * it opens speaks the seller's language.
 */
const PAGE_WORDS = translator('en');
/** Finished annotations kept by value: a page repeats the same few prices across thousands of cards. */
const MODELS_MAX = 2000;

/**
 * What a price's annotation looks like under given rates and settings: its attributes and visible
 * text, and a finished model per price to clone. Shared by the annotator and the benchmark's bare
 * pass, so both make exactly the same annotations. `feeTaken`: an amount already after the
 * platform's fee (see EarnedAmounts).
 */
export function annotationLook(rates: RatesView, settings: Settings, platform: Platform, feeTaken = false) {
  const effective: EffectiveRates = effectiveRates(
    {
      rates: rates.rates,
      source: rates.source as 'built-in',
      fetchedAt: rates.fetchedAt,
      publishedAt: rates.publishedAt,
    },
    rates.manual ? rates.pkrPerUsd : null,
  );
  const fees = feeModel(settings, platform, { feePercent: feeTaken ? 0 : undefined, markups: rates.markups });
  // Styled inline: an unknown element the page's CSS has no rules for, made to sit quietly beside
  // the price without moving it or taking its clicks' target. Cloned, so the style is parsed once.
  const prototype = document.createElement(TAG);
  prototype.style.cssText =
    'all: initial; display: inline; margin-inline-start: 0.3em; font: inherit; font-size: 0.85em; font-weight: 500; color: #0b6e4f; white-space: nowrap; cursor: help;';
  prototype.tabIndex = 0;

  /**
   * Sets an annotation's attributes and text; false for a currency without a rate (then removed).
   * `label`: the price as the page writes it, for one of several prices in one text, whose
   * annotations all follow that text: "$10 ≈ Rs 2,800 $25 ≈ Rs 7,000", not two bare figures to
   * pair up by position.
   */
  const fixedRateFor = (match: PriceMatch) =>
    fixedFeeRate(fees, effective.table.rates, match.currency, { hourly: match.hourly });

  function render(annotation: HTMLElement, match: PriceMatch, label?: string): boolean {
    const perUnit = pkrPer(effective, match.currency);
    if (perUnit === null) {
      annotation.remove();
      return false;
    }
    const fixedRate = fixedRateFor(match);
    const gross = [match.min * perUnit, match.max * perUnit];
    const netMin = breakdown(match.min, fees, fixedRate).net * perUnit;
    const net = [netMin, match.max === match.min ? netMin : breakdown(match.max, fees, fixedRate).net * perUnit];
    // The page's own sign and "+": a withdrawal of -$500 is money out, "$5K+" at least that much.
    const sign = match.negative ? '-' : '';
    const attr = ([a, b]: number[]) =>
      Math.round(a!) === Math.round(b!) ? `${sign}${Math.round(a!)}` : `${Math.round(a!)}-${Math.round(b!)}`;
    annotation.setAttribute('data-gigsaathi-pkr', attr(gross));
    annotation.setAttribute('data-gigsaathi-pkr-net', attr(net));
    const pkr = rupees(PAGE_WORDS, gross[0]!, settings.pkrGrouping, gross[1]!);
    annotation.textContent = `${label ? `${label} ` : ''}≈ ${match.negative ? '−' : ''}${pkr}${match.plus ? '+' : ''}${match.hourly ? '/hr' : ''}`;
    return true;
  }

  /**
   * A parsed price → a finished annotation to clone, or null for a currency without a rate. By
   * value too: "From $25" and "From US$25" are one annotation, rendered once.
   */
  const ready = new WeakMap<PriceMatch, HTMLElement | null>();
  const readyByValue = new Map<string, HTMLElement | null>();
  function model(match: PriceMatch, label?: string): HTMLElement | null {
    let made = label === undefined ? ready.get(match) : undefined;
    if (made === undefined) {
      const key = `${match.currency} ${match.min} ${match.max} ${match.hourly ? 'h' : ''}${match.negative ? '-' : ''}${match.plus ? '+' : ''} ${label ?? ''}`;
      made = readyByValue.get(key);
      if (made === undefined) {
        if (readyByValue.size >= MODELS_MAX) readyByValue.clear();
        made = prototype.cloneNode() as HTMLElement;
        // A hairline before each of several annotations in a row tells where one ends.
        if (label !== undefined)
          made.style.cssText += 'border-inline-start: 1px solid #9cc7b5; padding-inline-start: 0.35em;';
        if (!render(made, match, label)) made = null;
        readyByValue.set(key, made);
      }
      if (label === undefined) ready.set(match, made);
    }
    return made;
  }
  return { effective, fees, feeTaken, fixedRateFor, render, model };
}
export type Look = ReturnType<typeof annotationLook>;
