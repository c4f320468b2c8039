/**
 * PC and VPN logs as timesheet rows (issue 4: "source … PC/VPN log import as CSV"). The MHLW
 * guideline on working-time records (労働時間の適正な把握のために使用者が講ずべき措置に関する
 * ガイドライン) asks employers to base working time on objective records such as PC use logs
 * where they can; this reads such a log, exported as CSV, into segments the engine accepts.
 *
 * Two shapes are read, told apart by the header (which is required):
 * - `date,start,end` (or 日付,開始,終了): a calendar date and clock times; an end past midnight
 *   is written as the engine reads it (22:00–29:00), an end before the start is refused;
 * - `logon,logoff` (or ログオン,ログオフ): full timestamps ('2026-11-16T08:58:00+09:00'),
 *   turned into Asia/Tokyo dates and times; a logoff on the next day becomes 24:00–47:59.
 * Optional columns in both: employment, break (minutes), note.
 *
 * Pure: text in, rows and rejected rows out. csv-parse reads the quoting (its sync API uses
 * Node's Buffer, so this module is for the server and the CLI, not for the browser bundle).
 */
import { parse } from 'csv-parse/sync';
import {
  MINUTES_PER_DAY,
  formatClockMinutes,
  formatIsoDate,
  parseIsoDate,
  weekdayOf,
} from './labor-calendar';

/** One row that reads as a segment: the line it starts on (1 = header), times as the engine's. */
export type PcLogRow = {
  line: number;
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
  /** The employment column as written (an id or an employer name), null when empty or absent. */
  employment: string | null;
  note: string | null;
};

export type PcLogLineProblem = { line: number; reason: string };

export type PcLogCsv =
  | {
      ok: true;
      format: 'times' | 'timestamps';
      rows: PcLogRow[];
      /** Rows that could not be read as a segment, each with why, in file order. */
      rejected: PcLogLineProblem[];
    }
  /** The file as a whole cannot be read: a wrong header, broken quoting. */
  | { ok: false; problem: string };

/** The longest note a segment keeps (the API's segment note). */
export const PC_LOG_NOTE_MAX_CHARS = 500;

const MAX_END_MINUTE = 47 * 60 + 59;
/** Japan Standard Time, UTC+9, without daylight saving since 1951. */
const TOKYO_OFFSET_MIN = 9 * 60;

type Column = 'date' | 'start' | 'end' | 'logon' | 'logoff' | 'employment' | 'break' | 'note';

/** Header names as written in the logs we know, compared without case, spaces, '_' or '-'. */
const columnNames: Record<Column, readonly string[]> = {
  date: ['date', '日付', '勤務日'],
  start: ['start', 'starttime', '開始', '開始時刻', '始業', '始業時刻'],
  end: ['end', 'endtime', '終了', '終了時刻', '終業', '終業時刻'],
  logon: ['logon', 'login', 'logontime', 'ログオン', 'ログオン日時', 'ログイン'],
  logoff: ['logoff', 'logout', 'logofftime', 'ログオフ', 'ログオフ日時', 'ログアウト'],
  employment: ['employment', 'employmentid', 'employer', '勤務先'],
  break: ['break', 'breakminutes', '休憩', '休憩分', '休憩(分)', '休憩（分）'],
  note: ['note', 'notes', 'memo', '備考', 'メモ'],
};

const normaliseName = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');

const columnOfName = new Map<string, Column>(
  (Object.entries(columnNames) as [Column, readonly string[]][]).flatMap(([column, names]) =>
    names.map((n) => [normaliseName(n), column] as const),
  ),
);

const EXPECTED_HEADER =
  'expected a header row naming date,start,end (日付,開始,終了) or logon,logoff (ログオン,ログオフ) with full timestamps, and optionally employment, break, note';

type Layout = { format: 'times' | 'timestamps'; columns: Partial<Record<Column, number>> };

