/**
 * What the working-time engine reads: one person's employers and timesheet. Plain data, so the
 * same shape serves the CLI's JSON file, the API (its zod schema mirrors these types) and tests.
 * `validateLaborInput` (validate-labor-input.ts) turns unknown JSON into this type or a list of
 * problems; the engine assumes input that passed it.
 */
import type { Weekday } from './labor-calendar';

/** 原則的な労働時間管理 or 管理モデル (docs/domain-labor.md). */
export const laborMethods = ['principle', 'management-model'] as const;
export type LaborMethod = (typeof laborMethods)[number];

/**
 * employee: the Labor Standards Act's working-time rules apply, so the hours are aggregated.
 * contractor: 業務委託・請負・委任, freelance or a director — not an employee, no aggregation.
 * exempt-manager: an art. 41 exemption (管理監督者 and the like) — no aggregation, no overtime or
 * legal-holiday premium, but the night premium is still owed (art. 37(4) is not lifted by
 * art. 41; Supreme Court 2009-12-18, ことぶき事件).
 */
export const laborRelations = ['employee', 'contractor', 'exempt-manager'] as const;
export type LaborRelation = (typeof laborRelations)[number];

/** The employer's 36 agreement (36協定) as far as the engine checks it. */
export type Agreement36 = {
  /** 特別条項: months over the monthly limit (≤ 6 a year) and up to 720 h a year. */
  specialClause: boolean;
  /** The agreed monthly extension, at most the legal 45 h (2700 min); default 2700. */
  monthlyLimitMinutes?: number;
  /**
   * The agreed yearly extension: at most 360 h (21600 min) without a special clause, 720 h
   * (43200 min) with one; default the legal maximum.
   */
  yearlyLimitMinutes?: number;
  /** The month (1–12) the agreement's year starts in (起算日); default 4, the fiscal year. */
  yearStartMonth?: number;
};

export type LaborEmployer = {
  id: string;
  /** When this employment (or engagement) contract was signed: it orders the contracted hours. */
  contractSignedOn: string;
  relation: LaborRelation;
  /** The first day of this employer's week (就業規則; Sunday by default in law). Employees only. */
  weekStartsOn?: Weekday;
  /** This employer's statutory rest day (法定休日). Employees only. */
  legalHoliday?: Weekday;
  /** The hourly base wage the premiums are computed on; employees and exempt managers. */
  hourlyWageYen?: number;
  /**
   * Management model only: the earliest-signed employee employer's cap on its statutory
   * overtime, every later employee employer's cap on all its hours, per month.
   */
  monthlyCapMinutes?: number;
  /** Absent: a filed agreement with the legal limits and no special clause. null: none filed. */
  agreement36?: Agreement36 | null;
};

/**
 * One stretch of work at one employer. `date` is the day the shift starts; `end` may run past
 * midnight as '24:00'–'47:59' ('22:00'–'29:00' is 22:00 to 05:00 the next morning).
 */
export type WorkSegment = {
  employer: string;
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
  /** Within the contracted hours (所定労働時間); false for 所定外 work, rest-day work included. */
  contracted: boolean;
};

/**
 * The platform's own rule for a company's double-work programme: the share of the company's
 * contracted time a person may give to regional engagements in a month, and whether each
 * engagement needs approval. Hours beyond the cap are flagged, never dropped.
 */
export type LaborProgramme = {
  /** The company running the programme; its contracted minutes in a month are the base. */
  employer: string;
  capPercentOfContracted: number;
  approvalRequired: boolean;
  /** The regional engagements, each another employer of this input (any relation). */
  engagements: { employer: string; approved: boolean }[];
};

export type LaborInput = {
  method: LaborMethod;
  employers: LaborEmployer[];
  work: WorkSegment[];
  programme?: LaborProgramme;
};
