/** Calendar arithmetic on ISO dates (yyyy-mm-dd) as UTC day numbers, for synthetic data. */

const DAY_MS = 86_400_000;

/** Day numbers and ISO strings are memoised: synthetic data reuses a few tens of thousands of days. */
const dayCache = new Map<string, number>();
const isoCache = new Map<number, string>();
const CACHE_LIMIT = 200_000;

export function toDay(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    if (dayCache.size < CACHE_LIMIT) dayCache.set(iso, day);
  }
  return day;
}

export function toIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size < CACHE_LIMIT) isoCache.set(day, iso);
  }
  return iso;
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Completed years of age on a date (a person born 29/02 turns a year older on 01/03 in common years). */
export function ageOn(birth: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  if (date.slice(5) < birth.slice(5)) age -= 1;
  return age;
}
