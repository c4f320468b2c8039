import { z } from 'zod';
import { weekdays } from '../domain/labor/labor-calendar';
import { laborRelations } from '../domain/labor/labor-input';
import { laborRuleIds } from '../domain/labor/labor-rules';

/**
 * Timesheets, employments and the HR compliance view (issue 4). Times of day are "HH:MM";
 * an end past midnight is written 24:00–47:59 (22:00–29:00 = 22:00 to 05:00 next morning),
 * exactly as the rules engine reads them.
 */

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const clock = z.string().regex(/^\d{2}:\d{2}$/, 'must be a time HH:MM');

export const workLocations = [
  'office',
  'home',
  'satellite',
  'workation',
  'client_site',
  'other',
] as const;
export const segmentSources = ['self', 'pc_log', 'check_in'] as const;

/** The 36 agreement as filed: 'standard' (legal limits), 'custom' (values given) or 'none'. */
export const agreement36Input = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standard') }),
  z.object({ mode: z.literal('none') }),
  z.object({
    mode: z.literal('custom'),
    specialClause: z.boolean(),
    monthlyLimitMinutes: z.number().int().min(1).max(2700).optional(),
    yearlyLimitMinutes: z.number().int().min(1).max(43200).optional(),
    yearStartMonth: z.number().int().min(1).max(12).optional(),
  }),
]);

/** One employment or engagement of a worker: the main job or a side job (副業・兼業). */
export const employmentView = z.object({
  id: z.string(),
  workerUserId: z.string(),
  /** The employer on the platform, when it is a member organisation. */
  employerOrganizationId: z.string().nullable(),
  employerName: z.string(),
  isPrimary: z.boolean(),
  relation: z.enum(laborRelations),
  contractSignedOn: isoDate,
  weekStartsOn: z.enum(weekdays).nullable(),
  legalHoliday: z.enum(weekdays).nullable(),
  hourlyWageYen: z.number().int().nullable(),
  monthlyCapMinutes: z.number().int().nullable(),
  agreement36: agreement36Input,
  endedOn: isoDate.nullable(),
});
export type EmploymentView = z.infer<typeof employmentView>;

export const createEmploymentRequest = z.object({
  employerOrganizationId: z.string().uuid().optional(),
  /** Required when the employer is not a member organisation. */
  employerName: z.string().trim().min(1).max(200).optional(),
  relation: z.enum(laborRelations),
  contractSignedOn: isoDate,
  weekStartsOn: z.enum(weekdays).optional(),
  legalHoliday: z.enum(weekdays).optional(),
  hourlyWageYen: z.number().int().min(1).max(1_000_000).optional(),
  monthlyCapMinutes: z.number().int().min(0).max(44_640).optional(),
  agreement36: agreement36Input.default({ mode: 'standard' }),
});

export const segmentInput = z.object({
  employmentId: z.string().uuid(),
  date: isoDate,
  start: clock,
  end: clock,
  breakMinutes: z.number().int().min(0).max(1440),
  /** Within the contracted hours (所定労働時間); false for 所定外 work. */
  contracted: z.boolean(),
  location: z.enum(workLocations),
  /** Where the work happened, for workation and on-site days (6-digit local-government code). */
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .default(null),
  source: z.enum(segmentSources).default('self'),
  note: z.string().max(500).nullable().default(null),
});

export const segmentView = segmentInput.extend({
  id: z.string(),
  employerName: z.string(),
  workedMinutes: z.number().int(),
});

export const timesheetStatuses = [
  'draft',
  'submitted',
  'approved',
  'correction_requested',
] as const;

export const timesheetEventView = z.object({
  event: z.enum(['saved', 'submitted', 'approved', 'correction_requested', 'copied_previous']),
  actorName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
});

/** A worker's week (Monday to Sunday). Corrections never delete: replaced segments stay in history. */
export const timesheetWeekView = z.object({
  id: z.string().nullable(),
  workerUserId: z.string(),
  workerName: z.string(),
  weekStart: isoDate,
  status: z.enum(timesheetStatuses),
  segments: z.array(segmentView),
  /** Segments replaced by a later save, newest first, with when they were replaced. */
  history: z.array(segmentView.extend({ replacedAt: z.string() })),
  events: z.array(timesheetEventView),
  /** National holidays in the week (@holiday-jp/holiday_jp): date → name. */
  holidays: z.record(z.string(), z.string()),
  totalWorkedMinutes: z.number().int(),
});
export type TimesheetWeekView = z.infer<typeof timesheetWeekView>;

export const weekParams = z.object({ weekStart: isoDate });
export const saveSegmentsRequest = z.object({ segments: z.array(segmentInput).max(200) });
export const reviewRequest = z.object({ comment: z.string().trim().max(1000).optional() });
export const correctionRequest = z.object({
  comment: z.string().trim().min(1, 'required').max(1000),
});

export const complianceQuery = z.object({ month: isoMonth });

