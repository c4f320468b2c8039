/**
 * Byte-level parsers for the fields of a ping file: decimal numbers and timestamps read
 * straight from the file's bytes, without making a string per field (the stay-point command
 * reads tens of millions of rows).
 */

/** How a timestamp field is written. */
export const TIME_CLASS = {
  /** Not a timestamp this reader knows. */
  bad: 0,
  /** ISO 8601 with an offset (`Z`, `+09:00`, `+0900`, `+09`). */
  iso: 1,
  /** ISO 8601 without an offset: an unknown time zone, refused. */
  isoLocal: 2,
  /** A number below 1e11: epoch seconds when the format is detected. */
  epochSeconds: 3,
  /** A number of 1e11 or more: epoch milliseconds when the format is detected. */
  epochMillis: 4,
} as const;
export type TimeClass = (typeof TIME_CLASS)[keyof typeof TIME_CLASS];

export const TIME_CLASS_LABELS: Readonly<Record<TimeClass, string>> = {
  0: 'not a timestamp',
  1: 'ISO 8601 with offset',
  2: 'ISO 8601 without offset',
  3: 'epoch seconds',
  4: 'epoch milliseconds',
};

/**
 * Below this a bare number is read as epoch seconds, from it on as epoch milliseconds:
 * 1e11 s is the year 5138, 1e11 ms is 1973-03-03.
 */
export const EPOCH_MILLIS_FROM = 1e11;

/** A parsed timestamp: `ms` is epoch milliseconds UTC, truncated to whole milliseconds. */
export type ParsedTime = {
  cls: TimeClass;
  /** For ISO: the instant; for numbers: the value read as seconds (×1000, exact). */
  ms: number;
  /** For numbers: the value read as milliseconds (fraction truncated). */
  rawMs: number;
};

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];
const TWO_53 = 9007199254740992;
const CHAR_0 = 48;
const SPACE = 32;
const TAB = 9;

function isDigit(c: number): boolean {
  return c >= CHAR_0 && c <= CHAR_0 + 9;
}

/** Field bounds without surrounding spaces and tabs. */
function trimStart(bytes: Uint8Array, s: number, e: number): number {
  while (s < e && (bytes[s] === SPACE || bytes[s] === TAB)) s++;
  return s;
}
function trimEnd(bytes: Uint8Array, s: number, e: number): number {
  while (e > s && (bytes[e - 1] === SPACE || bytes[e - 1] === TAB)) e--;
  return e;
}

const STRICT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE_WORD = /^([+-]?)(nan|inf|infinity)$/i;

