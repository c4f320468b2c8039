/**
 * The timesheet cut into pieces that are each uniform in everything a premium depends on: the
 * calendar day (a legal holiday is a calendar day, 0:00–24:00) and night or not (22:00–05:00).
 * The overtime rules then work on minute counts per piece, never on single minutes.
 */
import {
  MINUTES_PER_DAY,
  monthIndexOfDay,
  parseClockMinutes,
  parseIsoDate,
  weekdayIndex,
  weekdayOf,
} from './labor-calendar';
import type { LaborInput } from './labor-input';
import { NIGHT_END_MINUTE, NIGHT_START_MINUTE } from './labor-rules';

export type WorkPiece = {
  /** Index into `input.employers`. */
  employer: number;
  /** Index into `input.work`. */
  segment: number;
  /** Minutes since 1970-01-01 00:00 Tokyo time. */
  startMinute: number;
  /**
   * The day the 8-hour day and the week count this piece in. A shift past midnight is one
   * shift of the day it began (昭63.1.1 基発1号), except that a legal holiday is a calendar day
   * (昭23.4.5 基発535号): after a shift that began on the legal holiday, the hours past midnight
   * belong to the next day.
   */
  workDay: number;
  /** Month index (year × 12 + month − 1) of `workDay`. */
  month: number;
  workedMinutes: number;
  night: boolean;
  /** On the employer's own legal holiday; only employees have one. */
  legalHoliday: boolean;
  contracted: boolean;
};

/**
 * Cuts every segment at 05:00, 22:00 and midnight, takes its break out, and orders the pieces
 * by work day and then start time.
 *
 * Where in a segment the break was taken is not recorded. The engine takes it out of the day
 * (non-night) minutes first, earliest first, then out of the night minutes: the reading that
 * never under-counts the night premium.
 *
 * @example
 * buildWorkTimeline({ method: 'principle', employers: [{ id: 'A', contractSignedOn: '2017-04-01',
 *   relation: 'employee', weekStartsOn: 'sunday', legalHoliday: 'sunday', hourlyWageYen: 1000 }],
 *   work: [{ employer: 'A', date: '2026-11-02', start: '20:00', end: '23:00', breakMinutes: 0,
 *   contracted: true }] }).map((p) => [p.workedMinutes, p.night]) // → [[120, false], [60, true]]
 */
export function buildWorkTimeline(input: LaborInput): WorkPiece[] {
  const employerIndex = new Map<string, number>();
  const holidayWeekday: number[] = [];
  input.employers.forEach((employer, index) => {
    employerIndex.set(employer.id, index);
    holidayWeekday.push(
      employer.relation === 'employee' && employer.legalHoliday !== undefined
        ? weekdayIndex(employer.legalHoliday)
        : -1,
    );
  });

  const pieces: WorkPiece[] = [];
  let cachedDay = Number.NaN;
  let cachedMonth = 0;
  const monthOf = (day: number): number => {
    if (day !== cachedDay) {
      cachedDay = day;
      cachedMonth = monthIndexOfDay(day);
    }
    return cachedMonth;
  };

  for (let segment = 0; segment < input.work.length; segment++) {
    const entry = input.work[segment]!;
    const employer = employerIndex.get(entry.employer);
    const startDay = parseIsoDate(entry.date);
    const startClock = parseClockMinutes(entry.start, 23);
    const endClock = parseClockMinutes(entry.end, 47);
    if (employer === undefined || startDay === null || startClock === null || endClock === null) {
      continue; // validateLaborInput reports these; the engine never sees them
    }
    const holiday = holidayWeekday[employer]!;
    const startHoliday = holiday >= 0 && weekdayOf(startDay) === holiday;
    const segmentStart = startDay * MINUTES_PER_DAY + startClock;
    const segmentEnd = startDay * MINUTES_PER_DAY + endClock;
    const first = pieces.length;

    let cursor = segmentStart;
    while (cursor < segmentEnd) {
      const day = Math.floor(cursor / MINUTES_PER_DAY);
      const dayStart = day * MINUTES_PER_DAY;
      const clock = cursor - dayStart;
      const boundary =
        clock < NIGHT_END_MINUTE
          ? NIGHT_END_MINUTE
          : clock < NIGHT_START_MINUTE
            ? NIGHT_START_MINUTE
            : MINUTES_PER_DAY;
      const pieceEnd = Math.min(segmentEnd, dayStart + boundary);
      const legalHoliday = holiday >= 0 && weekdayOf(day) === holiday;
      const workDay = legalHoliday || startHoliday ? day : startDay;
      pieces.push({
        employer,
        segment,
        startMinute: cursor,
        workDay,
        month: monthOf(workDay),
        workedMinutes: pieceEnd - cursor,
        night: clock < NIGHT_END_MINUTE || clock >= NIGHT_START_MINUTE,
        legalHoliday,
        contracted: entry.contracted,
      });
      cursor = pieceEnd;
    }
    takeBreak(pieces, first, entry.breakMinutes);
  }

  // Stable, so pieces that start together keep the input's order.
  pieces.sort((a, b) => a.workDay - b.workDay || a.startMinute - b.startMinute);
  return pieces;
}

function takeBreak(pieces: WorkPiece[], first: number, breakMinutes: number): void {
  let remaining = breakMinutes;
  for (const night of [false, true]) {
    for (let i = first; i < pieces.length && remaining > 0; i++) {
      const piece = pieces[i]!;
      if (piece.night !== night) continue;
      const taken = Math.min(remaining, piece.workedMinutes);
      piece.workedMinutes -= taken;
      remaining -= taken;
    }
  }
}
