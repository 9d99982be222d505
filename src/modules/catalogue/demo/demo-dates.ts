/**
 * Calendar arithmetic on whole days. Dates travel as day numbers (days since 1970-01-01, UTC) so
 * adding days never meets time zones or daylight saving, and only become ISO strings at the end.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO date (YYYY-MM-DD) into a day number; throws on anything that is not a real date. */
export function dayNumber(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Expected an ISO date like 2026-11-23, not "${iso}"`);
  const [, year, month, day] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const result = time / DAY_MS;
  // Date.UTC rolls 31 April over into May; the round trip catches it.
  if (isoDate(result) !== iso) throw new RangeError(`"${iso}" is not a real date`);
  return result;
}

// The catalogue uses a few thousand distinct days but formats hundreds of thousands of dates.
const formatted = new Map<number, string>();

export function isoDate(day: number): string {
  let iso = formatted.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    formatted.set(day, iso);
  }
  return iso;
}

/** 0 is Sunday, 1 Monday, ... 6 Saturday; 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The same day if it is a Monday, otherwise the next Monday: courses usually start on one. */
export function nextMonday(day: number): number {
  return day + ((8 - weekday(day)) % 7);
}
