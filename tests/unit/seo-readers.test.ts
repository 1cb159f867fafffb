import { describe, expect, it } from 'vitest';
import { fiverr, upwork } from '@/utils/sites';

function doc(html: string, url = 'https://www.fiverr.com/'): Document {
  const d = document.implementation.createHTMLDocument('t');
  const base = d.createElement('base');
  base.href = url;
  d.head.append(base);
  // Test-owned markup standing for a page; parsed in its own document, never a live page.
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  d.body.append(...parsed.body.childNodes);
  return d;
}

function withProps(d: Document, text: string): Document {
  const s = d.createElement('script');
  s.id = 'perseus-initial-props';
  s.type = 'application/json';
  s.textContent = text;
  d.head.append(s);
  return d;
}

/** The gig JSON's real shape (shared/SITES.md, from the saved gig page): no "I will", cents, wrapped slides. */
const GIG = {
  overview: { gig: { title: 'design a modern minimalist logo' } },
  description: { content: '<p>Need a <b>logo</b> people remember?</p><p>Clean &amp; modern&nbsp;logos.</p>' },
  packages: { packageList: [{ price: 1500 }, { price: 4500 }, { price: 12000 }] },
  tags: { tagsGigList: [{ name: 'logo design' }, { name: 'minimalist logo' }, { name: '' }, { id: 3 }] },
  faq: { questionsAndAnswers: [{ question: 'Q', answer: 'A' }] },
  gallery: {
    slides: [
      { slide: { itemScopeType: 'ImageSlide', isWorkSample: false } },
      { slide: { itemScopeType: 'ImageSlide', isWorkSample: false } },
      { slide: { itemScopeType: 'VideoSlide', isWorkSample: false } },
      { slide: { itemScopeType: 'PdfSlide', isWorkSample: false } },
      // Buyers' delivered work under the gig: not the seller's gallery.
      { slide: { itemScopeType: 'ImageSlide', isWorkSample: true } },
      { slide: { itemScopeType: 'VideoSlide', isWorkSample: true } },
    ],
  },
};

describe('fiverr.readGigProps (perseus JSON)', () => {
  it('reads a gig: the title without "I will", prices from cents, the seller\'s own slides by kind', () => {
    expect(fiverr.readGigProps(GIG)).toEqual({
      title: 'design a modern minimalist logo',
      shownTitle: null,
      description: 'Need a logo people remember?\nClean & modern logos.',
      tags: ['logo design', 'minimalist logo'],
      packages: 3,
      packagePrices: [15, 45, 120],
      faqs: 1,
      images: 2,
      videos: 1,
      pdfs: 1,
    });
  });

  it('still reads the older unwrapped slides', () => {
    const old = { gallery: { slides: [{ type: 'image' }, { type: 'video' }, { typeImage: true }] } };
    expect(fiverr.readGigProps(old)).toMatchObject({ images: 2, videos: 1, pdfs: 0 });
  });

  it('reads double-encoded JSON from the page (a JSON string holding JSON)', () => {
    const d = withProps(doc(''), JSON.stringify(JSON.stringify(GIG)));
    expect(fiverr.readGigPage(d).tags).toEqual(['logo design', 'minimalist logo']);
  });

  it('gives null for every missing field, and survives junk', () => {
    const none = fiverr.NO_GIG_FACTS;
    expect(fiverr.readGigProps(null)).toEqual(none);
    expect(fiverr.readGigProps({ overview: 'x', tags: { tagsGigList: 'nope' }, packages: 7 })).toEqual(none);
    expect(fiverr.readGigProps({ tags: { tagsGigList: [] } })).toEqual({ ...none, tags: [] });
    expect(fiverr.readGigProps({ packages: { packageList: [{ price: 'ten' }] } })).toMatchObject({
      packages: 1,
      packagePrices: null,
    });
    const d = withProps(doc('<h1>I will fall back</h1>'), '{"broken": ');
    expect(fiverr.readGigPage(d)).toMatchObject({ title: 'fall back', shownTitle: 'I will fall back' });
  });

  it('keeps what it cannot decode as written, and stays linear on adversarial markup', () => {
    expect(fiverr.htmlToText('a &#x110000; b &#99999999; c')).toBe('a &#x110000; b &#99999999; c');
    for (const html of ['<'.repeat(50_000), ' '.repeat(100_000) + 'x', '<a '.repeat(30_000), '&#'.repeat(50_000)]) {
      const started = performance.now();
      fiverr.htmlToText(html);
      // A generous bound for a slow machine: the old patterns took 1.4 s on 50,000 "<".
      expect(performance.now() - started).toBeLessThan(250);
    }
  });

  it('decodes numeric entities and drops markup without parsing it', () => {
    expect(fiverr.htmlToText('a&#39;b &#x41; <img src=x onerror=alert(1)>c<br>d &unknown;')).toBe(
      "a'b A c\nd &unknown;",
    );
  });
});

