import { addDays } from 'date-fns';

/** `{{ name }}` and `{{date+3}}`: letters, digits and underscores, or date±N. */
const VARIABLE = /\{\{\s*([a-z_][a-z0-9_]*(?:\s*[+-]\s*\d{1,4})?)\s*\}\}/gi;

/**
 * A value the seller or the page gave for `name`, and nothing inherited: `{{constructor}}` and
 * `{{__proto__}}` are variables like any other, not Object's own properties.
 */
function own(values: object, name: string): unknown {
  return Object.hasOwn(values, name) ? (values as Record<string, unknown>)[name] : undefined;
}

/** What the page, the settings and the clock can fill. */
export const KNOWN_VARIABLES = ['client_name', 'my_name', 'gig_title', 'today', 'date+N'] as const;

/**
 * 24 Nov 2026: unambiguous for clients everywhere (no 11/24 vs 24/11), as date-fns writes
 * 'd MMM yyyy'. By hand rather than with format(), whose formatters and locale were a fifth of
 * every content script; Intl's month names vary by browser ("Sep" or "Sept").
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const clientDate = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]!} ${d.getFullYear()}`;

export interface PageContext {
  client_name?: string | null;
  my_name?: string | null;
  gig_title?: string | null;
}

function normalise(raw: string): string {
  return raw.replace(/\s+/g, '').toLowerCase();
}

function dateValue(name: string, now: Date): string | null {
  if (name === 'today') return clientDate(now);
  const m = /^date([+-])(\d{1,4})$/.exec(name);
  if (!m) return null;
  const days = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return clientDate(addDays(now, days));
}

/** The distinct variables a template uses, in order of first use. */
export function variablesIn(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(VARIABLE)) seen.add(normalise(m[1]!));
  return [...seen];
}

export interface Rendered {
  text: string;
  /** Variables nothing could fill: the picker asks for them before inserting. */
  missing: string[];
}

/**
 * Fills a template's variables. Values are plain text and are never re-scanned, so a client
 * name containing `{{…}}` or markup stays exactly what it is.
 */
export function renderTemplate(
  body: string,
  context: PageContext,
  now: Date,
  answers: Record<string, string> = {},
): Rendered {
  const missing = new Set<string>();
  const text = body.replace(VARIABLE, (whole, raw: string) => {
    const name = normalise(raw);
    const answered = own(answers, name);
    if (typeof answered === 'string' && answered.trim() !== '') return answered;
    const date = dateValue(name, now);
    if (date !== null) return date;
    const fromPage = own(context, name);
    if (typeof fromPage === 'string' && fromPage.trim() !== '') return fromPage.trim();
    missing.add(name);
    return whole;
  });
  return { text, missing: [...missing] };
}

/**
 * Completion while writing a template: after `{{` and part of a name, the variables that fit.
 * Returns null when the caret is not inside an open `{{`.
 */
export function variableCompletions(textBeforeCaret: string): { prefix: string; options: string[] } | null {
  const m = /\{\{\s*([a-z0-9_+]*)$/i.exec(textBeforeCaret);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  const options = KNOWN_VARIABLES.map((v) => (v === 'date+N' ? 'date+3' : v)).filter((v) => v.startsWith(prefix));
  return { prefix, options };
}
