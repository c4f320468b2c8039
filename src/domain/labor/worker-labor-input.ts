/**
 * From what the platform stores about a worker — their employments and timesheet segments — to
 * the engine's `LaborInput`, and the checks a timesheet or an employment must pass before it is
 * stored. Every check goes through `validateLaborInput`, so the API says exactly what the engine
 * and the `tsunagu labor check` CLI would say, only addressed to the request's own fields.
 */
import type { Weekday } from './labor-calendar';
import type { Agreement36, LaborEmployer, LaborRelation, WorkSegment } from './labor-input';
import { validateLaborInput, type LaborInputValidation } from './validate-labor-input';

/** The 36 agreement as an employer files it on the platform. */
export type Agreement36Setting =
  | { mode: 'standard' }
  | { mode: 'none' }
  | {
      mode: 'custom';
      specialClause: boolean;
      monthlyLimitMinutes?: number;
      yearlyLimitMinutes?: number;
      yearStartMonth?: number;
    };

/** The terms of one employment or engagement that the working-time rules read. */
export type EmploymentTerms = {
  relation: LaborRelation;
  contractSignedOn: string;
  weekStartsOn: Weekday | null;
  legalHoliday: Weekday | null;
  hourlyWageYen: number | null;
  monthlyCapMinutes: number | null;
  agreement36: Agreement36Setting;
};

/** A stored employment: its id is the engine's employer id. */
export type WorkerEmployment = EmploymentTerms & { id: string; employerName: string };

/** One timesheet segment as the worker writes it (times 'HH:MM', ends up to '47:59'). */
export type TimesheetSegment = {
  employmentId: string;
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
  contracted: boolean;
};

/** A problem with one field of a request: `field` null means the entry as a whole. */
export type FieldProblem = { field: string | null; message: string };
export type SegmentProblem = FieldProblem & { index: number };

/**
 * The agreement in the engine's terms: 'standard' is the legal limits without a special clause
 * (the engine's default when absent), 'none' is no agreement filed (null).
 */
export function toAgreement36(setting: Agreement36Setting): Agreement36 | null | undefined {
  if (setting.mode === 'standard') return undefined;
  if (setting.mode === 'none') return null;
  const agreement: Agreement36 = { specialClause: setting.specialClause };
  if (setting.monthlyLimitMinutes !== undefined) {
    agreement.monthlyLimitMinutes = setting.monthlyLimitMinutes;
  }
  if (setting.yearlyLimitMinutes !== undefined) {
    agreement.yearlyLimitMinutes = setting.yearlyLimitMinutes;
  }
  if (setting.yearStartMonth !== undefined) agreement.yearStartMonth = setting.yearStartMonth;
  return agreement;
}

/**
 * An employment as the engine's employer; fields the employment does not have are left out
 * (the engine reads an absent field as "not applicable", never a null).
 * @example toLaborEmployer('e1', { relation: 'contractor', contractSignedOn: '2026-04-01',
 *   weekStartsOn: null, legalHoliday: null, hourlyWageYen: null, monthlyCapMinutes: null,
 *   agreement36: { mode: 'standard' } })
 * // → { id: 'e1', contractSignedOn: '2026-04-01', relation: 'contractor' }
 */
export function toLaborEmployer(id: string, terms: EmploymentTerms): LaborEmployer {
  const employer: LaborEmployer = {
    id,
    contractSignedOn: terms.contractSignedOn,
    relation: terms.relation,
  };
  if (terms.weekStartsOn !== null) employer.weekStartsOn = terms.weekStartsOn;
  if (terms.legalHoliday !== null) employer.legalHoliday = terms.legalHoliday;
  if (terms.hourlyWageYen !== null) employer.hourlyWageYen = terms.hourlyWageYen;
  if (terms.monthlyCapMinutes !== null) employer.monthlyCapMinutes = terms.monthlyCapMinutes;
  const agreement = toAgreement36(terms.agreement36);
  if (agreement !== undefined) employer.agreement36 = agreement;
  return employer;
}

function toWorkSegment(segment: TimesheetSegment): WorkSegment {
  return {
    employer: segment.employmentId,
    date: segment.date,
    start: segment.start,
    end: segment.end,
    breakMinutes: segment.breakMinutes,
    contracted: segment.contracted,
  };
}

/**
 * One person's engine input under the principle method: every employment they hold (their own
 * hours at each, as they reported them) and their segments.
 */
export function buildWorkerLaborInput(
  employments: readonly WorkerEmployment[],
  segments: readonly TimesheetSegment[],
): LaborInputValidation {
  return validateLaborInput({
    method: 'principle',
    employers: employments.map((e) => toLaborEmployer(e.id, e)),
    work: segments.map(toWorkSegment),
  });
}

const EMPLOYER_PROBLEM = /^employers\[0\](?:\.([\w.]+))?: (.*)$/;

