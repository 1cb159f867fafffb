/**
 * Words and phrases in listing text: what the SEO rules and the "what ranks here" card count.
 * Words are compared lower-cased, with letters and digits of any script (Urdu titles included).
 */

/**
 * Words that say nothing about what is sold. English function words plus the words every Fiverr
 * title shares ("I will", "for", "your"), so the card shows "logo design", not "i will".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by can do does for from get go has have i if in into is it its me my ' +
    'no not of on or our so than that the their them then there these they this to up us was we ' +
    'what when which who will with you your yours make create also any all more most very ' +
    "just only both each other some such you'll i'll i'm it's"
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The words of `text`, lower-cased, in order (apostrophes inside words kept: "client's"). */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

export const isStopWord = (word: string): boolean => STOP_WORDS.has(word) || /^\d+$/.test(word);

export interface TermCount {
  term: string;
  count: number;
}

/**
 * The most frequent words and two-word phrases over `texts`. A term counts once per text (ten
 * titles saying "logo" make it 10, one title saying it twice makes it 1), and a phrase never
 * starts or ends with a stop word. Ties break alphabetically, so the order is stable.
 */
export function countTerms(texts: ReadonlyArray<string>, limit = 10): { words: TermCount[]; phrases: TermCount[] } {
  const tally = createTermTally();
  for (const text of texts) tally.add(text);
  return tally.top(limit);
}

/**
 * countTerms kept up to date text by text: a page that appends cards adds their titles, and a
 * title that changes is taken out and added again, so no count re-reads every title.
 */
export function createTermTally() {
  const wordCounts = new Map<string, number>();
  const phraseCounts = new Map<string, number>();
  const bump = (counts: Map<string, number>, term: string, by: number) => {
    const n = (counts.get(term) ?? 0) + by;
    if (n > 0) counts.set(term, n);
    else counts.delete(term);
  };
  const change = (text: string, by: 1 | -1) => {
    const seenWords = new Set<string>();
    const seenPhrases = new Set<string>();
    const list = words(text);
    list.forEach((word, i) => {
      if (!isStopWord(word)) seenWords.add(word);
      const next = list[i + 1];
      if (next !== undefined && !isStopWord(word) && !isStopWord(next)) seenPhrases.add(`${word} ${next}`);
    });
    for (const w of seenWords) bump(wordCounts, w, by);
    for (const p of seenPhrases) bump(phraseCounts, p, by);
  };
  return {
    /** Counts one more text (each term once per text). */
    add: (text: string) => change(text, 1),
    /** Takes back a text counted before. */
    remove: (text: string) => change(text, -1),
    /** The most shared words, and the phrases shared by two texts or more. */
    top: (limit = 10) => ({ words: top(wordCounts, limit), phrases: top(phraseCounts, limit, 2) }),
  };
}

function top(counts: Map<string, number>, limit: number, minCount = 1): TermCount[] {
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([term, count]) => ({ term, count }));
}

/**
 * Where the keyword phrase first occurs in `text` as whole words (so "logo" is not found in
 * "logos" but "logo design" is found in "Logo-design"), as a word index; -1 when absent.
 */
export function findPhrase(text: string, phrase: string): number {
  const hay = words(text);
  const needle = words(phrase);
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Like findPhrase, but the character offset in `text` where the phrase starts; -1 when absent. */
export function findPhraseOffset(text: string, phrase: string): number {
  const index = findPhrase(text, phrase);
  if (index < 0) return -1;
  let i = 0;
  for (const match of text.matchAll(WORD)) if (i++ === index) return match.index;
  return -1;
}

/** How many times the phrase occurs, as whole words, without overlaps. */
export function countPhrase(text: string, phrase: string): number {
  const hay = words(text);
  const needle = words(phrase);
  if (needle.length === 0) return 0;
  let count = 0;
  for (let i = 0; i + needle.length <= hay.length;) {
    if (needle.every((w, j) => hay[i + j] === w)) {
      count++;
      i += needle.length;
    } else i++;
  }
  return count;
}

/**
 * Keyword density as a percentage: the words taken by the keyword's occurrences over all words.
 * The usual SEO measure; above ~3% reads as stuffing.
 */
export function density(text: string, phrase: string): number {
  const total = words(text).length;
  if (total === 0) return 0;
  return (countPhrase(text, phrase) * words(phrase).length * 100) / total;
}

/** Content words that occur more than once in `text` (stop words may repeat freely). */
export function repeatedWords(text: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const w of words(text)) {
    if (isStopWord(w)) continue;
    if (seen.has(w)) repeated.add(w);
    seen.add(w);
  }
  return [...repeated];
}

/** Trims `text` to at most `max` characters at a word boundary, without trailing punctuation. */
export function trimToWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const trimmed = lastSpace > 0 ? cut.slice(0, lastSpace) : clean.slice(0, max);
  return trimmed.replace(/[\s,;:–—-]+$/u, '');
}
