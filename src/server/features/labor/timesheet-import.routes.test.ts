import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';

let t: TestApp;
let company: string;
const cookies = { hr: '', worker: '', otherWorker: '' };
let workerId = '';
let mainJob = '';
let sideJob = '';
let otherWorkersJob = '';

const terms = {
  relation: 'employee',
  contractSignedOn: '2015-04-01',
  weekStartsOn: 'monday',
  legalHoliday: 'sunday',
  hourlyWageYen: 2500,
};

const me = (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) =>
  as(t, cookies.worker)(method, `/api/v1/me/timesheets/${path}`, body);
const importCsv = (csv: string, extra: Record<string, unknown> = {}) =>
  me('POST', 'import', { csv, employmentId: mainJob, ...extra });

/** Everything stored for the worker: weeks, segments and events, to show a refusal wrote nothing. */
async function storedCounts() {
  const db = t.handle.db;
  const weeks = await db
    .selectFrom('timesheet_weeks')
    .select('id')
    .where('worker_user_id', '=', workerId)
    .execute();
  const ids = weeks.map((w) => w.id);
  if (ids.length === 0) return { weeks: 0, segments: 0, events: 0 };
  const segments = await db
    .selectFrom('work_segments')
    .select('id')
    .where('week_id', 'in', ids)
    .execute();
  const events = await db
    .selectFrom('timesheet_events')
    .select('id')
    .where('week_id', 'in', ids)
    .execute();
  return { weeks: ids.length, segments: segments.length, events: events.length };
}

beforeAll(async () => {
  t = await createTestApp();
  company = await insertOrg(t, 'company');
  const otherCompany = await insertOrg(t, 'company');
  const hr = await insertMember(t, company, 'company_admin');
  const worker = await insertMember(t, company, 'worker');
  workerId = worker.userId;
  const otherHr = await insertMember(t, otherCompany, 'company_admin');
  const otherWorker = await insertMember(t, otherCompany, 'worker');
  cookies.hr = await login(t, hr.email);
  cookies.worker = await login(t, worker.email);
  cookies.otherWorker = await login(t, otherWorker.email);
  const main = await as(t, cookies.hr)(
    'PUT',
    `/api/v1/organizations/${company}/members/${worker.userId}/employment`,
    terms,
  );
  expect(main.statusCode, main.body).toBe(200);
  mainJob = main.json().id;
  const side = await as(t, cookies.worker)('POST', '/api/v1/me/employments', {
    employerName: '合同会社ゆう',
    ...terms,
    contractSignedOn: '2026-04-01',
  });
  expect(side.statusCode, side.body).toBe(201);
  sideJob = side.json().id;
  const other = await as(t, await login(t, otherHr.email))(
    'PUT',
    `/api/v1/organizations/${otherCompany}/members/${otherWorker.userId}/employment`,
    terms,
  );
  otherWorkersJob = other.json().id;
});
afterAll(async () => t.close());

