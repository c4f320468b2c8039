import { describe, expect, it } from 'vitest';
import {
  type ParsedTime,
  TIME_CLASS,
  formatUtcIso,
  parseDecimal,
  parsePltDateTime,
  parseTimestamp,
} from './parse-fields';

const bytes = (text: string) => new TextEncoder().encode(text);
const decimal = (text: string) => parseDecimal(bytes(text), 0, bytes(text).length);
function timestamp(text: string): ParsedTime {
  const out: ParsedTime = { cls: TIME_CLASS.bad, ms: 0, rawMs: 0 };
  parseTimestamp(bytes(text), 0, bytes(text).length, out);
  return out;
}

describe('parseDecimal', () => {
  it('reads decimals exactly as Number() does', () => {
    for (const text of [
      '139.7671234',
      '-33.8688197',
      '0.1',
      '35',
      '-0',
      '1.',
      '.5',
      '40.000000001',
    ]) {
      expect(Object.is(decimal(text), Number(text))).toBe(true);
    }
    expect(decimal('123456789.123456789')).toBe(Number('123456789.123456789'));
    expect(decimal('1e-3')).toBe(0.001);
    expect(decimal(' 12.5 ')).toBe(12.5);
  });

  it('reads NaN and infinities as numbers (cleaning drops and counts them)', () => {
    expect(decimal('NaN')).toBeNaN();
    expect(decimal('nan')).toBeNaN();
    expect(decimal('-inf')).toBe(-Infinity);
    expect(decimal('Infinity')).toBe(Infinity);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', ' ', 'abc', '12abc', '0x10', '1.2.3', '-', '1,5']) {
      expect(decimal(text)).toBeUndefined();
    }
  });
});

describe('parseTimestamp', () => {
  it('reads ISO 8601 with Z or an offset as the UTC instant', () => {
    const utc = Date.UTC(2026, 3, 1, 0, 0, 0);
    for (const text of [
      '2026-04-01T09:00:00+09:00',
      '2026-04-01T09:00:00+0900',
      '2026-04-01T09:00:00+09',
      '2026-04-01T00:00:00Z',
      '2026-04-01 00:00:00z',
      '2026-03-31T19:00:00-05:00',
      '2026-04-01T09:00+09:00',
    ]) {
      expect(timestamp(text)).toMatchObject({ cls: TIME_CLASS.iso, ms: utc });
    }
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(timestamp('2026-04-01T00:00:00.5Z').ms).toBe(Date.UTC(2026, 3, 1, 0, 0, 0, 500));
    expect(timestamp('2026-04-01T00:00:00.123987Z').ms).toBe(Date.UTC(2026, 3, 1, 0, 0, 0, 123));
  });

  it('crosses midnight and month ends through the offset', () => {
    expect(timestamp('2026-03-01T08:59:59+09:00').ms).toBe(Date.UTC(2026, 1, 28, 23, 59, 59));
    expect(timestamp('2024-03-01T00:30:00+09:00').ms).toBe(Date.UTC(2024, 1, 29, 15, 30));
  });

  it('classes a date-time without offset apart (its time zone is unknown)', () => {
    expect(timestamp('2026-04-01T09:00:00').cls).toBe(TIME_CLASS.isoLocal);
  });

  it('refuses dates and times that do not exist', () => {
    for (const text of [
      '2026-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-04-01T24:00:00Z',
      '2026-04-01T00:60:00Z',
      '2026-04-01T00:00:00+25:00',
      '2026-04-01',
      'yesterday',
      '',
    ]) {
      expect(timestamp(text).cls, text).toBe(TIME_CLASS.bad);
    }
    expect(timestamp('2024-02-29T00:00:00Z').cls).toBe(TIME_CLASS.iso);
  });

  it('classes bare numbers by size: below 1e11 seconds, from 1e11 milliseconds', () => {
    expect(timestamp('1775001600')).toMatchObject({
      cls: TIME_CLASS.epochSeconds,
      ms: 1775001600000,
    });
    expect(timestamp('1775001600000')).toMatchObject({
      cls: TIME_CLASS.epochMillis,
      rawMs: 1775001600000,
    });
    expect(timestamp('1775001600.25').ms).toBe(1775001600250);
    expect(timestamp('12a').cls).toBe(TIME_CLASS.bad);
  });
});

describe('parsePltDateTime', () => {
  it('reads GeoLife’s date and time columns as UTC', () => {
    const line = bytes('2008-10-24,02:09:59');
    expect(parsePltDateTime(line, 0, 10, 11, 19)).toBe(Date.UTC(2008, 9, 24, 2, 9, 59));
    expect(parsePltDateTime(bytes('2008-10-24,2:09:59'), 0, 10, 11, 18)).toBeNaN();
  });
});

describe('formatUtcIso', () => {
  it('writes whole seconds without a fraction and milliseconds when there are some', () => {
    expect(formatUtcIso(Date.UTC(2008, 9, 24, 2, 9, 59))).toBe('2008-10-24T02:09:59Z');
    expect(formatUtcIso(Date.UTC(2008, 9, 24, 2, 9, 59, 7))).toBe('2008-10-24T02:09:59.007Z');
  });
});
