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
