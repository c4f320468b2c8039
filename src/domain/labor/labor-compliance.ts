/**
 * The working-time rules engine for telework and double work (docs/domain-labor.md): one
 * person's timesheet at several employers in, each employer's 時間外, night, legal-holiday,
 * over-60 h figures and premium out, with every limit it breaks. Pure: no clock, no I/O.
 */
import { formatMonthIndex, weekdayIndex } from './labor-calendar';
import type { LaborEmployer, LaborInput } from './labor-input';
import {
  DEFAULT_AGREEMENT_36,
  checkAgreement36,
  checkAggregateLimits,
  checkManagementModel,
  checkProgrammeCaps,
  type ModelEmployer,
} from './labor-limits';
import type { LaborEmployerReport, LaborReport, LaborViolation } from './labor-report';
import { OVER60_THRESHOLD_MINUTES, PREMIUM_PERCENT, laborRuleIds } from './labor-rules';
import {
  assignDailyOvertime,
  assignWeeklyOvertime,
  type AggregationScope,
} from './statutory-overtime';
import { buildWorkTimeline, type WorkPiece } from './work-timeline';

/** One employer's monthly figures while they are being added up. */
type Tally = {
  worked: number[];
  contracted: number[];
  overtime: number[];
  night: number[];
  legalHoliday: number[];
  over60: number[];
  /** Σ minutes × premium percent, turned into yen once per month. */
  premiumPercentMinutes: number[];
  aggregate: number[];
};

function newTally(monthCount: number): Tally {
  const zeros = (): number[] => new Array<number>(monthCount).fill(0);
  return {
    worked: zeros(),
    contracted: zeros(),
    overtime: zeros(),
    night: zeros(),
    legalHoliday: zeros(),
    over60: zeros(),
    premiumPercentMinutes: zeros(),
    aggregate: zeros(),
  };
}

/**
 * Checks one person's timesheet against the working-time rules, from each employer's own
 * perspective. The input must have passed `validateLaborInput`.
 *
 * - Only employees are aggregated; contractors and art. 41 exemptions count 0 hours (their
 *   worked minutes are still reported, for health monitoring).
 * - `principle`: daily 8 h over all employees' hours (contracted hours in contract order, then
 *   the rest in clock order), weekly 40 h on each employer's own week; each employer's
 *   `overtimeMinutes` is the 時間外 it caused itself.
 * - `management-model`: the earliest-signed employer's statutory overtime is counted on its own
 *   hours alone and capped; every later employer pays the overtime premium on all its hours.
 *
 * @example
 * checkLaborCompliance({
 *   method: 'principle',
 *   employers: [
 *     { id: 'A', contractSignedOn: '2017-04-01', relation: 'employee', weekStartsOn: 'sunday',
 *       legalHoliday: 'sunday', hourlyWageYen: 1000 },
 *     { id: 'B', contractSignedOn: '2021-04-01', relation: 'employee', weekStartsOn: 'sunday',
 *       legalHoliday: 'sunday', hourlyWageYen: 1200 },
 *   ],
 *   work: [
 *     { employer: 'A', date: '2026-11-02', start: '16:00', end: '21:00', breakMinutes: 0, contracted: true },
 *     { employer: 'B', date: '2026-11-02', start: '08:00', end: '12:00', breakMinutes: 0, contracted: true },
 *   ],
 * }).employers[1]
 * // → { id: 'B', overtimeMinutes: 60, nightMinutes: 0, legalHolidayMinutes: 0, over60Minutes: 0,
 * //     premiumYen: 300, months: [{ month: '2026-11', … }] }
 */
