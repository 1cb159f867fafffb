import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startPriceAnnotator, type EarnedAmounts } from '@/utils/prices/annotate.content';
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

async function annotate(root: HTMLElement, settings = DEFAULT_SETTINGS, withRates = rates, earned?: EarnedAmounts) {
  const controller = new AbortController();
  const a = startPriceAnnotator({
    root,
    platform: 'fiverr',
    rates: withRates,
    settings,
    layer: null,
    signal: controller.signal,
    earned,
  });
  await a.idle();
  return {
    a,
    controller,
    found: [...root.querySelectorAll('gigsaathipkr')].map((x) => [
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

  it('reads "From", "$" and "200" in three elements, with no space between, as one price', async () => {
    const root = page((r) => {
      const price = el('span', '');
      price.append(el('span', 'From'), el('span', '$'), el('span', '200'));
      const other = el('span', '');
      other.append(el('span', 'From'), el('span', 'HK$'), el('span', '200'));
      r.append(el('div', ''), price, other);
    });
    const { found } = await annotate(root);
    expect(found.map((f) => [f[0], f[1]])).toEqual([['From$200', '56000']]);
  });

  it('keeps the page’s minus and "+": a withdrawal is money out, "$5K+" at least that', async () => {
    const root = page((r) => r.append(el('td', '-$500.00'), el('p', '$5K+ spent'), el('p', '$45')));
    const { found } = await annotate(root);
    expect(found.map((f) => f[1])).toEqual(['-140000', '1400000', '12600']);
    expect([...root.querySelectorAll('gigsaathipkr')].map((x) => x.textContent)).toEqual([
      '≈ −Rs 140,000',
      '≈ Rs 1,400,000+',
      '≈ Rs 12,600',
    ]);
  });

  it('writes ranges and hourly rates, in lakh grouping when chosen', async () => {
    const root = page((r) =>
      r.append(el('p', '$15.00 - $35.00 /hr'), el('p', 'Budget $5,000'), el('p', 'Hourly rate: $20.00')),
    );
    const { found } = await annotate(root, { ...DEFAULT_SETTINGS, pkrGrouping: 'lakh' });
    expect(found.map((f) => f[1])).toEqual(['4200-9800', '1400000', '5600']);
    expect([...root.querySelectorAll('gigsaathipkr')].map((x) => x.textContent)).toEqual([
      '≈ Rs 4,200–9,800/hr',
      '≈ Rs 14,00,000',
      '≈ Rs 5,600/hr',
    ]);
  });

  it('removes every annotation when stopped, restoring the DOM exactly', async () => {
    const root = page((r) => r.append(el('p', 'From $10'), el('p', 'and $20')));
    const before = root.innerHTML;
    const { controller } = await annotate(root);
    expect(root.querySelectorAll('gigsaathipkr')).toHaveLength(2);
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
    expect(added.querySelector('gigsaathipkr')).toBeNull();
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
    expect(p.querySelectorAll('gigsaathipkr').length).toBeLessThanOrEqual(1);
    expect(p.querySelector('gigsaathipkr')).toBeNull();
  });

  it('follows a price the page changes or removes while the first pass is still going', async () => {
    const root = page((r) => {
      r.append(el('p', 'Standard: $25'), el('p', 'Basic: $10'));
      // Enough cards that the first pass takes several chunks.
      for (let i = 0; i < 3000; i++) r.append(el('div', `Card ${i}: a logo, 2 revisions`));
    });
    const [changed, removed] = [...root.querySelectorAll('p')];
    const controller = new AbortController();
    let chunks = 0;
    const a = startPriceAnnotator({
      root,
      platform: 'fiverr',
      rates,
      settings: DEFAULT_SETTINGS,
      layer: null,
      signal: controller.signal,
      onChunk: () => {
        if (++chunks > 1) return;
        // Both prices were found in the first chunk and wait for the next insertion.
        (changed!.firstChild as Text).data = 'Standard: $30';
        removed!.remove();
      },
    });
    await a.idle();
    expect(chunks).toBeGreaterThan(1);
    expect([...root.querySelectorAll('gigsaathipkr')].map((x) => x.getAttribute('data-gigsaathi-pkr'))).toEqual([
      '8400',
    ]);
    expect(removed!.querySelector('gigsaathipkr')).toBeNull();
    expect(a.count()).toBe(1);
    controller.abort();
    expect(root.querySelector('gigsaathipkr')).toBeNull();
  });
});

describe('price annotator: shapes of split prices and places to leave alone', () => {
  it('joins a marker that ends a longer text with the amount after it, and an amount with the code after it', async () => {
    const root = page((r) => {
      const a = el('div', 'Price: $');
      a.append(el('b', '25'));
      const b = el('div', '');
      b.append(el('span', '40'), el('span', ' USD'));
      // Its container reads "US$10per order": the word after the amount is no multiplier.
      const c = el('p', '');
      c.append(el('span', 'US$'), el('span', '10'), el('small', 'per order'));
      r.append(a, b, c);
    });
    const { found } = await annotate(root);
    expect(found.map((f) => f.slice(1))).toEqual([
      ['7000', '5270'],
      ['11200', '8434'],
      ['2800', '2106'],
    ]);
  });

  it('lets a code after a bare $ pick the dollar, and never annotates the code on its own', async () => {
    const root = page((r) => {
      const split = el('p', '');
      split.append(el('span', '$'), el('span', '30'), el('span', ' AUD'));
      const coded = el('p', '');
      coded.append(el('span', '$25'), el('span', ' USD'));
      r.append(el('p', 'Budget $20 CAD'), split, coded);
    });
    const { found, controller } = await annotate(root, DEFAULT_SETTINGS, ratesView({ AUD: 1.5, CAD: 1.4 }));
    expect(found.map((f) => f[1])).toEqual([
      // 20 CAD at 280 / 1.4 rupees each; 30 AUD at 280 / 1.5; 25 USD once, not again for its " USD".
      '4000',
      '5600',
      '7000',
    ]);
    controller.abort();
  });

  it('leaves alone prices nested deeper inside code, editors and SVG, but not contenteditable="false"', async () => {
    const root = page((r) => {
      const pre = el('pre', '');
      pre.append(el('span', 'cost = $25'));
      const editor = el('div', '', { contenteditable: '' });
      const para = el('p', '');
      para.append(el('span', 'Offer $40'));
      editor.append(para);
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.textContent = '$15';
      svg.append(text);
      const readOnly = el('div', '', { contenteditable: 'false' });
      readOnly.append(el('span', 'Total $10'));
      r.append(pre, editor, svg, readOnly);
    });
    const { found } = await annotate(root);
    expect(found).toEqual([['Total $10', '2800', '2106']]);
  });

  it('leaves alone a price added later inside an editor, or typed into one', async () => {
    const editor = el('div', '', { contenteditable: 'true' });
    const root = page((r) => r.append(el('p', 'From $10'), editor));
    const { a } = await annotate(root);
    const line = el('p', '');
    line.append(el('span', 'I can do it for $30'));
    editor.append(line);
    editor.append('and $40');
    await new Promise((r) => setTimeout(r, 10));
    await a.idle();
    (line.firstChild!.firstChild as Text).data = 'I can do it for $35';
    await new Promise((r) => setTimeout(r, 10));
    await a.idle();
    expect(a.count()).toBe(1);
    expect(editor.querySelector('gigsaathipkr')).toBeNull();
  });

  it('gives every price its own annotation, and a refresh rewrites them all', async () => {
    const root = page((r) => r.append(el('p', 'From $10'), el('p', 'From $10')));
    const { a } = await annotate(root);
    const [first, second] = [...root.querySelectorAll('gigsaathipkr')];
    expect(first).not.toBe(second);
    expect(second!.getAttribute('data-gigsaathi-pkr')).toBe('2800');
    a.refresh(ratesView({ EUR: 0.8, PKR: 300 }), DEFAULT_SETTINGS);
    expect([...root.querySelectorAll('gigsaathipkr')].map((x) => x.getAttribute('data-gigsaathi-pkr'))).toEqual([
      '3000',
      '3000',
    ]);
  });

  it('gives each of several prices in one text its own annotation, labelled, in order', async () => {
    const root = page((r) =>
      r.append(el('p', 'Basic $10, Standard $25 and Premium $15 - $35 per hour'), el('p', 'Only $10')),
    );
    const before = root.innerHTML;
    const { a, controller } = await annotate(root);
    const seen = () =>
      [...root.querySelectorAll('gigsaathipkr')].map((x) => [x.getAttribute('data-gigsaathi-pkr'), x.textContent]);
    expect(seen()).toEqual([
      ['2800', '$10 ≈ Rs 2,800'],
      ['7000', '$25 ≈ Rs 7,000'],
      ['4200-9800', '$15 - $35 ≈ Rs 4,200–9,800/hr'],
      // Alone in its text, a price needs no label.
      ['2800', '≈ Rs 2,800'],
    ]);
    // The page's text node is left whole; the annotations follow it.
    const p = root.querySelector('p')!;
    expect(p.firstChild!.textContent).toBe('Basic $10, Standard $25 and Premium $15 - $35 per hour');
    expect(p.childNodes).toHaveLength(4);
    a.refresh(ratesView({ EUR: 0.8, PKR: 300 }), { ...DEFAULT_SETTINGS, pkrGrouping: 'lakh' });
    expect(seen()[2]).toEqual(['4500-10500', '$15 - $35 ≈ Rs 4,500–10,500/hr']);
    // The page changes the text: all of its annotations go, and the new text's come.
    p.firstChild!.textContent = 'Basic $20 and Standard $40';
    await new Promise((r) => setTimeout(r, 10));
    await a.idle();
    expect(seen()).toEqual([
      ['6000', '$20 ≈ Rs 6,000'],
      ['12000', '$40 ≈ Rs 12,000'],
      ['3000', '≈ Rs 3,000'],
    ]);
    // The page removes it: they go with it.
    p.firstChild!.remove();
    await new Promise((r) => setTimeout(r, 10));
    expect(p.childNodes).toHaveLength(0);
    expect(a.count()).toBe(1);
    p.textContent = 'Basic $10, Standard $25 and Premium $15 - $35 per hour';
    await new Promise((r) => setTimeout(r, 10));
    await a.idle();
    expect(a.count()).toBe(4);
    controller.abort();
    expect(root.innerHTML).toBe(before);
  });

  it('takes no platform fee again from an amount already earned: a balance, or any price on an earnings page', async () => {
    const root = page((r) => {
      const balance = el('a', 'Balance ', { href: '/earnings' });
      balance.append(el('span', '$100'));
      r.append(balance, el('p', 'Order total: $100'), el('p', 'Basic $100, Standard $100'));
    });
    // $100 earned: 3% withdrawal → 97 → 2% FX → 95.06 → 1% tax → 94.11 → Rs 26,351. An order's
    // $100 first loses Fiverr's 20%: 80 → 77.60 → 76.05 → 75.29 → Rs 21,081.
    const within: EarnedAmounts = { within: 'a[href*="/earnings"]' };
    const { a, found } = await annotate(root, DEFAULT_SETTINGS, rates, within);
    expect(found.map(([, gross, net]) => [gross, net])).toEqual([
      ['28000', '26351'],
      ['28000', '21081'],
      ['28000', '21081'],
      ['28000', '21081'],
    ]);
    // A balance the page re-renders, or adds later, is still earned.
    const added = el('a', '', { href: '/users/me/earnings' });
    added.append(el('b', 'US$100'));
    root.append(added);
    await new Promise((r) => setTimeout(r, 10));
    await a.idle();
    expect(added.querySelector('gigsaathipkr')!.getAttribute('data-gigsaathi-pkr-net')).toBe('26351');
    // A refresh keeps it earned.
    a.refresh(ratesView({ EUR: 0.8, PKR: 300 }), DEFAULT_SETTINGS);
    expect(added.querySelector('gigsaathipkr')!.getAttribute('data-gigsaathi-pkr-net')).toBe('28233');
    expect(root.querySelector('p gigsaathipkr')!.getAttribute('data-gigsaathi-pkr-net')).toBe('22587');

    // On an earnings page every amount is earned, the page's own and those it adds later.
    let onEarnings = true;
    const whole = page((r) => r.append(el('p', 'Net income $100'), el('p', 'Basic $100, Standard $100')));
    const second = await annotate(whole, DEFAULT_SETTINGS, rates, { page: () => onEarnings });
    expect(second.found.map(([, , net]) => net)).toEqual(['26351', '26351', '26351']);
    // Navigated away (an SPA): what comes next is an order's price again.
    onEarnings = false;
    whole.append(el('p', 'Order total: $100'));
    await new Promise((r) => setTimeout(r, 10));
    await second.a.idle();
    expect(whole.lastElementChild!.querySelector('gigsaathipkr')!.getAttribute('data-gigsaathi-pkr-net')).toBe('21081');
  });

  it('takes no platform fee from an amount labelled as what the seller gets, in its own text or just before it', async () => {
    const root = page((r) => {
      const p = el('p', "You'll receive ");
      p.append(el('strong', '$100'));
      const dl = el('dl', '');
      dl.append(el('dt', 'You will earn'), document.createTextNode('\n  '), el('dd', '$100'));
      r.append(p, dl, el('p', "Bid $100, you'll receive $100"), el('p', 'Paid $100'));
    });
    const { found } = await annotate(root);
    // Earned: Rs 26,351; before Fiverr's 20%: Rs 21,081 (see above).
    expect(found.map(([, , net]) => net)).toEqual(['26351', '26351', '21081', '26351', '21081']);
  });

  it('names the currency in the label of a bare $ that a code after it made another dollar', async () => {
    const root = page((r) => r.append(el('p', 'Logo $100 AUD, website $2,000 CAD, hosting US$5')));
    await annotate(root, DEFAULT_SETTINGS, ratesView({ AUD: 1.5, CAD: 1.4 }));
    expect([...root.querySelectorAll('gigsaathipkr')].map((x) => x.textContent)).toEqual([
      '$100 AUD ≈ Rs 18,667',
      '$2,000 CAD ≈ Rs 400,000',
      'US$5 ≈ Rs 1,400',
    ]);
  });

  it('annotates prices in long texts, which it does not keep parsed', async () => {
    const long = `${'A long gig description that goes on. '.repeat(8)}Extra fast delivery: $15`;
    const root = page((r) => r.append(el('p', long), el('p', long)));
    const { found } = await annotate(root);
    expect(long.length).toBeGreaterThan(200);
    expect(found).toEqual([
      [long, '4200', '3164'],
      [long, '4200', '3164'],
    ]);
  });

  it('stays right on pages with more distinct prices than it keeps parsed, and after a refresh', async () => {
    // 3,300 distinct texts, each twice: more than the parsed-text and ready-annotation caches hold.
    const cards = 2200;
    const amount = (i: number) => (i % 1100) + 1;
    const root = page((r) => {
      for (let i = 0; i < cards; i++) {
        const price = el('a', '');
        price.append(el('span', 'From '), el('span', i % 4 < 2 ? '$' : 'US$'), el('span', String(amount(i))));
        r.append(el('p', `Budget: $${amount(cards - 1 - i)} - $${amount(cards - 1 - i) + 1}`), price);
      }
    });
    const { a } = await annotate(root);
    const gross = () => [...root.querySelectorAll('gigsaathipkr')].map((x) => x.getAttribute('data-gigsaathi-pkr'));
    const expected = (rate: number) =>
      Array.from({ length: cards }, (_, i) => {
        const budget = amount(cards - 1 - i);
        return [`${budget * rate}-${(budget + 1) * rate}`, String(amount(i) * rate)];
      }).flat();
    expect(gross()).toEqual(expected(280));
    a.refresh(ratesView({ EUR: 0.8, PKR: 300 }), DEFAULT_SETTINGS);
    expect(gross()).toEqual(expected(300));
  });
});

/** A card of one of the shapes prices take on the sites, or a place we must leave alone. */
type Shape = 'plain' | 'split' | 'suffix' | 'tail' | 'several' | 'noise' | 'pre' | 'editor' | 'svg' | 'textarea';
const SHAPES: Shape[] = ['plain', 'split', 'suffix', 'tail', 'several', 'noise', 'pre', 'editor', 'svg', 'textarea'];
function card(shape: Shape, usd: number): HTMLElement {
  const c = el('div', '', { class: 'card' });
  const n = String(usd);
  switch (shape) {
    case 'plain':
      c.append(el('p', `Price $${n}`));
      break;
    case 'split': {
      const a = el('a', '');
      a.append(el('span', 'From '), el('span', 'US$'), el('span', n));
      c.append(el('strong', '4.9'), el('span', '(1k+)'), a);
      break;
    }
    case 'suffix': {
      const a = el('div', '');
      a.append(el('span', n), el('span', ' USD'));
      c.append(a);
      break;
    }
    case 'tail': {
      const a = el('div', 'Budget: $');
      a.append(el('b', n));
      c.append(a);
      break;
    }
    case 'several':
      c.append(el('p', `Basic $${n}, Standard $${usd * 2}/hr`));
      break;
    case 'noise':
      c.append(el('strong', '4.9'), el('span', ` (${n})`), el('span', 'Level 2'), el('span', '12%'));
      break;
    case 'pre': {
      const pre = el('pre', '');
      pre.append(el('span', `$${n}`));
      c.append(pre);
      break;
    }
    case 'editor': {
      const editor = el('div', '', { contenteditable: 'true' });
      editor.append(el('p', `Offer: $${n}`));
      c.append(editor);
      break;
    }
    case 'svg': {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.textContent = `$${n}`;
      svg.append(text);
      c.append(svg);
      break;
    }
    case 'textarea':
      c.append(el('textarea', `$${n}`));
      break;
  }
  return c;
}
const ANNOTATED: Shape[] = ['plain', 'split', 'suffix', 'tail'];

/** Each card's annotations: one per price of a shape we annotate, none in a place we leave alone. */
function expectAnnotated(cards: ReadonlyArray<{ shape: Shape; usd: number }>, made: ReadonlyArray<HTMLElement>) {
  for (const [i, c] of cards.entries()) {
    const got = [...made[i]!.querySelectorAll('gigsaathipkr')].map((x) => x.getAttribute('data-gigsaathi-pkr'));
    const pkr = String(Math.round(c.usd * 280));
    expect(got).toEqual(
      c.shape === 'several' ? [pkr, String(Math.round(c.usd * 2 * 280))] : ANNOTATED.includes(c.shape) ? [pkr] : [],
    );
  }
}

describe('price annotator on random pages', () => {
  it('annotates every price once, in any mix of shapes, on the first pass or appended later, and leaves the DOM as it was', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ shape: fc.constantFrom(...SHAPES), usd: fc.integer({ min: 1, max: 5000 }), later: fc.boolean() }),
          { minLength: 1, maxLength: 12 },
        ),
        async (cards) => {
          const root = page(() => {});
          const made = cards.map((c) => card(c.shape, c.usd));
          cards.forEach((c, i) => !c.later && root.append(made[i]!));
          const { a, controller } = await annotate(root);
          for (const [i, c] of cards.entries()) if (c.later) root.append(made[i]!);
          await new Promise((r) => setTimeout(r, 0));
          await a.idle();
          const before = made.map((m) => m.cloneNode(true) as HTMLElement);
          before.forEach((m) => m.querySelectorAll('gigsaathipkr').forEach((x) => x.remove()));
          expectAnnotated(cards, made);
          controller.abort();
          made.forEach((m, i) => expect(m.outerHTML).toBe(before[i]!.outerHTML));
        },
      ),
      { numRuns: 60 },
    );
  });
});