describe('fiverr.readGigPage DOM fallback', () => {
  it('reads title, description, tags and packages from the DOM when there is no JSON', () => {
    const d = doc(`
      <h1>I will write SEO blog posts</h1>
      <div class="description-content"><p>Articles that rank.</p></div>
      <div class="gig-tags-container"><ul><li><a href="/gigs/seo-writing">seo writing</a></li><li><a href="/gigs/blog">blog posts</a></li></ul></div>
      <div class="packages-tabs"><label role="tab">Basic</label><label role="tab">Standard</label></div>`);
    expect(fiverr.readGigPage(d)).toEqual({
      ...fiverr.NO_GIG_FACTS,
      title: 'write SEO blog posts',
      shownTitle: 'I will write SEO blog posts',
      description: 'Articles that rank.',
      tags: ['seo writing', 'blog posts'],
      packages: 2,
    });
  });

  it('prefers the JSON over the DOM, field by field, and keeps what the page shows as the shown title', () => {
    const d = withProps(
      doc('<h1>I will design a logo</h1><div class="gig-tags-container"><ul><li><a>dom tag</a></li></ul></div>'),
      JSON.stringify({ overview: GIG.overview, tags: GIG.tags }),
    );
    const facts = fiverr.readGigPage(d);
    expect(facts.title).toBe('design a modern minimalist logo');
    expect(facts.shownTitle).toBe('I will design a logo');
    expect(facts.tags).toEqual(['logo design', 'minimalist logo']);
  });
});

describe('fiverr.readGigEditor', () => {
  // The editor's real shape (shared/SITES.md): "I will" drawn beside the title field, the tags
  // combobox, Quill, number inputs in .price-input, saved FAQs as articles.
  const EDITOR = `
    <div class="title-field"><span class="prefix">I will</span>
      <textarea class="gig-title-textarea" maxlength="80" placeholder="do something I'm really good at">design a logo</textarea></div>
    <section><h2>Search tags</h2><p>Positive keywords</p>
      <div class="tags"><span>logo design<button aria-label="Remove">×</button></span><span>brand<button>×</button></span><input role="combobox"></div>
      <p>5 tags maximum.</p></section>
    <textarea placeholder="Name your package">Basic</textarea><textarea placeholder="Name your package"></textarea>
    <div class="price-input"><input type="number" value="15"></div><div class="price-input"><input type="number" value=""></div>
    <div class="ql-editor" contenteditable="true"><p>Line one</p><p><br></p><p>Line three</p></div>
    <section><h2>Frequently Asked Questions</h2><article>Q1</article><article>Q2</article>
      <input placeholder="Add a Question: i.e."></section>`;

  it('reads what the open step shows, the title as the field and as the page shows it', () => {
    expect(fiverr.readGigEditor(doc(EDITOR))).toEqual({
      ...fiverr.NO_GIG_FACTS,
      title: 'design a logo',
      shownTitle: 'I will design a logo',
      description: 'Line one\n\nLine three',
      tags: ['logo design', 'brand'],
      packages: 1,
      packagePrices: [15],
      faqs: 2,
    });
  });

  it('a field where the seller typed "I will" too reads as the page shows it, twice', () => {
    const d = doc(EDITOR.replace('>design a logo<', '>I will design a logo<'));
    expect(fiverr.readGigEditor(d)).toMatchObject({
      title: 'I will design a logo',
      shownTitle: 'I will I will design a logo',
    });
  });

  it('says null for the steps that are not open', () => {
    expect(fiverr.readGigEditor(doc('<p>Gallery</p>'))).toEqual(fiverr.NO_GIG_FACTS);
    // The FAQ step with no FAQ saved yet: zero, not unknown.
    expect(
      fiverr.readGigEditor(doc('<section><h2>Frequently Asked Questions</h2><button>+ Add FAQ</button></section>'))
        .faqs,
    ).toBe(0);
    // An article elsewhere is not a FAQ.
    expect(fiverr.readGigEditor(doc('<article>News</article>')).faqs).toBeNull();
  });

  it('knows zero tags when the tag box is empty, and no tag box without its combobox', () => {
    expect(fiverr.readGigEditor(doc('<div><p>Positive keywords</p><input role="combobox"></div>')).tags).toEqual([]);
    expect(fiverr.readGigEditor(doc('<div><p>Positive keywords</p><input type="search"></div>')).tags).toBeNull();
  });
});

