import type { Kysely } from 'kysely';
import type { ComplianceResponse, ComplianceRow } from '../../../contracts/labor';
import type { Database } from '../../../db/database';
import { assessWorkerMonth } from '../../../domain/labor/compliance-alerts';
import { monthBounds, monthsBefore, shiftIsoDate } from '../../../domain/labor/timesheet-workflow';
import { listEmploymentsOfWorkers, listWorkersOf } from './employments.repository';
import { listCountedSegments, listWeekStatuses } from './timesheets.repository';

/** How far back the engine reads: the 36 agreement's year and the 2–6-month averages. */
const HISTORY_MONTHS = 12;

/**
 * The month of every worker of the organisation who has a main job there, as the organisation
 * sees it. The rules are the engine's (assessWorkerMonth); this only loads the records: all the
 * person's employments (main job and declared side jobs) and the current segments of their
 * handed-in weeks (submitted or approved) from a year before the month to its last day. A week
 * before the first of those months is read from its Monday, so the first week counts whole.
 *
 * Workers without a main job here are left out: without a contract there is no week, wage or
 * agreement to hold the hours against (GET …/employments shows who still needs one).
 */
export async function buildComplianceReport(
  db: Kysely<Database>,
  organizationId: string,
  month: string,
): Promise<ComplianceResponse> {
  const workers = await listWorkersOf(db, organizationId);
  const ids = workers.map((w) => w.userId);
  const { first, last } = monthBounds(month);
  const employmentsByWorker = await listEmploymentsOfWorkers(db, ids);
  const segmentsByWorker = await listCountedSegments(
    db,
    ids,
    shiftIsoDate(monthsBefore(month, HISTORY_MONTHS), -6),
    last,
  );
  // Weeks with a day in the month: Mondays from six days before its first day.
  const statusesByWorker = await listWeekStatuses(db, ids, shiftIsoDate(first, -6), last);

  const rows: ComplianceRow[] = [];
  for (const worker of workers) {
    const employments = employmentsByWorker.get(worker.userId) ?? [];
    const main = employments.find(
      (e) => e.isPrimary && e.employerOrganizationId === organizationId,
    );
    if (!main) continue;
    const assessed = assessWorkerMonth({
      employments,
      segments: segmentsByWorker.get(worker.userId) ?? [],
      employmentId: main.id,
      month,
    });
    if (!assessed.ok) {
      // Every record was checked by the same rules when it was stored; this is a bug, not input.
      throw new Error(
        `stored working-time records of ${worker.userId} fail the engine's checks: ${assessed.problems.join('; ')}`,
      );
    }
    const statuses = statusesByWorker.get(worker.userId) ?? [];
    rows.push({
      workerUserId: worker.userId,
      workerName: worker.name,
      employments: employments.length,
      ...assessed.summary,
      weeksSubmitted: statuses.filter((s) => s === 'submitted' || s === 'approved').length,
      weeksPending: statuses.filter((s) => s === 'submitted').length,
    });
  }
  return {
    organizationId,
    month,
    rows,
    totals: {
      overtimeMinutes: rows.reduce((sum, r) => sum + r.overtimeMinutes, 0),
      premiumYen: rows.reduce((sum, r) => sum + r.premiumYen, 0),
      peopleNear: rows.filter((r) => r.alert === 'near').length,
      peopleOver: rows.filter((r) => r.alert === 'over').length,
    },
  };
}
