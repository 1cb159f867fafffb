import { countPhrase, density, findPhrase, findPhraseOffset, repeatedWords, trimToWords, words } from './words';

/**
 * SEO checks as data: each rule has an id (a public test hook: `data-gigsaathi-check`), a label,
 * a weight in the score, a fix hint in plain English, and a pure `check`. A check returns null
 * when it cannot judge (the page does not show what it needs), and is then left out of the panel
 * and the score rather than guessed.
 */
export type Status = 'pass' | 'warn' | 'fail';

/** A proposed change the seller can apply with one click; never applied without one. */
export interface Fix {
  field: 'title';
  label: string;
  text: string;
}

export interface Verdict {
  status: Status;
  /** What was found, e.g. "92 characters". */
  message: string;
  fix?: Fix;
}

export interface Rule<L> {
  id: string;
  label: string;
  weight: number;
  /** How to get to "pass", in plain English. */
  hint: string;
  check(listing: L): Verdict | null;
}

export interface CheckResult extends Verdict {
  id: string;
  label: string;
  hint: string;
  weight: number;
}

const pass = (message: string): Verdict => ({ status: 'pass', message });
const warn = (message: string, fix?: Fix): Verdict => ({ status: 'warn', message, ...(fix ? { fix } : {}) });
const fail = (message: string, fix?: Fix): Verdict => ({ status: 'fail', message, ...(fix ? { fix } : {}) });
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function runRules<L>(rules: ReadonlyArray<Rule<L>>, listing: L): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of rules) {
    const verdict = rule.check(listing);
    if (verdict) out.push({ id: rule.id, label: rule.label, hint: rule.hint, weight: rule.weight, ...verdict });
  }
  return out;
}

const POINTS: Record<Status, number> = { pass: 1, warn: 0.5, fail: 0 };

/** 0–100: the weighted share of points, a warning earning half. No applicable check scores 0. */
export function score(results: ReadonlyArray<Pick<CheckResult, 'status' | 'weight'>>): number {
  const total = results.reduce((sum, r) => sum + r.weight, 0);
  if (total === 0) return 0;
  return Math.round((100 * results.reduce((sum, r) => sum + r.weight * POINTS[r.status], 0)) / total);
}

// ---------------------------------------------------------------------------------------------
// Fiverr gigs

/** What is known of a gig. null means "not on this page" (an editor tab not shown, say). */
export interface GigListing {
  title: string | null;
  description: string | null;
  tags: ReadonlyArray<string> | null;
  packages: number | null;
  faqs: number | null;
  images: number | null;
  videos: number | null;
  /** The seller's target keywords (1–3), or suggestions from the tags when none are set. */
  keywords: ReadonlyArray<string>;
  keywordsSet: boolean;
}

/** Fiverr gig policy and the editor's own `maxlength="80"` (shared/FACTS.md). */
export const GIG_TITLE_MAX = 80;
/** Below this a title leaves most of its keyword room unused (common seller advice). */
export const GIG_TITLE_GOOD = 40;
/** "Positive keywords: 5 tags maximum" (the editor's own hint). */
export const GIG_TAGS_MAX = 5;
/** Per-tag limit often quoted as 20 characters: unconfirmed (shared/FACTS.md), so only a warning. */
export const GIG_TAG_LENGTH = 20;
/** Description limit 1,200 characters (secondary sources, shared/FACTS.md). */
export const GIG_DESCRIPTION_MAX = 1200;
/** Half the limit: shorter descriptions rarely answer a buyer's questions (seller advice). */
export const GIG_DESCRIPTION_GOOD = 600;
/** Gallery: up to 3 images and 1 video (shared/FACTS.md). */
export const GIG_IMAGES_MAX = 3;
/** Where a keyword still counts as "near the start" of the title, in characters. */
export const KEYWORD_TITLE_LEAD = 40;
/** Buyers see the first lines of the description first; the keyword belongs there. */
export const KEYWORD_DESCRIPTION_LEAD = 150;
/** Above ~3% a keyword reads as stuffing to buyers and search engines (common SEO guidance). */
export const KEYWORD_DENSITY_MAX = 3;

const TITLE_PREFIX = /^\s*I will\s/i;

function withPrefix(title: string): string {
  const rest = title.trim().replace(/^i\s+will\b\s*/i, '');
  const lowered = /^[A-Z][a-z]/.test(rest) ? rest[0]!.toLowerCase() + rest.slice(1) : rest;
  return trimToWords(`I will ${lowered}`, GIG_TITLE_MAX);
}

