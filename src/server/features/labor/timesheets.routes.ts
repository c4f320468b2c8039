import type { Transaction } from 'kysely';
import { errorReplies, idParams } from '../../../contracts/common';
import {
  correctionRequest,
  reviewRequest,
  saveSegmentsRequest,
  timesheetListQuery,
  timesheetListResponse,
  timesheetReviewParams,
  timesheetWeekView,
  weekParams,
} from '../../../contracts/labor';
import type { Database } from '../../../db/database';
import {
  decideTimesheetAction,
  employerVisibleStatuses,
  shiftIsoDate,
  weekDates,
} from '../../../domain/labor/timesheet-workflow';
import { validateTimesheetSegments } from '../../../domain/labor/worker-labor-input';
import type { AppInstance } from '../../app-types';
import { AppError, notFound, type ErrorDetail } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import {
  isWorkerOf,
  listEmploymentsOfWorker,
  listWorkersOf,
  municipalityExists,
} from './employments.repository';
import { administeredOrganization, checkedWeekStart } from './labor-access';
import { buildWeekViews, loadWeekView } from './timesheet-views';
import {
  findWeek,
  insertTimesheetEvent,
  listCurrentSegments,
  listCurrentSegmentsOnDates,
  listWeeks,
  lockOrCreateWeek,
  lockWeekById,
  replaceWeekSegments,
  setWeekStatus,
  type SegmentInput,
  type WeekRecord,
} from './timesheets.repository';

function conflict(weekStart: string, reason: string): AppError {
  return new AppError('conflict', `Timesheet week ${weekStart}: ${reason}`);
}

/**
 * The problems of a week's segments, each addressed to `pathOf(index)`: the engine's rules
 * (validateTimesheetSegments, against the worker's own employments and the stored days either
 * side of the week) and known municipality codes.
 */
async function segmentProblems(
  trx: Transaction<Database>,
  workerUserId: string,
  weekStart: string,
  segments: readonly SegmentInput[],
  pathOf: (index: number) => string,
): Promise<ErrorDetail[]> {
  const employments = await listEmploymentsOfWorker(trx, workerUserId);
  const neighbours = await listCurrentSegmentsOnDates(trx, workerUserId, [
    shiftIsoDate(weekStart, -1),
    shiftIsoDate(weekStart, 7),
  ]);
  const details = validateTimesheetSegments({
    weekDates: weekDates(weekStart),
    employments,
    segments,
    neighbours,
  }).map((p) => ({
    path: p.field === null ? pathOf(p.index) : `${pathOf(p.index)}.${p.field}`,
    message: p.message,
  }));
  const checked = new Map<string, boolean>();
  for (const [index, segment] of segments.entries()) {
    const code = segment.municipalityCode;
    if (code === null) continue;
    if (!checked.has(code)) checked.set(code, await municipalityExists(trx, code));
    if (!checked.get(code)) {
      details.push({
        path: `${pathOf(index)}.municipalityCode`,
        message: `no municipality has code ${code}`,
      });
    }
  }
  return details;
}

function invalid(where: string, details: ErrorDetail[]): AppError {
  return new AppError(
    'validation_failed',
    `Invalid ${where}: ${details.map((d) => d.path).join(', ')}`,
    details,
  );
}

async function weekViewOf(app: AppInstance, actor: Actor, weekStart: string) {
  return loadWeekView(app.db, { userId: actor.userId, name: actor.name }, weekStart);
}

