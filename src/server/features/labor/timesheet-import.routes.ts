import { errorReplies } from '../../../contracts/common';
import {
  PC_LOG_CSV_MAX_BYTES,
  pcLogImportRequest,
  pcLogImportResponse,
} from '../../../contracts/labor';
import {
  parsePcLogCsv,
  planPcLogImport,
  type PcLogLineProblem,
  type PcLogSegmentRow,
} from '../../../domain/labor/pc-log-csv';
import {
  decideTimesheetAction,
  shiftIsoDate,
  weekDates,
} from '../../../domain/labor/timesheet-workflow';
import { validateTimesheetSegments } from '../../../domain/labor/worker-labor-input';
import type { AppInstance } from '../../app-types';
import { AppError, type ErrorDetail } from '../../errors';
import { requireActor } from '../../plugins/auth';
import { listEmploymentsOfWorker } from './employments.repository';
import { buildWeekViews } from './timesheet-views';
import {
  addWeekSegments,
  insertTimesheetEvent,
  listCurrentSegments,
  listCurrentSegmentsOnDates,
  lockOrCreateWeek,
  type SegmentInput,
  type WeekRecord,
} from './timesheets.repository';

/** The CSV column a segment field came from, for messages addressed to a line of the file. */
const columnOfField: Record<string, string> = { employmentId: 'employment', breakMinutes: 'break' };

function byLine(problems: readonly PcLogLineProblem[]): ErrorDetail[] {
  return [...problems]
    .sort((a, b) => a.line - b.line)
    .map((p) => ({ path: `csv line ${p.line}`, message: p.reason }));
}

function invalidCsv(problems: readonly PcLogLineProblem[]): AppError {
  const details = byLine(problems);
  const lines = [...new Set(problems.map((p) => p.line))].sort((a, b) => a - b);
  return new AppError(
    'validation_failed',
    `Nothing was imported: ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')} of the CSV cannot be added`,
    details,
  );
}

export async function timesheetImportRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/me/timesheets/import',
    {
      // The CSV travels inside JSON, where every line break and quote takes two bytes.
      bodyLimit: 3 * PC_LOG_CSV_MAX_BYTES,
      schema: {
        tags: ['working time'],
        summary:
          'Import a PC/VPN log (CSV) as segments of your weeks (source pc_log); all or nothing',
        description:
          'Header `date,start,end` (or 日付,開始,終了) or `logon,logoff` with full timestamps, ' +
          'optional employment (id or employer name), break (minutes) and note. Rows that cannot ' +
          'be read are skipped and listed in `rejected`; if any readable row conflicts with what ' +
          'is stored (an overlap, an unknown employment) nothing is written and the answer is 400 ' +
          'listing every line. A submitted or approved week makes the import 409.',
        body: pcLogImportRequest,
        response: { 200: pcLogImportResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { csv, employmentId, contracted, location } = request.body;
      const parsed = parsePcLogCsv(csv);
      if (!parsed.ok) {
        throw new AppError('validation_failed', 'Invalid body: body.csv', [
          { path: 'body.csv', message: parsed.problem },
        ]);
      }

      const weeks = await app.db.transaction().execute(async (trx): Promise<WeekRecord[]> => {
        const at = new Date(app.clock.now());
        const employments = await listEmploymentsOfWorker(trx, actor.userId);
        if (!employments.some((e) => e.id === employmentId)) {
          throw new AppError('validation_failed', 'Invalid body: body.employmentId', [
            { path: 'body.employmentId', message: 'not one of your employments' },
          ]);
        }
        if (parsed.rows.length === 0) {
          throw parsed.rejected.length > 0
            ? invalidCsv(parsed.rejected)
            : new AppError('validation_failed', 'Invalid body: body.csv', [
                { path: 'body.csv', message: 'no rows after the header' },
              ]);
        }
        const plan = planPcLogImport(parsed.rows, {
          employments,
          defaultEmploymentId: employmentId,
        });

        // Locked in date order, so two imports over the same weeks queue rather than deadlock.
        const locked: WeekRecord[] = [];
        for (const { weekStart } of plan.weeks) {
          locked.push(await lockOrCreateWeek(trx, actor.userId, weekStart, at));
        }
        const refused = locked.flatMap((week) => {
          const decision = decideTimesheetAction(week.status, 'edit', 0);
          return decision.ok ? [] : [{ weekStart: week.weekStart, reason: decision.reason }];
        });
        if (refused.length > 0) {
          throw new AppError(
            'conflict',
            `Nothing was imported: timesheet week ${refused.map((r) => r.weekStart).join(', ')} cannot change (${refused[0]!.reason})`,
            refused.map((r) => ({ path: `week ${r.weekStart}`, message: r.reason })),
          );
        }

        // One check over every imported row: against each other (across week boundaries too),
        // the segments the weeks keep, and the stored days either side of the imported weeks.
        const segmentOf = (row: PcLogSegmentRow): SegmentInput => ({
          employmentId: row.employmentId,
          date: row.date,
          start: row.start,
          end: row.end,
          breakMinutes: row.breakMinutes,
          contracted,
          location,
          municipalityCode: null,
          source: 'pc_log',
          note: row.note,
        });
        const rows = plan.weeks.flatMap((w) => w.rows);
        const current = await listCurrentSegments(
          trx,
          locked.map((w) => w.id),
        );
        const dates = plan.weeks.flatMap((w) => weekDates(w.weekStart));
        const inWeeks = new Set(dates);
        const neighbourDates = plan.weeks
          .flatMap((w) => [shiftIsoDate(w.weekStart, -1), shiftIsoDate(w.weekStart, 7)])
          .filter((d) => !inWeeks.has(d));
        const problems = validateTimesheetSegments({
          weekDates: dates,
          employments,
          segments: rows.map(segmentOf),
          stored: [...current.values()].flat(),
          neighbours: await listCurrentSegmentsOnDates(trx, actor.userId, neighbourDates),
          nameOf: (k) => `line ${rows[k]!.line}`,
        }).map((p) => ({
          line: rows[p.index]!.line,
          reason:
            p.field === null ? p.message : `${columnOfField[p.field] ?? p.field}: ${p.message}`,
        }));
        if (plan.problems.length > 0 || problems.length > 0) {
          throw invalidCsv([...parsed.rejected, ...plan.problems, ...problems]);
        }

        for (const [i, week] of locked.entries()) {
          const weekRows = plan.weeks[i]!.rows;
          await addWeekSegments(trx, week.id, weekRows.map(segmentOf), at);
          await insertTimesheetEvent(trx, {
            weekId: week.id,
            event: 'saved',
            actorUserId: actor.userId,
            comment: `PC log import (${weekRows.length} ${weekRows.length === 1 ? 'row' : 'rows'})`,
            at,
          });
        }
        return locked;
      });

      return {
        weeks: await buildWeekViews(app.db, weeks, { withHistory: true }),
        imported: parsed.rows.length,
        rejected: parsed.rejected,
      };
    },
  );
}