function latin1(bytes: Uint8Array, s: number, e: number): string {
  let text = '';
  for (let i = s; i < e; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/**
 * A decimal number in `bytes[s, e)`, or `undefined` when the field is not one (empty, text).
 * `NaN`, `inf`, `Infinity` (any case, signed) are numbers — cleaning drops them as non-finite,
 * and counts them. The usual `[-]ddd.ddd` is read with one exact division, which is the
 * correctly rounded result (same as `Number()`); anything longer goes through `Number()`.
 *
 * @example
 * parseDecimal(new TextEncoder().encode('139.7671234'), 0, 11); // 139.7671234
 */
export function parseDecimal(bytes: Uint8Array, s: number, e: number): number | undefined {
  s = trimStart(bytes, s, e);
  e = trimEnd(bytes, s, e);
  if (s >= e) return undefined;
  let i = s;
  let negative = false;
  const first = bytes[i]!;
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  while (i < e && isDigit(bytes[i]!)) {
    mantissa = mantissa * 10 + (bytes[i]! - CHAR_0);
    digits++;
    i++;
  }
  let fractionDigits = 0;
  if (i < e && bytes[i] === 46 /* . */) {
    i++;
    while (i < e && isDigit(bytes[i]!)) {
      mantissa = mantissa * 10 + (bytes[i]! - CHAR_0);
      fractionDigits++;
      i++;
    }
  }
  if (i === e && digits + fractionDigits > 0 && mantissa < TWO_53 && fractionDigits <= 22) {
    const value = fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits]!;
    return negative ? -value : value;
  }
  const text = latin1(bytes, s, e);
  if (STRICT_NUMBER.test(text)) return Number(text);
  const word = NON_FINITE_WORD.exec(text);
  if (word === null) return undefined;
  if (word[2]!.toLowerCase() === 'nan') return NaN;
  return word[1] === '-' ? -Infinity : Infinity;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `count` digits at `i` as a number, or −1. */
function readDigits(bytes: Uint8Array, i: number, count: number, e: number): number {
  if (i + count > e) return -1;
  let value = 0;
  for (let k = 0; k < count; k++) {
    const c = bytes[i + k]!;
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - CHAR_0);
  }
  return value;
}

/** Epoch ms of a calendar date and time of day in UTC, or NaN if it does not exist. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}

function parseIso(bytes: Uint8Array, s: number, e: number, out: ParsedTime): void {
  out.cls = TIME_CLASS.bad;
  const year = readDigits(bytes, s, 4, e);
  const month = readDigits(bytes, s + 5, 2, e);
  const day = readDigits(bytes, s + 8, 2, e);
  if (year < 0 || month < 0 || day < 0 || bytes[s + 7] !== 45) return;
  let i = s + 10;
  const separator = bytes[i];
  if (i >= e || (separator !== 84 /* T */ && separator !== 116 /* t */ && separator !== SPACE)) {
    return;
  }
  const hour = readDigits(bytes, i + 1, 2, e);
  const minute = readDigits(bytes, i + 4, 2, e);
  if (hour < 0 || minute < 0 || bytes[i + 3] !== 58 /* : */) return;
  i += 6;
  let second = 0;
  let millis = 0;
  if (i < e && bytes[i] === 58) {
    second = readDigits(bytes, i + 1, 2, e);
    if (second < 0) return;
    i += 3;
    if (i < e && (bytes[i] === 46 /* . */ || bytes[i] === 44) /* , */) {
      i++;
      const fractionStart = i;
      while (i < e && isDigit(bytes[i]!)) {
        if (i - fractionStart < 3) millis = millis * 10 + (bytes[i]! - CHAR_0);
        i++;
      }
      const fractionDigits = i - fractionStart;
      if (fractionDigits === 0) return;
      if (fractionDigits === 1) millis *= 100;
      else if (fractionDigits === 2) millis *= 10;
    }
  }
  const local = utcMs(year, month, day, hour, minute, second);
  if (Number.isNaN(local)) return;
  if (i === e) {
    out.cls = TIME_CLASS.isoLocal;
    out.ms = local + millis;
    return;
  }
  let offsetMin = 0;
  const zone = bytes[i]!;
  if (zone === 90 /* Z */ || zone === 122 /* z */) {
    if (i + 1 !== e) return;
  } else if (zone === 43 || zone === 45) {
    const oh = readDigits(bytes, i + 1, 2, e);
    if (oh < 0 || oh > 23) return;
    let om = 0;
    let j = i + 3;
    if (j < e) {
      if (bytes[j] === 58) j++;
      om = readDigits(bytes, j, 2, e);
      if (om < 0 || om > 59) return;
      j += 2;
    }
    if (j !== e) return;
    offsetMin = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  } else return;
  out.cls = TIME_CLASS.iso;
  out.ms = local + millis - offsetMin * 60_000;
}

