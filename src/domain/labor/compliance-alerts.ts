/**
 * One employer's month out of the engine's report, as an HR dashboard shows it: the figures,
 * the findings that concern the month, and how close the person came to each limit — so HR is
 * warned before a limit is reached (at 80% of it), not only after.
 *
 * The engine (labor-compliance.ts) decides what is a violation; this file only reads its report.
 */
import { checkLaborCompliance } from './labor-compliance';
import type { Agreement36, LaborEmployer } from './labor-input';
import type { LaborMonthReport, LaborReport } from './labor-report';
import type { LaborRuleId } from './labor-rules';
import {
  buildWorkerLaborInput,
  type TimesheetSegment,
  type WorkerEmployment,
} from './worker-labor-input';
import {
  AGGREGATE_AVERAGE_LIMIT_MINUTES,
  AGGREGATE_AVERAGE_MAX_MONTHS,
  AGGREGATE_MONTHLY_LIMIT_MINUTES,
  AGREEMENT_MONTHLY_LIMIT_MINUTES,
} from './labor-rules';

export const complianceAlertLevels = ['ok', 'near', 'over'] as const;
export type ComplianceAlertLevel = (typeof complianceAlertLevels)[number];

/** The share of a limit from which HR is warned (issue 4: "e.g. at 80% of a cap"). */
export const NEAR_LIMIT_SHARE = 0.8;

export type LimitShareInput = {
  /** The 時間外 this employer caused in the month. */
  overtimeMinutes: number;
  /** The employer's agreement in the engine's terms: absent = the legal limits, null = none. */
  agreement36: Agreement36 | null | undefined;
  /**
   * The person's 時間外 + 法定休日労働 across employers, as this employer counts it, month by
   * month up to and including the month in question (oldest first; only months the timesheet
   * covers, as the engine judges them).
   */
  aggregateMinutesByMonth: readonly number[];
  /** How many findings concern the month. */
  violationCount: number;
};

/**
 * The highest share of any limit the month reached, and the alert level: the employer's
 * monthly 36-agreement limit (45 h unless agreed lower), the aggregated < 100 h, and the
 * aggregated 2–6-month averages against 80 h. With no agreement filed, any 時間外 counts as the
 * whole limit reached. 'over' at a share of 1 or a finding, 'near' from 0.8, else 'ok'.
 *
 * @example
 * assessLimitShare({ overtimeMinutes: 2160, agreement36: undefined,
 *   aggregateMinutesByMonth: [2160], violationCount: 0 })
 * // → { highestLimitShare: 0.8, alert: 'near' } (36 h of the 45 h)
 */
export function assessLimitShare(input: LimitShareInput): {
  highestLimitShare: number;
  alert: ComplianceAlertLevel;
} {
  const shares: number[] = [];
  if (input.agreement36 === null) {
    shares.push(input.overtimeMinutes > 0 ? 1 : 0);
  } else {
    const limit = input.agreement36?.monthlyLimitMinutes ?? AGREEMENT_MONTHLY_LIMIT_MINUTES;
    shares.push(input.overtimeMinutes / limit);
  }
  const months = input.aggregateMinutesByMonth;
  const last = months.length - 1;
  if (last >= 0) {
    shares.push(months[last]! / AGGREGATE_MONTHLY_LIMIT_MINUTES);
    let sum = months[last]!;
    for (let count = 2; count <= AGGREGATE_AVERAGE_MAX_MONTHS && last - count + 1 >= 0; count++) {
      sum += months[last - count + 1]!;
      shares.push(sum / count / AGGREGATE_AVERAGE_LIMIT_MINUTES);
    }
  }
  const highestLimitShare = Math.max(0, ...shares);
  const alert: ComplianceAlertLevel =
    input.violationCount > 0 || highestLimitShare >= 1
      ? 'over'
      : highestLimitShare >= NEAR_LIMIT_SHARE
        ? 'near'
        : 'ok';
  return { highestLimitShare, alert };
}

export type MonthViolation = { rule: LaborRuleId; period: string; message: string };

export type EmployerMonthSummary = {
  workedMinutes: number;
  overtimeMinutes: number;
  nightMinutes: number;
  legalHolidayMinutes: number;
  over60Minutes: number;
  premiumYen: number;
  aggregateOvertimeAndHolidayMinutes: number;
  highestLimitShare: number;
  alert: ComplianceAlertLevel;
  violations: MonthViolation[];
};

/** Whether a finding's period ('YYYY-MM' or 'YYYY-MM..YYYY-MM') includes `month`. */
export function periodTouchesMonth(period: string, month: string): boolean {
  const [from, to = from] = period.split('..') as [string, string?];
  return from <= month && month <= to;
}

