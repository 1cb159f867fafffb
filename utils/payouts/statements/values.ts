const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Which number comes first in a file's slashed dates: 03/05/2026 is 5 March or 3 May. */
export type DayOrder = 'month-first' | 'day-first';

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * The order a file writes its slashed dates in: day first when one has a first number over 12,
 * month first when one has a second over 12; when no date tells, `fallback` (what the platform
 * writes, FACTS.md). Both at once is a file no order reads, so null.
 */
export function dayOrderOf(dates: Iterable<string>, fallback: DayOrder): DayOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const d of dates) {
    const m = SLASHED.exec(d.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return null;
  return dayFirst ? 'day-first' : monthFirst ? 'month-first' : fallback;
}

const valid = (y: number, m: number, d: number) => {
  if (m < 1 || m > 12 || d < 1 || y < 2000 || y > 2100) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A statement's date as a day: "Oct 2, 2026", "30 Dec, 2025", "2026-10-02", "10/02/2026"
 * (in `order`), with or without a time after it. Null for anything else.
 */
export function parseStatementDay(text: string, order: DayOrder): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  let y: number, m: number, d: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s)))
    [y, m, d] = [Number(r[3]), MONTHS.indexOf(r[1]!.slice(0, 3).toLowerCase()) + 1, Number(r[2])];
  else if ((r = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(s)))
    [y, m, d] = [Number(r[3]), MONTHS.indexOf(r[2]!.slice(0, 3).toLowerCase()) + 1, Number(r[1])];
  else if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: .*)?$/.exec(s))) {
    const [a, b] = [Number(r[1]), Number(r[2])];
    [y, m, d] = order === 'month-first' ? [Number(r[3]), a, b] : [Number(r[3]), b, a];
  } else return null;
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * An amount as statements write it: "-12.00", "1,234.56", "$1,234.56", "(12.00)" (negative),
 * "USD 5". Null for text that is no number.
 */
export function parseAmount(text: string): number | null {
  let s = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/^\+/, '');
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^[A-Z]{3}\s*/, '').replace(/\s*[A-Z]{3}$/, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(/^[$£€]/, '').trim();
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? (negative ? -n : n) : null;
}
