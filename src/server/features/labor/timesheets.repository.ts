import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { segmentInput, segmentView, timesheetEventView } from '../../../contracts/labor';
import type { Database, TimesheetEventType } from '../../../db/database';
import { formatClockMinutes, parseClockMinutes } from '../../../domain/labor/labor-calendar';
import type { TimesheetStatus } from '../../../domain/labor/timesheet-workflow';
import type { TimesheetSegment } from '../../../domain/labor/worker-labor-input';

type Db = Kysely<Database> | Transaction<Database>;

export type SegmentInput = z.output<typeof segmentInput>;
export type SegmentRecord = z.infer<typeof segmentView>;
export type ReplacedSegmentRecord = SegmentRecord & { replacedAt: string };
export type TimesheetEventRecord = z.infer<typeof timesheetEventView>;

export type WeekRecord = {
  id: string;
  workerUserId: string;
  workerName: string;
  weekStart: string;
  status: TimesheetStatus;
};

/** The latest clock time an end may be written as ('47:59'), as the engine reads it. */
const MAX_END_HOUR = 47;

function weekQuery(db: Db) {
  return db
    .selectFrom('timesheet_weeks as w')
    .innerJoin('users as u', 'u.id', 'w.worker_user_id')
    .select(['w.id', 'w.worker_user_id', 'u.name', 'w.week_start', 'w.status']);
}

type WeekRow = {
  id: string;
  worker_user_id: string;
  name: string;
  week_start: string;
  status: TimesheetStatus;
};

function toWeek(r: WeekRow): WeekRecord {
  return {
    id: r.id,
    workerUserId: r.worker_user_id,
    workerName: r.name,
    weekStart: r.week_start,
    status: r.status,
  };
}

export async function findWeek(
  db: Db,
  workerUserId: string,
  weekStart: string,
): Promise<WeekRecord | undefined> {
  const row = await weekQuery(db)
    .where('w.worker_user_id', '=', workerUserId)
    .where('w.week_start', '=', weekStart)
    .executeTakeFirst();
  return row ? toWeek(row) : undefined;
}

export async function findWeekById(db: Db, id: string): Promise<WeekRecord | undefined> {
  const row = await weekQuery(db).where('w.id', '=', id).executeTakeFirst();
  return row ? toWeek(row) : undefined;
}

/**
 * The week, created as a draft if it does not exist yet, and locked for the rest of the
 * caller's transaction: a save and a submit of the same week never interleave.
 */
