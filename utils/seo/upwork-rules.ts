import { listOf, type Translator } from '@/utils/platform/i18n';
import type { Rule, Verdict } from './rules';
import { isStopWord, words } from './words';

/**
 * Upwork: the proposal's cover letter, the profile's title and overview, and a Project Catalog
 * project. Same rule shape as the gig rules (rules.ts), so the same panel shows them.
 */

const pass = (message: string): Verdict => ({ status: 'pass', message });
const warn = (message: string): Verdict => ({ status: 'warn', message });
const fail = (message: string): Verdict => ({ status: 'fail', message });
const list = (tr: Translator, items: string[]) => listOf(tr, items);

/**
 * Contact details shared before a contract breaks Upwork's Terms of Service (taking payment
 * outside Upwork); proposals carrying them get flagged. Email, phone numbers, messenger names and
 * their link forms.
 */
export type ContactKind = 'email' | 'phone' | 'messenger' | 'messenger-link';
const CONTACT_PATTERNS: ReadonlyArray<[ContactKind, RegExp]> = [
  ['email', /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ['phone', /(?:\+|\b00)?\d[\d\s().-]{8,}\d/],
  ['messenger', /\b(?:whats\s?app|skype|telegram|viber|signal me|wechat|discord)\b/i],
  ['messenger-link', /\b(?:wa\.me|t\.me|skype:|m\.me)\b/i],
];

export function contactDetails(text: string): ContactKind[] {
  const found: ContactKind[] = [];
  for (const [kind, pattern] of CONTACT_PATTERNS) {
    const match = pattern.exec(text);
    // A phone number has at least 10 digits; "2019-2024" or "$1,500.00" are not phone numbers.
    if (match && (kind !== 'phone' || match[0].replace(/\D/g, '').length >= 10)) found.push(kind);
  }
  return found;
}

const contactVerdict = (tr: Translator, text: string): Verdict => {
  const found = contactDetails(text);
  return found.length
    ? fail(
        tr.t('upwork.msg.contains', {
          what: list(
            tr,
            found.map((k) => tr.t(`contact.${k}`)),
          ),
        }),
      )
    : pass(tr.t('upwork.msg.noneFound'));
};

/** Openings clients skim past: a form letter's salutation, or starting about yourself. */
type Opening = 'dear-sir' | 'whom' | 'sir' | 'i-am' | 'my-name';
const GENERIC_OPENINGS: ReadonlyArray<[Opening, RegExp]> = [
  ['dear-sir', /^dear\s+(?:sir|madam|hiring\s+manager|client|employer)\b/i],
  ['whom', /^to\s+whom\s+it\s+may\s+concern\b/i],
  ['sir', /^(?:hi|hello|hey|greetings)[\s,!]+(?:sir|madam|dear)\b/i],
  ['i-am', /^(?:(?:hi|hello|hey|greetings|dear\s+\S+?)(?:\s+there)?[\s,!.]+)?(?:i\s+am|i'm|i’m)\b/i],
  ['my-name', /^(?:(?:hi|hello|hey|greetings|dear\s+\S+?)(?:\s+there)?[\s,!.]+)?my\s+name\s+is\b/i],
];

function genericOpening(text: string): Opening | null {
  const start = text.trim();
  for (const [what, pattern] of GENERIC_OPENINGS) if (pattern.test(start)) return what;
  return null;
}

/** Calls to action a closing line can carry, besides a question mark. */
const CALL_TO_ACTION =
  /\b(?:let'?s|let me know|call|chat|talk|discuss|schedule|book|message me|send me|share|get started|start (?:today|now|right away)|happy to|available|looking forward|reply|hop on)\b/i;

function lastSentence(text: string): string {
  const sentences = text
    .trim()
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    // A sign-off ("Best regards, Ayesha") is not the letter's last sentence.
    .filter((s) => s && !/^(?:best|kind|warm)?\s*(?:regards|thanks|thank you|cheers|sincerely)\b[^.?!]*$/i.test(s))
    .filter((s) => words(s).length > 1 || /\?$/.test(s));
  return sentences[sentences.length - 1] ?? '';
}

/** Words every job post uses; mentioning them says nothing specific. */
const JOB_NOISE = new Set(
  'need needs looking someone freelancer project work job help want experience experienced person please must should would like able good great quality time asap'.split(
    ' ',
  ),
);

/** The job post's own terms, most frequent first: what a specific cover letter picks up. */
export function jobTerms(jobText: string, limit = 20): string[] {
  const counts = new Map<string, number>();
  for (const w of words(jobText)) {
    if (w.length < 3 || isStopWord(w) || JOB_NOISE.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([w]) => w);
}

export interface CoverLetter {
  text: string;
  /** The job post's title and description, when the page shows them. */
  jobText: string | null;
}

/** Upwork's cover letter field takes up to 5,000 characters (the field's limit; secondary sources). */
export const COVER_MAX_CHARS = 5000;
/** Short and specific wins (Upwork's own proposal advice): 75–300 words reads in a minute. */
export const COVER_WORDS = { fail: 25, min: 75, max: 300 } as const;

export const PROPOSAL_RULES: ReadonlyArray<Rule<CoverLetter>> = [
  {
    id: 'cover-length',
    weight: 15,
    hintParams: { min: COVER_WORDS.min, max: COVER_WORDS.max },
    check: ({ text }, tr) => {
      const count = words(text).length;
      const what = tr.tn('count.words', count);
      if (text.length > COVER_MAX_CHARS)
        return fail(tr.t('upwork.msg.allows', { what: tr.tn('count.characters', text.length), max: COVER_MAX_CHARS }));
      if (count < COVER_WORDS.fail) return fail(tr.t('upwork.msg.tooShort', { what }));
      if (count < COVER_WORDS.min) return warn(tr.t('upwork.msg.moreDetail', { what }));
      if (count > COVER_WORDS.max) return warn(tr.t('upwork.msg.skim', { what }));
      return pass(what);
    },
  },
  {
    id: 'cover-opening',
    weight: 25,
    check: ({ text }, tr) => {
      if (!text.trim()) return fail(tr.t('upwork.msg.empty'));
      const generic = genericOpening(text);
      return generic
        ? fail(tr.t('upwork.msg.opensWith', { what: tr.t(`opening.${generic}`) }))
        : pass(tr.t('upwork.msg.noFormOpening'));
    },
  },
  {
    id: 'cover-specific',
    weight: 25,
    check: ({ text, jobText }, tr) => {
      if (!jobText) return null;
      if (!text.trim()) return fail(tr.t('upwork.msg.empty'));
      const letter = new Set(words(text));
      const hits = jobTerms(jobText).filter((t) => letter.has(t));
      const what = hits.length
        ? tr.t('upwork.msg.mentions', {
            terms: list(
              tr,
              hits.slice(0, 4).map((h) => tr.t('seo.quote', { text: h })),
            ),
          })
        : tr.t('upwork.msg.nothingFromJob');
      if (hits.length >= 3) return pass(what);
      return hits.length > 0 ? warn(what) : fail(what);
    },
  },
  {
    id: 'cover-closing',
    weight: 15,
    check: ({ text }, tr) => {
      if (!text.trim()) return fail(tr.t('upwork.msg.empty'));
      const last = lastSentence(text);
      if (/\?\s*$/.test(last)) return pass(tr.t('upwork.msg.endsQuestion'));
      if (CALL_TO_ACTION.test(last)) return pass(tr.t('upwork.msg.endsCta'));
      return warn(tr.t('upwork.msg.endsWithout'));
    },
  },
  {
    id: 'cover-contact',
    weight: 20,
    // An empty letter has no contact details, and no merit either: it scores nothing (#20: it scored
    // 57/100 on this check alone).
    check: ({ text }, tr) => (text.trim() ? contactVerdict(tr, text) : fail(tr.t('upwork.msg.empty'))),
  },
];

export interface Profile {
  title: string | null;
  overview: string | null;
}

/** Only the first ~250 characters of the overview show before "more" (shared/FACTS.md). */
export const OVERVIEW_HOOK = 250;
/** Upwork asks for at least 100 characters and takes up to 5,000 (the field's limits; secondary). */
export const OVERVIEW_CHARS = { min: 100, good: 600, max: 5000 } as const;
/** Long profile titles are cut in search results; about 70 characters show (unconfirmed). */
export const PROFILE_TITLE = { min: 20, max: 70 } as const;

export const PROFILE_RULES: ReadonlyArray<Rule<Profile>> = [
  {
    id: 'profile-title',
    weight: 20,
    hintParams: { min: PROFILE_TITLE.min, max: PROFILE_TITLE.max },
    check: ({ title }, tr) => {
      if (title === null) return null;
      const len = title.trim().length;
      const what = tr.tn('count.characters', len);
      if (len === 0) return fail(tr.t('upwork.msg.noTitle'));
      if (len < PROFILE_TITLE.min) return warn(tr.t('upwork.msg.saySpecialty', { what }));
      if (len > PROFILE_TITLE.max) return warn(tr.t('upwork.msg.mayBeCut', { what }));
      return pass(what);
    },
  },
  {
    id: 'overview-hook',
    weight: 30,
    hintParams: { hook: OVERVIEW_HOOK },
    check: ({ overview }, tr) => {
      if (overview === null || !overview.trim()) return null;
      const generic = genericOpening(overview);
      if (generic) return fail(tr.t('upwork.msg.opensWith', { what: tr.t(`opening.${generic}`) }));
      const hook = overview.trim().slice(0, OVERVIEW_HOOK);
      return /\byou(?:r|'re|'ll)?\b/i.test(hook)
        ? pass(tr.t('upwork.msg.speaksToClient'))
        : warn(tr.t('upwork.msg.neverYou', { hook: OVERVIEW_HOOK }));
    },
  },
  {
    id: 'overview-length',
    weight: 20,
    hintParams: { good: OVERVIEW_CHARS.good, max: OVERVIEW_CHARS.max },
    check: ({ overview }, tr) => {
      if (overview === null) return null;
      const len = overview.trim().length;
      const what = tr.tn('count.characters', len);
      if (len < OVERVIEW_CHARS.min) return fail(tr.t('upwork.msg.asksFor', { what, min: OVERVIEW_CHARS.min }));
      if (len > OVERVIEW_CHARS.max) return fail(tr.t('upwork.msg.allows', { what, max: OVERVIEW_CHARS.max }));
      if (len < OVERVIEW_CHARS.good) return warn(tr.t('upwork.msg.moreResults', { what }));
      return pass(what);
    },
  },
  {
    id: 'profile-contact',
    weight: 20,
    check: ({ title, overview }, tr) =>
      title === null && overview === null ? null : contactVerdict(tr, `${title ?? ''}\n${overview ?? ''}`),
  },
];

export interface CatalogProject {
  title: string | null;
  description: string | null;
  tags: ReadonlyArray<string> | null;
}

/** Project Catalog limits (shared/FACTS.md, secondary sources): title ≤ 75 characters with its "You will get" prefix, description 120–1,200, up to 5 tags. */
export const CATALOG = {
  titleMax: 75,
  prefix: 'You will get ',
  descriptionMin: 120,
  descriptionMax: 1200,
  tags: 5,
} as const;

export const CATALOG_RULES: ReadonlyArray<Rule<CatalogProject>> = [
  {
    id: 'catalog-title-length',
    weight: 30,
    hintParams: { max: CATALOG.titleMax },
    check: ({ title }, tr) => {
      if (title === null) return null;
      const rest = title.trim().replace(/^you will get\s*/i, '');
      const len = CATALOG.prefix.length + rest.length;
      if (!rest) return fail(tr.t('upwork.msg.noTitle'));
      const what = tr.t('upwork.msg.withPrefix', { what: tr.tn('count.characters', len) });
      return len > CATALOG.titleMax ? fail(tr.t('upwork.msg.allows', { what, max: CATALOG.titleMax })) : pass(what);
    },
  },
  {
    id: 'catalog-description-length',
    weight: 30,
    hintParams: { min: CATALOG.descriptionMin, max: CATALOG.descriptionMax },
    check: ({ description }, tr) => {
      if (description === null) return null;
      const len = description.trim().length;
      const what = tr.tn('count.characters', len);
      if (len < CATALOG.descriptionMin) return fail(tr.t('upwork.msg.asksFor', { what, min: CATALOG.descriptionMin }));
      if (len > CATALOG.descriptionMax) return fail(tr.t('upwork.msg.allows', { what, max: CATALOG.descriptionMax }));
      return pass(what);
    },
  },
  {
    id: 'catalog-tags',
    weight: 20,
    hintParams: { max: CATALOG.tags },
    check: ({ tags }, tr) => {
      if (tags === null) return null;
      const what = tr.t('seo.msg.tagsOf', { count: tags.length, max: CATALOG.tags });
      if (tags.length > CATALOG.tags)
        return fail(tr.t('upwork.msg.tooManyTags', { count: tags.length, max: CATALOG.tags }));
      if (tags.length === CATALOG.tags) return pass(what);
      return tags.length === 0 ? fail(what) : warn(what);
    },
  },
  {
    id: 'catalog-contact',
    weight: 20,
    check: ({ title, description }, tr) =>
      title === null && description === null ? null : contactVerdict(tr, `${title ?? ''}\n${description ?? ''}`),
  },
];