/** Which column holds what, or why the header is wrong (every reason at once). */
function readHeader(cells: readonly string[], line: number): Layout | { problem: string } {
  const problems: string[] = [];
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((cell, index) => {
    const column = columnOfName.get(normaliseName(cell));
    if (column === undefined) {
      problems.push(
        cell.trim() === '' ? `column ${index + 1} has no name` : `unknown column "${cell.trim()}"`,
      );
    } else if (columns[column] !== undefined) {
      problems.push(`column "${cell.trim()}" appears twice`);
    } else {
      columns[column] = index;
    }
  });
  const has = (c: Column) => columns[c] !== undefined;
  const times = has('date') || has('start') || has('end');
  const stamps = has('logon') || has('logoff');
  let format: Layout['format'] = 'times';
  if (times && stamps) {
    problems.push('use either date,start,end or logon,logoff, not both');
  } else if (stamps) {
    format = 'timestamps';
    for (const c of ['logon', 'logoff'] as const) if (!has(c)) problems.push(`missing column ${c}`);
  } else {
    for (const c of ['date', 'start', 'end'] as const)
      if (!has(c)) problems.push(`missing column ${c}`);
  }
  if (problems.length > 0) {
    const found = cells.map((c) => c.trim()).join(',');
    return {
      problem: `line ${line}: wrong header (${problems.join('; ')}): ${EXPECTED_HEADER}; found "${found}"`,
    };
  }
  return { format, columns };
}

/** csv-parse's typings do not model `info: true`; this is the shape it returns with it. */
type RecordWithInfo = { record: string[]; info: { lines: number } };

/**
 * Reads a PC/VPN log exported as CSV (UTF-8, a BOM allowed) into timesheet rows. A wrong header
 * rejects the file; a row that cannot be a segment is rejected with its line and why, and the
 * others are still read. The header is the first line that is not blank; blank lines (or lines
 * of empty cells) are skipped. Seconds are dropped:
 * a time counts in the minute it falls in (08:58:59 → 08:58).
 *
 * @example
 * parsePcLogCsv('logon,logoff\n2026-11-16T08:58:00+09:00,2026-11-17T01:10:30+09:00\n')
 * // → { ok: true, format: 'timestamps', rejected: [], rows: [{ line: 2, date: '2026-11-16',
 * //     start: '08:58', end: '25:10', breakMinutes: 0, employment: null, note: null }] }
 */
