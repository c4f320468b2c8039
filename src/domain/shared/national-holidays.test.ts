import { describe, expect, it } from 'vitest';
import { nationalHolidaysFrom } from './national-holidays';

describe('national holidays', () => {
  it('names the holidays of a week, and only those', () => {
    expect(nationalHolidaysFrom('2026-11-02', 7)).toEqual({ '2026-11-03': '文化の日' });
    expect(nationalHolidaysFrom('2026-11-23', 7)).toEqual({ '2026-11-23': '勤労感謝の日' });
    expect(nationalHolidaysFrom('2026-11-09', 7)).toEqual({});
  });

  it('includes substitute holidays and crosses month and year ends', () => {
    // 2024-11-03 (文化の日) was a Sunday, so Monday 11-04 was its substitute.
    expect(nationalHolidaysFrom('2024-11-04', 1)).toEqual({ '2024-11-04': '文化の日 振替休日' });
    expect(Object.keys(nationalHolidaysFrom('2026-12-28', 7))).toEqual(['2027-01-01']);
  });

  it('answers nothing for a text that is not a date', () => {
    expect(nationalHolidaysFrom('not-a-date', 7)).toEqual({});
  });
});
