import { describe, expect, it } from 'vitest';
import { cardPrice, priceSpread } from '@/utils/seo/search.content';
import { NO_GIG_FACTS } from '@/utils/sites/fiverr';
import fc from 'fast-check';
import { GIG_RULES, ruleText, runRules, score, suggestKeywords, type GigListing, type Status } from '@/utils/seo/rules';
import { translator } from '@/utils/platform/i18n';

const EN = translator('en');
import {
  CATALOG_RULES,
  contactDetails,
  jobTerms,
  PROFILE_RULES,
  PROPOSAL_RULES,
  type CoverLetter,
} from '@/utils/seo/upwork-rules';
import {
  countPhrase,
  countTerms,
  density,
  findPhrase,
  findPhraseOffset,
  repeatedWords,
  trimToWords,
  words,
} from '@/utils/seo/words';

/** A gig whose page shows "I will " + its title field, as Fiverr draws it, unless told otherwise. */
const gig = (change: Partial<GigListing> = {}): GigListing => {
  const title = 'title' in change ? change.title! : 'design a modern minimalist logo for your business';
  return {
    title,
    shownTitle: title === null ? null : `I will ${title}`,
    description: `A minimalist logo for your brand. ${'word '.repeat(130)}`,
    tags: ['logo design', 'minimalist logo', 'modern logo', 'business logo', 'brand identity'],
    packages: 3,
    packagePrices: null,
    faqs: 2,
    images: 3,
    videos: 1,
    pdfs: 0,
    keywords: ['minimalist logo'],
    keywordsSet: true,
    ...change,
  };
};

function statusOf(id: string, listing: GigListing): Status | null {
  const rule = GIG_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.check(listing, EN)?.status ?? null;
}

/** A title field of n characters: the field never holds Fiverr's "I will". */
const titleOf = (n: number) => 'd'.repeat(n);

