/**
 * The monthly and yearly limits, checked on the monthly figures the engine has tallied. Each
 * returns findings; none throws. Monthly arrays are indexed from `firstMonth` (a month index,
 * year × 12 + month − 1) over the whole timesheet's months.
 */
import { formatMonthIndex } from './labor-calendar';
import type { Agreement36, LaborProgramme } from './labor-input';
import type { LaborViolation } from './labor-report';
import {
  AGGREGATE_AVERAGE_LIMIT_MINUTES,
  AGGREGATE_AVERAGE_MAX_MONTHS,
  AGGREGATE_MONTHLY_LIMIT_MINUTES,
  AGREEMENT_MONTHLY_LIMIT_MINUTES,
  AGREEMENT_YEARLY_LIMIT_MINUTES,
  SPECIAL_CLAUSE_MAX_MONTHS_OVER,
  SPECIAL_CLAUSE_YEARLY_LIMIT_MINUTES,
  formatHours,
  laborRuleCitations,
  type LaborRuleId,
} from './labor-rules';

/** What an employer whose input says nothing about its agreement is taken to have filed. */
export const DEFAULT_AGREEMENT_36: Agreement36 = { specialClause: false };
const DEFAULT_AGREEMENT_YEAR_START_MONTH = 4;

function violation(
  rule: LaborRuleId,
  employer: string,
  period: string,
  text: string,
): LaborViolation {
  return { rule, employer, period, message: `${text} (${laborRuleCitations[rule]})` };
}

function monthRange(firstMonthIndex: number, lastMonthIndex: number): string {
  return `${formatMonthIndex(firstMonthIndex)}..${formatMonthIndex(lastMonthIndex)}`;
}

/**
 * One employer's 36 agreement against the 時間外 it caused itself and its own legal-holiday
 * work — never the other employers' hours (基発0901第3号: the agreement's limits are per
 * workplace). `agreement` null means no agreement was filed.
 *
 * @example
 * checkAgreement36('A', { specialClause: false }, [46 * 60], [0], 2026 * 12 + 10)
 * // → [{ rule: '36-monthly-limit', employer: 'A', period: '2026-11', message: '…' }]
 */
export function checkAgreement36(
  employerId: string,
  agreement: Agreement36 | null,
  overtimeMinutesByMonth: readonly number[],
  legalHolidayMinutesByMonth: readonly number[],
  firstMonth: number,
): LaborViolation[] {
  const found: LaborViolation[] = [];
  if (agreement === null) {
    overtimeMinutesByMonth.forEach((overtime, m) => {
      if (overtime > 0) {
        found.push(
          violation(
            'LSA-32',
            employerId,
            formatMonthIndex(firstMonth + m),
            `${employerId} caused ${formatHours(overtime)} of 時間外 with no 36 agreement filed`,
          ),
        );
      }
    });
    legalHolidayMinutesByMonth.forEach((holiday, m) => {
      if (holiday > 0) {
        found.push(
          violation(
            'LSA-35',
            employerId,
            formatMonthIndex(firstMonth + m),
            `${employerId} had ${formatHours(holiday)} of work on its legal holiday with no 36 agreement filed`,
          ),
        );
      }
    });
    return found;
  }

  const monthlyLimit = agreement.monthlyLimitMinutes ?? AGREEMENT_MONTHLY_LIMIT_MINUTES;
  const yearlyLimit =
    agreement.yearlyLimitMinutes ??
    (agreement.specialClause
      ? SPECIAL_CLAUSE_YEARLY_LIMIT_MINUTES
      : AGREEMENT_YEARLY_LIMIT_MINUTES);
  const yearStart = (agreement.yearStartMonth ?? DEFAULT_AGREEMENT_YEAR_START_MONTH) - 1;

  let yearKey = Number.NaN;
  let yearTotal = 0;
  let yearReported = false;
  let monthsOver = 0;
  overtimeMinutesByMonth.forEach((overtime, m) => {
    const monthIndex = firstMonth + m;
    const key = Math.floor((monthIndex - yearStart) / 12);
    if (key !== yearKey) {
      yearKey = key;
      yearTotal = 0;
      yearReported = false;
      monthsOver = 0;
    }
    const month = formatMonthIndex(monthIndex);
    const agreementYear = monthRange(key * 12 + yearStart, key * 12 + yearStart + 11);
    if (overtime > monthlyLimit) {
      monthsOver++;
      if (!agreement.specialClause) {
        found.push(
          violation(
            '36-monthly-limit',
            employerId,
            month,
            `${employerId} caused ${formatHours(overtime)} of 時間外 in ${month}, over its agreed ${formatHours(monthlyLimit)} a month`,
          ),
        );
      } else if (monthsOver > SPECIAL_CLAUSE_MAX_MONTHS_OVER) {
        found.push(
          violation(
            '36-special-months-over-45h',
            employerId,
            month,
            `${month} is month ${monthsOver} of the agreement year ${agreementYear} in which ${employerId} caused more than ${formatHours(monthlyLimit)} of 時間外 (${formatHours(overtime)}); at most ${SPECIAL_CLAUSE_MAX_MONTHS_OVER} are allowed`,
          ),
        );
      }
    }
    yearTotal += overtime;
    if (yearTotal > yearlyLimit && !yearReported) {
      yearReported = true;
      found.push(
        violation(
          agreement.specialClause ? '36-special-yearly-limit' : '36-yearly-limit',
          employerId,
          agreementYear,
          `${employerId}'s 時間外 in the agreement year ${agreementYear} reached ${formatHours(yearTotal)} by ${month}, over its yearly ${formatHours(yearlyLimit)}`,
        ),
      );
    }
  });
  return found;
}

