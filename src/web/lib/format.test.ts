import { describe, expect, it } from 'vitest';
import { formatDayWithWeekday, formatMinutes, formatMonth, formatYen } from './format';

describe('format', () => {
  it('shows minutes as hours:minutes', () => {
    expect(formatMinutes(2790)).toBe('46:30');
    expect(formatMinutes(0)).toBe('0:00');
    expect(formatMinutes(6005)).toBe('100:05');
  });

  it('shows yen with ¥ and thousands separators in both languages', () => {
    expect(formatYen(1234567, 'ja')).toBe('¥1,234,567');
    expect(formatYen(0, 'en')).toBe('¥0');
  });

  it('names days with their weekday and months in full', () => {
    expect(formatDayWithWeekday('2026-11-16', 'ja')).toBe('11月16日(月)');
    expect(formatDayWithWeekday('2026-11-16', 'en')).toBe('Mon 16 Nov');
    expect(formatMonth('2026-11', 'ja')).toBe('2026年11月');
  });
});