describe('gig rules', () => {
  it('has every required id, each with a hint and a weight', () => {
    const ids = GIG_RULES.map((r) => r.id);
    for (const id of [
      'title-length',
      'title-prefix',
      'tags-count',
      'description-length',
      'keyword-in-title',
      'faq',
      'packages',
      'gallery',
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of GIG_RULES) {
      expect(ruleText(EN, r, 'hint').length).toBeGreaterThan(10);
      expect(ruleText(translator('ur'), r, 'label')).toMatch(/[\u0600-\u06FF]|FAQ/);
      expect(r.weight).toBeGreaterThan(0);
    }
  });

  it.each([
    [0, 'warn'],
    [39, 'warn'],
    [40, 'pass'],
    [41, 'pass'],
    [79, 'pass'],
    [80, 'pass'],
    [81, 'fail'],
    [120, 'fail'],
  ] as const)('title-length: %i characters is %s', (n, status) => {
    expect(titleOf(n)).toHaveLength(n);
    expect(statusOf('title-length', gig({ title: titleOf(n) }))).toBe(status);
  });

  it('title-length measures the field, not the "I will" Fiverr shows before it', () => {
    // The real saved gig: its field is 47 characters; shown with the prefix it is 54.
    const title = 'create a top quality retro vintage logo for you';
    expect(statusOf('title-length', gig({ title }))).toBe('pass');
    expect(GIG_RULES.find((r) => r.id === 'title-length')!.check(gig({ title }), EN)!.message).toBe('47 characters');
    // 80 in the field passes although the page then shows 87.
    expect(statusOf('title-length', gig({ title: titleOf(80) }))).toBe('pass');
  });

  it('title-length proposes a field trimmed to 80 at a word boundary, with no "I will" added', () => {
    const title = 'design a modern minimalist logo, brand guide, business card, letterhead and social media kit';
    expect(title.length).toBeGreaterThan(80);
    const verdict = GIG_RULES.find((r) => r.id === 'title-length')!.check(gig({ title }), EN)!;
    expect(verdict.status).toBe('fail');
    expect(verdict.fix?.text.length).toBeLessThanOrEqual(80);
    expect(title.startsWith(verdict.fix!.text)).toBe(true);
    expect(verdict.fix!.text).toBe('design a modern minimalist logo, brand guide, business card, letterhead and');
  });

  it.each([
    // [the field, what the page shows, status]
    ['design a logo', 'I will design a logo', 'pass'],
    ['design a logo', 'i will design a logo', 'pass'],
    ['design a logo', '  I will design a logo', 'pass'],
    ['I will design a logo', 'I will I will design a logo', 'fail'],
    ['i will  design a logo', 'I will i will  design a logo', 'fail'],
    ['design a logo', 'Design a logo', 'fail'],
    ['design a logo', 'We will design a logo', 'fail'],
    ['', 'I will', 'pass'],
  ] as const)('title-prefix: field %j shown as %j is %s', (title, shownTitle, status) => {
    expect(statusOf('title-prefix', gig({ title, shownTitle }))).toBe(status);
  });

  it('title-prefix is not judged where the page shows no title', () => {
    expect(statusOf('title-prefix', gig({ title: null, shownTitle: null }))).toBeNull();
  });

  it('title-prefix only ever proposes taking an "I will" out of the field, never writing one in', () => {
    const rule = GIG_RULES.find((r) => r.id === 'title-prefix')!;
    const doubled = rule.check(gig({ title: 'I will design a modern logo' }), EN)!;
    expect(doubled.status).toBe('fail');
    expect(doubled.fix?.text).toBe('design a modern logo');
    expect(rule.check(gig({ title: 'I will I will SEO audit' }), EN)!.fix?.text).toBe('SEO audit');
    // A page that shows no prefix at all: nothing the seller can type fixes that.
    expect(rule.check(gig({ title: 'Design a logo', shownTitle: 'Design a logo' }), EN)!.fix).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (field) => {
        for (const r of GIG_RULES) {
          const fix = r.check(gig({ title: field }), EN)?.fix;
          if (fix) expect(fix.text).not.toMatch(/^\s*i will\b/i);
        }
      }),
    );
  });

  it.each([
    [0, 'fail'],
    [1, 'fail'],
    [2, 'fail'],
    [3, 'warn'],
    [4, 'warn'],
    [5, 'pass'],
    [6, 'fail'],
  ] as const)('tags-count: %i tags is %s', (n, status) => {
    expect(statusOf('tags-count', gig({ tags: Array.from({ length: n }, (_, i) => `tag ${i}`) }))).toBe(status);
  });

  it.each([
    [0, 'warn'],
    [599, 'warn'],
    [600, 'pass'],
    [601, 'pass'],
    [1199, 'pass'],
    [1200, 'pass'],
    [1201, 'fail'],
  ] as const)('description-length: %i characters is %s', (n, status) => {
    expect(statusOf('description-length', gig({ description: 'a'.repeat(n) }))).toBe(status);
  });

  it('description-length ignores surrounding whitespace', () => {
    expect(statusOf('description-length', gig({ description: `  ${'a'.repeat(600)}\n\n` }))).toBe('pass');
  });

  it('keyword-in-title: warn with no keyword, fail when set and missing, pass near the start, warn when late', () => {
    expect(statusOf('keyword-in-title', gig({ keywords: [], keywordsSet: false }))).toBe('warn');
    expect(statusOf('keyword-in-title', gig({ keywords: ['wordpress'], keywordsSet: true }))).toBe('fail');
    expect(statusOf('keyword-in-title', gig({ keywords: ['wordpress'], keywordsSet: false }))).toBe('warn');
    expect(statusOf('keyword-in-title', gig({ keywords: ['Minimalist Logo'] }))).toBe('pass');
    expect(statusOf('keyword-in-title', gig({ keywords: ['wordpress', 'modern'] }))).toBe('pass');
    expect(
      statusOf('keyword-in-title', gig({ title: 'I will design a modern and elegant wordmark for your business' })),
    ).toBe('fail');
    // "logo" must match as a word, not inside "logos".
    expect(statusOf('keyword-in-title', gig({ title: 'I will design logos', keywords: ['logo'] }))).toBe('fail');
    const late = 'I will create clean vector artwork and print ready files with a minimalist logo';
    expect(statusOf('keyword-in-title', gig({ title: late }))).toBe('warn');
  });

  it('keyword-in-description: first 150 characters pass, later warn, absent fail', () => {
    const early = `A minimalist logo that lasts. ${'x '.repeat(300)}`;
    const late = `${'word '.repeat(40)} minimalist logo`;
    expect(statusOf('keyword-in-description', gig({ description: early }))).toBe('pass');
    expect(statusOf('keyword-in-description', gig({ description: late }))).toBe('warn');
    expect(statusOf('keyword-in-description', gig({ description: 'nothing here' }))).toBe('fail');
    expect(statusOf('keyword-in-description', gig({ description: 'nothing', keywordsSet: false }))).toBe('warn');
    expect(statusOf('keyword-in-description', gig({ keywords: [] }))).toBeNull();
  });

  it('keyword-in-tags only judges keywords the seller set', () => {
    expect(statusOf('keyword-in-tags', gig())).toBe('pass');
    expect(statusOf('keyword-in-tags', gig({ keywords: ['wordpress'] }))).toBe('warn');
    expect(statusOf('keyword-in-tags', gig({ keywordsSet: false }))).toBeNull();
    expect(statusOf('keyword-in-tags', gig({ tags: null }))).toBeNull();
  });

  it('keyword-density warns above 3%', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    // 2 words per use: 1 use in 100 words = 2%; 2 uses = 4%.
    expect(statusOf('keyword-density', gig({ description: `minimalist logo ${filler(98)}` }))).toBe('pass');
    expect(
      statusOf('keyword-density', gig({ description: `minimalist logo ${filler(48)} minimalist logo ${filler(48)}` })),
    ).toBe('warn');
    // Exactly 3% is still fine: 3 single-word uses in 100 words.
    expect(statusOf('keyword-density', gig({ keywords: ['logo'], description: `logo logo logo ${filler(97)}` }))).toBe(
      'pass',
    );
    expect(
      statusOf('keyword-density', gig({ keywords: ['logo'], description: `logo logo logo logo ${filler(96)}` })),
    ).toBe('warn');
  });

  it('title-repeats warns on a repeated content word, not on repeated stop words', () => {
    expect(statusOf('title-repeats', gig({ title: 'I will design a logo and a logo kit' }))).toBe('warn');
    expect(statusOf('title-repeats', gig({ title: 'I will design a logo for you and your team' }))).toBe('pass');
    expect(statusOf('title-repeats', gig({ title: '' }))).toBeNull();
  });

  it.each([
    [null, null],
    [0, 'warn'],
    [1, 'pass'],
    [5, 'pass'],
  ] as const)('faq: %s questions is %s', (faqs, status) => {
    expect(statusOf('faq', gig({ faqs }))).toBe(status);
  });

  it.each([
    [null, null],
    [0, null],
    [1, 'warn'],
    [2, 'pass'],
    [3, 'pass'],
  ] as const)('packages: %s is %s', (packages, status) => {
    expect(statusOf('packages', gig({ packages }))).toBe(status);
  });

  it.each([
    [null, null, null],
    [0, 1, 'warn'],
    [2, 1, 'warn'],
    [3, 0, 'warn'],
    [3, 1, 'pass'],
    [3, null, 'pass'],
    [1, null, 'warn'],
    [null, 0, 'warn'],
  ] as const)('gallery: %s images, %s videos is %s', (images, videos, status) => {
    expect(statusOf('gallery', gig({ images, videos }))).toBe(status);
  });

  it('gallery says what it counted, PDFs too, and hands its counts to the panel', () => {
    const rule = GIG_RULES.find((r) => r.id === 'gallery')!;
    // The real saved gig: 3 images and 2 PDFs of its own, no video.
    const real = rule.check(gig({ images: 3, videos: 0, pdfs: 2 }), EN)!;
    expect(real).toMatchObject({
      status: 'warn',
      message: 'no video, 2 PDFs',
      data: { images: 3, videos: 0, pdfs: 2 },
    });
    expect(rule.check(gig({ images: 3, videos: 1, pdfs: 0 }), EN)).toMatchObject({
      status: 'pass',
      message: '3 images, 1 video',
      data: { images: 3, videos: 1, pdfs: 0 },
    });
    expect(rule.check(gig({ images: 2, videos: null, pdfs: null }), EN)!.data).toEqual({ images: 2 });
  });

  it('packages lists what each package asks, in dollars', () => {
    const rule = GIG_RULES.find((r) => r.id === 'packages')!;
    expect(rule.check(gig({ packages: 3, packagePrices: [10, 25, 60] }), EN)!.message).toBe(
      '3 packages ($10.00 · $25.00 · $60.00)',
    );
    expect(rule.check(gig({ packages: 3 }), EN)!.message).toBe('3 packages');
  });

  it('tag-length warns on tags over 20 characters', () => {
    expect(statusOf('tag-length', gig())).toBe('pass');
    expect(statusOf('tag-length', gig({ tags: ['a'.repeat(20), 'b'.repeat(21)] }))).toBe('warn');
  });

  it('leaves out what the page does not show', () => {
    expect(runRules(GIG_RULES, gig(NO_GIG_FACTS))).toEqual([]);
  });
});