/**
 * The person's 時間外 + 法定休日労働 across all aggregated employers, as one employer counts it:
 * under 100 h in every month, and at most 80 h on average over every run of 2–6 consecutive
 * months (労働基準法36条6項2号・3号; aggregated per 基発0901第3号). Only windows inside the
 * timesheet are judged: months before it are unknown, not zero.
 *
 * @example
 * checkAggregateLimits('A', [85 * 60, 85 * 60], 2026 * 12 + 9)
 * // → [{ rule: 'aggregate-80h-average', employer: 'A', period: '2026-10..2026-11', … }]
 */
export function checkAggregateLimits(
  employerId: string,
  aggregateMinutesByMonth: readonly number[],
  firstMonth: number,
): LaborViolation[] {
  const found: LaborViolation[] = [];
  for (let end = 0; end < aggregateMinutesByMonth.length; end++) {
    const minutes = aggregateMinutesByMonth[end]!;
    if (minutes >= AGGREGATE_MONTHLY_LIMIT_MINUTES) {
      const month = formatMonthIndex(firstMonth + end);
      found.push(
        violation(
          'aggregate-100h',
          employerId,
          month,
          `as ${employerId} counts it, the person's 時間外 and legal-holiday work across employers came to ${formatHours(minutes)} in ${month}; it must stay under ${formatHours(AGGREGATE_MONTHLY_LIMIT_MINUTES)}`,
        ),
      );
    }
    let sum = minutes;
    for (let months = 2; months <= AGGREGATE_AVERAGE_MAX_MONTHS; months++) {
      const start = end - months + 1;
      if (start < 0) break;
      sum += aggregateMinutesByMonth[start]!;
      if (sum > AGGREGATE_AVERAGE_LIMIT_MINUTES * months) {
        const period = monthRange(firstMonth + start, firstMonth + end);
        found.push(
          violation(
            'aggregate-80h-average',
            employerId,
            period,
            `as ${employerId} counts it, the person's 時間外 and legal-holiday work across employers averaged ${formatHours(Math.round(sum / months))} a month over ${period} (${months} months); the limit is ${formatHours(AGGREGATE_AVERAGE_LIMIT_MINUTES)}`,
          ),
        );
      }
    }
  }
  return found;
}

export type ModelEmployer = {
  id: string;
  monthlyCapMinutes: number;
  /** Statutory overtime for the first employer, all hours for the later ones, by month. */
  cappedMinutesByMonth: readonly number[];
  /** true for the earliest-signed employer, whose cap covers its statutory overtime only. */
  first: boolean;
};

