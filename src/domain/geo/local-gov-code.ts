/**
 * 全国地方公共団体コード: five digits (the JIS X 0402 code used by MLIT's N03 data) plus a check
 * digit. The check digit is (11 − Σ dᵢ·wᵢ mod 11) mod 10 with weights 6,5,4,3,2 (総務省 spec).
 */
const WEIGHTS = [6, 5, 4, 3, 2] as const;

/**
 * Computes the check digit of a 5-digit JIS code.
 * @example computeCheckDigit('13101') // → 6, so 千代田区 is 131016
 */
export function computeCheckDigit(jisCode: string): number {
  if (!/^\d{5}$/.test(jisCode)) throw new RangeError(`not a 5-digit JIS code: "${jisCode}"`);
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(jisCode[i]) * WEIGHTS[i]!;
  return (11 - (sum % 11)) % 10;
}

/** @example toLocalGovCode('13101') // → '131016' */
export function toLocalGovCode(jisCode: string): string {
  return `${jisCode}${computeCheckDigit(jisCode)}`;
}

/** Whether a string is a 6-digit code whose last digit is the right check digit. */
export function isValidLocalGovCode(code: string): boolean {
  return /^\d{6}$/.test(code) && computeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

export type LocalGovCodeCheck =
  | { valid: true }
  | { valid: false; reason: 'format' }
  | { valid: false; reason: 'check_digit'; expectedDigit: number; expectedCode: string };

/**
 * Checks a 6-digit code and, when only the check digit is off, says what it should be — a typo
 * in the last digit is the commonest mistake, and naming the right code fixes it at once.
 * @example checkLocalGovCode('131017') // → { valid: false, reason: 'check_digit', expectedDigit: 6, expectedCode: '131016' }
 */
export function checkLocalGovCode(code: string): LocalGovCodeCheck {
  if (!/^\d{6}$/.test(code)) return { valid: false, reason: 'format' };
  const expectedDigit = computeCheckDigit(code.slice(0, 5));
  if (expectedDigit === Number(code[5])) return { valid: true };
  return {
    valid: false,
    reason: 'check_digit',
    expectedDigit,
    expectedCode: `${code.slice(0, 5)}${expectedDigit}`,
  };
}

/**
 * A prefecture's code is its number (1–47, two digits) followed by "000" and the check digit.
 * @example toPrefectureCode(13) // → '130001'
 */
export function toPrefectureCode(prefectureNumber: number): string {
  if (!Number.isInteger(prefectureNumber) || prefectureNumber < 1 || prefectureNumber > 47) {
    throw new RangeError(`not a prefecture number (1–47): ${prefectureNumber}`);
  }
  return toLocalGovCode(`${String(prefectureNumber).padStart(2, '0')}000`);
}

/** Whether a valid 6-digit code is a prefecture's (01–47 then "000") rather than a municipality's. */
export function isPrefectureCode(code: string): boolean {
  return /^(0[1-9]|[1-3]\d|4[0-7])000\d$/.test(code) && isValidLocalGovCode(code);
}
