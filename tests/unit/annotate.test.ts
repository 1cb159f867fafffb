import { describe, expect, it } from 'vitest';
import { startPriceAnnotator } from '@/utils/prices/annotate';
import { DEFAULT_SETTINGS } from '@/utils/schema';
import { ratesView } from './data';

const rates = ratesView({ EUR: 0.8 });

function page(build: (root: HTMLElement) => void) {
  const root = document.createElement('div');
  build(root);
  document.body.replaceChildren(root);
  return root;
}
const el = (tag: string, text: string, attrs: Record<string, string> = {}) => {
  const e = document.createElement(tag);
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

async function annotate(root: HTMLElement, settings = DEFAULT_SETTINGS) {
  const controller = new AbortController();
  const a = startPriceAnnotator({ root, platform: 'fiverr', rates, settings, layer: null, signal: controller.signal });
  await a.idle();
  return {
    a,
    controller,
    found: [...root.querySelectorAll('gigsaathi-pkr')].map((x) => [
      x.previousSibling?.textContent,
      x.getAttribute('data-gigsaathi-pkr'),
      x.getAttribute('data-gigsaathi-pkr-net'),
    ]),
  };
}

describe('price annotator', () => {
  it('annotates prices right after them, with gross and net rupees', async () => {
    const root = page((r) => r.append(el('p', 'Standard package: $25'), el('p', 'From €10')));
    const { found } = await annotate(root);
    expect(found).toEqual([
      ['Standard package: $25', '7000', '5270'],
      ['From €10', '3500', '2632'],
    ]);
  });

  it('leaves alone rupee prices, ratings, counts, dates, and anything in inputs, scripts, styles or editors', async () => {
    const root = page((r) => {
      const input = el('input', '');
      input.setAttribute('value', '$25');
      const editor = el('div', 'Offer: $40', { contenteditable: 'true' });
      r.append(
        el('p', 'Rs 7,000'),
        el('p', 'PKR 25,000'),
        el('p', '★ 4.9 (1k+)'),
        el('p', 'Due 24 Nov 2026, 20% done'),
        el('script', 'var price = "$25";'),
        el('style', '.a::after { content: "$5" }'),
        el('textarea', '$30'),
        input,
        editor,
        el('code', '$ 25'),
      );
    });
    const { found } = await annotate(root);
    expect(found).toEqual([]);
  });

  it('joins a price split over elements, once', async () => {
    const root = page((r) => {
      const price = el('a', '');
      price.append(el('span', 'From '), el('span', '$'), el('span', '45'));
      const rating = el('div', '');
      rating.append(el('strong', '4.9'), el('span', ' (120)'));
      const card = el('div', '');
      card.append(rating, price);
      r.append(card);
    });
    const { found } = await annotate(root);
    expect(found).toEqual([['From $45', '12600', '9486']]);
  });

  it('writes ranges and hourly rates, in lakh grouping when chosen', async () => {
    const root = page((r) => r.append(el('p', 'Hourly: $15.00 - $35.00 /hr'), el('p', 'Budget $5,000')));
    const { found } = await annotate(root, { ...DEFAULT_SETTINGS, pkrGrouping: 'lakh' });
    expect(found.map((f) => f[1])).toEqual(['4200-9800', '1400000']);
    expect([...root.querySelectorAll('gigsaathi-pkr')].map((x) => x.textContent)).toEqual([
      '≈ Rs 4,200–9,800/hr',
      '≈ Rs 14,00,000',
    ]);
  });

  it('removes every annotation when stopped, restoring the DOM exactly', async () => {
    const root = page((r) => r.append(el('p', 'From $10'), el('p', 'and $20')));
    const before = root.innerHTML;
    const { controller } = await annotate(root);
    expect(root.querySelectorAll('gigsaathi-pkr')).toHaveLength(2);
    controller.abort();
    expect(root.innerHTML).toBe(before);
  });

  it('follows added content and takes its annotation away with a removed price', async () => {
    const root = page((r) => r.append(el('p', 'From $10')));
    const { a } = await annotate(root);
    const added = el('p', 'Now $30');
    root.append(added);
    await new Promise((r) => setTimeout(r, 10));
    await a.idle();
    expect(a.count()).toBe(2);
    const text = added.firstChild!;
    added.removeChild(text);
    await new Promise((r) => setTimeout(r, 10));
    expect(added.querySelector('gigsaathi-pkr')).toBeNull();
  });

  it('stops fighting a spot the page keeps re-rendering', async () => {
    const root = page((r) => r.append(el('p', 'Total: $10')));
    const { a } = await annotate(root);
    const p = root.querySelector('p')!;
    const settle = async () => {
      await new Promise((r) => setTimeout(r, 10));
      await a.idle();
    };
    // A framework that re-renders the price text each time: we follow a few times, then give up.
    for (let i = 0; i < 8; i++) {
      p.firstChild!.textContent = `Total: $${11 + i}`;
      await settle();
    }
    expect(p.querySelectorAll('gigsaathi-pkr').length).toBeLessThanOrEqual(1);
    expect(p.querySelector('gigsaathi-pkr')).toBeNull();
  });
});