describe('score', () => {
  it('is 100 for all passes, 0 for all fails, half for warnings, weighted', () => {
    expect(score([{ status: 'pass', weight: 10 }])).toBe(100);
    expect(score([{ status: 'fail', weight: 10 }])).toBe(0);
    expect(score([{ status: 'warn', weight: 10 }])).toBe(50);
    expect(
      score([
        { status: 'pass', weight: 30 },
        { status: 'fail', weight: 10 },
      ]),
    ).toBe(75);
    expect(score([])).toBe(0);
  });

  it('scores a good gig 100 and a poor one low', () => {
    expect(score(runRules(GIG_RULES, gig()))).toBe(100);
    // A seller who typed Fiverr's "I will" into the field too: the page shows "I will I will logo".
    const poor = gig({
      title: 'I will logo',
      description: 'cheap',
      tags: ['logo'],
      packages: 1,
      faqs: 0,
      images: 1,
      videos: 0,
    });
    expect(score(runRules(GIG_RULES, poor))).toBeLessThan(40);
  });

  it('stays within 0–100 for any mix of results', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom<Status>('pass', 'warn', 'fail'),
            weight: fc.integer({ min: 1, max: 50 }),
          }),
        ),
        (results) => {
          const s = score(results);
          return Number.isInteger(s) && s >= 0 && s <= 100;
        },
      ),
    );
  });

  it('never throws on any listing', () => {
    const text = fc.option(fc.string({ maxLength: 300 }), { nil: null });
    const count = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          title: text,
          shownTitle: text,
          description: text,
          tags: fc.option(fc.array(fc.string({ maxLength: 30 }), { maxLength: 7 }), { nil: null }),
          packages: count,
          packagePrices: fc.constant(null),
          faqs: count,
          images: count,
          videos: count,
          pdfs: count,
          keywords: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
          keywordsSet: fc.boolean(),
        }),
        (listing) => {
          const s = score(runRules(GIG_RULES, listing));
          return s >= 0 && s <= 100;
        },
      ),
    );
  });
});

