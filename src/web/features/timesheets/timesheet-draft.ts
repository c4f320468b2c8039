import type { z } from 'zod';
import type {
  segmentInput,
  segmentSources,
  TimesheetWeekView,
  workLocations,
} from '../../../contracts/labor';
import { formatClockMinutes } from '../../../domain/labor/labor-calendar';
import type { ApiErrorDetail } from '../../lib/api-client';

/**
 * The editable week on the worker's timesheet: rows as typed, their conversion to the API's
 * segments (an end past midnight becomes 24:00–47:59), the week's totals, and the server's
 * validation errors put back on the rows they name.
 */

export type SegmentInput = z.infer<typeof segmentInput>;
export type SegmentView = TimesheetWeekView['segments'][number];
export type WorkLocation = (typeof workLocations)[number];
export type SegmentSource = (typeof segmentSources)[number];

// A value per location keeps this list complete when the contract gains one (contracts hold
// zod, which stays out of the bundle, so the list cannot be imported from there).
const locationsByKey: { [K in WorkLocation]: K } = {
  office: 'office',
  home: 'home',
  satellite: 'satellite',
  workation: 'workation',
  client_site: 'client_site',
  other: 'other',
};
export const workLocationList: readonly WorkLocation[] = Object.values(locationsByKey);

export const MINUTES_PER_DAY = 1440;
/** The latest end the API reads: 47:59, i.e. 23:59 the next day. */
const MAX_END_MINUTES = 2 * MINUTES_PER_DAY - 1;

/** One segment row as the person is typing it. */
export type DraftRow = {
  key: string;
  date: string;
  employmentId: string;
  /** As typed; normalised to HH:MM when the field loses focus. */
  start: string;
  /** The clock time of the end (00:00–23:59) as typed; `nextDay` says it is the next morning. */
  end: string;
  nextDay: boolean;
  breakMinutes: string;
  contracted: boolean;
  location: WorkLocation;
  municipalityCode: string;
  /** Kept as the server had it unless the person changes the recorded times (see applyRowEdit). */
  source: SegmentSource;
  note: string | null;
};

export type RowField =
  | 'employmentId'
  | 'start'
  | 'end'
  | 'breakMinutes'
  | 'contracted'
  | 'location'
  | 'municipalityCode';

/** Keys of the messages in the catalogs under timesheet.rowErrors. */
export type RowErrorKey =
  | 'employmentRequired'
  | 'timeFormat'
  | 'startRange'
  | 'endRange'
  | 'endNotAfterStart'
  | 'breakFormat'
  | 'breakTooLong'
  | 'municipalityFormat';

/**
 * Minutes after midnight of a time as people type it: '9', '930', '0930', '9:30', full-width
 * '９：３０', or past midnight '26:00'. Null when it is not a time (at most 47:59).
 * @example parseClockText('９：３０') // → 570
 */
