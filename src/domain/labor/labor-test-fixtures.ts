/**
 * Builders for the working-time tests: employers, segments and whole months of work, so each
 * test states only what it is about.
 */
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  formatClockMinutes,
  formatIsoDate,
  weekdayOf,
} from './labor-calendar';
import type { LaborEmployer, LaborInput, WorkSegment } from './labor-input';
import type { LaborEmployerReport, LaborMonthReport, LaborReport } from './labor-report';

/** An employee whose week starts on Sunday, Sunday its legal holiday, ¥1,000 an hour. */
export function employee(
  id: string,
  contractSignedOn: string,
  overrides: Partial<LaborEmployer> = {},
): LaborEmployer {
  return {
    id,
    contractSignedOn,
    relation: 'employee',
    weekStartsOn: 'sunday',
    legalHoliday: 'sunday',
    hourlyWageYen: 1000,
    ...overrides,
  };
}

/** Contracted work without a break unless told otherwise. */
export function work(
  employer: string,
  date: string,
  start: string,
  end: string,
  options: { contracted?: boolean; breakMinutes?: number } = {},
): WorkSegment {
  return {
    employer,
    date,
    start,
    end,
    breakMinutes: options.breakMinutes ?? 0,
    contracted: options.contracted ?? true,
  };
}

export function beyondContract(
  employer: string,
  date: string,
  start: string,
  end: string,
): WorkSegment {
  return work(employer, date, start, end, { contracted: false });
}

export function principle(employers: LaborEmployer[], segments: WorkSegment[]): LaborInput {
  return { method: 'principle', employers, work: segments };
}

export function employerReport(report: LaborReport, id: string): LaborEmployerReport {
  const found = report.employers.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no employer ${id} in the report`);
  return found;
}

export function monthReport(report: LaborReport, id: string, month: string): LaborMonthReport {
  const found = employerReport(report, id).months.find((m) => m.month === month);
  if (found === undefined) throw new Error(`no month ${month} for ${id} in the report`);
  return found;
}

/** The Monday-to-Friday dates of a month, as 'YYYY-MM-DD'. */
export function weekdaysOfMonth(year: number, month: number): string[] {
  const dates: string[] = [];
  for (let day = dayNumberFromCivil(year, month, 1); ; day++) {
    if (civilFromDayNumber(day).month !== month) break;
    const weekday = weekdayOf(day);
    if (weekday >= 1 && weekday <= 5) dates.push(formatIsoDate(day));
  }
  return dates;
}

/** Every date of a month of the given weekday (0 = Sunday), as 'YYYY-MM-DD'. */
export function datesOfWeekday(year: number, month: number, weekday: number): string[] {
  const dates: string[] = [];
  for (let day = dayNumberFromCivil(year, month, 1); ; day++) {
    if (civilFromDayNumber(day).month !== month) break;
    if (weekdayOf(day) === weekday) dates.push(formatIsoDate(day));
  }
  return dates;
}

/**
 * One employer's month: 08:00–16:00 contracted on every weekday, and `overtimeMinutes` of daily
 * 時間外 in daytime stretches of at most 6 h (16:00–22:00) after it, from the first weekday on.
 */
export function monthWithDailyOvertime(
  employer: string,
  year: number,
  month: number,
  overtimeMinutes: number,
): WorkSegment[] {
  const segments: WorkSegment[] = [];
  let remaining = overtimeMinutes;
  for (const date of weekdaysOfMonth(year, month)) {
    segments.push(work(employer, date, '08:00', '16:00'));
    const minutes = Math.min(remaining, 360);
    if (minutes > 0) {
      segments.push(beyondContract(employer, date, '16:00', formatClockMinutes(960 + minutes)));
      remaining -= minutes;
    }
  }
  if (remaining > 0) throw new Error(`${overtimeMinutes} min do not fit in ${year}-${month}`);
  return segments;
}

/**
 * A year of one person's timesheet at two employers, for performance checks: A 09:00–18:00 on
 * weekdays with some evenings beyond the contract, B on alternate weekday nights (past 22:00)
 * and on Saturdays — about 550 segments.
 */
export function twoEmployerYear(seed = 0): LaborInput {
  const segments: WorkSegment[] = [];
  const first = dayNumberFromCivil(2026, 4, 1);
  for (let day = first; day < first + 365; day++) {
    const weekday = weekdayOf(day);
    const date = formatIsoDate(day);
    if (weekday >= 1 && weekday <= 5) {
      segments.push(work('A', date, '09:00', '18:00', { breakMinutes: 60 }));
      if ((day + seed) % 3 === 0) segments.push(beyondContract('A', date, '18:00', '19:30'));
      if (weekday % 2 === 1) segments.push(work('B', date, '20:00', '23:30'));
    } else if (weekday === 6) {
      segments.push(work('B', date, '10:00', '16:00', { breakMinutes: 30 }));
    }
  }
  return principle(
    [
      employee('A', '2017-04-01', { hourlyWageYen: 1500 }),
      employee('B', '2021-04-01', { weekStartsOn: 'monday', hourlyWageYen: 1100 }),
    ],
    segments,
  );
}