describe('keyword suggestions', () => {
  it('suggests up to three tags, multi-word first, without duplicates', () => {
    expect(suggestKeywords(['logo', 'Logo Design', 'minimalist logo', 'logo design', 'brand'])).toEqual([
      'logo design',
      'minimalist logo',
      'logo',
    ]);
    expect(suggestKeywords([])).toEqual([]);
    expect(suggestKeywords(['  ', 'seo'])).toEqual(['seo']);
  });
});

describe('words and phrases', () => {
  it('splits words of any script, lower-cased, keeping apostrophes inside words', () => {
    expect(words("I'll design your client’s LOGO-design, 24/7!")).toEqual([
      "i'll",
      'design',
      'your',
      "client's",
      'logo',
      'design',
      '24',
      '7',
    ]);
    expect(words('میں لوگو ڈیزائن کروں گا')).toEqual(['میں', 'لوگو', 'ڈیزائن', 'کروں', 'گا']);
  });

  it('finds phrases as whole words, with their offsets', () => {
    expect(findPhrase('I will design a Logo-Design kit', 'logo design')).toBe(4);
    expect(findPhrase('logos for you', 'logo')).toBe(-1);
    expect(findPhrase('anything', '')).toBe(-1);
    expect(findPhraseOffset('I will design a logo', 'logo')).toBe(16);
    expect(findPhraseOffset('I will design logos and a logo', 'logo')).toBe(26);
    expect(countPhrase('logo logo logo', 'logo logo')).toBe(1);
    expect(density('', 'logo')).toBe(0);
    expect(density('logo design logo', 'logo')).toBeCloseTo(66.67, 1);
  });

  it('counts words and two-word phrases once per title, without stop words', () => {
    const titles = [
      'I will design a modern minimalist logo',
      'I will design a minimalist logo for your startup',
      'I will create a logo with brand guide',
      'I will design logo design logo',
    ];
    const { words: top, phrases } = countTerms(titles, 3);
    expect(top).toEqual([
      { term: 'logo', count: 4 },
      { term: 'design', count: 3 },
      { term: 'minimalist', count: 2 },
    ]);
    expect(phrases[0]).toEqual({ term: 'minimalist logo', count: 2 });
    // A phrase seen once is noise, and no phrase starts or ends with a stop word.
    expect(phrases.every((p) => p.count >= 2)).toBe(true);
    expect(countTerms([]).words).toEqual([]);
  });

  it('never throws, and counts never exceed the number of texts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), (texts) => {
        const { words: w, phrases } = countTerms(texts);
        return [...w, ...phrases].every((t) => t.count >= 1 && t.count <= texts.length);
      }),
    );
  });

  it('finds repeated content words', () => {
    expect(repeatedWords('I will do a logo, a LOGO and a kit')).toEqual(['logo']);
  });

  it('trims to a word boundary without trailing punctuation', () => {
    expect(trimToWords('short', 80)).toBe('short');
    expect(trimToWords('one two three, four', 14)).toBe('one two three');
    expect(trimToWords('averyveryverylongword', 5)).toBe('avery');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (s, max) => {
        return trimToWords(s, max).length <= max;
      }),
    );
  });
});