export function parseClockText(text: string): number | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  let match = /^(\d{1,2}):(\d{2})$/.exec(s);
  if (!match) match = /^(\d{1,2})(\d{2})$/.exec(s);
  const hours = Number(match ? match[1] : /^\d{1,2}$/.test(s) ? s : NaN);
  const minutes = match ? Number(match[2]) : 0;
  if (!Number.isInteger(hours) || hours > 47 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** A typed start normalised for display ('930' → '09:30'); left as typed when it is not a time. */
export function normaliseStart(text: string): string {
  const minutes = parseClockText(text);
  return minutes === null ? text : formatClockMinutes(minutes);
}

/**
 * A typed end normalised for display: '26:00' becomes 02:00 the next day, and an end at or
 * before the start is read as the next day too (a night shift typed 22:00–02:00).
 */
export function normaliseEnd(row: Pick<DraftRow, 'start' | 'end' | 'nextDay'>): {
  end: string;
  nextDay: boolean;
} {
  const end = parseClockText(row.end);
  if (end === null) return { end: row.end, nextDay: row.nextDay };
  if (end >= MINUTES_PER_DAY)
    return { end: formatClockMinutes(end - MINUTES_PER_DAY), nextDay: true };
  const start = parseClockText(row.start);
  const nextDay = row.nextDay || (start !== null && start < MINUTES_PER_DAY && end < start);
  return { end: formatClockMinutes(end), nextDay };
}

/**
 * How the API writes an end: minutes after the start day's midnight, past 24:00 for the next day.
 * @example endForApi('02:00', true) // → '26:00'
 */
export function endForApi(end: string, nextDay: boolean): string | null {
  const minutes = parseClockText(end);
  if (minutes === null) return null;
  const total = minutes >= MINUTES_PER_DAY || !nextDay ? minutes : minutes + MINUTES_PER_DAY;
  return total > MAX_END_MINUTES ? null : formatClockMinutes(total);
}

/** An API end ('26:00') as the clock shows it, and whether it is the next day. */
export function splitApiEnd(end: string): { end: string; nextDay: boolean } {
  const minutes = parseClockText(end);
  if (minutes === null || minutes < MINUTES_PER_DAY) return { end, nextDay: false };
  return { end: formatClockMinutes(minutes - MINUTES_PER_DAY), nextDay: true };
}

/**
 * A row after an edit. Changing what an objective record says (a PC log, a check-in) makes the
 * row the person's own statement: its source becomes 'self', so the objective record stays
 * distinguishable (the original remains in the week's history once saved).
 */
export function applyRowEdit(before: DraftRow, after: DraftRow): DraftRow {
  if (before.source === 'self') return after;
  const timesChanged =
    before.date !== after.date ||
    before.employmentId !== after.employmentId ||
    before.start !== after.start ||
    before.end !== after.end ||
    before.nextDay !== after.nextDay ||
    before.breakMinutes !== after.breakMinutes;
  return timesChanged ? { ...after, source: 'self' } : after;
}

export function draftFromSegment(segment: SegmentView, key: string): DraftRow {
  const { end, nextDay } = splitApiEnd(segment.end);
  return {
    key,
    date: segment.date,
    employmentId: segment.employmentId,
    start: segment.start,
    end,
    nextDay,
    breakMinutes: String(segment.breakMinutes),
    contracted: segment.contracted,
    location: segment.location,
    municipalityCode: segment.municipalityCode ?? '',
    source: segment.source,
    note: segment.note,
  };
}

type Converted =
  | { ok: true; segment: SegmentInput }
  | { ok: false; errors: Partial<Record<RowField, RowErrorKey>> };

/** The API segment of a row, or what is wrong with it (before anything is sent). */
export function segmentFromDraft(row: DraftRow): Converted {
  const errors: Partial<Record<RowField, RowErrorKey>> = {};
  if (!row.employmentId) errors.employmentId = 'employmentRequired';
  const start = parseClockText(row.start);
  if (start === null) errors.start = 'timeFormat';
  else if (start >= MINUTES_PER_DAY) errors.start = 'startRange';
  const { end: endClock, nextDay } = normaliseEnd(row);
  const end = endForApi(endClock, nextDay);
  if (parseClockText(row.end) === null) errors.end = 'timeFormat';
  else if (end === null) errors.end = 'endRange';
  const breakText = row.breakMinutes.normalize('NFKC').trim();
  const breakMinutes = breakText === '' ? 0 : Number(breakText);
  if (!Number.isInteger(breakMinutes) || breakMinutes < 0) errors.breakMinutes = 'breakFormat';
  const code = row.municipalityCode.normalize('NFKC').trim();
  if (code !== '' && !/^\d{6}$/.test(code)) errors.municipalityCode = 'municipalityFormat';
  if (start !== null && end !== null && !errors.start && !errors.end) {
    const span = (parseClockText(end) ?? 0) - start;
    if (span <= 0) errors.end = 'endNotAfterStart';
    else if (!errors.breakMinutes && breakMinutes >= span) errors.breakMinutes = 'breakTooLong';
  }
  if (Object.keys(errors).length > 0 || start === null || end === null)
    return { ok: false, errors };
  return {
    ok: true,
    segment: {
      employmentId: row.employmentId,
      date: row.date,
      start: formatClockMinutes(start),
      end,
      breakMinutes,
      contracted: row.contracted,
      location: row.location,
      municipalityCode: code === '' ? null : code,
      source: row.source,
      note: row.note,
    },
  };
}

/** Worked minutes of a row (span less break), or null while it is incomplete. */
export function rowWorkedMinutes(row: DraftRow): number | null {
  const converted = segmentFromDraft(row);
  if (!converted.ok) return null;
  const { start, end, breakMinutes } = converted.segment;
  return (parseClockText(end) ?? 0) - (parseClockText(start) ?? 0) - breakMinutes;
}

export type WeekTotals = {
  workedMinutes: number;
  contractedMinutes: number;
  beyondMinutes: number;
};

/** What the week adds up to: all work, within the contracted hours (所定内), and beyond (所定外). */
export function weekTotals(rows: readonly DraftRow[]): WeekTotals {
  let contractedMinutes = 0;
  let beyondMinutes = 0;
  for (const row of rows) {
    const minutes = rowWorkedMinutes(row) ?? 0;
    if (row.contracted) contractedMinutes += minutes;
    else beyondMinutes += minutes;
  }
  return { workedMinutes: contractedMinutes + beyondMinutes, contractedMinutes, beyondMinutes };
}

/** Rows in the order they are sent (and shown): by day of the week, then as entered. */
export function orderRows(rows: readonly DraftRow[], dates: readonly string[]): DraftRow[] {
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (dayIndex.get(a.row.date) ?? 0) - (dayIndex.get(b.row.date) ?? 0) || a.i - b.i)
    .map(({ row }) => row);
}

