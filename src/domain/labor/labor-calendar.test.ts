import { describe, expect, it } from 'vitest';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  formatIsoDate,
  formatMonthIndex,
  monthIndexOfDay,
  parseClockMinutes,
  parseIsoDate,
  weekIndexOf,
  weekdayOf,
} from './labor-calendar';

describe('labor calendar arithmetic (Asia/Tokyo, no daylight saving)', () => {
  it('numbers days from 1970-01-01 exactly as UTC midnight epoch days do', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [1900, 3, 1],
      [2000, 2, 29],
      [2026, 11, 2],
      [2199, 12, 31],
    ] as const) {
      const expected = Date.UTC(y, m - 1, d) / 86_400_000;
      expect(dayNumberFromCivil(y, m, d)).toBe(expected);
      expect(civilFromDayNumber(expected)).toEqual({ year: y, month: m, day: d });
    }
  });

  it('knows the weekday by arithmetic, before 1970 too', () => {
    expect(weekdayOf(parseIsoDate('2026-11-02')!)).toBe(1); // Monday
    expect(weekdayOf(parseIsoDate('2026-11-01')!)).toBe(0); // Sunday
    expect(weekdayOf(parseIsoDate('1969-12-31')!)).toBe(3); // Wednesday
  });

  it('accepts only real dates', () => {
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    for (const bad of [
      '2026-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '26-11-02',
      '2026-11-2',
      '1800-01-01',
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
    expect(formatIsoDate(parseIsoDate('2026-11-02')!)).toBe('2026-11-02');
  });

  it('groups days into weeks that start on the given weekday', () => {
    const sat = parseIsoDate('2026-11-07')!;
    const sun = parseIsoDate('2026-11-08')!;
    expect(weekIndexOf(sun, 0)).toBe(weekIndexOf(sat, 0) + 1); // Sunday starts a new week
    expect(weekIndexOf(sun, 1)).toBe(weekIndexOf(sat, 1)); // Monday weeks end on Sunday
  });

  it('names months and reads clock times up to 47:59', () => {
    expect(formatMonthIndex(monthIndexOfDay(parseIsoDate('2026-12-31')!))).toBe('2026-12');
    expect(parseClockMinutes('29:00', 47)).toBe(1740);
    expect(parseClockMinutes('24:00', 23)).toBeNull();
    expect(parseClockMinutes('12:60', 47)).toBeNull();
  });
});
