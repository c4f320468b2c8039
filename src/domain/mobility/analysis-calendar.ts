import { nationalHolidaysFrom } from '../shared/national-holidays';

/**
 * Calendar arithmetic of the people-flow analysis (docs/domain-mobility.md, Conventions), on
 * whole numbers so the per-device loops never build a Date:
 * - a *day number* counts JST calendar dates from 1970-01-01 (day 0);
 * - *analysis day* `d` runs from 04:00 JST on date `d` to 04:00 JST on date `d + 1`, so it is
 *   named by the date it starts on;
 * - a *month number* is `year × 12 + (month − 1)`.
 * Japan has had no daylight saving time since 1951, so JST is UTC+9 throughout.
 */
export const MS_PER_MIN = 60_000;
export const MS_PER_DAY = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;
const ANALYSIS_DAY_START_MIN = 4 * 60;

/**
 * The JST date (day number) of an instant.
 * @example jstDayOf(Date.UTC(2026, 0, 1, 15, 0)) === dayOfDate('2026-01-02') // 00:00 JST
 */
export function jstDayOf(tsMs: number): number {
  return Math.floor((tsMs + JST_OFFSET_MS) / MS_PER_DAY);
}

/**
 * The analysis day (04:00–04:00 JST) an instant falls in.
 * @example analysisDayOf(Date.UTC(2026, 0, 1, 18, 30)) === dayOfDate('2026-01-01') // 03:30 JST on the 2nd
 */
export function analysisDayOf(tsMs: number): number {
  return Math.floor((tsMs + JST_OFFSET_MS - ANALYSIS_DAY_START_MIN * MS_PER_MIN) / MS_PER_DAY);
}

/**
 * The instant of a JST wall-clock time, minutes after midnight of a day number (may exceed
 * 1440 to reach into the next date).
 * @example jstInstantMs(dayOfDate('2026-01-02'), 0) === Date.UTC(2026, 0, 1, 15, 0)
 */
export function jstInstantMs(day: number, minuteOfDay: number): number {
  return day * MS_PER_DAY - JST_OFFSET_MS + minuteOfDay * MS_PER_MIN;
}

/** Where analysis day `day` begins: 04:00 JST on its date. @example analysisDayStartMs(dayOfDate('2026-01-02')) === Date.UTC(2026, 0, 1, 19) */
export function analysisDayStartMs(day: number): number {
  return jstInstantMs(day, ANALYSIS_DAY_START_MIN);
}

/** @example dateOfDay(0) === '1970-01-01' */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number of a 'YYYY-MM-DD' date, or NaN when it is not one. @example dayOfDate('1970-01-02') === 1 */
export function dayOfDate(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls '2026-02-30' over to March; a real date survives the round trip.
  return Number.isNaN(ms) || dateOfDay(ms / MS_PER_DAY) !== date ? Number.NaN : ms / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). @example weekdayOfDay(dayOfDate('2026-08-08')) === 6 */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The month number of a day number. @example monthOfDay(dayOfDate('2026-03-15')) === 2026 * 12 + 2 */
export function monthOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first date (day number) of a month number. @example dateOfDay(firstDayOfMonth(2026 * 12 + 1)) === '2026-02-01' */
export function firstDayOfMonth(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY;
}

/** The last date (day number) of a month number. @example dateOfDay(lastDayOfMonth(2024 * 12 + 1)) === '2024-02-29' */
export function lastDayOfMonth(month: number): number {
  return firstDayOfMonth(month + 1) - 1;
}

/** @example monthKey(2026 * 12 + 0) === '2026-01' */
export function monthKey(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** The month number of 'YYYY-MM', or null. @example parseMonthKey('2026-01') === 2026 * 12 */
export function parseMonthKey(key: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : null;
}

/** National holidays (substitute holidays and 国民の休日 included) as day numbers. */
export type HolidayDays = ReadonlySet<number>;

/**
 * The national holidays between two dates (inclusive) as day numbers, from
 * `@holiday-jp/holiday_jp` (domain/shared/national-holidays).
 * @example nationalHolidayDays('2024-11-01', '2024-11-30') // day numbers of 11-03 and 11-04 (振替休日) and 11-23
 */
export function nationalHolidayDays(firstDate: string, lastDate: string): HolidayDays {
  const first = dayOfDate(firstDate);
  const last = dayOfDate(lastDate);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return new Set();
  return new Set(Object.keys(nationalHolidaysFrom(firstDate, last - first + 1)).map(dayOfDate));
}

/**
 * A working day is Monday to Friday and not a national holiday (substitute holidays included).
 * @example isWorkingDay(dayOfDate('2024-11-04'), holidays) // false: 文化の日 振替休日, a Monday
 */
export function isWorkingDay(day: number, holidays: HolidayDays): boolean {
  const weekday = weekdayOfDay(day);
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}
