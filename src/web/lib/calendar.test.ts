import { describe, expect, it } from 'vitest';
import {
  addMonths,
  mondayOf,
  monthFromParam,
  todayInTokyo,
  weekDates,
  weekFromParam,
} from './calendar';

describe('calendar', () => {
  it("takes today's date in Japan, not on the device", () => {
    // 2026-11-15 20:00 UTC is already Monday the 16th in Tokyo.
    expect(todayInTokyo(new Date('2026-11-15T20:00:00Z'))).toBe('2026-11-16');
  });

  it('finds the Monday of a week and its seven days', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-02-30')).toBeNull();
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('reads the week and month of a link, or falls back to the current ones', () => {
    expect(weekFromParam('2026-11-19', '2026-12-01')).toBe('2026-11-16');
    expect(weekFromParam('garbage', '2026-11-21')).toBe('2026-11-16');
    expect(monthFromParam('2026-11', '2027-01-05')).toBe('2026-11');
    expect(monthFromParam('2026-13', '2027-01-05')).toBe('2027-01');
  });

  it('steps months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