/** Where the first keyword that occurs in `text` starts, in characters; null when none does. */
function keywordAt(text: string, keywords: ReadonlyArray<string>): { keyword: string; at: number } | null {
  let best: { keyword: string; at: number } | null = null;
  for (const keyword of keywords) {
    const at = findPhraseOffset(text, keyword);
    if (at >= 0 && (!best || at < best.at)) best = { keyword, at };
  }
  return best;
}

const quoted = (keywords: ReadonlyArray<string>) => keywords.map((k) => `"${k}"`).join(', ');

export const GIG_RULES: ReadonlyArray<Rule<GigListing>> = [
  {
    id: 'title-length',
    label: 'Title length',
    weight: 15,
    hint: `Use 40 to ${GIG_TITLE_MAX} characters: room for your main keyword and what the buyer gets.`,
    check: ({ title }) => {
      if (title === null) return null;
      const n = title.trim().length;
      const what = plural(n, 'character');
      if (n > GIG_TITLE_MAX)
        return fail(`${what}; Fiverr allows ${GIG_TITLE_MAX}`, {
          field: 'title',
          label: `Trim the title to ${GIG_TITLE_MAX}`,
          text: trimToWords(title, GIG_TITLE_MAX),
        });
      if (n < GIG_TITLE_GOOD) return warn(`${what}; short titles waste keyword room`);
      return pass(what);
    },
  },
  {
    id: 'title-prefix',
    label: 'Starts with "I will"',
    weight: 10,
    hint: 'Fiverr gig titles start with "I will", followed by what you do.',
    check: ({ title }) => {
      if (title === null) return null;
      if (TITLE_PREFIX.test(`${title} `)) return pass('Starts with "I will"');
      return fail(
        'Does not start with "I will"',
        title.trim() ? { field: 'title', label: 'Start with "I will"', text: withPrefix(title) } : undefined,
      );
    },
  },
  {
    id: 'tags-count',
    label: 'Search tags',
    weight: 15,
    hint: `Use all ${GIG_TAGS_MAX} tags, each a phrase a buyer would type.`,
    check: ({ tags }) => {
      if (tags === null) return null;
      const n = tags.length;
      const what = `${n} of ${GIG_TAGS_MAX} tags`;
      if (n > GIG_TAGS_MAX) return fail(`${n} tags; Fiverr allows ${GIG_TAGS_MAX}`);
      if (n === GIG_TAGS_MAX) return pass(what);
      return n >= 3 ? warn(what) : fail(what);
    },
  },
  {
    id: 'tag-length',
    label: 'Tag length',
    weight: 3,
    hint: `Keep each tag short (about ${GIG_TAG_LENGTH} characters; Fiverr's exact limit is unconfirmed).`,
    check: ({ tags }) => {
      if (tags === null || tags.length === 0) return null;
      const long = tags.filter((t) => t.length > GIG_TAG_LENGTH);
      return long.length ? warn(`Long: ${quoted(long)}`) : pass('All tags are short');
    },
  },
  {
    id: 'description-length',
    label: 'Description length',
    weight: 15,
    hint: `Write ${GIG_DESCRIPTION_GOOD.toLocaleString('en-US')} to ${GIG_DESCRIPTION_MAX.toLocaleString('en-US')} characters: what you do, for whom, what is included, and why you.`,
    check: ({ description }) => {
      if (description === null) return null;
      const n = description.trim().length;
      const what = plural(n, 'character');
      if (n > GIG_DESCRIPTION_MAX) return fail(`${what}; Fiverr allows ${GIG_DESCRIPTION_MAX.toLocaleString('en-US')}`);
      if (n < GIG_DESCRIPTION_GOOD) return warn(`${what}; aim for ${GIG_DESCRIPTION_GOOD} or more`);
      return pass(what);
    },
  },
  {
    id: 'keyword-in-title',
    label: 'Keyword in the title',
    weight: 15,
    hint: 'Put your main keyword in the title, as near the start as reads naturally.',
    check: ({ title, keywords, keywordsSet }) => {
      if (title === null) return null;
      if (keywords.length === 0) return warn('No target keyword set, and no tags to suggest one');
      const found = keywordAt(title, keywords);
      if (!found) {
        const what = `${keywordsSet ? 'Missing' : 'Suggested keyword missing'}: ${quoted(keywords)}`;
        return keywordsSet ? fail(what) : warn(what);
      }
      if (found.at > KEYWORD_TITLE_LEAD) return warn(`"${found.keyword}" is late in the title; move it forward`);
      return pass(`"${found.keyword}" near the start`);
    },
  },
  {
    id: 'keyword-in-description',
    label: 'Keyword early in the description',
    weight: 5,
    hint: `Use your keyword in the first ${KEYWORD_DESCRIPTION_LEAD} characters of the description.`,
    check: ({ description, keywords, keywordsSet }) => {
      if (description === null || keywords.length === 0) return null;
      const lead = description.trim().slice(0, KEYWORD_DESCRIPTION_LEAD);
      const early = keywords.find((k) => findPhrase(lead, k) >= 0);
      if (early) return pass(`"${early}" in the first ${KEYWORD_DESCRIPTION_LEAD} characters`);
      const later = keywords.find((k) => findPhrase(description, k) >= 0);
      if (later) return warn(`"${later}" appears, but only after the first ${KEYWORD_DESCRIPTION_LEAD} characters`);
      return keywordsSet
        ? fail(`Missing: ${quoted(keywords)}`)
        : warn(`Suggested keyword missing: ${quoted(keywords)}`);
    },
  },
  {
    id: 'keyword-in-tags',
    label: 'Keyword in a tag',
    weight: 5,
    hint: 'Make your main keyword one of your tags.',
    check: ({ tags, keywords, keywordsSet }) => {
      // Suggested keywords come from the tags, so only the seller's own keywords are checked.
      if (tags === null || !keywordsSet || keywords.length === 0) return null;
      const hit = keywords.find((k) => tags.some((t) => findPhrase(t, k) >= 0));
      return hit ? pass(`"${hit}" is a tag`) : warn(`No tag contains ${quoted(keywords)}`);
    },
  },
  {
    id: 'keyword-density',
    label: 'No keyword stuffing',
    weight: 5,
    hint: `Use each keyword naturally; above about ${KEYWORD_DENSITY_MAX}% of the words it reads as stuffing.`,
    check: ({ description, keywords }) => {
      if (description === null || keywords.length === 0 || words(description).length === 0) return null;
      const worst = keywords
        .map((k) => ({ k, d: density(description, k), n: countPhrase(description, k) }))
        .sort((a, b) => b.d - a.d)[0]!;
      const what = `"${worst.k}" is ${worst.d.toFixed(1)}% of the words (${plural(worst.n, 'use')})`;
      return worst.d > KEYWORD_DENSITY_MAX ? warn(what) : pass(what);
    },
  },
  {
    id: 'title-repeats',
    label: 'No repeated words in the title',
    weight: 5,
    hint: 'Say each word once in the title; use the room for another keyword instead.',
    check: ({ title }) => {
      if (title === null || !title.trim()) return null;
      const repeated = repeatedWords(title);
      return repeated.length ? warn(`Repeated: ${quoted(repeated)}`) : pass('No word repeated');
    },
  },
  {
    id: 'faq',
    label: 'FAQ',
    weight: 5,
    hint: 'Add a few FAQs: they answer buyers before they message you.',
    check: ({ faqs }) => {
      if (faqs === null) return null;
      return faqs === 0 ? warn('No FAQ') : pass(plural(faqs, 'question'));
    },
  },
  {
    id: 'packages',
    label: 'Packages',
    weight: 10,
    hint: 'Offer Basic, Standard and Premium packages so buyers can choose and spend more.',
    check: ({ packages }) => {
      if (packages === null || packages === 0) return null;
      return packages === 1 ? warn('Only one package') : pass(plural(packages, 'package'));
    },
  },
  {
    id: 'gallery',
    label: 'Gallery',
    weight: 5,
    hint: `Show ${GIG_IMAGES_MAX} images and a short video (up to 75 seconds).`,
    check: ({ images, videos }) => {
      if (images === null && videos === null) return null;
      const problems: string[] = [];
      if (images !== null && images < GIG_IMAGES_MAX) problems.push(`${plural(images, 'image')} of ${GIG_IMAGES_MAX}`);
      if (videos === 0) problems.push('no video');
      if (problems.length) return warn(problems.join(', '));
      return pass(
        [images !== null && plural(images, 'image'), videos !== null && plural(videos, 'video')]
          .filter(Boolean)
          .join(', '),
      );
    },
  },
];

/** Up to three keyword suggestions from a gig's tags: the tags themselves, most specific first. */
export function suggestKeywords(tags: ReadonlyArray<string>): string[] {
  const clean = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  return clean
    .map((tag, i) => ({ tag, i, n: words(tag).length }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, 3)
    .map((x) => x.tag);
}