export function parsePcLogCsv(text: string): PcLogCsv {
  // One line ending throughout, so csv-parse never takes a lone \n inside \r\n text for data.
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: RecordWithInfo[];
  try {
    records = parse(normalised, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as RecordWithInfo[];
  } catch (err) {
    return { ok: false, problem: `not a readable CSV file: ${(err as Error).message}` };
  }
  const [header, ...body] = records.map(({ record, info }) => ({
    // csv-parse reports the line a record ends on; a quoted cell may hold line breaks.
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  if (header === undefined) return { ok: false, problem: `the file is empty: ${EXPECTED_HEADER}` };
  const layout = readHeader(header.cells, header.line);
  if ('problem' in layout) return { ok: false, problem: layout.problem };

  const rows: PcLogRow[] = [];
  const rejected: PcLogLineProblem[] = [];
  for (const { line, cells } of body) {
    if (cells.every((c) => c.trim() === '')) continue;
    const read = readRow(cells, header.cells.length, layout);
    if ('reasons' in read) rejected.push({ line, reason: read.reasons.join('; ') });
    else rows.push({ line, ...read.row });
  }
  return { ok: true, format: layout.format, rows, rejected };
}

function readRow(
  cells: readonly string[],
  headerWidth: number,
  layout: Layout,
): { row: Omit<PcLogRow, 'line'> } | { reasons: string[] } {
  const reasons: string[] = [];
  if (cells.length > headerWidth) {
    reasons.push(`has ${cells.length} cells; the header names ${headerWidth}`);
  }
  const cell = (c: Column) => {
    const index = layout.columns[c];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const times =
    layout.format === 'times'
      ? readTimes(cell('date'), cell('start'), cell('end'), reasons)
      : readTimestamps(cell('logon'), cell('logoff'), reasons);

  let breakMinutes = 0;
  const breakText = cell('break');
  if (breakText !== '') {
    const minutes = readBreakMinutes(breakText);
    if (minutes === null) {
      reasons.push(`break "${breakText}" is not whole minutes (60) or hours and minutes (1:00)`);
    } else {
      breakMinutes = minutes;
      if (times !== null && minutes >= times.endMinute - times.startMinute) {
        reasons.push(
          `break: ${minutes} is not shorter than the segment (${times.endMinute - times.startMinute} min)`,
        );
      }
    }
  }
  const note = cell('note');
  if (note.length > PC_LOG_NOTE_MAX_CHARS) {
    reasons.push(`note is longer than ${PC_LOG_NOTE_MAX_CHARS} characters (${note.length})`);
  }
  if (reasons.length > 0 || times === null) return { reasons };
  const employment = cell('employment');
  return {
    row: {
      date: times.date,
      start: formatClockMinutes(times.startMinute),
      end: formatClockMinutes(times.endMinute),
      breakMinutes,
      employment: employment === '' ? null : employment,
      note: note === '' ? null : note,
    },
  };
}

type Times = { date: string; startMinute: number; endMinute: number };

/**
 * The checks the engine makes on one segment's times (validateLaborInput), in its words, so a
 * row refused here reads the same as a segment refused by the save route.
 */
function checkSpan(times: Times, reasons: string[]): Times | null {
  const { startMinute: start, endMinute: end } = times;
  if (end < start) {
    reasons.push(
      `end ${formatClockMinutes(end)} is before start ${formatClockMinutes(start)} (write a shift past midnight as ${formatClockMinutes(end + MINUTES_PER_DAY)})`,
    );
  } else if (end === start) {
    reasons.push(`end ${formatClockMinutes(end)} is the same as start`);
  } else if (end - start > MINUTES_PER_DAY) {
    reasons.push(`lasts more than 24 h (${formatClockMinutes(start)}–${formatClockMinutes(end)})`);
  } else {
    return times;
  }
  return null;
}

function readTimes(
  dateText: string,
  startText: string,
  endText: string,
  reasons: string[],
): Times | null {
  const before = reasons.length;
  const date = readDate(dateText);
  if (date === null) {
    reasons.push(
      dateText === ''
        ? 'date is empty'
        : `date "${dateText}" is not a date (YYYY-MM-DD or YYYY/MM/DD)`,
    );
  }
  const start = readClock(startText);
  if (start === null || start >= MINUTES_PER_DAY) {
    reasons.push(
      startText === ''
        ? 'start is empty'
        : `start "${startText}" is not a time from 00:00 to 23:59`,
    );
  }
  const end = readClock(endText);
  if (end === null || end > MAX_END_MINUTE) {
    reasons.push(
      endText === ''
        ? 'end is empty'
        : `end "${endText}" is not a time from 00:00 to 47:59 (past midnight as 24:00 and on)`,
    );
  }
  if (reasons.length > before || date === null || start === null || end === null) return null;
  return checkSpan({ date, startMinute: start, endMinute: end }, reasons);
}

function readTimestamps(logonText: string, logoffText: string, reasons: string[]): Times | null {
  const before = reasons.length;
  const logon = readTimestampMinutes(logonText);
  if (logon === null) reasons.push(timestampProblem('logon', logonText));
  const logoff = readTimestampMinutes(logoffText);
  if (logoff === null) reasons.push(timestampProblem('logoff', logoffText));
  if (reasons.length > before || logon === null || logoff === null) return null;
  const day = Math.floor((logon + TOKYO_OFFSET_MIN) / MINUTES_PER_DAY);
  const midnight = day * MINUTES_PER_DAY - TOKYO_OFFSET_MIN;
  const times = {
    date: formatIsoDate(day),
    startMinute: logon - midnight,
    endMinute: logoff - midnight,
  };
  if (logoff <= logon) {
    reasons.push(`logoff ${logoffText} is not after logon ${logonText}`);
    return null;
  }
  if (times.endMinute > MAX_END_MINUTE) {
    reasons.push(
      `logoff ${logoffText} is later than 23:59 on the day after the logon (a segment ends by 47:59 of its day)`,
    );
    return null;
  }
  return checkSpan(times, reasons);
}

function timestampProblem(column: 'logon' | 'logoff', text: string): string {
  return text === ''
    ? `${column} is empty`
    : `${column} "${text}" is not a timestamp such as 2026-11-16T08:58:00+09:00`;
}

/** YYYY-MM-DD, or YYYY/M/D as Japanese spreadsheets write it; null unless a real date. */
function readDate(text: string): string | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return parseIsoDate(iso) === null ? null : iso;
}

/** H:MM or HH:MM, seconds allowed and dropped; minutes after midnight (hours up to 99). */
function readClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[2]);
  if (minutes > 59 || Number(match[3] ?? 0) > 59) return null;
  return Number(match[1]) * 60 + minutes;
}

function readBreakMinutes(text: string): number | null {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  return readClock(text);
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Minutes since 1970-01-01T00:00Z of an ISO 8601 timestamp; one without an offset is Tokyo
 * time (PC logs written on a Japanese machine often leave it out). Null unless a real instant.
 */
function readTimestampMinutes(text: string): number | null {
  const match = TIMESTAMP.exec(text.replace(/\//g, '-'));
  if (!match) return null;
  const day = parseIsoDate(`${match[1]}-${match[2]}-${match[3]}`);
  const hours = Number(match[4]);
  const minutes = Number(match[5]);
  if (day === null || hours > 23 || minutes > 59 || Number(match[6] ?? 0) > 59) return null;
  let offset = TOKYO_OFFSET_MIN;
  const zone = match[7];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const zoneMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    if (Number(digits.slice(3, 5)) > 59 || zoneMinutes > 14 * 60) return null;
    offset = digits[0] === '-' ? -zoneMinutes : zoneMinutes;
  } else if (zone !== undefined) {
    offset = 0;
  }
  return day * MINUTES_PER_DAY + hours * 60 + minutes - offset;
}

/** A row ready for a week: its employment resolved. */
export type PcLogSegmentRow = PcLogRow & { employmentId: string };

/**
 * Puts the rows into timesheet weeks (Monday to Sunday, by the row's date) and resolves each
 * row's employment: the employment column names one of the worker's employments by id or by
 * employer name (case and surrounding spaces ignored); an empty or absent column takes
 * `defaultEmploymentId`. A name that matches none or several is a problem of that line.
 *
 * @example
 * planPcLogImport([{ line: 2, date: '2026-11-18', …, employment: null }],
 *   { employments: [{ id: 'e1', employerName: 'みらいソフト' }], defaultEmploymentId: 'e1' })
 * // → { weeks: [{ weekStart: '2026-11-16', rows: [{ line: 2, …, employmentId: 'e1' }] }], problems: [] }
 */
export function planPcLogImport(
  rows: readonly PcLogRow[],
  opts: {
    employments: readonly { id: string; employerName: string }[];
    defaultEmploymentId: string;
  },
): { weeks: { weekStart: string; rows: PcLogSegmentRow[] }[]; problems: PcLogLineProblem[] } {
  const problems: PcLogLineProblem[] = [];
  const byWeek = new Map<string, PcLogSegmentRow[]>();
  const key = (name: string) => name.trim().toLowerCase();
  for (const row of rows) {
    let employmentId = opts.defaultEmploymentId;
    if (row.employment !== null) {
      const byId = opts.employments.find((e) => e.id === row.employment);
      const byName = opts.employments.filter((e) => key(e.employerName) === key(row.employment!));
      if (byId) employmentId = byId.id;
      else if (byName.length === 1) employmentId = byName[0]!.id;
      else {
        problems.push({
          line: row.line,
          reason:
            byName.length === 0
              ? `employment "${row.employment}" is not one of your employments (write its id or its employer's name)`
              : `employment "${row.employment}" names ${byName.length} of your employments; write the employment's id`,
        });
        continue;
      }
    }
    const weekStart = mondayOf(row.date);
    const weekRows = byWeek.get(weekStart) ?? [];
    weekRows.push({ ...row, employmentId });
    byWeek.set(weekStart, weekRows);
  }
  const weeks = [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, weekRows]) => ({ weekStart, rows: weekRows }));
  return { weeks, problems };
}

function mondayOf(date: string): string {
  const day = parseIsoDate(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return formatIsoDate(day - ((weekdayOf(day) + 6) % 7));
}