/**
 * A new row for a day, filled in for fast entry: after the day's last row (same employer, from
 * its end), or as the latest earlier day's first row (Monday's 09:00–18:00 carries to Tuesday).
 */
export function prefillRow(
  rows: readonly DraftRow[],
  dates: readonly string[],
  date: string,
  defaultEmploymentId: string,
  key: string,
): DraftRow {
  const ordered = orderRows(rows, dates);
  const sameDay = ordered.filter((r) => r.date === date);
  const lastOfDay = sameDay[sameDay.length - 1];
  if (lastOfDay) {
    return {
      ...lastOfDay,
      key,
      start: lastOfDay.nextDay ? '' : lastOfDay.end,
      end: '',
      nextDay: false,
      breakMinutes: '0',
      source: 'self',
      note: null,
    };
  }
  const dayIndex = dates.indexOf(date);
  for (let i = dayIndex - 1; i >= 0; i--) {
    const first = ordered.find((r) => r.date === dates[i]);
    if (first) return { ...first, key, date, source: 'self', note: null };
  }
  return {
    key,
    date,
    employmentId: defaultEmploymentId,
    start: '',
    end: '',
    nextDay: false,
    breakMinutes: '60',
    contracted: true,
    location: 'office',
    municipalityCode: '',
    source: 'self',
    note: null,
  };
}

export type RowProblems = {
  fields: Partial<Record<RowField, string>>;
  /** Problems of the row as a whole (an overlap), or of a field the form does not show. */
  row: string[];
};

const editableFields: ReadonlySet<string> = new Set<RowField>([
  'employmentId',
  'start',
  'end',
  'breakMinutes',
  'contracted',
  'location',
  'municipalityCode',
]);

/**
 * Puts the server's validation details back on the rows they name. `sentKeys[i]` is the row
 * that was sent as segments[i]; a detail naming no row is returned in `unmatched`. Another row
 * named inside a message is replaced by `describeRow` of it ('11月16日(月) 1 行目'), and
 * `localise` may then say a message it knows in the reader's language.
 * @example problemsFromDetails([{ path: 'body.segments[1].end', message: 'overlaps' }], ['a', 'b'])
 * // → { byRow: Map { 'b' → { fields: { end: 'overlaps' }, row: [] } }, unmatched: [] }
 */
export function problemsFromDetails(
  details: readonly ApiErrorDetail[],
  sentKeys: readonly string[],
  describeRow: (key: string) => string | null = () => null,
  localise: (message: string) => string = (message) => message,
): { byRow: Map<string, RowProblems>; unmatched: ApiErrorDetail[] } {
  const byRow = new Map<string, RowProblems>();
  const unmatched: ApiErrorDetail[] = [];
  for (const raw of details) {
    // "overlaps segments[0] at …" names a row by its place in the request: say which row it is.
    const detail = {
      ...raw,
      message: localise(
        raw.message.replace(/segments\[(\d+)\]/g, (text, index: string) => {
          const key = sentKeys[Number(index)];
          return (key !== undefined && describeRow(key)) || text;
        }),
      ),
    };
    const match = /segments\[(\d+)\](?:\.(\w+))?/.exec(detail.path);
    const key = match ? sentKeys[Number(match[1])] : undefined;
    if (!match || key === undefined) {
      unmatched.push(detail);
      continue;
    }
    const problems = byRow.get(key) ?? { fields: {}, row: [] };
    const field = match[2];
    if (field && editableFields.has(field)) {
      const name = field as RowField;
      problems.fields[name] = problems.fields[name]
        ? `${problems.fields[name]} / ${detail.message}`
        : detail.message;
    } else {
      problems.row.push(field ? `${field}: ${detail.message}` : detail.message);
    }
    byRow.set(key, problems);
  }
  return { byRow, unmatched };
}

/** Replaced segments grouped by when a save replaced them, newest first. */
export function groupHistory(
  history: TimesheetWeekView['history'],
): Array<{ replacedAt: string; segments: TimesheetWeekView['history'] }> {
  const groups = new Map<string, TimesheetWeekView['history']>();
  for (const segment of history) {
    const group = groups.get(segment.replacedAt) ?? [];
    group.push(segment);
    groups.set(segment.replacedAt, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([replacedAt, segments]) => ({ replacedAt, segments }));
}

/** Whether the worker may still change the week. */
export function isEditable(status: TimesheetWeekView['status']): boolean {
  return status === 'draft' || status === 'correction_requested';
}

/** The reviewer's latest request for correction, if that is where the week stands. */
export function latestCorrectionRequest(
  week: Pick<TimesheetWeekView, 'status' | 'events'>,
): TimesheetWeekView['events'][number] | null {
  if (week.status !== 'correction_requested') return null;
  const requests = week.events.filter((e) => e.event === 'correction_requested');
  return [...requests].sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
}
