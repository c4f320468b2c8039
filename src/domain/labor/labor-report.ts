/**
 * What the working-time engine returns. Every figure of an employer is computed from that
 * employer's own perspective: its week, its legal holiday, the contracts in signing order.
 */
import type { LaborRuleId } from './labor-rules';

export type LaborMonthReport = {
  /** 'YYYY-MM', the month of the work day (a shift past midnight belongs to the day it began). */
  month: string;
  /** Every minute worked here, for health monitoring — contractors' included. */
  workedMinutes: number;
  /** The worked minutes of segments inside the contracted hours. */
  contractedMinutes: number;
  /** 時間外 this employer caused (daily and weekly), which it pays for and its 36 agreement covers. */
  overtimeMinutes: number;
  /** Minutes between 22:00 and 05:00 (深夜). */
  nightMinutes: number;
  /** Minutes on this employer's legal holiday (法定休日労働). */
  legalHolidayMinutes: number;
  /** The part of `overtimeMinutes` paid at 50% because the month's 時間外 passed 60 h. */
  over60Minutes: number;
  /** The premium part of the pay (not the base wage), in yen, rounded half up for the month. */
  premiumYen: number;
  /**
   * 時間外 + 法定休日労働 of the person across all aggregated employers, as this employer counts
   * it: the figure held against the < 100 h month and ≤ 80 h average limits (art. 36(6)).
   */
  aggregateOvertimeAndHolidayMinutes: number;
};

export type LaborEmployerReport = {
  id: string;
  overtimeMinutes: number;
  nightMinutes: number;
  legalHolidayMinutes: number;
  over60Minutes: number;
  premiumYen: number;
  /** Every month from the first to the last of the whole timesheet, in order. */
  months: LaborMonthReport[];
};

export type LaborViolation = {
  rule: LaborRuleId;
  /** The employer the finding is addressed to. */
  employer: string;
  /** 'YYYY-MM', or 'YYYY-MM..YYYY-MM' for a multi-month window or an agreement year. */
  period: string;
  /** What happened, with the figures and the citation. */
  message: string;
};

export type LaborReport = {
  employers: LaborEmployerReport[];
  violations: LaborViolation[];
};