/**
 * What is wrong with an employment's terms, field by field, in the engine's words: an employee
 * needs a week start, a legal holiday and an hourly wage; an exempt manager a wage; a custom
 * agreement stays within the legal limits.
 * @example validateEmploymentTerms({ relation: 'employee', contractSignedOn: '2026-04-01',
 *   weekStartsOn: 'monday', legalHoliday: null, hourlyWageYen: 1500, monthlyCapMinutes: null,
 *   agreement36: { mode: 'standard' } })
 * // → [{ field: 'legalHoliday', message: 'required for an employee' }]
 */
export function validateEmploymentTerms(terms: EmploymentTerms): FieldProblem[] {
  const result = validateLaborInput({
    method: 'principle',
    employers: [toLaborEmployer('employment', terms)],
    work: [],
  });
  if (result.ok) return [];
  const problems: FieldProblem[] = [];
  for (const problem of result.problems) {
    const match = EMPLOYER_PROBLEM.exec(problem);
    if (!match) continue;
    problems.push({ field: match[1] ?? null, message: match[2]! });
  }
  return problems;
}

const WORK_PROBLEM = /^work\[(\d+)\](?:\.(\w+))?: (.*)$/;
const OVERLAP = /^overlaps work\[(\d+)\] of employer (.+)$/;
const UNKNOWN_EMPLOYER = /^unknown employer /;

/**
 * Checks a week's segments before they are stored, each problem naming its segment's index and
 * field:
 * - every segment names one of the worker's own employments and a date inside the week;
 * - the engine's rules: real times, an end after the start (past midnight as 24:00–47:59), a
 *   break shorter than the segment, no two segments overlapping at one employment — also
 *   against `neighbours`, the stored segments of the days either side of the week, so a Sunday
 *   night shift cannot run into the next Monday's, and against `stored`, segments of the week
 *   itself that stay as they are (an import adds to a week; a save replaces it and has none).
 *
 * A problem always lands on a segment of the request: an overlap with a stored segment or a
 * neighbour is named from the request's side. `nameOf` says how a request's segment is named in
 * a message about another one (`segments[3]` unless given).
 *
 * @example
 * validateTimesheetSegments({ weekDates: ['2026-11-02', …], employments: [main],
 *   segments: [{ employmentId: main.id, date: '2026-11-02', start: '18:00', end: '09:00', … }],
 *   neighbours: [] })
 * // → [{ index: 0, field: null, message: 'end 09:00 is before start 18:00 (write a shift past midnight as 33:00)' }]
 */
export function validateTimesheetSegments(week: {
  weekDates: readonly string[];
  employments: readonly WorkerEmployment[];
  segments: readonly TimesheetSegment[];
  neighbours: readonly TimesheetSegment[];
  stored?: readonly TimesheetSegment[];
  nameOf?: (index: number) => string;
}): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  const names = new Map(week.employments.map((e) => [e.id, e.employerName]));
  const first = week.weekDates[0];
  const last = week.weekDates[week.weekDates.length - 1];
  week.segments.forEach((segment, index) => {
    if (!names.has(segment.employmentId)) {
      problems.push({ index, field: 'employmentId', message: 'not one of your employments' });
    }
    if (!week.weekDates.includes(segment.date)) {
      problems.push({ index, field: 'date', message: `must be within the week ${first}–${last}` });
    }
  });

  const count = week.segments.length;
  const stored = week.stored ?? [];
  const result = validateLaborInput({
    method: 'principle',
    employers: week.employments.map((e) => toLaborEmployer(e.id, e)),
    work: [...week.segments, ...stored, ...week.neighbours].map(toWorkSegment),
  });
  if (result.ok) return sortProblems(problems);

  const nameOf = week.nameOf ?? ((k: number) => `segments[${k}]`);
  const describeIndex = (k: number): string => {
    if (k < count) return nameOf(k);
    if (k < count + stored.length) {
      const kept = stored[k - count]!;
      return `the stored segment of ${kept.date} ${kept.start}–${kept.end}`;
    }
    const neighbour = week.neighbours[k - count - stored.length]!;
    return `the segment of ${neighbour.date} ${neighbour.start}–${neighbour.end} in the next or previous week`;
  };
  for (const problem of result.problems) {
    const match = WORK_PROBLEM.exec(problem);
    if (!match) continue; // employer entries are checked when an employment is stored
    const index = Number(match[1]);
    const field = match[2] === 'employer' ? 'employmentId' : (match[2] ?? null);
    const message = match[3]!;
    if (UNKNOWN_EMPLOYER.test(message)) continue; // named above, in the request's own terms
    const overlap = OVERLAP.exec(message);
    if (overlap) {
      const other = Number(overlap[1]);
      // The engine names the later entry; a neighbour is never ours to name, so turn it round.
      const [own, against] = index < count ? [index, other] : [other, index];
      if (own >= count) continue;
      const employer = names.get(overlap[2]!) ?? overlap[2]!;
      problems.push({
        index: own,
        field: null,
        message: `overlaps ${describeIndex(against)} at ${employer}`,
      });
      continue;
    }
    if (index >= count) continue;
    problems.push({ index, field, message });
  }
  return sortProblems(problems);
}

function sortProblems(problems: SegmentProblem[]): SegmentProblem[] {
  return problems.sort((a, b) => a.index - b.index);
}