export async function lockOrCreateWeek(
  trx: Transaction<Database>,
  workerUserId: string,
  weekStart: string,
  now: Date,
): Promise<WeekRecord> {
  await trx
    .insertInto('timesheet_weeks')
    .values({
      id: randomUUID(),
      worker_user_id: workerUserId,
      week_start: weekStart,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.constraint('timesheet_weeks_worker_week_key').doNothing())
    .execute();
  return lockWeek(trx, workerUserId, weekStart);
}

async function lockWeek(
  trx: Transaction<Database>,
  workerUserId: string,
  weekStart: string,
): Promise<WeekRecord> {
  const locked = await trx
    .selectFrom('timesheet_weeks')
    .select('id')
    .where('worker_user_id', '=', workerUserId)
    .where('week_start', '=', weekStart)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row = await weekQuery(trx).where('w.id', '=', locked.id).executeTakeFirstOrThrow();
  return toWeek(row);
}

/** The stored week locked for the transaction, or undefined when there is none. */
export async function lockWeekById(
  trx: Transaction<Database>,
  id: string,
): Promise<WeekRecord | undefined> {
  const locked = await trx
    .selectFrom('timesheet_weeks')
    .select(['worker_user_id', 'week_start'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? lockWeek(trx, locked.worker_user_id, locked.week_start) : undefined;
}

export async function setWeekStatus(
  db: Db,
  weekId: string,
  status: TimesheetStatus,
  now: Date,
): Promise<void> {
  await db
    .updateTable('timesheet_weeks')
    .set({ status, updated_at: now })
    .where('id', '=', weekId)
    .execute();
}

export async function insertTimesheetEvent(
  db: Db,
  e: {
    weekId: string;
    event: TimesheetEventType;
    actorUserId: string | null;
    comment: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('timesheet_events')
    .values({
      week_id: e.weekId,
      event: e.event,
      actor_user_id: e.actorUserId,
      comment: e.comment,
      occurred_at: e.at,
    })
    .execute();
}

function segmentQuery(db: Db) {
  return db
    .selectFrom('work_segments as s')
    .innerJoin('employments as e', 'e.id', 's.employment_id')
    .leftJoin('organizations as o', 'o.id', 'e.employer_organization_id')
    .select((eb) => [
      's.id',
      's.week_id',
      's.employment_id',
      eb.fn.coalesce('o.name', 'e.employer_name').as('employer_name'),
      's.work_date',
      's.start_minute',
      's.end_minute',
      's.break_minutes',
      's.contracted',
      's.location',
      's.municipality_code',
      's.source',
      's.note',
      's.superseded_at',
    ]);
}

type SegmentRow = {
  id: string;
  week_id: string;
  employment_id: string;
  employer_name: string | null;
  work_date: string;
  start_minute: number;
  end_minute: number;
  break_minutes: number;
  contracted: boolean;
  location: SegmentRecord['location'];
  municipality_code: string | null;
  source: SegmentRecord['source'];
  note: string | null;
  superseded_at: Date | null;
};

function toSegment(r: SegmentRow): SegmentRecord {
  return {
    id: r.id,
    employmentId: r.employment_id,
    employerName: r.employer_name ?? '',
    date: r.work_date,
    start: formatClockMinutes(r.start_minute),
    end: formatClockMinutes(r.end_minute),
    breakMinutes: r.break_minutes,
    contracted: r.contracted,
    location: r.location,
    municipalityCode: r.municipality_code,
    source: r.source,
    note: r.note,
    workedMinutes: r.end_minute - r.start_minute - r.break_minutes,
  };
}

/** The current segments of each week, in the order of the day: date, then start time. */
export async function listCurrentSegments(
  db: Db,
  weekIds: readonly string[],
): Promise<Map<string, SegmentRecord[]>> {
  const byWeek = new Map<string, SegmentRecord[]>(weekIds.map((id) => [id, []]));
  if (weekIds.length === 0) return byWeek;
  const rows = await segmentQuery(db)
    .where('s.week_id', 'in', weekIds)
    .where('s.superseded_at', 'is', null)
    .orderBy('s.work_date')
    .orderBy('s.start_minute')
    .orderBy('s.end_minute')
    .orderBy('s.id')
    .execute();
  for (const row of rows) byWeek.get(row.week_id)?.push(toSegment(row));
  return byWeek;
}

/** Segments a later save replaced, the most recently replaced first. */
export async function listReplacedSegments(
  db: Db,
  weekId: string,
): Promise<ReplacedSegmentRecord[]> {
  const rows = await segmentQuery(db)
    .where('s.week_id', '=', weekId)
    .where('s.superseded_at', 'is not', null)
    .orderBy('s.superseded_at', 'desc')
    .orderBy('s.work_date')
    .orderBy('s.start_minute')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    ...toSegment(r),
    replacedAt: (r.superseded_at ?? new Date(0)).toISOString(),
  }));
}

/** Each week's events, oldest first. */
export async function listTimesheetEvents(
  db: Db,
  weekIds: readonly string[],
): Promise<Map<string, TimesheetEventRecord[]>> {
  const byWeek = new Map<string, TimesheetEventRecord[]>(weekIds.map((id) => [id, []]));
  if (weekIds.length === 0) return byWeek;
  const rows = await db
    .selectFrom('timesheet_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_user_id')
    .select(['ev.week_id', 'ev.event', 'u.name', 'ev.occurred_at', 'ev.comment'])
    .where('ev.week_id', 'in', weekIds)
    .orderBy('ev.occurred_at')
    .orderBy('ev.id')
    .execute();
  for (const r of rows) {
    byWeek.get(r.week_id)?.push({
      event: r.event,
      actorName: r.name,
      at: r.occurred_at.toISOString(),
      comment: r.comment,
    });
  }
  return byWeek;
}

/** What makes two segments the same report; a save keeps a row whose report did not change. */
function sameReportKey(s: {
  employmentId: string;
  date: string;
  startMinute: number;
  endMinute: number;
  breakMinutes: number;
  contracted: boolean;
  location: string;
  municipalityCode: string | null;
  source: string;
  note: string | null;
}): string {
  return JSON.stringify([
    s.employmentId,
    s.date,
    s.startMinute,
    s.endMinute,
    s.breakMinutes,
    s.contracted,
    s.location,
    s.municipalityCode,
    s.source,
    s.note,
  ]);
}

function clockMinutes(text: string): number {
  const minutes = parseClockMinutes(text, MAX_END_HOUR);
  if (minutes === null) throw new RangeError(`not a validated clock time: ${text}`);
  return minutes;
}

function toSegmentRow(weekId: string, s: SegmentInput, now: Date) {
  return {
    id: randomUUID(),
    week_id: weekId,
    employment_id: s.employmentId,
    work_date: s.date,
    start_minute: clockMinutes(s.start),
    end_minute: clockMinutes(s.end),
    break_minutes: s.breakMinutes,
    contracted: s.contracted,
    location: s.location,
    municipality_code: s.municipalityCode,
    source: s.source,
    note: s.note,
    created_at: now,
  };
}

/**
 * Adds `segments` to the week's current set, replacing nothing (an import). Run inside the
 * caller's transaction, with the week locked and the segments checked against the ones kept.
 */
export async function addWeekSegments(
  trx: Transaction<Database>,
  weekId: string,
  segments: readonly SegmentInput[],
  now: Date,
): Promise<void> {
  // In chunks: PostgreSQL takes at most 65 535 parameters in one statement.
  for (let from = 0; from < segments.length; from += INSERT_CHUNK_ROWS) {
    await trx
      .insertInto('work_segments')
      .values(
        segments.slice(from, from + INSERT_CHUNK_ROWS).map((s) => toSegmentRow(weekId, s, now)),
      )
      .execute();
  }
}

const INSERT_CHUNK_ROWS = 1000;

/**
 * Makes `segments` the week's current set. Rows whose report is unchanged stay as they are;
 * the others are marked replaced at `now` (never deleted) and the new ones added. Run inside
 * the caller's transaction, with the week locked.
 */
export async function replaceWeekSegments(
  trx: Transaction<Database>,
  weekId: string,
  segments: readonly SegmentInput[],
  now: Date,
): Promise<{ kept: number; added: number; replaced: number }> {
  const current = await trx
    .selectFrom('work_segments')
    .select([
      'id',
      'employment_id',
      'work_date',
      'start_minute',
      'end_minute',
      'break_minutes',
      'contracted',
      'location',
      'municipality_code',
      'source',
      'note',
    ])
    .where('week_id', '=', weekId)
    .where('superseded_at', 'is', null)
    .execute();
  const unmatched = new Map<string, string[]>();
  for (const row of current) {
    const key = sameReportKey({
      employmentId: row.employment_id,
      date: row.work_date,
      startMinute: row.start_minute,
      endMinute: row.end_minute,
      breakMinutes: row.break_minutes,
      contracted: row.contracted,
      location: row.location,
      municipalityCode: row.municipality_code,
      source: row.source,
      note: row.note,
    });
    unmatched.set(key, [...(unmatched.get(key) ?? []), row.id]);
  }

  const toInsert = [];
  let kept = 0;
  for (const s of segments) {
    const startMinute = clockMinutes(s.start);
    const endMinute = clockMinutes(s.end);
    const key = sameReportKey({ ...s, startMinute, endMinute });
    const same = unmatched.get(key);
    if (same && same.length > 0) {
      same.pop();
      kept++;
      continue;
    }
    toInsert.push(toSegmentRow(weekId, s, now));
  }
  const replacedIds = [...unmatched.values()].flat();
  if (replacedIds.length > 0) {
    await trx
      .updateTable('work_segments')
      .set({ superseded_at: now })
      .where('id', 'in', replacedIds)
      .execute();
  }
  if (toInsert.length > 0) await trx.insertInto('work_segments').values(toInsert).execute();
  return { kept, added: toInsert.length, replaced: replacedIds.length };
}

/**
 * A person's current segments on the given dates, whatever the state of their weeks: the
 * neighbours a week's segments must not overlap.
 */
export async function listCurrentSegmentsOnDates(
  db: Db,
  workerUserId: string,
  dates: readonly string[],
): Promise<TimesheetSegment[]> {
  if (dates.length === 0) return [];
  const rows = await db
    .selectFrom('work_segments as s')
    .innerJoin('timesheet_weeks as w', 'w.id', 's.week_id')
    .select([
      's.employment_id',
      's.work_date',
      's.start_minute',
      's.end_minute',
      's.break_minutes',
      's.contracted',
    ])
    .where('w.worker_user_id', '=', workerUserId)
    .where('s.work_date', 'in', dates)
    .where('s.superseded_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    employmentId: r.employment_id,
    date: r.work_date,
    start: formatClockMinutes(r.start_minute),
    end: formatClockMinutes(r.end_minute),
    breakMinutes: r.break_minutes,
    contracted: r.contracted,
  }));
}

