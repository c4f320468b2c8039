/**
 * The life of a timesheet week (issue 4): the worker fills it in and submits it; the employer
 * approves it or sends it back with a comment; a week sent back is edited and submitted again.
 * Pure rules on plain values: the API asks them before writing and answers 409 when they say no.
 */
import { formatIsoDate, parseIsoDate, weekdayOf } from './labor-calendar';

export const timesheetStatusList = [
  'draft',
  'submitted',
  'approved',
  'correction_requested',
] as const;
export type TimesheetStatus = (typeof timesheetStatusList)[number];

export type TimesheetAction =
  'edit' | 'copy_previous' | 'submit' | 'approve' | 'request_correction';

export type TimesheetDecision =
  { ok: true; status: TimesheetStatus } | { ok: false; reason: string };

/**
 * The states in which the employer sees a week: from its first submission on. A draft is the
 * worker's own until it is handed in; a week sent back stays visible while it is corrected.
 */
export const employerVisibleStatuses: readonly TimesheetStatus[] = [
  'submitted',
  'approved',
  'correction_requested',
];

/** Whether the worker may still change the week's segments. */
export function isTimesheetEditable(status: TimesheetStatus): boolean {
  return status === 'draft' || status === 'correction_requested';
}

/**
 * What an action does to a week in `status` holding `segmentCount` current segments.
 *
 * - edit (save): only while the worker holds the week (draft, correction requested); the
 *   status does not change — a week sent back stays "correction requested" until resubmitted.
 * - copy_previous: the same, and only into a week without segments (it never merges).
 * - submit: the same states, and only with at least one segment.
 * - approve, request_correction: only a submitted week; the employer acts on what was handed in.
 *
 * @example
 * decideTimesheetAction('approved', 'edit', 3)
 * // → { ok: false, reason: 'the week is approved; only a draft or a week sent back for correction can change' }
 */
export function decideTimesheetAction(
  status: TimesheetStatus,
  action: TimesheetAction,
  segmentCount: number,
): TimesheetDecision {
  const held = isTimesheetEditable(status);
  const label = status.replace('_', ' ');
  switch (action) {
    case 'edit':
      return held
        ? { ok: true, status }
        : {
            ok: false,
            reason: `the week is ${label}; only a draft or a week sent back for correction can change`,
          };
    case 'copy_previous':
      if (!held) return decideTimesheetAction(status, 'edit', segmentCount);
      if (segmentCount > 0) {
        return { ok: false, reason: 'it already has segments; copying fills an empty week only' };
      }
      return { ok: true, status };
    case 'submit':
      if (!held) return { ok: false, reason: `the week is already ${label}` };
      if (segmentCount === 0) return { ok: false, reason: 'the week has no work to submit' };
      return { ok: true, status: 'submitted' };
    case 'approve':
    case 'request_correction':
      if (status !== 'submitted') {
        return { ok: false, reason: `the week is ${label}; only a submitted week can be reviewed` };
      }
      return { ok: true, status: action === 'approve' ? 'approved' : 'correction_requested' };
  }
}

/**
 * Why `text` cannot start a timesheet week, or null when it can: weeks run Monday to Sunday.
 * @example describeWeekStartProblem('2026-11-04') // → 'must be a Monday (2026-11-04 is a Wednesday)'
 */
export function describeWeekStartProblem(text: string): string | null {
  const day = parseIsoDate(text);
  if (day === null) return `not a date (YYYY-MM-DD), got "${text}"`;
  const weekday = weekdayOf(day);
  if (weekday === 1) return null;
  return `must be a Monday (${text} is a ${weekdayNames[weekday]})`;
}

const weekdayNames = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/**
 * The date `days` after (or before, if negative) a real 'YYYY-MM-DD' date.
 * @example shiftIsoDate('2026-11-02', -7) // → '2026-10-26'
 */
export function shiftIsoDate(date: string, days: number): string {
  const day = parseIsoDate(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return formatIsoDate(day + days);
}

/** The seven dates of the week that starts on `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => shiftIsoDate(weekStart, i));
}

/**
 * The first and last day of a 'YYYY-MM' month.
 * @example monthBounds('2026-02') // → { first: '2026-02-01', last: '2026-02-28' }
 */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next =
    monthNumber === 12
      ? `${year + 1}-01-01`
      : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  return { first, last: shiftIsoDate(next, -1) };
}

/**
 * The first day of the month `count` months before a 'YYYY-MM' month.
 * @example monthsBefore('2026-11', 12) // → '2025-11-01'
 */
export function monthsBefore(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + monthNumber - 1 - count;
  const y = Math.floor(index / 12);
  return `${y}-${String(index - y * 12 + 1).padStart(2, '0')}-01`;
}
