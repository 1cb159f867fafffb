import type { Rule, Verdict } from './rules';
import { isStopWord, words } from './words';

/**
 * Upwork: the proposal's cover letter, the profile's title and overview, and a Project Catalog
 * project. Same rule shape as the gig rules (rules.ts), so the same panel shows them.
 */

const pass = (message: string): Verdict => ({ status: 'pass', message });
const warn = (message: string): Verdict => ({ status: 'warn', message });
const fail = (message: string): Verdict => ({ status: 'fail', message });
const n = (x: number) => x.toLocaleString('en-US');

/**
 * Contact details shared before a contract breaks Upwork's Terms of Service (taking payment
 * outside Upwork); proposals carrying them get flagged. Email, phone numbers, messenger names and
 * their link forms.
 */
const CONTACT_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['an email address', /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ['a phone number', /(?:\+|\b00)?\d[\d\s().-]{8,}\d/],
  ['a messenger (WhatsApp, Skype, Telegram…)', /\b(?:whats\s?app|skype|telegram|viber|signal me|wechat|discord)\b/i],
  ['a messenger link', /\b(?:wa\.me|t\.me|skype:|m\.me)\b/i],
];

export function contactDetails(text: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of CONTACT_PATTERNS) {
    const match = pattern.exec(text);
    // A phone number has at least 10 digits; "2019-2024" or "$1,500.00" are not phone numbers.
    if (match && (what !== 'a phone number' || match[0].replace(/\D/g, '').length >= 10)) found.push(what);
  }
  return found;
}

