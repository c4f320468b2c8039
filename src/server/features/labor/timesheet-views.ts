import type { Kysely, Transaction } from 'kysely';
import type { TimesheetWeekView } from '../../../contracts/labor';
import type { Database } from '../../../db/database';
import { nationalHolidaysFrom } from '../../../domain/shared/national-holidays';
import {
  findWeek,
  listCurrentSegments,
  listReplacedSegments,
  listTimesheetEvents,
  type WeekRecord,
} from './timesheets.repository';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Weeks as the API shows them. `withHistory` false leaves `history` empty: lists show the
 * current segments and the events (who submitted, who sent it back and why); the replaced
 * segments are read one week at a time.
 */
export async function buildWeekViews(
  db: Db,
  weeks: readonly WeekRecord[],
  opts: { withHistory: boolean },
): Promise<TimesheetWeekView[]> {
  const ids = weeks.map((w) => w.id);
  const segments = await listCurrentSegments(db, ids);
  const events = await listTimesheetEvents(db, ids);
  const views: TimesheetWeekView[] = [];
  for (const week of weeks) {
    const current = segments.get(week.id) ?? [];
    views.push({
      id: week.id,
      workerUserId: week.workerUserId,
      workerName: week.workerName,
      weekStart: week.weekStart,
      status: week.status,
      segments: current,
      history: opts.withHistory ? await listReplacedSegments(db, week.id) : [],
      events: events.get(week.id) ?? [],
      holidays: nationalHolidaysFrom(week.weekStart, 7),
      totalWorkedMinutes: current.reduce((sum, s) => sum + s.workedMinutes, 0),
    });
  }
  return views;
}

/** A person's week with its history; a week never written is an empty draft with id null. */
export async function loadWeekView(
  db: Db,
  worker: { userId: string; name: string },
  weekStart: string,
): Promise<TimesheetWeekView> {
  const week = await findWeek(db, worker.userId, weekStart);
  if (week) {
    const [view] = await buildWeekViews(db, [week], { withHistory: true });
    if (view) return view;
  }
  return {
    id: null,
    workerUserId: worker.userId,
    workerName: worker.name,
    weekStart,
    status: 'draft',
    segments: [],
    history: [],
    events: [],
    holidays: nationalHolidaysFrom(weekStart, 7),
    totalWorkedMinutes: 0,
  };
}