const letter = (text: string, jobText: string | null = JOB): CoverLetter => ({ text, jobText });
const JOB =
  'Logo and brand kit for an organic tea shop. We are opening an organic tea shop in Lahore and need a logo, a colour palette and a simple brand guide.';
const GOOD_LETTER = `Your organic tea shop in Lahore deserves a logo that feels as fresh as the tea. ${'I have designed brand kits for cafés and bakeries, each with a palette and a short guide. '.repeat(5)}Would you like to see three rough concepts by Friday?`;

function proposalStatus(id: string, l: CoverLetter): Status | null {
  return PROPOSAL_RULES.find((r) => r.id === id)!.check(l, EN)?.status ?? null;
}

describe('Upwork cover letter rules', () => {
  it('passes a good letter on every check', () => {
    expect(runRules(PROPOSAL_RULES, letter(GOOD_LETTER)).map((r) => [r.id, r.status])).toEqual([
      ['cover-length', 'pass'],
      ['cover-opening', 'pass'],
      ['cover-specific', 'pass'],
      ['cover-closing', 'pass'],
      ['cover-contact', 'pass'],
    ]);
  });

  it.each([
    [10, 'fail'],
    [24, 'fail'],
    [25, 'warn'],
    [74, 'warn'],
    [75, 'pass'],
    [300, 'pass'],
    [301, 'warn'],
  ] as const)('cover-length: %i words is %s', (n, status) => {
    expect(proposalStatus('cover-length', letter(Array.from({ length: n }, () => 'word').join(' ')))).toBe(status);
  });

  it('cover-length fails over 5,000 characters', () => {
    expect(proposalStatus('cover-length', letter('abcdefghij '.repeat(460)))).toBe('fail');
  });

  it.each([
    ['Dear Sir/Madam, I can do this.', 'fail'],
    ['Dear Sir, I can do this.', 'fail'],
    ['Dear Hiring Manager, I can do this.', 'fail'],
    ['To whom it may concern: hello.', 'fail'],
    ['Hello Sir, I read your post.', 'fail'],
    ['I am a logo designer with 5 years of experience.', 'fail'],
    ["I'm a designer.", 'fail'],
    ['Hi, I am Ayesha, a designer.', 'fail'],
    ['Hello there! My name is Ayesha.', 'fail'],
    ['Hi Sarah, your tea shop needs a logo that…', 'pass'],
    ['Your organic tea shop deserves a fresh logo.', 'pass'],
    ['Imagine your tea on every shelf in Lahore.', 'pass'],
  ] as const)('cover-opening: %j is %s', (text, status) => {
    expect(proposalStatus('cover-opening', letter(text))).toBe(status);
  });

  it("cover-specific counts the job post's own terms", () => {
    expect(proposalStatus('cover-specific', letter('Your organic tea shop needs a palette.'))).toBe('pass');
    expect(proposalStatus('cover-specific', letter('I love tea.'))).toBe('warn');
    expect(proposalStatus('cover-specific', letter('I can do any design work you need.'))).toBe('fail');
    expect(proposalStatus('cover-specific', letter('anything', null))).toBeNull();
    expect(jobTerms(JOB)).toEqual(expect.arrayContaining(['organic', 'shop', 'brand', 'logo']));
    expect(jobTerms(JOB)).not.toContain('need');
  });

  it.each([
    ['Shall we start with a quick call?', 'pass'],
    ['Can I ask what style you like?\n\nBest regards,\nAyesha', 'pass'],
    ["Let's schedule a short chat this week.", 'pass'],
    ['Looking forward to working with you.', 'pass'],
    ['I have ten years of experience.', 'warn'],
    ['I made many logos.\nThanks', 'warn'],
  ] as const)('cover-closing: %j is %s', (text, status) => {
    expect(proposalStatus('cover-closing', letter(text))).toBe(status);
  });

  it.each([
    ['Email me at ayesha.designs@gmail.com', ['email']],
    ['Call +92 300 1234567 today', ['phone']],
    ['WhatsApp me', ['messenger']],
    ['Ping me at wa.me/923001234567', ['phone', 'messenger-link']],
    ['My skype: ayesha.designs', ['messenger']],
    ['Budget $1,500.00 over 2019-2024, 3 revisions', []],
    ['Portfolio: https://behance.net/ayesha', []],
  ] as const)('contact details in %j', (text, found) => {
    expect(contactDetails(text)).toEqual(found);
    expect(proposalStatus('cover-contact', letter(text))).toBe(found.length ? 'fail' : 'pass');
  });

  it('an empty letter scores 0, with every check listed as not written yet', () => {
    for (const text of ['', '   \n  ']) {
      const results = runRules(PROPOSAL_RULES, letter(text));
      expect(results.map((r) => [r.id, r.status])).toEqual([
        ['cover-length', 'fail'],
        ['cover-opening', 'fail'],
        ['cover-specific', 'fail'],
        ['cover-closing', 'fail'],
        ['cover-contact', 'fail'],
      ]);
      expect(score(results)).toBe(0);
      expect(results.slice(1).every((r) => r.message === 'Nothing written yet')).toBe(true);
    }
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 500 }),
        fc.option(fc.string({ maxLength: 200 }), { nil: null }),
        (text, job) => {
          const results = runRules(PROPOSAL_RULES, { text, jobText: job });
          return results.every((r) => ['pass', 'warn', 'fail'].includes(r.status));
        },
      ),
    );
  });
});

