import { describe, expect, it } from 'vitest';
import {
  checkLocalGovCode,
  computeCheckDigit,
  isPrefectureCode,
  isValidLocalGovCode,
  toLocalGovCode,
  toPrefectureCode,
} from './local-gov-code';

describe('local-government code check digit', () => {
  it('computes the published codes of known municipalities', () => {
    expect(toLocalGovCode('13101')).toBe('131016'); // 千代田区
    expect(toLocalGovCode('01100')).toBe('011002'); // 札幌市
    expect(toLocalGovCode('20321')).toBe('203211'); // 軽井沢町
    expect(toLocalGovCode('47382')).toBe('473821'); // 与那国町
  });

  it('computes the published codes of prefectures', () => {
    expect(toLocalGovCode('13000')).toBe('130001'); // 東京都
    expect(toLocalGovCode('01000')).toBe('010006'); // 北海道
    expect(toLocalGovCode('47000')).toBe('470007'); // 沖縄県
  });

  it('keeps the check digit to one digit: 11 − (sum mod 11), then mod 10', () => {
    expect(computeCheckDigit('00000')).toBe(1); // sum 0 → 11 → 1
    expect(computeCheckDigit('00005')).toBe(1); // sum 10 → 1
    expect(computeCheckDigit('20000')).toBe(0); // sum 12, remainder 1 → 10 → 0
  });

  it('accepts codes whose last digit is the right check digit', () => {
    for (const code of ['131016', '011002', '203211', '130001', '010006', '470007']) {
      expect(isValidLocalGovCode(code), code).toBe(true);
    }
  });

  it('rejects codes with a wrong check digit', () => {
    for (const code of ['131017', '011001', '203210', '130002']) {
      expect(isValidLocalGovCode(code), code).toBe(false);
    }
  });

  it('rejects anything that is not exactly six ASCII digits', () => {
    for (const code of ['', '13101', '1310160', '13101a', ' 131016', '１３１０１６', '131-016']) {
      expect(isValidLocalGovCode(code), code).toBe(false);
    }
  });

  it('throws a RangeError when asked for the check digit of something other than 5 digits', () => {
    for (const bad of ['', '1310', '131016', 'abcde', '１３１０１', '1310a']) {
      expect(() => computeCheckDigit(bad), bad).toThrow(RangeError);
    }
    expect(() => toLocalGovCode('1234')).toThrow(RangeError);
  });
});

describe('checkLocalGovCode', () => {
  it('says a valid code is valid', () => {
    expect(checkLocalGovCode('131016')).toEqual({ valid: true });
  });
  it('tells a format problem from a wrong check digit', () => {
    expect(checkLocalGovCode('13101')).toEqual({ valid: false, reason: 'format' });
    expect(checkLocalGovCode('abcdef')).toEqual({ valid: false, reason: 'format' });
  });
  it('names the check digit a mistyped code should have', () => {
    expect(checkLocalGovCode('131017')).toEqual({
      valid: false,
      reason: 'check_digit',
      expectedDigit: 6,
      expectedCode: '131016',
    });
  });
});

describe('prefecture codes', () => {
  it('builds a prefecture code from its number', () => {
    expect(toPrefectureCode(1)).toBe('010006');
    expect(toPrefectureCode(13)).toBe('130001');
    expect(toPrefectureCode(47)).toBe('470007');
  });
  it('refuses numbers outside 1–47', () => {
    for (const n of [0, 48, 1.5, -1])
      expect(() => toPrefectureCode(n), String(n)).toThrow(RangeError);
  });
  it('tells prefecture codes from municipality codes', () => {
    expect(isPrefectureCode('130001')).toBe(true);
    expect(isPrefectureCode('131016')).toBe(false);
    expect(isPrefectureCode('130002')).toBe(false); // wrong check digit
    expect(isPrefectureCode('480002')).toBe(false); // right check digit, but no 48th prefecture
    expect(isPrefectureCode('000001')).toBe(false);
  });
});