export function checkLaborCompliance(input: LaborInput): LaborReport {
  const employers = input.employers;
  const pieces = buildWorkTimeline(input);

  let firstMonth = Number.POSITIVE_INFINITY;
  let lastMonth = Number.NEGATIVE_INFINITY;
  for (const piece of pieces) {
    if (piece.month < firstMonth) firstMonth = piece.month;
    if (piece.month > lastMonth) lastMonth = piece.month;
  }
  const monthCount = pieces.length === 0 ? 0 : lastMonth - firstMonth + 1;
  if (pieces.length === 0) firstMonth = 0;

  const tallies = employers.map(() => newTally(monthCount));
  tallyHours(pieces, employers, firstMonth, tallies);

  // Contract order: signing date, then the input's order for contracts signed the same day.
  const employeesInContractOrder = employers
    .map((employer, index) => ({ employer, index }))
    .filter(({ employer }) => employer.relation === 'employee')
    .sort(
      (a, b) =>
        compareStrings(a.employer.contractSignedOn, b.employer.contractSignedOn) ||
        a.index - b.index,
    )
    .map(({ index }) => index);

  const violations: LaborViolation[] = [];
  if (input.method === 'principle') {
    tallyPrincipleOvertime(pieces, employers, employeesInContractOrder, firstMonth, tallies);
    for (const index of employeesInContractOrder) {
      violations.push(
        ...checkAggregateLimits(employers[index]!.id, tallies[index]!.aggregate, firstMonth),
      );
    }
  } else {
    const model = tallyManagementModel(
      pieces,
      employers,
      employeesInContractOrder,
      firstMonth,
      tallies,
    );
    violations.push(...checkManagementModel(model, firstMonth, monthCount));
  }

  for (const index of employeesInContractOrder) {
    const employer = employers[index]!;
    const agreement =
      employer.agreement36 === undefined ? DEFAULT_AGREEMENT_36 : employer.agreement36;
    const tally = tallies[index]!;
    violations.push(
      ...checkAgreement36(employer.id, agreement, tally.overtime, tally.legalHoliday, firstMonth),
    );
  }

  if (input.programme !== undefined) {
    const programme = input.programme;
    const tallyOf = (id: string): Tally | undefined =>
      tallies[employers.findIndex((employer) => employer.id === id)];
    const engagementMinutes = new Map<string, readonly number[]>();
    for (const engagement of programme.engagements) {
      engagementMinutes.set(engagement.employer, tallyOf(engagement.employer)?.worked ?? []);
    }
    violations.push(
      ...checkProgrammeCaps(
        programme,
        tallyOf(programme.employer)?.contracted ?? [],
        engagementMinutes,
        firstMonth,
      ),
    );
  }

  return {
    employers: employers.map((employer, index) =>
      reportEmployer(employer, tallies[index]!, firstMonth, monthCount),
    ),
    violations: sortViolations(violations, employers),
  };
}

/** Worked, contracted, night and legal-holiday minutes, and the premiums they alone carry. */
function tallyHours(
  pieces: readonly WorkPiece[],
  employers: readonly LaborEmployer[],
  firstMonth: number,
  tallies: readonly Tally[],
): void {
  for (const piece of pieces) {
    const tally = tallies[piece.employer]!;
    const relation = employers[piece.employer]!.relation;
    const m = piece.month - firstMonth;
    const minutes = piece.workedMinutes;
    tally.worked[m]! += minutes;
    if (piece.contracted) tally.contracted[m]! += minutes;
    if (relation === 'contractor') continue; // outside the Labor Standards Act altogether
    if (piece.night) {
      tally.night[m]! += minutes;
      tally.premiumPercentMinutes[m]! += minutes * PREMIUM_PERCENT.night;
    }
    if (piece.legalHoliday) {
      tally.legalHoliday[m]! += minutes;
      tally.premiumPercentMinutes[m]! += minutes * PREMIUM_PERCENT.legalHoliday;
    }
  }
}

/**
 * Adds one perspective's 時間外 (`overtime`, by piece) into `tally`: the employer's own part,
 * the 50% part beyond the month's 60 h, and everyone's part into the aggregate.
 *
 * The 60 h are counted on the 時間外 of every employer in the scope, in the order it happened,
 * and the employer pays 50% on its own minutes beyond that point — the guideline's wording
 * (基発0901第3号: 通算して…１か月について60時間を超えた場合には、その超えた時間の労働のうち
 * 自ら労働させた時間については、５割以上の率). `over60ThresholdMinutes` is lowered in the
 * management model, where the earlier employers' caps come first.
 */
