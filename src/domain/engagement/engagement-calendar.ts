/**
 * Dates for the engagement rules: Asia/Tokyo calendar days as 'YYYY-MM-DD', on the labour
 * engine's day-number arithmetic (Japan has no daylight saving, so an instant's Tokyo date is
 * its epoch time shifted by nine hours).
 */
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  formatIsoDate,
  parseIsoDate,
} from '../labor/labor-calendar';

const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/**
 * The Asia/Tokyo calendar date of an instant.
 * @example tokyoDateOf(Date.parse('2026-11-20T15:30:00Z')) // → '2026-11-21'
 */
export function tokyoDateOf(tsMs: number): string {
  return formatIsoDate(Math.floor((tsMs + TOKYO_OFFSET_MS) / MS_PER_DAY));
}

/** The year of a 'YYYY-MM-DD' date (the caller passes a valid date). */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The date `months` calendar months after `date`, the day clamped to the month's length.
 * @example addMonths('2026-01-31', 1) // → '2026-02-28'
 */
export function addMonths(date: string, months: number): string {
  const day = parseIsoDate(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  const c = civilFromDayNumber(day);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const firstOfNext = dayNumberFromCivil(month === 12 ? year + 1 : year, (month % 12) + 1, 1);
  const lastDay = civilFromDayNumber(firstOfNext - 1).day;
  return formatIsoDate(dayNumberFromCivil(year, month, Math.min(c.day, lastDay)));
}

/**
 * Whole years from `from` to `to` (an anniversary counts on its day); negative if `to` is earlier.
 * @example fullYearsBetween('2020-04-01', '2026-03-31') // → 5
 */
export function fullYearsBetween(from: string, to: string): number {
  const years = yearOf(to) - yearOf(from);
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}