/**
 * A walk of a whole root reads its text once and the text of only the nodes a marker falls in
 * (scanner.ts, TextIndex): whatever changes meanwhile, seen or not, no price may be missed or
 * annotated twice.
 */
describe('price annotator: one read of the text for the walk', () => {
  async function annotateBody(onChunk?: (chunk: number) => void) {
    const controller = new AbortController();
    let chunks = 0;
    const a = startPriceAnnotator({
      root: document.body,
      platform: 'fiverr',
      rates,
      settings: DEFAULT_SETTINGS,
      layer: null,
      signal: controller.signal,
      onChunk: () => onChunk?.(++chunks),
    });
    await a.idle();
    return { a, controller, chunks: () => chunks };
  }
  const splitCard = (usd: number) => card('split', usd);

  it('annotates every price once on the body, in any mix of shapes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ shape: fc.constantFrom(...SHAPES), usd: fc.integer({ min: 1, max: 5000 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        async (cards) => {
          const made = cards.map((c) => card(c.shape, c.usd));
          document.body.replaceChildren(...made);
          const { controller } = await annotateBody();
          expectAnnotated(cards, made);
          controller.abort();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('misses no price when something the page observer does not report adds text during the first pass', async () => {
    // More prices than one insertion takes (FLUSH_AT), so our own annotations go in mid-walk too.
    const cards = Array.from({ length: 2000 }, (_, i) => splitCard(1 + (i % 300)));
    document.body.replaceChildren(...cards);
    const { a, controller, chunks } = await annotateBody((chunk) => {
      // The observer takes `gigsaathi…` elements for ours: text ahead of the walk that the text
      // read at its start lacks.
      if (chunk === 1) cards[1500]!.before(el('gigsaathiunseen', 'Seen by no observer: 4.9 stars'));
    });
    expect(chunks()).toBeGreaterThan(2);
    for (const c of cards) expect(c.querySelectorAll('gigsaathipkr').length).toBe(1);
    expect(a.count()).toBe(2000);
    controller.abort();
  });

  it('misses no price when the page adds, changes and removes text during the first pass', async () => {
    const cards = Array.from({ length: 2000 }, (_, i) => splitCard(1 + (i % 300)));
    document.body.replaceChildren(...cards);
    const added = splitCard(77);
    const { a, controller, chunks } = await annotateBody((chunk) => {
      if (chunk !== 1) return;
      cards[1200]!.before(added, el('p', 'Top Rated seller, 2 days delivery'));
      cards[1300]!.querySelector('span')!.firstChild!.textContent = 'Starting at ';
      cards[1400]!.remove();
    });
    expect(chunks()).toBeGreaterThan(2);
    for (const c of [...cards.filter((_, i) => i !== 1400), added])
      expect(c.querySelectorAll('gigsaathipkr').length).toBe(1);
    expect(added.querySelector('gigsaathipkr')!.getAttribute('data-gigsaathi-pkr')).toBe(String(77 * 280));
    expect(a.count()).toBe(2000);
    controller.abort();
  });

  it('still reads a label before a price on the body, and only takes it where there is one', async () => {
    const labelled = el('p', "You'll receive ");
    labelled.append(el('strong', '$100'));
    const plain = el('p', 'Paid ');
    plain.append(el('strong', '$100'));
    // In the body's joined text the label follows "Paid" with no space: "PaidYou'll receive".
    document.body.replaceChildren(el('p', 'Paid'), labelled, plain);
    const nets = () =>
      [...document.body.querySelectorAll('gigsaathipkr')].map((x) => x.getAttribute('data-gigsaathi-pkr-net'));
    let run = await annotateBody();
    // Earned: Rs 26,351; before Fiverr's 20%: Rs 21,081 (see above).
    expect(nets()).toEqual(['26351', '21081']);
    run.controller.abort();
    // "Learn" is no label.
    document.body.replaceChildren(el('p', 'Learn how to earn more'), plain);
    run = await annotateBody();
    expect(nets()).toEqual(['21081']);
    run.controller.abort();
  });
});
