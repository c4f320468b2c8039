/**
 * Turns a chunk of a ping file (whole lines of a CSV, or one GeoLife `.plt` file) into rows in
 * the bucket files, counting every line it refuses by reason. Runs inside the reading workers.
 */
import {
  type BucketWriter,
  FNV_OFFSET,
  FNV_PRIME,
  bucketOf,
  finishHash,
  hashDeviceId,
} from './bucket-files';
import {
  EPOCH_MILLIS_FROM,
  TIME_CLASS,
  parseDecimal,
  parsePltDateTime,
  parseTimestamp,
  utcMs,
} from './parse-fields';
import type { ParsedTime, TimeClass } from './parse-fields';

export const CSV_COLUMNS = ['device_id', 'timestamp', 'lat', 'lon', 'accuracy'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export type TimeFormat = 'auto' | 'iso' | 'epoch-ms' | 'epoch-s';

/** Why the reader refused a line; cleaning reasons (domain) come on top of these. */
export const PARSE_REJECT_REASONS = [
  'empty_line',
  'field_count',
  'bad_quoting',
  'empty_device_id',
  'bad_timestamp',
  'bad_lat',
  'bad_lon',
  'bad_accuracy',
  'bad_altitude',
] as const;
export type ParseRejectReason = (typeof PARSE_REJECT_REASONS)[number];

/** Lines listed per reason in the reject report; all are counted. */
export const LISTED_PER_REASON = 1000;

/** A line's place: chunk × 2^24 + line index within the chunk (0-based). */
export const LINES_PER_CHUNK = 2 ** 24;

export type ParserSetup = {
  /** CSV only: the role of each column, in file order. */
  columns: readonly CsvColumn[];
  timeFormat: TimeFormat;
  bucketCount: number;
};

export type ParseReport = {
  rows: number;
  rejects: Partial<Record<ParseRejectReason, { count: number; seqs: number[] }>>;
  /** Per time class, the first line (seq) written that way and its text. */
  firstByTimeClass: Partial<Record<TimeClass, { seq: number; text: string }>>;
};

const NEWLINE = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
const DOT = 46;
const COLON = 58;
const SPACE = 32;
const CHAR_0 = 48;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const ROLE_DEVICE = 0;
const ROLE_TIMESTAMP = 1;
const ROLE_LAT = 2;
const ROLE_LON = 3;
const EPOCH_NONE = 0;
const EPOCH_AUTO = 1;
const EPOCH_MS = 2;
const EPOCH_S = 3;

/** The digit at `i`, or a large negative number (so that a bitwise OR of digits stays < 0). */
function digit(bytes: Uint8Array, i: number): number {
  const c = bytes[i]! - CHAR_0;
  return c >= 0 && c <= 9 ? c : -1000;
}
const MAX_FIELDS = 16;
/** A GeoLife `.plt` file starts with six lines of header. */
export const PLT_HEADER_LINES = 6;

const encoder = new TextEncoder();

/** Fields of a line with double quotes (RFC 4180 within one line), or undefined if unbalanced. */
export function splitQuotedLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return undefined;
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') return undefined;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) return undefined;
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

export class FixChunkParser {
  rows = 0;
  private readonly rejects: ParseReport['rejects'] = {};
  private readonly firstByTimeClass: ParseReport['firstByTimeClass'] = {};
  private readonly time: ParsedTime = { cls: TIME_CLASS.bad, ms: 0, rawMs: 0 };
  private readonly fieldStart = new Int32Array(MAX_FIELDS + 1);
  private readonly fieldEnd = new Int32Array(MAX_FIELDS + 1);
  private readonly roleIndex: Record<CsvColumn, number>;
  private readonly roles: Int8Array;
  private readonly bucketCount: number;
  /** The fast paths' second result: where the field they read ends. */
  private fastEnd = 0;
  private lastDateKey = -1;
  private lastDateMs = 0;
  private lastHash = -1;
  private lastWriter: BucketWriter | undefined;
  private lastDevice = 0;
  // Which timestamp classes the fast path may take: seen once (and allowed by the format).
  private fastIso = false;
  private fastEpoch = EPOCH_NONE;
  private seenEpochMillis = false;
  private seenEpochSeconds = false;

  constructor(
    private readonly setup: ParserSetup,
    private readonly writers: readonly BucketWriter[],
  ) {
    this.bucketCount = setup.bucketCount;
    this.roles = Int8Array.from(setup.columns, (column) => CSV_COLUMNS.indexOf(column));
    const index = (column: CsvColumn) => setup.columns.indexOf(column);
    this.roleIndex = {
      device_id: index('device_id'),
      timestamp: index('timestamp'),
      lat: index('lat'),
      lon: index('lon'),
      accuracy: index('accuracy'),
    };
  }

  report(): ParseReport {
    return { rows: this.rows, rejects: this.rejects, firstByTimeClass: this.firstByTimeClass };
  }

  private reject(reason: ParseRejectReason, seq: number): void {
    const entry = (this.rejects[reason] ??= { count: 0, seqs: [] });
    entry.count++;
    if (entry.seqs.length < LISTED_PER_REASON) entry.seqs.push(seq);
  }

  private noteTimeClass(cls: TimeClass, seq: number, bytes: Uint8Array, s: number, e: number) {
    if (this.firstByTimeClass[cls] !== undefined) return;
    this.firstByTimeClass[cls] = { seq, text: new TextDecoder().decode(bytes.subarray(s, e)) };
    const format = this.setup.timeFormat;
    if (cls === TIME_CLASS.iso) this.fastIso = format === 'auto' || format === 'iso';
    if (cls === TIME_CLASS.epochMillis || cls === TIME_CLASS.epochSeconds) {
      if (format === 'epoch-ms') this.fastEpoch = EPOCH_MS;
      else if (format === 'epoch-s') this.fastEpoch = EPOCH_S;
      else if (format === 'auto') {
        this.fastEpoch = EPOCH_AUTO;
        if (cls === TIME_CLASS.epochMillis) this.seenEpochMillis = true;
        else this.seenEpochSeconds = true;
      }
    }
  }

  /** The instant of a CSV timestamp under the file's format, or NaN if the row cannot be used. */
  private csvTimeMs(bytes: Uint8Array, s: number, e: number, seq: number): number {
    const time = this.time;
    parseTimestamp(bytes, s, e, time);
    const cls = time.cls;
    if (cls === TIME_CLASS.bad) return NaN;
    this.noteTimeClass(cls, seq, bytes, s, e);
    const numeric = cls === TIME_CLASS.epochSeconds || cls === TIME_CLASS.epochMillis;
    switch (this.setup.timeFormat) {
      case 'auto':
        if (cls === TIME_CLASS.iso || cls === TIME_CLASS.epochSeconds) return time.ms;
        return cls === TIME_CLASS.epochMillis ? time.rawMs : NaN;
      case 'iso':
        return cls === TIME_CLASS.iso ? time.ms : NaN;
      case 'epoch-ms':
        return numeric ? time.rawMs : NaN;
      case 'epoch-s':
        return numeric ? time.ms : NaN;
    }
  }

  private addRow(
    idBytes: Uint8Array,
    idStart: number,
    idEnd: number,
    tsMs: number,
    lat: number,
    lon: number,
    accuracyM: number,
    altitudeM: number,
    seq: number,
  ): void {
    const hash = hashDeviceId(idBytes, idStart, idEnd);
    this.addHashedRow(idBytes, idStart, idEnd, hash, tsMs, lat, lon, accuracyM, altitudeM, seq);
  }

  private addHashedRow(
    idBytes: Uint8Array,
    idStart: number,
    idEnd: number,
    hash: number,
    tsMs: number,
    lat: number,
    lon: number,
    accuracyM: number,
    altitudeM: number,
    seq: number,
  ): void {
    // Rows of one device often come in runs: skip the dictionary when it is the same id again.
    let writer = this.lastWriter;
    let device = this.lastDevice;
    if (hash !== this.lastHash || writer === undefined) {
      writer = this.writers[bucketOf(hash, this.bucketCount)]!;
      device = writer.dictionary.indexOf(idBytes, idStart, idEnd, hash);
      this.lastHash = hash;
      this.lastWriter = writer;
      this.lastDevice = device;
    } else if (!writer.dictionary.holds(device, idBytes, idStart, idEnd)) {
      device = writer.dictionary.indexOf(idBytes, idStart, idEnd, hash);
      this.lastDevice = device;
    }
    writer.append(device, tsMs, lat, lon, accuracyM, altitudeM, seq);
    this.rows++;
  }

  /**
   * Parses whole CSV lines `bytes[start, end)` (no header) of chunk `chunk`; returns the number
   * of lines, counting a last line without a newline.
   */
  parseCsv(bytes: Uint8Array, start: number, end: number, chunk: number): number {
    const base = chunk * LINES_PER_CHUNK;
    let line = 0;
    let pos = start;
    while (pos < end) {
      const seq = base + line;
      line++;
      if (line >= LINES_PER_CHUNK) throw new Error('too many lines in one chunk');
      const next = this.fastCsvLine(bytes, pos, end, seq);
      pos = next >= 0 ? next : this.slowCsvLine(bytes, pos, end, seq);
    }
    return line;
  }

  /**
   * The common line — plain fields, a timestamp format already seen, plain decimals — in one
   * pass over its bytes. Returns the next line's start, or −1 (having changed nothing) for any
   * other line, which then goes through {@link slowCsvLine}.
   */
  private fastCsvLine(bytes: Uint8Array, pos: number, end: number, seq: number): number {
    const roles = this.roles;
    let p = pos;
    let idStart = 0;
    let idEnd = 0;
    let idHash = 0;
    let tsMs = 0;
    let lat = 0;
    let lon = 0;
    let accuracyM = NaN;
    for (let f = 0; f < roles.length; f++) {
      if (f > 0) {
        if (p >= end || bytes[p] !== COMMA) return -1;
        p++;
      }
      switch (roles[f]) {
        case ROLE_DEVICE: {
          idStart = p;
          let h = FNV_OFFSET;
          while (p < end) {
            const c = bytes[p]!;
            if (c === COMMA || c === NEWLINE || c === CR || c === QUOTE) break;
            h = Math.imul(h ^ c, FNV_PRIME);
            p++;
          }
          if (p === idStart || (p < end && bytes[p] === QUOTE)) return -1;
          idEnd = p;
          idHash = h;
          break;
        }
        case ROLE_TIMESTAMP:
          tsMs = this.fastTime(bytes, p, end);
          if (tsMs !== tsMs) return -1;
          p = this.fastEnd;
          break;
        case ROLE_LAT:
          lat = this.fastDecimal(bytes, p, end);
          if (lat !== lat) return -1;
          p = this.fastEnd;
          break;
        case ROLE_LON:
          lon = this.fastDecimal(bytes, p, end);
          if (lon !== lon) return -1;
          p = this.fastEnd;
          break;
        default: {
          const c = p < end ? bytes[p]! : NEWLINE;
          if (c !== COMMA && c !== NEWLINE && c !== CR) {
            accuracyM = this.fastDecimal(bytes, p, end);
            if (accuracyM !== accuracyM) return -1;
            p = this.fastEnd;
          }
        }
      }
    }
    if (p < end && bytes[p] === CR) p++;
    let next = end;
    if (p < end) {
      if (bytes[p] !== NEWLINE) return -1;
      next = p + 1;
    }
    this.addHashedRow(
      bytes,
      idStart,
      idEnd,
      finishHash(idHash),
      tsMs,
      lat,
      lon,
      accuracyM,
      NaN,
      seq,
    );
    return next;
  }

  /**
   * A plain decimal `-ddd.ddd` (at most 15 digits) ending at a delimiter; NaN for anything else.
   * Sets `fastEnd` to the delimiter's position.
   */
  private fastDecimal(bytes: Uint8Array, p: number, end: number): number {
    let negative = false;
    if (p < end && bytes[p] === 45) {
      negative = true;
      p++;
    }
    let mantissa = 0;
    let digits = 0;
    while (p < end) {
      const c = bytes[p]! - CHAR_0;
      if (c < 0 || c > 9) break;
      mantissa = mantissa * 10 + c;
      digits++;
      p++;
    }
    let fractionDigits = 0;
    if (p < end && bytes[p] === DOT) {
      p++;
      while (p < end) {
        const c = bytes[p]! - CHAR_0;
        if (c < 0 || c > 9) break;
        mantissa = mantissa * 10 + c;
        fractionDigits++;
        p++;
      }
    }
    if (digits + fractionDigits === 0 || digits + fractionDigits > 15) return NaN;
    if (p < end) {
      const d = bytes[p]!;
      if (d !== COMMA && d !== NEWLINE && d !== CR) return NaN;
    }
    this.fastEnd = p;
    const value = fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits]!;
    return negative ? -value : value;
  }

  /**
   * A timestamp of a class already seen and allowed by the format — ISO 8601
   * `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)` or an epoch number — ending at a delimiter; NaN for
   * anything else (the first row of each class goes through the slow path, which records it).
   */
  private fastTime(bytes: Uint8Array, p: number, end: number): number {
    if (p + 10 <= end && bytes[p + 4] === 45) {
      if (!this.fastIso || p + 20 > end) return NaN;
      if (bytes[p + 7] !== 45 || bytes[p + 13] !== COLON || bytes[p + 16] !== COLON) return NaN;
      const t = bytes[p + 10];
      if (t !== 84 && t !== SPACE) return NaN;
      const key =
        digit(bytes, p) * 1000 +
        digit(bytes, p + 1) * 100 +
        digit(bytes, p + 2) * 10 +
        digit(bytes, p + 3);
      const month = digit(bytes, p + 5) * 10 + digit(bytes, p + 6);
      const day = digit(bytes, p + 8) * 10 + digit(bytes, p + 9);
      const hour = digit(bytes, p + 11) * 10 + digit(bytes, p + 12);
      const minute = digit(bytes, p + 14) * 10 + digit(bytes, p + 15);
      const second = digit(bytes, p + 17) * 10 + digit(bytes, p + 18);
      if ((key | month | day | hour | minute | second) < 0) return NaN;
      if (hour > 23 || minute > 59 || second > 59) return NaN;
      const dateKey = key * 10000 + month * 100 + day;
      if (dateKey !== this.lastDateKey) {
        const dayMs = utcMs(key, month, day, 0, 0, 0);
        if (dayMs !== dayMs) return NaN;
        this.lastDateKey = dateKey;
        this.lastDateMs = dayMs;
      }
      let q = p + 19;
      let millis = 0;
      if (bytes[q] === DOT) {
        q++;
        const fractionStart = q;
        while (q < end) {
          const c = bytes[q]! - CHAR_0;
          if (c < 0 || c > 9) break;
          if (q - fractionStart < 3) millis = millis * 10 + c;
          q++;
        }
        const n = q - fractionStart;
        if (n === 0) return NaN;
        if (n === 1) millis *= 100;
        else if (n === 2) millis *= 10;
      }
      let offsetMs = 0;
      const zone = q < end ? bytes[q] : NEWLINE;
      if (zone === 90) q++;
      else if (zone === 43 || zone === 45) {
        if (q + 6 > end || bytes[q + 3] !== COLON) return NaN;
        const oh = digit(bytes, q + 1) * 10 + digit(bytes, q + 2);
        const om = digit(bytes, q + 4) * 10 + digit(bytes, q + 5);
        if ((oh | om) < 0 || oh > 23 || om > 59) return NaN;
        offsetMs = (zone === 45 ? -60_000 : 60_000) * (oh * 60 + om);
        q += 6;
      } else return NaN;
      if (q < end) {
        const d = bytes[q]!;
        if (d !== COMMA && d !== NEWLINE && d !== CR) return NaN;
      }
      this.fastEnd = q;
      return this.lastDateMs + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs;
    }
    if (this.fastEpoch === EPOCH_NONE) return NaN;
    let value = 0;
    let q = p;
    while (q < end) {
      const c = bytes[q]! - CHAR_0;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
      q++;
    }
    if (q === p || q - p > 15) return NaN;
    if (q < end) {
      const d = bytes[q]!;
      if (d !== COMMA && d !== NEWLINE && d !== CR) return NaN;
    }
    const millis = value >= EPOCH_MILLIS_FROM;
    let ms: number;
    if (this.fastEpoch === EPOCH_AUTO) {
      if (!(millis ? this.seenEpochMillis : this.seenEpochSeconds)) return NaN;
      ms = millis ? value : value * 1000;
    } else ms = this.fastEpoch === EPOCH_MS ? value : value * 1000;
    this.fastEnd = q;
    return ms;
  }

  /** Any line: empty, quoted, wrong, or fine but unusual. Returns the next line's start. */
  private slowCsvLine(bytes: Uint8Array, pos: number, end: number, seq: number): number {
    let lineEnd = bytes.indexOf(NEWLINE, pos);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const next = lineEnd + 1;
    if (lineEnd > pos && bytes[lineEnd - 1] === CR) lineEnd--;
    if (lineEnd === pos) {
      this.reject('empty_line', seq);
      return next;
    }
    const fieldStart = this.fieldStart;
    const fieldEnd = this.fieldEnd;
    let fields = 0;
    let quoted = false;
    fieldStart[0] = pos;
    for (let i = pos; i < lineEnd; i++) {
      const c = bytes[i]!;
      if (c === COMMA) {
        if (fields === MAX_FIELDS) break;
        fieldEnd[fields] = i;
        fields++;
        fieldStart[fields] = i + 1;
      } else if (c === QUOTE) quoted = true;
    }
    fieldEnd[fields] = lineEnd;
    fields++;
    if (quoted) this.parseQuotedCsvLine(bytes, pos, lineEnd, seq);
    else if (fields !== this.roles.length) this.reject('field_count', seq);
    else this.parseCsvFields(bytes, this.roleIndex, seq);
    return next;
  }

  private parseCsvFields(bytes: Uint8Array, role: Record<CsvColumn, number>, seq: number): void {
    const fieldStart = this.fieldStart;
    const fieldEnd = this.fieldEnd;
    const d = role.device_id;
    if (fieldEnd[d]! === fieldStart[d]!) return this.reject('empty_device_id', seq);
    const t = role.timestamp;
    const tsMs = this.csvTimeMs(bytes, fieldStart[t]!, fieldEnd[t]!, seq);
    if (tsMs !== tsMs) {
      if (this.time.cls === TIME_CLASS.bad) this.reject('bad_timestamp', seq);
      return; // a timestamp of another format: the run stops with an error after reading
    }
    const lat = parseDecimal(bytes, fieldStart[role.lat]!, fieldEnd[role.lat]!);
    if (lat === undefined) return this.reject('bad_lat', seq);
    const lon = parseDecimal(bytes, fieldStart[role.lon]!, fieldEnd[role.lon]!);
    if (lon === undefined) return this.reject('bad_lon', seq);
    let accuracyM = NaN;
    const a = role.accuracy;
    if (a >= 0 && fieldEnd[a]! > fieldStart[a]!) {
      const value = parseDecimal(bytes, fieldStart[a]!, fieldEnd[a]!);
      // blank (spaces only) is "not given", like an empty field
      if (value === undefined) {
        if (!isBlank(bytes, fieldStart[a]!, fieldEnd[a]!)) return this.reject('bad_accuracy', seq);
      } else accuracyM = value;
    }
    this.addRow(bytes, fieldStart[d]!, fieldEnd[d]!, tsMs, lat, lon, accuracyM, NaN, seq);
  }

  /** The rare line with quotes: split as text, then each field parsed from its own bytes. */
  private parseQuotedCsvLine(bytes: Uint8Array, s: number, e: number, seq: number): void {
    const fields = splitQuotedLine(new TextDecoder().decode(bytes.subarray(s, e)));
    if (fields === undefined) return this.reject('bad_quoting', seq);
    if (fields.length !== this.setup.columns.length) return this.reject('field_count', seq);
    const encoded = fields.map((field) => encoder.encode(field));
    const role = this.roleIndex;
    const field = (index: number) => encoded[index]!;
    const id = field(role.device_id);
    if (id.length === 0) return this.reject('empty_device_id', seq);
    const ts = field(role.timestamp);
    const tsMs = this.csvTimeMs(ts, 0, ts.length, seq);
    if (tsMs !== tsMs) {
      if (this.time.cls === TIME_CLASS.bad) this.reject('bad_timestamp', seq);
      return;
    }
    const latBytes = field(role.lat);
    const lat = parseDecimal(latBytes, 0, latBytes.length);
    if (lat === undefined) return this.reject('bad_lat', seq);
    const lonBytes = field(role.lon);
    const lon = parseDecimal(lonBytes, 0, lonBytes.length);
    if (lon === undefined) return this.reject('bad_lon', seq);
    let accuracyM = NaN;
    if (role.accuracy >= 0) {
      const accBytes = field(role.accuracy);
      if (!isBlank(accBytes, 0, accBytes.length)) {
        const value = parseDecimal(accBytes, 0, accBytes.length);
        if (value === undefined) return this.reject('bad_accuracy', seq);
        accuracyM = value;
      }
    }
    this.addRow(id, 0, id.length, tsMs, lat, lon, accuracyM, NaN, seq);
  }

  /**
   * Parses one GeoLife `.plt` file (chunk `chunk`) of device `deviceId`: six header lines, then
   * `lat,lon,0,altitude ft,days,date,time` in UTC. Returns the number of lines.
   */
  parsePlt(bytes: Uint8Array, start: number, end: number, chunk: number, deviceId: string): number {
    const id = encoder.encode(deviceId);
    const fieldStart = this.fieldStart;
    const fieldEnd = this.fieldEnd;
    const base = chunk * LINES_PER_CHUNK;
    let line = 0;
    let pos = start;
    while (pos < end) {
      const lineStart = pos;
      let lineEnd = bytes.indexOf(NEWLINE, pos);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      pos = lineEnd + 1;
      if (lineEnd > lineStart && bytes[lineEnd - 1] === CR) lineEnd--;
      const seq = base + line;
      line++;
      if (line <= PLT_HEADER_LINES) continue;
      if (lineEnd === lineStart) {
        this.reject('empty_line', seq);
        continue;
      }
      let fields = 0;
      fieldStart[0] = lineStart;
      for (let i = lineStart; i < lineEnd; i++) {
        if (bytes[i] === COMMA) {
          if (fields === MAX_FIELDS) break;
          fieldEnd[fields] = i;
          fields++;
          fieldStart[fields] = i + 1;
        }
      }
      fieldEnd[fields] = lineEnd;
      fields++;
      if (fields !== 7) {
        this.reject('field_count', seq);
        continue;
      }
      const tsMs = parsePltDateTime(
        bytes,
        fieldStart[5]!,
        fieldEnd[5]!,
        fieldStart[6]!,
        fieldEnd[6]!,
      );
      if (tsMs !== tsMs) {
        this.reject('bad_timestamp', seq);
        continue;
      }
      const lat = parseDecimal(bytes, fieldStart[0]!, fieldEnd[0]!);
      if (lat === undefined) {
        this.reject('bad_lat', seq);
        continue;
      }
      const lon = parseDecimal(bytes, fieldStart[1]!, fieldEnd[1]!);
      if (lon === undefined) {
        this.reject('bad_lon', seq);
        continue;
      }
      const altitudeFt = parseDecimal(bytes, fieldStart[3]!, fieldEnd[3]!);
      if (altitudeFt === undefined) {
        this.reject('bad_altitude', seq);
        continue;
      }
      this.addRow(id, 0, id.length, tsMs, lat, lon, NaN, altitudeFt, seq);
    }
    return line;
  }
}

function isBlank(bytes: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (bytes[i] !== 32 && bytes[i] !== 9) return false;
  return true;
}
