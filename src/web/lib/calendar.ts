import { formatIsoDate, parseIsoDate, weekdayOf } from '../../domain/labor/labor-calendar';

/**
 * Calendar dates for the timesheet and compliance screens, as 'YYYY-MM-DD' and 'YYYY-MM'
 * strings in Asia/Tokyo: the day a person in Japan sees on the wall, whatever the device's zone.
 */

/** Today in Japan. */
export function todayInTokyo(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** @example addDays('2026-11-16', 7) // → '2026-11-23' */
export function addDays(isoDate: string, days: number): string {
  const day = parseIsoDate(isoDate);
  if (day === null) throw new Error(`not a date: ${isoDate}`);
  return formatIsoDate(day + days);
}

/**
 * The Monday of the week holding a date (timesheet weeks run Monday to Sunday), or null.
 * @example mondayOf('2026-11-21') // → '2026-11-16'
 */
export function mondayOf(isoDate: string): string | null {
  const day = parseIsoDate(isoDate);
  if (day === null) return null;
  const sinceMonday = (weekdayOf(day) + 6) % 7;
  return formatIsoDate(day - sinceMonday);
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDate(isoDate: string): number {
  const day = parseIsoDate(isoDate);
  if (day === null) throw new Error(`not a date: ${isoDate}`);
  return weekdayOf(day);
}

/** The week a `?week=` parameter names (any day of it), or the current week. */
export function weekFromParam(param: string | null, today: string): string {
  return (param && mondayOf(param)) ?? mondayOf(today) ?? today;
}

/** @example monthOf('2026-11-21') // → '2026-11' */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** @example addMonths('2026-11', 2) // → '2027-01' */
export function addMonths(isoMonth: string, months: number): string {
  const [year = 0, month = 1] = isoMonth.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${y}-${m < 10 ? `0${m}` : m}`;
}

/** The month a `?month=` parameter names, or the current month. */
export function monthFromParam(param: string | null, today: string): string {
  if (param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param)) return param;
  return monthOf(today);
}