describe('fiverr.readSearchGigs and searchQuery', () => {
  it('groups each card’s links into one gig with its title and price', () => {
    const card = (seller: string, slug: string, title: string, price: string) => `
      <div class="gig-card"><a href="/${seller}/${slug}?source=gig_cards&pos=1">${title}</a>
      <a href="/${seller}/${slug}?source=gig_cards&pos=1"><span>From </span><span>US$</span><span>${price}</span></a></div>`;
    const d = doc(
      card('ayesha', 'logo-1', 'I will design a logo', '10') +
        card('bilal', 'site-2', 'I will build a site', '45') +
        '<a href="/search/gigs?query=x&source=gig_cards">Not a gig</a>',
      'https://www.fiverr.com/search/gigs?query=logo',
    );
    expect(fiverr.readSearchGigs(d)).toEqual([
      {
        path: '/ayesha/logo-1',
        slug: 'logo-1',
        title: 'I will design a logo',
        priceText: 'From US$10',
        priceUsd: null,
      },
      { path: '/bilal/site-2', slug: 'site-2', title: 'I will build a site', priceText: 'From US$45', priceUsd: null },
    ]);
    // The search JSON's prices are dollars, matched to each card by its gig's path.
    const listing = fiverr.readSearchListing({
      listings: [
        {
          gigs: [
            { seller_name: 'ayesha', cached_slug: 'logo-1', price_i: 10 },
            { seller_name: 'bilal', cached_slug: 'site-2', price_i: 'x' },
          ],
        },
      ],
    });
    expect([...listing]).toEqual([['/ayesha/logo-1', 10]]);
    expect(fiverr.readSearchGigs(d, listing).map((g) => g.priceUsd)).toEqual([10, null]);
  });

  it('reads the query, normalised', () => {
    expect(fiverr.searchQuery('https://www.fiverr.com/search/gigs?query=Logo%20%20Design')).toBe('logo design');
    expect(fiverr.searchQuery('https://www.fiverr.com/search/gigs')).toBeNull();
    expect(fiverr.searchQuery('https://www.fiverr.com/inbox?query=x')).toBeNull();
  });
});

describe('upwork readers', () => {
  it('reads the cover letter and the job post', () => {
    const d = doc(
      `<section class="fe-job-details"><div class="content"><h3>Logo for a tea shop</h3><p data-test="Description">Organic tea in Lahore.</p></div></section>
       <textarea aria-labelledby="cover_letter_label">Your tea shop…</textarea>`,
      'https://www.upwork.com/',
    );
    expect(upwork.readCoverLetter(d)).toEqual({
      text: 'Your tea shop…',
      jobText: 'Logo for a tea shop\nOrganic tea in Lahore.',
    });
    expect(upwork.readCoverLetter(doc('<p>no proposal</p>'))).toBeNull();
  });

  it('reads the profile as shown', () => {
    const shown = doc(
      '<h2 data-test="freelancer-title">Logo Designer</h2><div data-test="freelancer-overview">Your brand…</div>',
    );
    expect(upwork.readProfile(shown)).toEqual({ title: 'Logo Designer', overview: 'Your brand…' });
    expect(upwork.readProfile(doc('<p>nothing</p>'))).toEqual({ title: null, overview: null });
  });

  it('reads a catalog project', () => {
    const d = doc(
      `<input data-test="project-title" value="a logo in 3 days"><textarea data-test="project-description">Desc</textarea>
       <div data-test="project-tags"><span class="air3-token">logo</span><span class="air3-token">brand</span></div>`,
    );
    expect(upwork.readCatalogProject(d)).toEqual({
      title: 'a logo in 3 days',
      description: 'Desc',
      tags: ['logo', 'brand'],
    });
    expect(upwork.readCatalogProject(doc(''))).toEqual({ title: null, description: null, tags: null });
  });
});