export const alertLevels = ['ok', 'near', 'over'] as const;

/** One worker's month as their employer sees it, with the limits that matter. */
export const complianceRow = z.object({
  workerUserId: z.string(),
  workerName: z.string(),
  employments: z.number().int(),
  /** Figures from this company's perspective (its week, its contracts). */
  workedMinutes: z.number().int(),
  overtimeMinutes: z.number().int(),
  nightMinutes: z.number().int(),
  legalHolidayMinutes: z.number().int(),
  over60Minutes: z.number().int(),
  premiumYen: z.number().int(),
  /** 時間外 + 法定休日労働 across all employers: held against < 100 h and the ≤ 80 h average. */
  aggregateOvertimeAndHolidayMinutes: z.number().int(),
  /** The highest share of any limit reached (1 = at the limit), and its level (near ≥ 0.8). */
  highestLimitShare: z.number(),
  alert: z.enum(alertLevels),
  violations: z.array(
    z.object({ rule: z.enum(laborRuleIds), period: z.string(), message: z.string() }),
  ),
  /**
   * Weeks with a day in the month that were handed in (submitted or approved): the ones the
   * figures count.
   */
  weeksSubmitted: z.number().int(),
  /** Of those, the weeks still waiting for the company's review (status submitted). */
  weeksPending: z.number().int(),
});
export type ComplianceRow = z.infer<typeof complianceRow>;

export const complianceResponse = z.object({
  organizationId: z.string(),
  month: isoMonth,
  rows: z.array(complianceRow),
  totals: z.object({
    overtimeMinutes: z.number().int(),
    premiumYen: z.number().int(),
    peopleNear: z.number().int(),
    peopleOver: z.number().int(),
  }),
});
export type ComplianceResponse = z.infer<typeof complianceResponse>;

// --- Added with the backend (issue 4): list envelopes, params and queries of the routes. ---

/** GET /me/employments, GET /organizations/:id/employments. */
export const employmentListResponse = z.object({ items: z.array(employmentView) });

/**
 * PUT /organizations/:id/members/:userId/employment: the member's main job at this company
 * (the employer is the company itself, so no employer fields).
 */
export const primaryEmploymentRequest = createEmploymentRequest.omit({
  employerOrganizationId: true,
  employerName: true,
});

/** GET /organizations/:id/timesheets?status=&weekStart= (drafts stay the worker's own). */
export const timesheetListQuery = z.object({
  status: z.enum(timesheetStatuses).optional(),
  weekStart: isoDate.optional(),
});
/** Lists leave `history` empty; GET /me/timesheets/:weekStart has it. */
export const timesheetListResponse = z.object({ items: z.array(timesheetWeekView) });

/** POST /organizations/:id/timesheets/:weekId/approve | request-correction. */
export const timesheetReviewParams = z.object({ id: z.string().uuid(), weekId: z.string().uuid() });

export const complianceExportFormats = ['csv', 'xlsx'] as const;
/** GET /organizations/:id/labor/compliance/export?month=YYYY-MM&format=csv|xlsx (a file). */
export const complianceExportQuery = complianceQuery.extend({
  format: z.enum(complianceExportFormats).default('csv'),
});

/**
 * The bytes of a file download (the export's CSV or XLSX). Documented in OpenAPI as a binary
 * string; a Uint8Array so the server can send a Buffer and the schema still runs in a browser.
 */
export const fileDownload = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be file bytes')
  .meta({ type: 'string', format: 'binary' });

// --- PC/VPN log import (issue 4, item 1: the source of a segment). ---

/** The largest CSV text an import takes: 1 MiB of UTF-8. */
export const PC_LOG_CSV_MAX_BYTES = 1024 * 1024;

/** UTF-8 length of a string, without encoding it. */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * POST /me/timesheets/import: a PC or VPN log as CSV (`date,start,end` or 日付,開始,終了, or
 * `logon,logoff` with full timestamps; optional employment, break, note), added to the
 * caller's weeks as segments with source 'pc_log'.
 */
export const pcLogImportRequest = z.object({
  csv: z
    .string()
    .min(1, 'required')
    .refine((text) => utf8ByteLength(text) <= PC_LOG_CSV_MAX_BYTES, 'must be at most 1 MB'),
  /** The employment of rows whose employment column is empty or absent. */
  employmentId: z.string().uuid(),
  contracted: z.boolean().default(true),
  location: z.enum(workLocations).default('office'),
});

/** A CSV line that was not imported (line 1 is the header), and why. */
export const pcLogRejectedRow = z.object({ line: z.number().int(), reason: z.string() });

export const pcLogImportResponse = z.object({
  /** The weeks the import added to, by week start, as they are now. */
  weeks: z.array(timesheetWeekView),
  imported: z.number().int(),
  rejected: z.array(pcLogRejectedRow),
});
export type PcLogImportResponse = z.infer<typeof pcLogImportResponse>;
