/**
 * Calendar arithmetic for the working-time engine, on integer day numbers (days since
 * 1970-01-01) and minutes. Asia/Tokyo has had no daylight saving since 1951, so local dates and
 * clock times add up exactly and no Date object (or time zone database) is needed — which also
 * keeps the hot loops free of allocation.
 */

export const MINUTES_PER_DAY = 1440;

export const weekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof weekdays)[number];

/** The earliest and latest years a timesheet may name: anything outside is a typo, not a record. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
 * @example dayNumberFromCivil(2026, 11, 2) // → 20759
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The year, month (1–12) and day of a day number. */
export function civilFromDayNumber(dayNumber: number): {
  year: number;
  month: number;
  day: number;
} {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The day number of a real 'YYYY-MM-DD' date, or null (2026-02-30 and 2026-13-01 are not dates).
 * @example parseIsoDate('1970-01-02') // → 1
 */
export function parseIsoDate(text: string): number | null {
  // Character codes rather than a regular expression: timesheets hold hundreds of dates each.
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return dayNumberFromCivil(year, month, day);
}

const DASH = 45;
const COLON = 58;
const ZERO = 48;

/** The number written by `length` ASCII digits from `from`, or -1 if any is not a digit. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** @example formatIsoDate(20759) // → '2026-11-02' */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * 0 = Sunday … 6 = Saturday, by arithmetic: 1970-01-01 was a Thursday.
 * @example weekdayOf(20759) // → 1 (2026-11-02 is a Monday)
 */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(weekday: Weekday): number {
  return weekdays.indexOf(weekday);
}

/**
 * A number that is the same for every day of one week and grows by one each week, for a week
 * that starts on `weekStart` (0 = Sunday).
 * @example weekIndexOf(20759, 1) === weekIndexOf(20765, 1) // → true (Mon 11-02 and Sun 11-08)
 */
export function weekIndexOf(dayNumber: number, weekStart: number): number {
  return Math.floor((dayNumber + 4 - weekStart) / 7);
}

/** Months since year 0 (year × 12 + month − 1), so consecutive months differ by one. */
export function monthIndexOfDay(dayNumber: number): number {
  const { year, month } = civilFromDayNumber(dayNumber);
  return year * 12 + month - 1;
}

/** @example formatMonthIndex(2026 * 12 + 10) // → '2026-11' */
export function formatMonthIndex(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  return `${year}-${pad2(monthIndex - year * 12 + 1)}`;
}

/**
 * Minutes after midnight of an 'HH:MM' clock time, allowing hours up to `maxHour` so that a
 * shift past midnight can be written the way Japanese timesheets do ('22:00'–'29:00').
 * @example parseClockMinutes('29:30', 47) // → 1770
 */
export function parseClockMinutes(text: string, maxHour: number): number | null {
  if (text.length !== 5 || text.charCodeAt(2) !== COLON) return null;
  const hours = digits(text, 0, 2);
  const minutes = digits(text, 3, 2);
  if (hours < 0 || minutes < 0 || hours > maxHour || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** @example formatClockMinutes(1770) // → '29:30' */
export function formatClockMinutes(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
