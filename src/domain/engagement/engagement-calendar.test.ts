import { describe, expect, it } from 'vitest';
import { addMonths, fullYearsBetween, tokyoDateOf } from './engagement-calendar';

describe('engagement calendar', () => {
  it('takes the Tokyo date of an instant', () => {
    expect(tokyoDateOf(Date.parse('2026-11-20T14:59:59Z'))).toBe('2026-11-20');
    expect(tokyoDateOf(Date.parse('2026-11-20T15:00:00Z'))).toBe('2026-11-21');
  });

  it('adds calendar months, clamping the day to the month', () => {
    expect(addMonths('2026-04-01', 12)).toBe('2027-04-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('counts whole years, an anniversary on its day', () => {
    expect(fullYearsBetween('2020-04-01', '2026-03-31')).toBe(5);
    expect(fullYearsBetween('2020-04-01', '2026-04-01')).toBe(6);
    expect(fullYearsBetween('2027-01-01', '2026-04-01')).toBe(-1);
  });
});