describe('Upwork profile and Project Catalog rules', () => {
  const status = <L>(
    rules: ReadonlyArray<{ id: string; check(l: L, tr: typeof EN): { status: Status } | null }>,
    id: string,
    l: L,
  ) => rules.find((r) => r.id === id)!.check(l, EN)?.status ?? null;

  it('profile title and overview', () => {
    expect(status(PROFILE_RULES, 'profile-title', { title: 'Logo Designer for Food Brands', overview: null })).toBe(
      'pass',
    );
    expect(status(PROFILE_RULES, 'profile-title', { title: 'Designer', overview: null })).toBe('warn');
    expect(status(PROFILE_RULES, 'profile-title', { title: 'x'.repeat(71), overview: null })).toBe('warn');
    expect(status(PROFILE_RULES, 'profile-title', { title: '', overview: null })).toBe('fail');
    expect(status(PROFILE_RULES, 'overview-hook', { title: null, overview: 'Hi, I am Ayesha.' })).toBe('fail');
    expect(status(PROFILE_RULES, 'overview-hook', { title: null, overview: 'Your brand deserves more.' })).toBe('pass');
    const late = `${'Brands need logos. '.repeat(14)}You will love it.`;
    expect(status(PROFILE_RULES, 'overview-hook', { title: null, overview: late })).toBe('warn');
    expect(status(PROFILE_RULES, 'overview-length', { title: null, overview: 'x'.repeat(99) })).toBe('fail');
    expect(status(PROFILE_RULES, 'overview-length', { title: null, overview: 'x'.repeat(100) })).toBe('warn');
    expect(status(PROFILE_RULES, 'overview-length', { title: null, overview: 'x'.repeat(600) })).toBe('pass');
    expect(status(PROFILE_RULES, 'overview-length', { title: null, overview: 'x'.repeat(5001) })).toBe('fail');
    expect(status(PROFILE_RULES, 'profile-contact', { title: null, overview: 'mail a@b.co' })).toBe('fail');
    expect(runRules(PROFILE_RULES, { title: null, overview: null })).toEqual([]);
  });

  it('catalog title counts "You will get" against 75', () => {
    const rest = (n: number) => 'a'.repeat(n);
    // "You will get " is 13 characters: 62 more make 75.
    expect(status(CATALOG_RULES, 'catalog-title-length', { title: rest(62), description: null, tags: null })).toBe(
      'pass',
    );
    expect(status(CATALOG_RULES, 'catalog-title-length', { title: rest(63), description: null, tags: null })).toBe(
      'fail',
    );
    expect(
      status(CATALOG_RULES, 'catalog-title-length', {
        title: `You will get ${rest(62)}`,
        description: null,
        tags: null,
      }),
    ).toBe('pass');
    expect(status(CATALOG_RULES, 'catalog-title-length', { title: '', description: null, tags: null })).toBe('fail');
  });

  it.each([
    [119, 'fail'],
    [120, 'pass'],
    [1200, 'pass'],
    [1201, 'fail'],
  ] as const)('catalog description of %i characters is %s', (n, s) => {
    expect(
      status(CATALOG_RULES, 'catalog-description-length', { title: null, description: 'd'.repeat(n), tags: null }),
    ).toBe(s);
  });

  it.each([
    [0, 'fail'],
    [1, 'warn'],
    [4, 'warn'],
    [5, 'pass'],
    [6, 'fail'],
  ] as const)('catalog with %i tags is %s', (n, s) => {
    const tags = Array.from({ length: n }, (_, i) => `t${i}`);
    expect(status(CATALOG_RULES, 'catalog-tags', { title: null, description: null, tags })).toBe(s);
  });
});