const emptyMonth = (month: string): LaborMonthReport => ({
  month,
  workedMinutes: 0,
  contractedMinutes: 0,
  overtimeMinutes: 0,
  nightMinutes: 0,
  legalHolidayMinutes: 0,
  over60Minutes: 0,
  premiumYen: 0,
  aggregateOvertimeAndHolidayMinutes: 0,
});

/**
 * `employer`'s figures for `month` from a report of the engine, with the findings addressed to
 * it whose period includes the month, and the limit share and alert (`assessLimitShare`).
 * Employer ids in the findings' messages are replaced by `employerNames` where given, so HR
 * reads "株式会社みらいソフト", not an internal id.
 *
 * @example
 * summarizeEmployerMonth(checkLaborCompliance(input), input.employers[0], '2026-11')
 * // → { overtimeMinutes: 600, premiumYen: 2500, alert: 'ok', highestLimitShare: 0.22…, … }
 */
export function summarizeEmployerMonth(
  report: LaborReport,
  employer: LaborEmployer,
  month: string,
  employerNames: ReadonlyMap<string, string> = new Map(),
): EmployerMonthSummary {
  const months = report.employers.find((e) => e.id === employer.id)?.months ?? [];
  const figures = months.find((m) => m.month === month) ?? emptyMonth(month);
  // The months the timesheet covers, up to this one. Months past its end had no work (the
  // caller loaded everything up to the month), so they count as zero.
  const aggregateByMonth = new Map(
    months.map((m) => [m.month, m.aggregateOvertimeAndHolidayMinutes]),
  );
  const aggregateMinutesByMonth: number[] = [];
  if (months.length > 0) {
    for (let m = months[0]!.month; m <= month; m = nextMonth(m)) {
      aggregateMinutesByMonth.push(aggregateByMonth.get(m) ?? 0);
    }
  }
  const violations = report.violations
    .filter((v) => v.employer === employer.id && periodTouchesMonth(v.period, month))
    .map((v) => ({
      rule: v.rule,
      period: v.period,
      message: nameEmployers(v.message, employerNames),
    }));
  const { highestLimitShare, alert } = assessLimitShare({
    overtimeMinutes: figures.overtimeMinutes,
    agreement36: employer.relation === 'employee' ? employer.agreement36 : undefined,
    aggregateMinutesByMonth,
    violationCount: violations.length,
  });
  return {
    workedMinutes: figures.workedMinutes,
    overtimeMinutes: figures.overtimeMinutes,
    nightMinutes: figures.nightMinutes,
    legalHolidayMinutes: figures.legalHolidayMinutes,
    over60Minutes: figures.over60Minutes,
    premiumYen: figures.premiumYen,
    aggregateOvertimeAndHolidayMinutes: figures.aggregateOvertimeAndHolidayMinutes,
    highestLimitShare,
    alert,
    violations,
  };
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function nameEmployers(message: string, names: ReadonlyMap<string, string>): string {
  let out = message;
  for (const [id, name] of names) out = out.replaceAll(id, name);
  return out;
}

export type WorkerMonthAssessment =
  { ok: true; summary: EmployerMonthSummary } | { ok: false; problems: string[] };

/**
 * One person's month as one of their employers sees it: the engine runs on all their
 * employments and segments (principle method), and `employmentId`'s report is read for
 * `month`. Give the segments from well before the month (a year, for the 36 agreement's year
 * and the 2–6-month averages) up to its last day. Stored records that the engine would refuse
 * come back as problems, never as figures.
 *
 * @example
 * assessWorkerMonth({ employments: [main, side], segments, employmentId: main.id, month: '2026-11' })
 * // → { ok: true, summary: { overtimeMinutes: 0, aggregateOvertimeAndHolidayMinutes: 1080, … } }
 */
export function assessWorkerMonth(args: {
  employments: readonly WorkerEmployment[];
  segments: readonly TimesheetSegment[];
  employmentId: string;
  month: string;
}): WorkerMonthAssessment {
  const built = buildWorkerLaborInput(args.employments, args.segments);
  if (!built.ok) return built;
  const employer = built.input.employers.find((e) => e.id === args.employmentId);
  if (!employer) return { ok: false, problems: [`no employment ${args.employmentId}`] };
  const names = new Map(args.employments.map((e) => [e.id, e.employerName]));
  return {
    ok: true,
    summary: summarizeEmployerMonth(checkLaborCompliance(built.input), employer, args.month, names),
  };
}