/** Openings clients skim past: a form letter's salutation, or starting about yourself. */
const GENERIC_OPENINGS: ReadonlyArray<[string, RegExp]> = [
  ['"Dear Sir/Madam"', /^dear\s+(?:sir|madam|hiring\s+manager|client|employer)\b/i],
  ['"To whom it may concern"', /^to\s+whom\s+it\s+may\s+concern\b/i],
  ['a greeting to "Sir"', /^(?:hi|hello|hey|greetings)[\s,!]+(?:sir|madam|dear)\b/i],
  ['"I am…"', /^(?:(?:hi|hello|hey|greetings|dear\s+\S+?)(?:\s+there)?[\s,!.]+)?(?:i\s+am|i'm|i’m)\b/i],
  ['"My name is…"', /^(?:(?:hi|hello|hey|greetings|dear\s+\S+?)(?:\s+there)?[\s,!.]+)?my\s+name\s+is\b/i],
];

function genericOpening(text: string): string | null {
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
    label: 'Length',
    weight: 15,
    hint: `Write ${COVER_WORDS.min}–${COVER_WORDS.max} words: enough to be specific, short enough to be read.`,
    check: ({ text }) => {
      const count = words(text).length;
      const what = `${n(count)} words`;
      if (text.length > COVER_MAX_CHARS)
        return fail(`${n(text.length)} characters; Upwork allows ${n(COVER_MAX_CHARS)}`);
      if (count < COVER_WORDS.fail) return fail(`${what}; too short to say anything specific`);
      if (count < COVER_WORDS.min) return warn(`${what}; a little more detail helps`);
      if (count > COVER_WORDS.max) return warn(`${what}; clients skim long letters`);
      return pass(what);
    },
  },
  {
    id: 'cover-opening',
    label: "Opens with the client's problem",
    weight: 25,
    hint: 'Open with the client\'s problem or goal, not "Dear Sir/Madam" or "I am…".',
    check: ({ text }) => {
      if (!text.trim()) return null;
      const generic = genericOpening(text);
      return generic ? fail(`Opens with ${generic}`) : pass('No form-letter opening');
    },
  },
  {
    id: 'cover-specific',
    label: 'Mentions the job post',
    weight: 25,
    hint: 'Mention something specific from the job post: their product, tools, or the problem they describe.',
    check: ({ text, jobText }) => {
      if (!jobText || !text.trim()) return null;
      const letter = new Set(words(text));
      const hits = jobTerms(jobText).filter((t) => letter.has(t));
      const what = hits.length
        ? `Mentions ${hits
            .slice(0, 4)
            .map((h) => `"${h}"`)
            .join(', ')}`
        : 'Nothing from the job post';
      if (hits.length >= 3) return pass(what);
      return hits.length > 0 ? warn(what) : fail(what);
    },
  },
  {
    id: 'cover-closing',
    label: 'Ends with a question or next step',
    weight: 15,
    hint: 'End with a question about the project or a clear next step ("Shall we start with a short call?").',
    check: ({ text }) => {
      if (!text.trim()) return null;
      const last = lastSentence(text);
      if (/\?\s*$/.test(last)) return pass('Ends with a question');
      if (CALL_TO_ACTION.test(last)) return pass('Ends with a call to action');
      return warn('Ends without a question or next step');
    },
  },
  {
    id: 'cover-contact',
    label: 'No contact details',
    weight: 20,
    hint: "Remove email, phone and messenger details: sharing them before a contract is against Upwork's rules.",
    check: ({ text }) => {
      const found = contactDetails(text);
      return found.length ? fail(`Contains ${found.join(', ')}`) : pass('None found');
    },
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
    label: 'Profile title',
    weight: 20,
    hint: `Name your specialty and who it is for in ${PROFILE_TITLE.min}–${PROFILE_TITLE.max} characters ("Shopify Developer for Fashion Brands").`,
    check: ({ title }) => {
      if (title === null) return null;
      const len = title.trim().length;
      if (len === 0) return fail('No title');
      if (len < PROFILE_TITLE.min) return warn(`${len} characters; say more about your specialty`);
      if (len > PROFILE_TITLE.max) return warn(`${len} characters; search results may cut it`);
      return pass(`${len} characters`);
    },
  },
  {
    id: 'overview-hook',
    label: 'Overview opens with a hook',
    weight: 30,
    hint: `Only the first ~${OVERVIEW_HOOK} characters show before "more": open with what you do for the client, not "Hi, I am…".`,
    check: ({ overview }) => {
      if (overview === null || !overview.trim()) return null;
      const generic = genericOpening(overview);
      if (generic) return fail(`Opens with ${generic}`);
      const hook = overview.trim().slice(0, OVERVIEW_HOOK);
      return /\byou(?:r|'re|'ll)?\b/i.test(hook)
        ? pass('The first lines speak to the client')
        : warn(`The first ${OVERVIEW_HOOK} characters never say "you"`);
    },
  },
  {
    id: 'overview-length',
    label: 'Overview length',
    weight: 20,
    hint: `Write ${n(OVERVIEW_CHARS.good)}–${n(OVERVIEW_CHARS.max)} characters: your results, your process and who you help.`,
    check: ({ overview }) => {
      if (overview === null) return null;
      const len = overview.trim().length;
      if (len < OVERVIEW_CHARS.min) return fail(`${n(len)} characters; Upwork asks for ${OVERVIEW_CHARS.min}`);
      if (len > OVERVIEW_CHARS.max) return fail(`${n(len)} characters; Upwork allows ${n(OVERVIEW_CHARS.max)}`);
      if (len < OVERVIEW_CHARS.good) return warn(`${n(len)} characters; say more about your results`);
      return pass(`${n(len)} characters`);
    },
  },
  {
    id: 'profile-contact',
    label: 'No contact details',
    weight: 20,
    hint: "Remove email, phone and messenger details: they are against Upwork's rules.",
    check: ({ title, overview }) => {
      if (title === null && overview === null) return null;
      const found = contactDetails(`${title ?? ''}\n${overview ?? ''}`);
      return found.length ? fail(`Contains ${found.join(', ')}`) : pass('None found');
    },
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
    label: 'Title length',
    weight: 30,
    hint: `Keep the title within ${CATALOG.titleMax} characters, counting "You will get".`,
    check: ({ title }) => {
      if (title === null) return null;
      const rest = title.trim().replace(/^you will get\s*/i, '');
      const len = CATALOG.prefix.length + rest.length;
      if (!rest) return fail('No title');
      return len > CATALOG.titleMax
        ? fail(`${len} characters with "You will get"; Upwork allows ${CATALOG.titleMax}`)
        : pass(`${len} characters with "You will get"`);
    },
  },
  {
    id: 'catalog-description-length',
    label: 'Description length',
    weight: 30,
    hint: `Write ${CATALOG.descriptionMin}–${n(CATALOG.descriptionMax)} characters.`,
    check: ({ description }) => {
      if (description === null) return null;
      const len = description.trim().length;
      if (len < CATALOG.descriptionMin) return fail(`${len} characters; Upwork asks for ${CATALOG.descriptionMin}`);
      if (len > CATALOG.descriptionMax) return fail(`${n(len)} characters; Upwork allows ${n(CATALOG.descriptionMax)}`);
      return pass(`${n(len)} characters`);
    },
  },
  {
    id: 'catalog-tags',
    label: 'Search tags',
    weight: 20,
    hint: `Use all ${CATALOG.tags} tags.`,
    check: ({ tags }) => {
      if (tags === null) return null;
      const what = `${tags.length} of ${CATALOG.tags} tags`;
      if (tags.length > CATALOG.tags) return fail(`${tags.length} tags; Upwork allows ${CATALOG.tags}`);
      if (tags.length === CATALOG.tags) return pass(what);
      return tags.length === 0 ? fail(what) : warn(what);
    },
  },
  {
    id: 'catalog-contact',
    label: 'No contact details',
    weight: 20,
    hint: "Remove email, phone and messenger details: they are against Upwork's rules.",
    check: ({ title, description }) => {
      if (title === null && description === null) return null;
      const found = contactDetails(`${title ?? ''}\n${description ?? ''}`);
      return found.length ? fail(`Contains ${found.join(', ')}`) : pass('None found');
    },
  },
];