function tallyOvertime(
  pieces: readonly WorkPiece[],
  overtime: Int32Array,
  employer: number,
  firstMonth: number,
  over60ThresholdMinutes: number,
  tally: Tally,
): void {
  const cumulative = new Array<number>(tally.overtime.length).fill(0);
  for (let k = 0; k < pieces.length; k++) {
    const minutes = overtime[k]!;
    if (minutes === 0) continue;
    const piece = pieces[k]!;
    const m = piece.month - firstMonth;
    const before = cumulative[m]!;
    const after = before + minutes;
    cumulative[m] = after;
    tally.aggregate[m]! += minutes;
    if (piece.employer !== employer) continue;
    const over60 =
      Math.max(0, after - over60ThresholdMinutes) - Math.max(0, before - over60ThresholdMinutes);
    tally.overtime[m]! += minutes;
    tally.over60[m]! += over60;
    tally.premiumPercentMinutes[m]! +=
      (minutes - over60) * PREMIUM_PERCENT.overtime + over60 * PREMIUM_PERCENT.overtimeOver60;
  }
}

function tallyPrincipleOvertime(
  pieces: readonly WorkPiece[],
  employers: readonly LaborEmployer[],
  employeesInContractOrder: readonly number[],
  firstMonth: number,
  tallies: readonly Tally[],
): void {
  const includes = employers.map((employer) => employer.relation === 'employee');
  const scope: AggregationScope = { employersInContractOrder: employeesInContractOrder, includes };
  const daily = new Int32Array(pieces.length);
  const weekly = new Int32Array(pieces.length);
  assignDailyOvertime(pieces, scope, daily);

  const holidayByMonth = new Array<number>(tallies[0]?.worked.length ?? 0).fill(0);
  for (const index of employeesInContractOrder) {
    tallies[index]!.legalHoliday.forEach((minutes, m) => (holidayByMonth[m]! += minutes));
  }

  for (const index of employeesInContractOrder) {
    const tally = tallies[index]!;
    const weekStart = weekdayIndex(employers[index]!.weekStartsOn ?? 'sunday');
    assignWeeklyOvertime(pieces, scope, weekStart, daily, weekly);
    for (let k = 0; k < pieces.length; k++) weekly[k]! += daily[k]!;
    tallyOvertime(pieces, weekly, index, firstMonth, OVER60_THRESHOLD_MINUTES, tally);
    holidayByMonth.forEach((minutes, m) => (tally.aggregate[m]! += minutes));
  }
}

/**
 * The management model (管理モデル). The first employer counts 時間外 on its own hours as if it
 * were the only one. Each later employer treats every hour it uses as 時間外 (legal-holiday
 * hours stay 休日労働 at 35%), and its 60 h count starts after the caps of the employers before
 * it (the guideline: 使用者Aの法定外労働時間の上限時間と使用者Bの労働時間とを通算して…).
 */
