/**
 * Pakistan keeps UTC+5 all year (no daylight saving since 2009), so its calendar is a fixed
 * offset: a withdrawal at 20:30 UTC on 30 June is 1 July in Karachi, and in the next tax year.
 */
const PKT_OFFSET_MS = 5 * 60 * 60 * 1000;

/** The day in Pakistan, `yyyy-MM-dd`. */
export function pakistanDay(at: string | number | Date): string {
  const t = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  return new Date(t + PKT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month in Pakistan, `yyyy-MM`. */
export const pakistanMonth = (at: string | number | Date) => pakistanDay(at).slice(0, 7);

/** Midnight in Pakistan at the start of `yyyy-MM-dd`, as an instant. */
export const pakistanMidnight = (day: string) => Date.parse(`${day}T00:00:00.000Z`) - PKT_OFFSET_MS;

/**
 * A day (a statement's, or one the seller picked) as the instant records keep: noon in Pakistan,
 * so it reads as that day in every time zone a browser might be in, and in its own tax year.
 */
export const pakistanNoon = (day: string) => new Date(pakistanMidnight(day) + 12 * 3_600_000).toISOString();
