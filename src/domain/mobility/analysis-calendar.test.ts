import { describe, expect, it } from 'vitest';
import {
  analysisDayOf,
  analysisDayStartMs,
  dateOfDay,
  dayOfDate,
  firstDayOfMonth,
  isWorkingDay,
  jstDayOf,
  jstInstantMs,
  lastDayOfMonth,
  monthKey,
  monthOfDay,
  nationalHolidayDays,
  parseMonthKey,
  weekdayOfDay,
} from './analysis-calendar';

const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('JST dates and the 04:00 analysis day', () => {
  it('turns UTC instants into JST dates (15:00 UTC is the next JST midnight)', () => {
    expect(dateOfDay(jstDayOf(utc(2026, 1, 1, 14, 59)))).toBe('2026-01-01');
    expect(dateOfDay(jstDayOf(utc(2026, 1, 1, 15, 0)))).toBe('2026-01-02');
  });

  it('runs an analysis day from 04:00 to 04:00 JST, named by its first date', () => {
    const jan2 = dayOfDate('2026-01-02');
    expect(analysisDayOf(jstInstantMs(jan2, 3 * 60 + 59))).toBe(jan2 - 1); // 03:59 → the 1st
    expect(analysisDayOf(jstInstantMs(jan2, 4 * 60))).toBe(jan2); // 04:00 → the 2nd
    expect(analysisDayOf(jstInstantMs(jan2, 0))).toBe(jan2 - 1); // midnight stays in the 1st
    expect(analysisDayStartMs(jan2)).toBe(utc(2026, 1, 1, 19, 0));
  });

  it('does month arithmetic across year ends and leap years', () => {
    const feb2024 = parseMonthKey('2024-02')!;
    expect(dateOfDay(lastDayOfMonth(feb2024))).toBe('2024-02-29');
    expect(monthKey(feb2024 - 2)).toBe('2023-12');
    expect(dateOfDay(firstDayOfMonth(parseMonthKey('2027-01')!))).toBe('2027-01-01');
    expect(monthOfDay(dayOfDate('2026-12-31'))).toBe(parseMonthKey('2026-12'));
    expect(parseMonthKey('2026-13')).toBeNull();
    expect(parseMonthKey('2026-1')).toBeNull();
    expect(dayOfDate('2026-02-30')).toBeNaN();
  });

  it('knows the weekday (1970-01-01 was a Thursday)', () => {
    expect(weekdayOfDay(0)).toBe(4);
    expect(weekdayOfDay(dayOfDate('2026-08-08'))).toBe(6); // a Saturday
  });
});

describe('working days', () => {
  const holidays = nationalHolidayDays('2024-01-01', '2026-12-31');

  it('are Monday to Friday and not national holidays', () => {
    expect(isWorkingDay(dayOfDate('2024-11-05'), holidays)).toBe(true); // Tuesday
    expect(isWorkingDay(dayOfDate('2024-11-09'), holidays)).toBe(false); // Saturday
    expect(isWorkingDay(dayOfDate('2026-01-01'), holidays)).toBe(false); // 元日, a Thursday
  });

  it('count a substitute holiday as a holiday', () => {
    // 文化の日 2024-11-03 fell on a Sunday; Monday the 4th was its substitute.
    expect(holidays.has(dayOfDate('2024-11-04'))).toBe(true);
    expect(isWorkingDay(dayOfDate('2024-11-04'), holidays)).toBe(false);
  });

  it('count a 国民の休日 sandwiched between holidays', () => {
    // 2026-09-22 lies between 敬老の日 (21st) and 秋分の日 (23rd).
    expect(isWorkingDay(dayOfDate('2026-09-22'), holidays)).toBe(false);
  });

  it('gives no holidays for a reversed or malformed range', () => {
    expect(nationalHolidayDays('2024-12-31', '2024-01-01').size).toBe(0);
    expect(nationalHolidayDays('nope', '2024-01-01').size).toBe(0);
  });
});
