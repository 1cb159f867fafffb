import type { Template } from '@/utils/schema';

const fold = (s: string) => s.toLocaleLowerCase('en').normalize('NFKD').replace(/\p{M}/gu, '');

/** Most used first, then most recently used, then by title. */
export function byUsage(a: Template, b: Template): number {
  return (
    b.usageCount - a.usageCount ||
    (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') ||
    a.title.localeCompare(b.title)
  );
}

/**
 * Templates matching every word of `query` in their title, body, shortcut or tags. Title and
 * shortcut hits rank above body hits; ties keep the most-used-first order.
 */
export function searchTemplates(templates: ReadonlyArray<Template>, query: string): Template[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const sorted = [...templates].sort(byUsage);
  if (words.length === 0) return sorted;
  const scored: { t: Template; score: number }[] = [];
  for (const t of sorted) {
    const head = fold(`${t.title} ${t.shortcut ?? ''} ${t.tags.join(' ')}`);
    const body = fold(t.body);
    let score = 0;
    let all = true;
    for (const w of words) {
      if (head.includes(w)) score += 2;
      else if (body.includes(w)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ t, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.t);
}