function parseEpoch(bytes: Uint8Array, s: number, e: number, out: ParsedTime): void {
  out.cls = TIME_CLASS.bad;
  let i = s;
  let negative = false;
  if (bytes[i] === 45 || bytes[i] === 43) {
    negative = bytes[i] === 45;
    i++;
  }
  const intStart = i;
  let value = 0;
  while (i < e && isDigit(bytes[i]!)) {
    value = value * 10 + (bytes[i]! - CHAR_0);
    i++;
  }
  if (i === intStart || i - intStart > 15) return;
  let fractionMs = 0;
  if (i < e && bytes[i] === 46) {
    i++;
    const fractionStart = i;
    while (i < e && isDigit(bytes[i]!)) {
      if (i - fractionStart < 3) fractionMs = fractionMs * 10 + (bytes[i]! - CHAR_0);
      i++;
    }
    const fractionDigits = i - fractionStart;
    if (fractionDigits === 0) return;
    if (fractionDigits === 1) fractionMs *= 100;
    else if (fractionDigits === 2) fractionMs *= 10;
  }
  if (i !== e) return;
  const sign = negative ? -1 : 1;
  out.cls = value < EPOCH_MILLIS_FROM ? TIME_CLASS.epochSeconds : TIME_CLASS.epochMillis;
  out.ms = sign * (value * 1000 + fractionMs);
  out.rawMs = sign * value;
}

/**
 * Reads a timestamp field into `out`: its class (how it is written) and its instant. ISO 8601
 * needs an offset; a date-time without one is classed `isoLocal` (the reader refuses the file).
 * Numbers are classed by size; the caller decides between seconds and milliseconds.
 *
 * @example
 * const out: ParsedTime = { cls: 0, ms: 0, rawMs: 0 };
 * parseTimestamp(new TextEncoder().encode('2026-04-01T09:00:00+09:00'), 0, 25, out);
 * // out.cls === TIME_CLASS.iso, out.ms === Date.UTC(2026, 3, 1)
 */
export function parseTimestamp(bytes: Uint8Array, s: number, e: number, out: ParsedTime): void {
  s = trimStart(bytes, s, e);
  e = trimEnd(bytes, s, e);
  if (e - s >= 10 && bytes[s + 4] === 45) parseIso(bytes, s, e, out);
  else parseEpoch(bytes, s, e, out);
}

/**
 * A GeoLife `.plt` date (`2008-10-24`) and time (`02:09:59`) fields, in UTC, or NaN.
 */
export function parsePltDateTime(
  bytes: Uint8Array,
  dateStart: number,
  dateEnd: number,
  timeStart: number,
  timeEnd: number,
): number {
  dateStart = trimStart(bytes, dateStart, dateEnd);
  dateEnd = trimEnd(bytes, dateStart, dateEnd);
  timeStart = trimStart(bytes, timeStart, timeEnd);
  timeEnd = trimEnd(bytes, timeStart, timeEnd);
  if (dateEnd - dateStart !== 10 || timeEnd - timeStart !== 8) return NaN;
  const year = readDigits(bytes, dateStart, 4, dateEnd);
  const month = readDigits(bytes, dateStart + 5, 2, dateEnd);
  const day = readDigits(bytes, dateStart + 8, 2, dateEnd);
  const hour = readDigits(bytes, timeStart, 2, timeEnd);
  const minute = readDigits(bytes, timeStart + 3, 2, timeEnd);
  const second = readDigits(bytes, timeStart + 6, 2, timeEnd);
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    second < 0 ||
    bytes[dateStart + 4] !== 45 ||
    bytes[dateStart + 7] !== 45 ||
    bytes[timeStart + 2] !== 58 ||
    bytes[timeStart + 5] !== 58
  ) {
    return NaN;
  }
  return utcMs(year, month, day, hour, minute, second);
}

/**
 * An instant as ISO 8601 UTC with `Z`: whole seconds when the instant has no milliseconds
 * (GeoLife and most vendor files), milliseconds otherwise.
 *
 * @example
 * formatUtcIso(Date.UTC(2008, 9, 24, 2, 9, 59)); // '2008-10-24T02:09:59Z'
 * formatUtcIso(Date.UTC(2008, 9, 24, 2, 9, 59, 250)); // '2008-10-24T02:09:59.250Z'
 */
export function formatUtcIso(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, -5)}Z` : iso;
}