/**
 * The management model (管理モデル, 副業・兼業ガイドライン): the caps add up to under 100 h and at
 * most 80 h (a monthly constant averages to itself), and each employer keeps to its own cap in
 * every month.
 *
 * @example
 * checkManagementModel([{ id: 'A', monthlyCapMinutes: 2700, cappedMinutesByMonth: [0], first: true },
 *   { id: 'B', monthlyCapMinutes: 1800, cappedMinutesByMonth: [1860], first: false }], 2026 * 12 + 10, 1)
 * // → [{ rule: 'management-model-cap', employer: 'B', period: '2026-11', … }]
 */
export function checkManagementModel(
  employers: readonly ModelEmployer[],
  firstMonth: number,
  monthCount: number,
): LaborViolation[] {
  const found: LaborViolation[] = [];
  const capsTotal = employers.reduce((sum, e) => sum + e.monthlyCapMinutes, 0);
  const setupRule: LaborRuleId | null =
    capsTotal >= AGGREGATE_MONTHLY_LIMIT_MINUTES
      ? 'management-model-caps-100h'
      : capsTotal > AGGREGATE_AVERAGE_LIMIT_MINUTES
        ? 'management-model-caps-80h'
        : null;
  if (setupRule !== null && monthCount > 0) {
    const period = monthRange(firstMonth, firstMonth + monthCount - 1);
    const caps = employers.map((e) => `${e.id} ${formatHours(e.monthlyCapMinutes)}`).join(' + ');
    for (const employer of employers) {
      found.push(
        violation(
          setupRule,
          employer.id,
          period,
          `the management model's monthly caps ${caps} add up to ${formatHours(capsTotal)}`,
        ),
      );
    }
  }
  for (const employer of employers) {
    employer.cappedMinutesByMonth.forEach((minutes, m) => {
      if (minutes <= employer.monthlyCapMinutes) return;
      const month = formatMonthIndex(firstMonth + m);
      const what = employer.first ? 'statutory overtime' : 'hours in all';
      found.push(
        violation(
          'management-model-cap',
          employer.id,
          month,
          `${employer.id} had ${formatHours(minutes)} of ${what} in ${month}, over its cap of ${formatHours(employer.monthlyCapMinutes)}`,
        ),
      );
    });
  }
  return found;
}

/**
 * The programme's cap and approvals (docs/domain-labor.md, "Programme caps"): in each month the
 * minutes at the regional engagements may be at most the cap's share of the company's contracted
 * minutes worked that month; with approval required, every engagement with hours needs one.
 *
 * @example
 * checkProgrammeCaps(programme, [9600], new Map([['C', [2400]]]), 2026 * 12 + 10)
 * // 20% of 160 h is 32 h; 40 h logged → [{ rule: 'programme-cap', employer: 'A', … 8 h … }]
 */
export function checkProgrammeCaps(
  programme: LaborProgramme,
  companyContractedMinutesByMonth: readonly number[],
  engagementMinutesByMonth: ReadonlyMap<string, readonly number[]>,
  firstMonth: number,
): LaborViolation[] {
  const found: LaborViolation[] = [];
  companyContractedMinutesByMonth.forEach((contracted, m) => {
    const month = formatMonthIndex(firstMonth + m);
    let engaged = 0;
    for (const engagement of programme.engagements) {
      const minutes = engagementMinutesByMonth.get(engagement.employer)?.[m] ?? 0;
      engaged += minutes;
      if (programme.approvalRequired && !engagement.approved && minutes > 0) {
        found.push(
          violation(
            'programme-approval',
            engagement.employer,
            month,
            `${formatHours(minutes)} logged at ${engagement.employer} in ${month} without the approval ${programme.employer}'s programme requires`,
          ),
        );
      }
    }
    const capMinutes = Math.floor((contracted * programme.capPercentOfContracted) / 100);
    if (engaged > capMinutes) {
      found.push(
        violation(
          'programme-cap',
          programme.employer,
          month,
          `${formatHours(engaged)} at regional engagements in ${month} is ${formatHours(engaged - capMinutes)} over the cap of ${programme.capPercentOfContracted}% of ${formatHours(contracted)} contracted at ${programme.employer} (${formatHours(capMinutes)})`,
        ),
      );
    }
  });
  return found;
}