function tallyManagementModel(
  pieces: readonly WorkPiece[],
  employers: readonly LaborEmployer[],
  employeesInContractOrder: readonly number[],
  firstMonth: number,
  tallies: readonly Tally[],
): ModelEmployer[] {
  const model: ModelEmployer[] = [];
  const first = employeesInContractOrder[0];
  if (first === undefined) return model;
  const overtime = new Int32Array(pieces.length);
  const daily = new Int32Array(pieces.length);

  const alone: AggregationScope = {
    employersInContractOrder: [first],
    includes: employers.map((_, index) => index === first),
  };
  assignDailyOvertime(pieces, alone, daily);
  const weekStart = weekdayIndex(employers[first]!.weekStartsOn ?? 'sunday');
  assignWeeklyOvertime(pieces, alone, weekStart, daily, overtime);
  for (let k = 0; k < pieces.length; k++) overtime[k]! += daily[k]!;
  tallyOvertime(pieces, overtime, first, firstMonth, OVER60_THRESHOLD_MINUTES, tallies[first]!);
  model.push({
    id: employers[first]!.id,
    monthlyCapMinutes: employers[first]!.monthlyCapMinutes ?? 0,
    cappedMinutesByMonth: tallies[first]!.overtime,
    first: true,
  });

  let capsBefore = employers[first]!.monthlyCapMinutes ?? 0;
  for (const index of employeesInContractOrder.slice(1)) {
    const tally = tallies[index]!;
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]!;
      overtime[k] = piece.employer === index && !piece.legalHoliday ? piece.workedMinutes : 0;
    }
    const threshold = Math.max(0, OVER60_THRESHOLD_MINUTES - capsBefore);
    tallyOvertime(pieces, overtime, index, firstMonth, threshold, tally);
    const cap = employers[index]!.monthlyCapMinutes ?? 0;
    capsBefore += cap;
    model.push({
      id: employers[index]!.id,
      monthlyCapMinutes: cap,
      cappedMinutesByMonth: tally.overtime.map((minutes, m) => minutes + tally.legalHoliday[m]!),
      first: false,
    });
  }

  // What the model bounds: the first employer's 時間外 and everyone's hours, holidays included.
  const aggregate = new Array<number>(tallies[first]!.worked.length).fill(0);
  for (const index of employeesInContractOrder) {
    const tally = tallies[index]!;
    tally.overtime.forEach((minutes, m) => (aggregate[m]! += minutes + tally.legalHoliday[m]!));
  }
  for (const index of employeesInContractOrder) tallies[index]!.aggregate = aggregate.slice();
  return model;
}

function reportEmployer(
  employer: LaborEmployer,
  tally: Tally,
  firstMonth: number,
  monthCount: number,
): LaborEmployerReport {
  const wageYen = employer.relation === 'contractor' ? 0 : (employer.hourlyWageYen ?? 0);
  const months = [];
  const total = { overtime: 0, night: 0, legalHoliday: 0, over60: 0, premiumYen: 0 };
  for (let m = 0; m < monthCount; m++) {
    // Half up to the yen for the month (昭63.3.14 基発150号 allows rounding the month's sum).
    const premiumYen = Math.floor((wageYen * tally.premiumPercentMinutes[m]! + 3000) / 6000);
    const month = {
      month: formatMonthIndex(firstMonth + m),
      workedMinutes: tally.worked[m]!,
      contractedMinutes: tally.contracted[m]!,
      overtimeMinutes: tally.overtime[m]!,
      nightMinutes: tally.night[m]!,
      legalHolidayMinutes: tally.legalHoliday[m]!,
      over60Minutes: tally.over60[m]!,
      premiumYen,
      aggregateOvertimeAndHolidayMinutes: tally.aggregate[m]!,
    };
    total.overtime += month.overtimeMinutes;
    total.night += month.nightMinutes;
    total.legalHoliday += month.legalHolidayMinutes;
    total.over60 += month.over60Minutes;
    total.premiumYen += premiumYen;
    months.push(month);
  }
  return {
    id: employer.id,
    overtimeMinutes: total.overtime,
    nightMinutes: total.night,
    legalHolidayMinutes: total.legalHoliday,
    over60Minutes: total.over60,
    premiumYen: total.premiumYen,
    months,
  };
}

/** Chronological, then by employer in the input's order, then by rule. */
function sortViolations(
  violations: LaborViolation[],
  employers: readonly LaborEmployer[],
): LaborViolation[] {
  const employerOrder = new Map(employers.map((employer, index) => [employer.id, index]));
  return violations.sort(
    (a, b) =>
      compareStrings(a.period, b.period) ||
      (employerOrder.get(a.employer) ?? 0) - (employerOrder.get(b.employer) ?? 0) ||
      laborRuleIds.indexOf(a.rule) - laborRuleIds.indexOf(b.rule),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