describe('price spread of a search page', () => {
  const usdPer = (c: string) => ({ EUR: 1.1, GBP: 1.25 })[c] ?? null;
  it('gives min, median and max in USD, converting other currencies and skipping unknown ones', () => {
    expect(
      priceSpread(
        [
          { amount: 10, currency: 'USD' },
          { amount: 120, currency: 'USD' },
          { amount: 20, currency: 'EUR' },
          { amount: 5, currency: 'XYZ' },
        ],
        usdPer,
      ),
    ).toEqual({ count: 3, min: 10, median: 22, max: 120 });
    expect(
      priceSpread(
        [
          { amount: 10, currency: 'USD' },
          { amount: 25, currency: 'USD' },
        ],
        usdPer,
      ),
    ).toEqual({
      count: 2,
      min: 10,
      median: 17.5,
      max: 25,
    });
    expect(priceSpread([], usdPer)).toBeNull();
  });

  it('reads a card’s starting price, the low end of a range', () => {
    const card = (priceText: string | null, priceUsd: number | null = null) => ({
      path: '/a/b',
      slug: 'b',
      title: 't',
      priceText,
      priceUsd,
    });
    expect(cardPrice(card('From US$10'))).toEqual({ amount: 10, currency: 'USD' });
    expect(cardPrice(card('$5 - $15'))).toEqual({ amount: 5, currency: 'USD' });
    expect(cardPrice(card('4.9 (1k+)'))).toBeNull();
    expect(cardPrice(card(null))).toBeNull();
    // No price in the card's text: the search JSON's price for the gig, in dollars.
    expect(cardPrice(card(null, 30))).toEqual({ amount: 30, currency: 'USD' });
    expect(cardPrice(card('From $25', 30))).toEqual({ amount: 25, currency: 'USD' });
  });

  it('median lies between min and max for any prices', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const s = priceSpread(
          xs.map((amount) => ({ amount, currency: 'USD' })),
          usdPer,
        )!;
        return s.min <= s.median && s.median <= s.max && s.count === xs.length;
      }),
    );
  });
});