describe('importing a PC log into the worker’s timesheet', () => {
  it('adds three rows across two weeks as pc_log segments of two new draft weeks', async () => {
    const res = await importCsv(
      [
        'date,start,end,note',
        '2026-11-19,08:58,18:03,',
        '2026-11-20,09:10,17:45,VPN',
        '2026-11-24,08:55,18:30,',
      ].join('\n'),
      { location: 'home' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(3);
    expect(body.rejected).toEqual([]);
    expect(body.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      '2026-11-16',
      '2026-11-23',
    ]);
    const [first, second] = body.weeks;
    expect(first).toMatchObject({ status: 'draft', totalWorkedMinutes: 545 + 515 });
    expect(first.segments).toEqual([
      expect.objectContaining({
        employmentId: mainJob,
        date: '2026-11-19',
        start: '08:58',
        end: '18:03',
        breakMinutes: 0,
        contracted: true,
        location: 'home',
        source: 'pc_log',
        note: null,
      }),
      expect.objectContaining({ date: '2026-11-20', source: 'pc_log', note: 'VPN' }),
    ]);
    expect(first.events).toEqual([
      expect.objectContaining({
        event: 'saved',
        actorName: 'worker person',
        comment: 'PC log import (2 rows)',
      }),
    ]);
    expect(second.segments).toEqual([
      expect.objectContaining({ date: '2026-11-24', start: '08:55', source: 'pc_log' }),
    ]);
    expect(second.events[0].comment).toBe('PC log import (1 row)');
    // The week reads the same afterwards.
    expect((await me('GET', '2026-11-23')).json().segments).toHaveLength(1);
  });

  it('adds to a week’s own segments, with logon/logoff timestamps past midnight and a named employer', async () => {
    const res = await importCsv(
      [
        'logon,logoff,employment',
        '2026-11-21T13:00:00+09:00,2026-11-21T16:00:00+09:00,合同会社ゆう',
        '2026-11-21T22:30:00+09:00,2026-11-22T01:15:00+09:00,',
      ].join('\r\n'),
      { contracted: false },
    );
    expect(res.statusCode, res.body).toBe(200);
    const [week] = res.json().weeks;
    expect(week.weekStart).toBe('2026-11-16');
    expect(week.segments.map((s: { date: string; start: string; end: string }) => s.end)).toEqual([
      '18:03',
      '17:45',
      '16:00',
      '25:15',
    ]);
    expect(week.segments[2]).toMatchObject({ employmentId: sideJob, contracted: false });
    expect(week.segments[3]).toMatchObject({ employmentId: mainJob, date: '2026-11-21' });
    // Nothing was replaced: an import adds.
    expect(week.history).toEqual([]);
    expect(week.events.map((e: { comment: string }) => e.comment)).toEqual([
      'PC log import (2 rows)',
      'PC log import (2 rows)',
    ]);
  });

  it('skips rows it cannot read and lists them: an end before its start is named by its line', async () => {
    const res = await importCsv(
      [
        '日付,開始,終了',
        '2026-11-25,09:00,18:00',
        '2026-11-26,18:00,09:00',
        '2026-11-27,09:00,18:00',
      ].join('\n'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(2);
    expect(res.json().rejected).toEqual([
      {
        line: 3,
        reason: 'end 09:00 is before start 18:00 (write a shift past midnight as 33:00)',
      },
    ]);
    expect(res.json().weeks[0].segments).toHaveLength(3);
  });

  it('rejects a file with a wrong header as a whole', async () => {
    const before = await storedCounts();
    const res = await importCsv('day,from,to\n2026-11-30,09:00,18:00\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details).toEqual([
      {
        path: 'body.csv',
        message: expect.stringMatching(
          /^line 1: wrong header \(unknown column "day"; unknown column "from"; unknown column "to"; missing column date; missing column start; missing column end\)/,
        ),
      },
    ]);
    expect(await storedCounts()).toEqual(before);
  });

  it('writes nothing when a row overlaps stored work, listing every problem by line', async () => {
    const before = await storedCounts();
    const res = await importCsv(
      [
        'date,start,end,employment',
        '2026-11-30,13:00,18:00,', // a new week: would be created
        '2026-11-19,17:00,19:00,', // overlaps the stored 08:58–18:03
        '2026-11-19,17:00,19:00,合同会社ゆう', // another employment: fine
        '2026-11-20,07:00,06:00,', // unreadable, listed too
        '2026-11-29,22:00,33:00,', // Sunday night into…
        '2026-11-30,08:00,12:00,', // …Monday morning of the next week
        '2026-11-30,10:00,11:00,Unknown KK',
      ].join('\n'),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toBe(
      'Nothing was imported: lines 3, 5, 7, 8 of the CSV cannot be added',
    );
    expect(res.json().error.details).toEqual([
      {
        path: 'csv line 3',
        message: expect.stringMatching(
          /^overlaps the stored segment of 2026-11-19 08:58–18:03 at company \d+$/,
        ),
      },
      {
        path: 'csv line 5',
        message: 'end 06:00 is before start 07:00 (write a shift past midnight as 30:00)',
      },
      { path: 'csv line 7', message: expect.stringMatching(/^overlaps line 6 at company \d+$/) },
      {
        path: 'csv line 8',
        message:
          'employment "Unknown KK" is not one of your employments (write its id or its employer\'s name)',
      },
    ]);
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses (409) an import touching a submitted week and writes nothing, naming the week', async () => {
    const submitted = await me('POST', '2026-11-23/submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const before = await storedCounts();
    const res = await importCsv(
      ['date,start,end', '2026-12-01,09:00,18:00', '2026-11-28,09:00,12:00'].join('\n'),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.message).toMatch(/timesheet week 2026-11-23 cannot change/);
    expect(res.json().error.details).toEqual([
      {
        path: 'week 2026-11-23',
        message:
          'the week is submitted; only a draft or a week sent back for correction can change',
      },
    ]);
    // The draft week of 2026-11-30 it would have created is not there either.
    expect(await storedCounts()).toEqual(before);
    expect((await me('GET', '2026-11-30')).json().id).toBeNull();
  });

  it('refuses another worker’s employment (400) and writes nothing', async () => {
    const before = await storedCounts();
    const res = await importCsv('date,start,end\n2026-12-07,09:00,18:00\n', {
      employmentId: otherWorkersJob,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.employmentId', message: 'not one of your employments' },
    ]);
    const byId = await importCsv(
      `date,start,end,employment\n2026-12-07,09:00,18:00,${otherWorkersJob}\n`,
    );
    expect(byId.statusCode).toBe(400);
    expect(byId.json().error.details[0]).toMatchObject({ path: 'csv line 2' });
    expect(await storedCounts()).toEqual(before);
    // The other worker's own timesheet is untouched by any of this.
    const theirs = await as(t, cookies.otherWorker)('GET', '/api/v1/me/timesheets/2026-11-16');
    expect(theirs.json()).toMatchObject({ id: null, segments: [] });
  });

  it('answers 400 when no row can be read, and checks the body’s shape', async () => {
    const unreadable = await importCsv('date,start,end\n2026-12-07,18:00,09:00\n');
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.details).toEqual([
      {
        path: 'csv line 2',
        message: 'end 09:00 is before start 18:00 (write a shift past midnight as 33:00)',
      },
    ]);
    const headerOnly = await importCsv('date,start,end\n');
    expect(headerOnly.json().error.details).toEqual([
      { path: 'body.csv', message: 'no rows after the header' },
    ]);
    const shape = await me('POST', 'import', {
      csv: '',
      employmentId: 'x',
      location: 'beach',
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.csv', 'body.employmentId', 'body.location']);
    const tooLarge = await importCsv(`date,start,end\n${'x'.repeat(1024 * 1024)}\n`);
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error.details).toEqual([
      { path: 'body.csv', message: 'must be at most 1 MB' },
    ]);
  });
});