export async function timesheetsRoutes(app: AppInstance): Promise<void> {
  const now = () => new Date(app.clock.now());

  app.get(
    '/me/timesheets/:weekStart',
    {
      schema: {
        tags: ['working time'],
        summary: 'Your timesheet week (Monday to Sunday); an empty draft if never written',
        params: weekParams,
        response: { 200: timesheetWeekView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return weekViewOf(app, actor, checkedWeekStart(request.params.weekStart));
    },
  );

  app.put(
    '/me/timesheets/:weekStart/segments',
    {
      schema: {
        tags: ['working time'],
        summary:
          "Save the week's segments (replaces the current set; replaced segments stay in history)",
        params: weekParams,
        body: saveSegmentsRequest,
        response: { 200: timesheetWeekView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const weekStart = checkedWeekStart(request.params.weekStart);
      const { segments } = request.body;
      await app.db.transaction().execute(async (trx) => {
        const at = now();
        const week = await lockOrCreateWeek(trx, actor.userId, weekStart, at);
        const decision = decideTimesheetAction(week.status, 'edit', 0);
        if (!decision.ok) throw conflict(weekStart, decision.reason);
        const details = await segmentProblems(
          trx,
          actor.userId,
          weekStart,
          segments,
          (i) => `body.segments[${i}]`,
        );
        if (details.length > 0) throw invalid('body', details);
        await replaceWeekSegments(trx, week.id, segments, at);
        await insertTimesheetEvent(trx, {
          weekId: week.id,
          event: 'saved',
          actorUserId: actor.userId,
          comment: null,
          at,
        });
      });
      return weekViewOf(app, actor, weekStart);
    },
  );

  app.post(
    '/me/timesheets/:weekStart/copy-previous',
    {
      schema: {
        tags: ['working time'],
        summary: "Fill an empty week with the previous week's segments, 7 days later",
        params: weekParams,
        response: { 200: timesheetWeekView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const weekStart = checkedWeekStart(request.params.weekStart);
      const previousStart = shiftIsoDate(weekStart, -7);
      await app.db.transaction().execute(async (trx) => {
        const at = now();
        const week = await lockOrCreateWeek(trx, actor.userId, weekStart, at);
        const current = (await listCurrentSegments(trx, [week.id])).get(week.id) ?? [];
        const decision = decideTimesheetAction(week.status, 'copy_previous', current.length);
        if (!decision.ok) throw conflict(weekStart, decision.reason);
        const previous = await findWeek(trx, actor.userId, previousStart);
        const source = previous
          ? ((await listCurrentSegments(trx, [previous.id])).get(previous.id) ?? [])
          : [];
        if (source.length === 0) {
          throw conflict(weekStart, `the week of ${previousStart} has no segments to copy`);
        }
        const copies: SegmentInput[] = source.map((s) => ({
          employmentId: s.employmentId,
          date: shiftIsoDate(s.date, 7),
          start: s.start,
          end: s.end,
          breakMinutes: s.breakMinutes,
          contracted: s.contracted,
          location: s.location,
          municipalityCode: s.municipalityCode,
          source: s.source,
          note: s.note,
        }));
        const details = await segmentProblems(
          trx,
          actor.userId,
          weekStart,
          copies,
          (i) => `copied segments[${i}]`,
        );
        if (details.length > 0) {
          throw new AppError(
            'conflict',
            `The week of ${previousStart} cannot be copied as it is; enter this week instead`,
            details,
          );
        }
        await replaceWeekSegments(trx, week.id, copies, at);
        await insertTimesheetEvent(trx, {
          weekId: week.id,
          event: 'copied_previous',
          actorUserId: actor.userId,
          comment: null,
          at,
        });
      });
      return weekViewOf(app, actor, weekStart);
    },
  );

  app.post(
    '/me/timesheets/:weekStart/submit',
    {
      schema: {
        tags: ['working time'],
        summary: 'Submit the week to your employer for approval',
        params: weekParams,
        response: { 200: timesheetWeekView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const weekStart = checkedWeekStart(request.params.weekStart);
      await app.db.transaction().execute(async (trx) => {
        const at = now();
        const week = await lockOrCreateWeek(trx, actor.userId, weekStart, at);
        const count = ((await listCurrentSegments(trx, [week.id])).get(week.id) ?? []).length;
        const decision = decideTimesheetAction(week.status, 'submit', count);
        if (!decision.ok) throw conflict(weekStart, decision.reason);
        await setWeekStatus(trx, week.id, decision.status, at);
        await insertTimesheetEvent(trx, {
          weekId: week.id,
          event: 'submitted',
          actorUserId: actor.userId,
          comment: null,
          at,
        });
      });
      return weekViewOf(app, actor, weekStart);
    },
  );

  app.get(
    '/organizations/:id/timesheets',
    {
      schema: {
        tags: ['working time'],
        summary:
          "Timesheet weeks of the organisation's workers that were handed in (drafts stay private)",
        params: idParams,
        querystring: timesheetListQuery,
        response: { 200: timesheetListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await administeredOrganization(app.db, actor, request.params.id);
      const { status, weekStart } = request.query;
      if (weekStart !== undefined) checkedWeekStart(weekStart, 'querystring.weekStart');
      const workers = await listWorkersOf(app.db, org.id);
      const weeks = await listWeeks(app.db, {
        workerUserIds: workers.map((w) => w.userId),
        statuses:
          status === undefined
            ? employerVisibleStatuses
            : employerVisibleStatuses.filter((s) => s === status),
        ...(weekStart !== undefined ? { weekStart } : {}),
      });
      // Lists leave `history` empty (one query per week otherwise); a single week has it.
      return { items: await buildWeekViews(app.db, weeks, { withHistory: false }) };
    },
  );

  const review = (action: 'approve' | 'request_correction') =>
    async function reviewWeek(
      actor: Actor,
      organizationId: string,
      weekId: string,
      comment: string | null,
    ) {
      const org = await administeredOrganization(app.db, actor, organizationId);
      const week = await app.db.transaction().execute(async (trx): Promise<WeekRecord> => {
        const at = now();
        const found = await lockWeekById(trx, weekId);
        // A week of someone who is not this company's worker does not exist for it.
        if (!found || !(await isWorkerOf(trx, org.id, found.workerUserId))) {
          throw notFound('Timesheet week');
        }
        const decision = decideTimesheetAction(found.status, action, 0);
        if (!decision.ok) throw conflict(found.weekStart, decision.reason);
        await setWeekStatus(trx, found.id, decision.status, at);
        await insertTimesheetEvent(trx, {
          weekId: found.id,
          event: action === 'approve' ? 'approved' : 'correction_requested',
          actorUserId: actor.userId,
          comment,
          at,
        });
        return { ...found, status: decision.status };
      });
      const [view] = await buildWeekViews(app.db, [week], { withHistory: true });
      if (!view) throw notFound('Timesheet week');
      return view;
    };
  const approveWeek = review('approve');
  const requestCorrection = review('request_correction');

  app.post(
    '/organizations/:id/timesheets/:weekId/approve',
    {
      schema: {
        tags: ['working time'],
        summary: 'Approve a submitted week (optional comment)',
        params: timesheetReviewParams,
        body: reviewRequest,
        response: { 200: timesheetWeekView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const comment = request.body.comment;
      return approveWeek(
        actor,
        request.params.id,
        request.params.weekId,
        comment === undefined || comment === '' ? null : comment,
      );
    },
  );

  app.post(
    '/organizations/:id/timesheets/:weekId/request-correction',
    {
      schema: {
        tags: ['working time'],
        summary: 'Send a submitted week back to the worker with a comment',
        params: timesheetReviewParams,
        body: correctionRequest,
        response: { 200: timesheetWeekView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return requestCorrection(
        actor,
        request.params.id,
        request.params.weekId,
        request.body.comment,
      );
    },
  );
}
