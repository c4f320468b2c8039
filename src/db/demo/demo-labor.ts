import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type {
  Database,
  EmploymentsTable,
  TimesheetEventsTable,
  TimesheetWeeksTable,
  WorkLocation,
  WorkSegmentsTable,
} from '../database';
import type { Weekday } from '../../domain/labor/labor-calendar';
import {
  shiftIsoDate,
  weekDates,
  type TimesheetStatus,
} from '../../domain/labor/timesheet-workflow';
import { nationalHolidaysFrom } from '../../domain/shared/national-holidays';
import { seededRandom } from '../../domain/shared/seeded-random';

/**
 * The demo's working time (issue 4): every demo worker's main job, the demo worker's side job
 * at 軽井沢町, and eight weeks of timesheets (2026-09-28 to 2026-11-22) for the twelve workers of
 * 株式会社みらいソフト, so its HR dashboard for November shows people within, near and over the
 * 45-hour line. Deterministic: a fixed generator, fixed dates and times.
 */

/** Each company's week start (就業規則); the legal holiday is Sunday everywhere. */
export const demoWeekStarts: Readonly<Record<string, Weekday>> = {
  mirai: 'monday',
  toto: 'sunday',
  sakura: 'monday',
  hikari: 'sunday',
  nihonbashi: 'monday',
};

/** The demo worker's week left empty for the browser test to fill and submit. */
export const DEMO_OPEN_WEEK = '2026-11-16';
export const DEMO_TIMESHEET_COMPANY = 'mirai';
const WEEKS = [
  '2026-09-28',
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
];

export type DemoWorker = {
  userId: string;
  /** The demo organisation key of their company. */
  companyKey: string;
  isDemoLogin: boolean;
};

/**
 * How a みらいソフト worker's evenings go: minutes past 18:00 on a weekday in October and in
 * November. The first three are the ones HR should notice.
 */
type Profile =
  | { kind: 'steady'; octoberMinutes: number; novemberMinutes: number }
  | { kind: 'light' }
  | { kind: 'night-maintenance' }
  | { kind: 'demo' };

type PlannedSegment = {
  employmentId: string;
  date: string;
  startMinute: number;
  endMinute: number;
  breakMinutes: number;
  contracted: boolean;
  location: WorkLocation;
  municipalityCode: string | null;
  source: 'self' | 'pc_log' | 'check_in';
  note: string | null;
};

const KARUIZAWA_CODE = '203211';
const hm = (h: number, m = 0) => h * 60 + m;

export async function seedDemoWorkingTime(
  trx: Transaction<Database>,
  opts: { orgIds: ReadonlyMap<string, string>; workers: readonly DemoWorker[]; hrUserId: string },
): Promise<void> {
  const rand = seededRandom(20261104);
  const employmentOf = new Map<string, string>();
  const employments: Insertable<EmploymentsTable>[] = opts.workers.map((w) => {
    const id = randomUUID();
    employmentOf.set(w.userId, id);
    const year = 1995 + Math.floor(rand() * 30);
    const month = [4, 4, 4, 10, 1, 7][Math.floor(rand() * 6)]!;
    const wage = 1800 + Math.floor(rand() * 45) * 50;
    return {
      id,
      worker_user_id: w.userId,
      employer_organization_id: opts.orgIds.get(w.companyKey)!,
      employer_name: null,
      is_primary: true,
      relation: 'employee',
      contract_signed_on: w.isDemoLogin
        ? '2008-04-01'
        : `${year}-${String(month).padStart(2, '0')}-01`,
      week_starts_on: demoWeekStarts[w.companyKey] ?? 'monday',
      legal_holiday: 'sunday',
      hourly_wage_yen: w.isDemoLogin ? 2800 : wage,
      agreement36_mode: 'standard',
    };
  });
  const demo = opts.workers.find((w) => w.isDemoLogin);
  const sideJobId = randomUUID();
  if (demo) {
    // A part-time engagement at the town, signed after the main job: the principle method puts
    // the hours beyond 8 a day (and 40 a week) on the town.
    employments.push({
      id: sideJobId,
      worker_user_id: demo.userId,
      employer_organization_id: opts.orgIds.get('karuizawa')!,
      employer_name: null,
      is_primary: false,
      relation: 'employee',
      contract_signed_on: '2026-04-01',
      week_starts_on: 'sunday',
      legal_holiday: 'sunday',
      hourly_wage_yen: 1500,
      agreement36_mode: 'standard',
    });
  }
  await trx.insertInto('employments').values(employments).execute();

  const team = opts.workers.filter((w) => w.companyKey === DEMO_TIMESHEET_COMPANY);
  const profiles: Profile[] = team.map((w, i): Profile => {
    if (w.isDemoLogin) return { kind: 'demo' };
    // Three to watch: one past 45 h in November, two between 80% and 100% of it.
    if (i === 1) return { kind: 'steady', octoberMinutes: 120, novemberMinutes: 210 };
    if (i === 2) return { kind: 'steady', octoberMinutes: 90, novemberMinutes: 165 };
    if (i === 3) return { kind: 'steady', octoberMinutes: 60, novemberMinutes: 160 };
    if (i === 4) return { kind: 'night-maintenance' };
    return { kind: 'light' };
  });

  const weekRows: Insertable<TimesheetWeeksTable>[] = [];
  const segmentRows: Insertable<WorkSegmentsTable>[] = [];
  const eventRows: Insertable<TimesheetEventsTable>[] = [];

  team.forEach((worker, i) => {
    const profile = profiles[i]!;
    const mainJob = employmentOf.get(worker.userId)!;
    for (const monday of WEEKS) {
      if (worker.isDemoLogin && monday === DEMO_OPEN_WEEK) continue;
      const planned = planWeek(monday, mainJob, profile, sideJobId, rand);
      // Two colleagues have not handed in the latest week yet.
      const status: TimesheetStatus =
        monday === '2026-11-16'
          ? i >= team.length - 2
            ? 'draft'
            : 'submitted'
          : monday === '2026-11-09' && worker.isDemoLogin
            ? 'submitted'
            : 'approved';
      const weekId = randomUUID();
      // Saved on the Monday after the week at 18:00 Tokyo time, reviewed the next morning.
      const savedAt = new Date(`${shiftIsoDate(monday, 7)}T09:00:00Z`);
      const submittedAt = new Date(savedAt.getTime() + 10 * 60_000);
      const approvedAt = new Date(`${shiftIsoDate(monday, 8)}T01:30:00Z`);
      const lastChange =
        status === 'approved' ? approvedAt : status === 'submitted' ? submittedAt : savedAt;
      weekRows.push({
        id: weekId,
        worker_user_id: worker.userId,
        week_start: monday,
        status,
        created_at: savedAt,
        updated_at: lastChange,
      });
      for (const s of planned) {
        segmentRows.push({
          id: randomUUID(),
          week_id: weekId,
          employment_id: s.employmentId,
          work_date: s.date,
          start_minute: s.startMinute,
          end_minute: s.endMinute,
          break_minutes: s.breakMinutes,
          contracted: s.contracted,
          location: s.location,
          municipality_code: s.municipalityCode,
          source: s.source,
          note: s.note,
          created_at: savedAt,
        });
      }
      const event = (kind: Insertable<TimesheetEventsTable>['event'], actor: string, at: Date) =>
        eventRows.push({
          week_id: weekId,
          event: kind,
          actor_user_id: actor,
          comment: null,
          occurred_at: at,
        });
      event('saved', worker.userId, savedAt);
      if (status !== 'draft') event('submitted', worker.userId, submittedAt);
      if (status === 'approved') event('approved', opts.hrUserId, approvedAt);
    }
  });

  await trx.insertInto('timesheet_weeks').values(weekRows).execute();
  await trx.insertInto('work_segments').values(segmentRows).execute();
  await trx.insertInto('timesheet_events').values(eventRows).execute();
}