/** Weeks of the given people, newest first, then by name. */
export async function listWeeks(
  db: Db,
  filter: {
    workerUserIds: readonly string[];
    statuses: readonly TimesheetStatus[];
    weekStart?: string;
  },
): Promise<WeekRecord[]> {
  if (filter.workerUserIds.length === 0 || filter.statuses.length === 0) return [];
  let q = weekQuery(db)
    .where('w.worker_user_id', 'in', filter.workerUserIds)
    .where('w.status', 'in', filter.statuses)
    .orderBy('w.week_start', 'desc')
    .orderBy('u.name')
    .orderBy('w.id');
  if (filter.weekStart !== undefined) q = q.where('w.week_start', '=', filter.weekStart);
  return (await q.execute()).map(toWeek);
}

/**
 * The segments the compliance figures count: current segments of handed-in weeks (submitted or
 * approved) dated from `fromDate` to `toDate`, by person.
 */
export async function listCountedSegments(
  db: Db,
  workerUserIds: readonly string[],
  fromDate: string,
  toDate: string,
): Promise<Map<string, TimesheetSegment[]>> {
  const byWorker = new Map<string, TimesheetSegment[]>();
  if (workerUserIds.length === 0) return byWorker;
  const rows = await db
    .selectFrom('work_segments as s')
    .innerJoin('timesheet_weeks as w', 'w.id', 's.week_id')
    .select([
      'w.worker_user_id',
      's.employment_id',
      's.work_date',
      's.start_minute',
      's.end_minute',
      's.break_minutes',
      's.contracted',
    ])
    .where('w.worker_user_id', 'in', workerUserIds)
    .where('w.status', 'in', ['submitted', 'approved'])
    .where('s.superseded_at', 'is', null)
    .where('s.work_date', '>=', fromDate)
    .where('s.work_date', '<=', toDate)
    .orderBy('s.work_date')
    .orderBy('s.start_minute')
    .orderBy('s.id')
    .execute();
  for (const r of rows) {
    const list = byWorker.get(r.worker_user_id) ?? [];
    list.push({
      employmentId: r.employment_id,
      date: r.work_date,
      start: formatClockMinutes(r.start_minute),
      end: formatClockMinutes(r.end_minute),
      breakMinutes: r.break_minutes,
      contracted: r.contracted,
    });
    byWorker.set(r.worker_user_id, list);
  }
  return byWorker;
}

/** The status of every stored week starting between two Mondays, by person. */
export async function listWeekStatuses(
  db: Db,
  workerUserIds: readonly string[],
  fromWeekStart: string,
  toWeekStart: string,
): Promise<Map<string, TimesheetStatus[]>> {
  const byWorker = new Map<string, TimesheetStatus[]>();
  if (workerUserIds.length === 0) return byWorker;
  const rows = await db
    .selectFrom('timesheet_weeks')
    .select(['worker_user_id', 'status'])
    .where('worker_user_id', 'in', workerUserIds)
    .where('week_start', '>=', fromWeekStart)
    .where('week_start', '<=', toWeekStart)
    .execute();
  for (const r of rows) {
    byWorker.set(r.worker_user_id, [...(byWorker.get(r.worker_user_id) ?? []), r.status]);
  }
  return byWorker;
}
