import { listOf, translator, type MessageKey, type Translator } from '@/utils/platform/i18n';
import { formatMoney } from '@/utils/money/format';
import { hasPrefix, withoutPrefix, type GigFacts } from '@/utils/sites/fiverr';
import { countPhrase, density, findPhrase, findPhraseOffset, repeatedWords, trimToWords, words } from './words';

/**
 * SEO checks as data: each rule has an id (a public test hook: `data-gigsaathi-check`), a weight
 * in the score, and a pure `check`. Its label and fix hint (plain English, and Urdu) are
 * `seo.<id>.label` and `seo.<id>.hint` in the locale files. A check returns null when it cannot
 * judge (the page does not show what it needs), and is then left out of the panel and the score
 * rather than guessed.
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
  /** Figures the check used, shown on its element as `data-<name>` (public test hooks). */
  data?: Record<string, number>;
}

export interface Rule<L> {
  id: string;
  weight: number;
  /** Values for the hint's placeholders: the limits it names. */
  hintParams?: Record<string, number>;
  check(listing: L, tr: Translator): Verdict | null;
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

/** A rule's label or hint from the locale files. */
export const ruleText = (tr: Translator, rule: Pick<Rule<unknown>, 'id' | 'hintParams'>, part: 'label' | 'hint') =>
  tr.t(`seo.${rule.id}.${part}` as MessageKey, part === 'hint' ? rule.hintParams : undefined);

export function runRules<L>(
  rules: ReadonlyArray<Rule<L>>,
  listing: L,
  tr: Translator = translator('en'),
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of rules) {
    const verdict = rule.check(listing, tr);
    if (verdict)
      out.push({
        id: rule.id,
        label: ruleText(tr, rule, 'label'),
        hint: ruleText(tr, rule, 'hint'),
        weight: rule.weight,
        ...verdict,
      });
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

/**
 * What the checks see of a gig: what the page shows of it (GigFacts, null for "not on this page")
 * and what the seller is after.
 */
export interface GigListing extends Readonly<GigFacts> {
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

/** The field without any "I will" typed into it: Fiverr draws the prefix itself. */
const fieldWithoutPrefix = (field: string) => {
  let rest = field.trim();
  while (rest && hasPrefix(rest)) rest = withoutPrefix(rest).trim();
  return rest;
};

const quoted = (tr: Translator, keywords: ReadonlyArray<string>) =>
  listOf(
    tr,
    keywords.map((k) => tr.t('seo.quote', { text: k })),
  );

/** Where the first keyword that occurs in `text` starts, in characters; null when none does. */
function keywordAt(text: string, keywords: ReadonlyArray<string>): { keyword: string; at: number } | null {
  let best: { keyword: string; at: number } | null = null;
  for (const keyword of keywords) {
    const at = findPhraseOffset(text, keyword);
    if (at >= 0 && (!best || at < best.at)) best = { keyword, at };
  }
  return best;
}

export const GIG_RULES: ReadonlyArray<Rule<GigListing>> = [
  {
    id: 'title-length',
    weight: 15,
    hintParams: { max: GIG_TITLE_MAX, good: GIG_TITLE_GOOD },
    check: ({ title }, tr) => {
      if (title === null) return null;
      const n = title.trim().length;
      const what = tr.tn('count.characters', n);
      if (n > GIG_TITLE_MAX)
        return fail(tr.t('seo.msg.overLimit', { what, max: GIG_TITLE_MAX }), {
          field: 'title',
          label: tr.t('seo.fix.trimTitle', { max: GIG_TITLE_MAX }),
          text: trimToWords(title, GIG_TITLE_MAX),
        });
      if (n < GIG_TITLE_GOOD) return warn(tr.t('seo.msg.shortTitle', { what }));
      return pass(what);
    },
  },
  {
    id: 'title-prefix',
    weight: 10,
    // What the page shows, "I will " + the field: Fiverr adds the prefix, so the only fix there
    // can be is taking an "I will" the seller typed out of the field, never writing one in.
    check: ({ title, shownTitle }, tr) => {
      if (shownTitle === null) return null;
      if (!hasPrefix(shownTitle)) return fail(tr.t('seo.msg.noIWill'));
      if (!hasPrefix(withoutPrefix(shownTitle))) return pass(tr.t('seo.msg.startsWithIWill'));
      const fixed = title === null ? null : fieldWithoutPrefix(title);
      return fail(
        tr.t('seo.msg.doubleIWill'),
        fixed ? { field: 'title', label: tr.t('seo.fix.iWill'), text: fixed } : undefined,
      );
    },
  },
  {
    id: 'tags-count',
    weight: 15,
    hintParams: { max: GIG_TAGS_MAX },
    check: ({ tags }, tr) => {
      if (tags === null) return null;
      const n = tags.length;
      const what = tr.t('seo.msg.tagsOf', { count: n, max: GIG_TAGS_MAX });
      if (n > GIG_TAGS_MAX) return fail(tr.t('seo.msg.tooManyTags', { count: n, max: GIG_TAGS_MAX }));
      if (n === GIG_TAGS_MAX) return pass(what);
      return n >= 3 ? warn(what) : fail(what);
    },
  },
  {
    id: 'tag-length',
    weight: 3,
    hintParams: { max: GIG_TAG_LENGTH },
    check: ({ tags }, tr) => {
      if (tags === null || tags.length === 0) return null;
      const long = tags.filter((t) => t.length > GIG_TAG_LENGTH);
      return long.length ? warn(tr.t('seo.msg.longTags', { tags: quoted(tr, long) })) : pass(tr.t('seo.msg.tagsShort'));
    },
  },
  {
    id: 'description-length',
    weight: 15,
    hintParams: { good: GIG_DESCRIPTION_GOOD, max: GIG_DESCRIPTION_MAX },
    check: ({ description }, tr) => {
      if (description === null) return null;
      const n = description.trim().length;
      const what = tr.tn('count.characters', n);
      if (n > GIG_DESCRIPTION_MAX) return fail(tr.t('seo.msg.overLimit', { what, max: GIG_DESCRIPTION_MAX }));
      if (n < GIG_DESCRIPTION_GOOD) return warn(tr.t('seo.msg.aimFor', { what, good: GIG_DESCRIPTION_GOOD }));
      return pass(what);
    },
  },
  {
    id: 'keyword-in-title',
    weight: 15,
    check: ({ title, keywords, keywordsSet }, tr) => {
      if (title === null) return null;
      if (keywords.length === 0) return warn(tr.t('seo.msg.noKeyword'));
      const found = keywordAt(title, keywords);
      if (!found) {
        const list = quoted(tr, keywords);
        return keywordsSet
          ? fail(tr.t('seo.msg.missing', { keywords: list }))
          : warn(tr.t('seo.msg.suggestedMissing', { keywords: list }));
      }
      if (found.at > KEYWORD_TITLE_LEAD) return warn(tr.t('seo.msg.lateInTitle', { keyword: found.keyword }));
      return pass(tr.t('seo.msg.nearStart', { keyword: found.keyword }));
    },
  },
  {
    id: 'keyword-in-description',
    weight: 5,
    hintParams: { lead: KEYWORD_DESCRIPTION_LEAD },
    check: ({ description, keywords, keywordsSet }, tr) => {
      if (description === null || keywords.length === 0) return null;
      const lead = description.trim().slice(0, KEYWORD_DESCRIPTION_LEAD);
      const early = keywords.find((k) => findPhrase(lead, k) >= 0);
      if (early) return pass(tr.t('seo.msg.early', { keyword: early, lead: KEYWORD_DESCRIPTION_LEAD }));
      const later = keywords.find((k) => findPhrase(description, k) >= 0);
      if (later) return warn(tr.t('seo.msg.later', { keyword: later, lead: KEYWORD_DESCRIPTION_LEAD }));
      const list = quoted(tr, keywords);
      return keywordsSet
        ? fail(tr.t('seo.msg.missing', { keywords: list }))
        : warn(tr.t('seo.msg.suggestedMissing', { keywords: list }));
    },
  },
  {
    id: 'keyword-in-tags',
    weight: 5,
    check: ({ tags, keywords, keywordsSet }, tr) => {
      // Suggested keywords come from the tags, so only the seller's own keywords are checked.
      if (tags === null || !keywordsSet || keywords.length === 0) return null;
      const hit = keywords.find((k) => tags.some((t) => findPhrase(t, k) >= 0));
      return hit
        ? pass(tr.t('seo.msg.isTag', { keyword: hit }))
        : warn(tr.t('seo.msg.noTagContains', { keywords: quoted(tr, keywords) }));
    },
  },
  {
    id: 'keyword-density',
    weight: 5,
    hintParams: { max: KEYWORD_DENSITY_MAX },
    check: ({ description, keywords }, tr) => {
      if (description === null || keywords.length === 0 || words(description).length === 0) return null;
      const worst = keywords
        .map((k) => ({ k, d: density(description, k), n: countPhrase(description, k) }))
        .sort((a, b) => b.d - a.d)[0]!;
      const what = tr.t('seo.msg.density', {
        keyword: worst.k,
        percent: worst.d.toFixed(1),
        uses: tr.tn('count.uses', worst.n),
      });
      return worst.d > KEYWORD_DENSITY_MAX ? warn(what) : pass(what);
    },
  },
  {
    id: 'title-repeats',
    weight: 5,
    check: ({ title }, tr) => {
      if (title === null || !title.trim()) return null;
      const repeated = repeatedWords(title);
      return repeated.length
        ? warn(tr.t('seo.msg.repeated', { words: quoted(tr, repeated) }))
        : pass(tr.t('seo.msg.noRepeat'));
    },
  },
  {
    id: 'faq',
    weight: 5,
    check: ({ faqs }, tr) => {
      if (faqs === null) return null;
      return faqs === 0 ? warn(tr.t('seo.msg.noFaq')) : pass(tr.tn('count.questions', faqs));
    },
  },
  {
    id: 'packages',
    weight: 10,
    check: ({ packages, packagePrices }, tr) => {
      if (packages === null || packages === 0) return null;
      // The prices the packages ask, so a seller sees the ladder (Basic $10, Standard $25, …).
      const prices = packagePrices?.length ? ` (${packagePrices.map((p) => formatMoney(p, 'USD')).join(' · ')})` : '';
      return packages === 1
        ? warn(tr.t('seo.msg.onePackage') + prices)
        : pass(tr.tn('count.packages', packages) + prices);
    },
  },
  {
    id: 'gallery',
    weight: 5,
    hintParams: { images: GIG_IMAGES_MAX },
    check: ({ images, videos, pdfs }, tr) => {
      if (images === null && videos === null) return null;
      const data: Record<string, number> = {};
      if (images !== null) data.images = images;
      if (videos !== null) data.videos = videos;
      if (pdfs !== null) data.pdfs = pdfs;
      const problems: string[] = [];
      if (images !== null && images < GIG_IMAGES_MAX)
        problems.push(tr.t('seo.msg.imagesOf', { images: tr.tn('count.images', images), max: GIG_IMAGES_MAX }));
      if (videos === 0) problems.push(tr.t('seo.msg.noVideo'));
      const found = [
        images !== null && tr.tn('count.images', images),
        videos && tr.tn('count.videos', videos),
        pdfs && tr.tn('count.pdfs', pdfs),
      ].filter((part): part is string => typeof part === 'string');
      if (problems.length) return { ...warn(listOf(tr, [...problems, ...found.slice(1)])), data };
      return { ...pass(listOf(tr, found)), data };
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