/** One worker's week: the office day Mon–Fri (national holidays off) and their evenings. */
function planWeek(
  monday: string,
  mainJob: string,
  profile: Profile,
  sideJob: string,
  rand: () => number,
): PlannedSegment[] {
  const holidays = nationalHolidaysFrom(monday, 7);
  const days = weekDates(monday);
  const planned: PlannedSegment[] = [];
  const at = (
    employmentId: string,
    date: string,
    start: number,
    end: number,
    rest: Partial<PlannedSegment> = {},
  ): PlannedSegment => ({
    employmentId,
    date,
    startMinute: start,
    endMinute: end,
    breakMinutes: 0,
    contracted: true,
    location: 'office',
    municipalityCode: null,
    source: 'self',
    note: null,
    ...rest,
  });

  days.slice(0, 5).forEach((date, weekday) => {
    if (holidays[date]) return;
    // Home on Mondays and Fridays, the office otherwise; the PC log records the office days.
    const home = weekday === 0 || weekday === 4;
    planned.push(
      at(mainJob, date, hm(9), hm(18), {
        breakMinutes: 60,
        location: home ? 'home' : 'office',
        source: home ? 'self' : 'pc_log',
      }),
    );
    const november = date >= '2026-11-01';
    let extra = 0;
    if (profile.kind === 'steady') {
      extra = november ? profile.novemberMinutes : profile.octoberMinutes;
    } else if (profile.kind === 'light') {
      extra = rand() < 0.35 ? 30 * (1 + Math.floor(rand() * 3)) : 0;
    } else if (profile.kind === 'night-maintenance') {
      if (date === '2026-10-22') {
        // A server migration after hours: 22:00 to 02:00 (written 26:00), night premium owed.
        planned.push(
          at(mainJob, date, hm(22), hm(26), {
            contracted: false,
            location: 'home',
            note: 'サーバー移行作業（深夜）',
          }),
        );
      } else if (weekday === 1) {
        extra = 30;
      }
    }
    if (extra > 0) {
      planned.push(
        at(mainJob, date, hm(18), hm(18) + extra, {
          contracted: false,
          location: home ? 'home' : 'office',
          source: home ? 'self' : 'pc_log',
        }),
      );
    }
    // The demo worker's side job: Wednesday evenings from home, from mid-October.
    if (profile.kind === 'demo' && weekday === 2 && monday >= '2026-10-12') {
      planned.push(
        at(sideJob, date, hm(19, 30), hm(21, 30), {
          location: 'home',
          note: '観光協会サイトの更新',
        }),
      );
    }
  });
  // …and every other Saturday on site in Karuizawa.
  if (profile.kind === 'demo' && WEEKS.indexOf(monday) % 2 === 1) {
    planned.push(
      at(sideJob, days[5]!, hm(10), hm(15), {
        breakMinutes: 60,
        location: 'workation',
        municipalityCode: KARUIZAWA_CODE,
        source: 'check_in',
        note: '観光案内所での移住相談',
      }),
    );
  }
  return planned;
}
