import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
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
let otherCompany: string;
let town: string;
const cookies = { hr: '', worker: '', colleague: '', otherHr: '', otherWorker: '' };
let mainJob = '';
let sideJob = '';
let otherWorkersJob = '';

type Segment = {
  employmentId: string;
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
  contracted: boolean;
  location: string;
  municipalityCode?: string | null;
  source?: string;
  note?: string | null;
};

const office = (date: string, start = '09:00', end = '18:00', breakMinutes = 60): Segment => ({
  employmentId: mainJob,
  date,
  start,
  end,
  breakMinutes,
  contracted: true,
  location: 'office',
});

/** Mon–Fri at the office 09:00–18:00 with an hour's break, and a side-job evening on Tuesday. */
function ordinaryWeek(monday: string): Segment[] {
  const day = (offset: number) =>
    new Date(Date.parse(`${monday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return [
    ...[0, 1, 2, 3, 4].map((offset) => office(day(offset))),
    {
      employmentId: sideJob,
      date: day(1),
      start: '19:00',
      end: '22:00',
      breakMinutes: 0,
      contracted: true,
      location: 'workation',
      municipalityCode: '203211',
      source: 'check_in',
      note: '観光案内所',
    },
  ];
}

const me = (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) =>
  as(t, cookies.worker)(method, `/api/v1/me/timesheets/${path}`, body);

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  company = await insertOrg(t, 'company');
  otherCompany = await insertOrg(t, 'company');
  town = await insertOrg(t, 'municipality', '203211');
  const hr = await insertMember(t, company, 'company_admin');
  const worker = await insertMember(t, company, 'worker');
  const colleague = await insertMember(t, company, 'worker');
  const otherHr = await insertMember(t, otherCompany, 'company_admin');
  const otherWorker = await insertMember(t, otherCompany, 'worker');
  cookies.hr = await login(t, hr.email);
  cookies.worker = await login(t, worker.email);
  cookies.colleague = await login(t, colleague.email);
  cookies.otherHr = await login(t, otherHr.email);
  cookies.otherWorker = await login(t, otherWorker.email);

  const terms = {
    relation: 'employee',
    contractSignedOn: '2015-04-01',
    weekStartsOn: 'monday',
    legalHoliday: 'sunday',
    hourlyWageYen: 2500,
  };
  const main = await as(t, cookies.hr)(
    'PUT',
    `/api/v1/organizations/${company}/members/${worker.userId}/employment`,
    terms,
  );
  expect(main.statusCode, main.body).toBe(200);
  mainJob = main.json().id;
  const side = await as(t, cookies.worker)('POST', '/api/v1/me/employments', {
    employerOrganizationId: town,
    relation: 'employee',
    contractSignedOn: '2026-04-01',
    weekStartsOn: 'sunday',
    legalHoliday: 'sunday',
    hourlyWageYen: 1500,
  });
  expect(side.statusCode, side.body).toBe(201);
  sideJob = side.json().id;
  const other = await as(t, cookies.otherHr)(
    'PUT',
    `/api/v1/organizations/${otherCompany}/members/${otherWorker.userId}/employment`,
    terms,
  );
  otherWorkersJob = other.json().id;
});
afterAll(async () => t.close());

describe('timesheets: the worker', () => {
  it('opens a week never written as an empty draft, with its national holidays', async () => {
    const res = await me('GET', '2026-11-02');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: null,
      weekStart: '2026-11-02',
      status: 'draft',
      segments: [],
      history: [],
      events: [],
      holidays: { '2026-11-03': '文化の日' },
      totalWorkedMinutes: 0,
    });
  });

  it('saves a week, copies it into the next one and submits it', async () => {
    const saved = await me('PUT', '2026-11-02/segments', { segments: ordinaryWeek('2026-11-02') });
    expect(saved.statusCode, saved.body).toBe(200);
    const week = saved.json();
    expect(week.id).toEqual(expect.any(String));
    expect(week.status).toBe('draft');
    expect(week.segments).toHaveLength(6);
    expect(week.totalWorkedMinutes).toBe(5 * 480 + 180);
    expect(week.segments[1]).toMatchObject({
      employmentId: mainJob,
      date: '2026-11-03',
      start: '09:00',
      end: '18:00',
      workedMinutes: 480,
      source: 'self',
      municipalityCode: null,
    });
    expect(week.segments[2]).toMatchObject({
      employmentId: sideJob,
      location: 'workation',
      municipalityCode: '203211',
      source: 'check_in',
      note: '観光案内所',
      workedMinutes: 180,
    });
    expect(week.segments[2].employerName).toMatch(/^municipality /);
    expect(week.events.map((e: { event: string }) => e.event)).toEqual(['saved']);

    const copied = await me('POST', '2026-11-09/copy-previous');
    expect(copied.statusCode, copied.body).toBe(200);
    expect(copied.json().segments.map((s: Segment) => s.date)).toEqual([
      '2026-11-09',
      '2026-11-10',
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
    ]);
    expect(copied.json().events.map((e: { event: string }) => e.event)).toEqual([
      'copied_previous',
    ]);

    const submitted = await me('POST', '2026-11-02/submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().events).toEqual([
      expect.objectContaining({ event: 'saved', comment: null }),
      expect.objectContaining({ event: 'submitted', actorName: 'worker person' }),
    ]);
  });

  it('refuses to change, copy into or resubmit a submitted week (409)', async () => {
    const save = await me('PUT', '2026-11-02/segments', { segments: [] });
    expect(save.statusCode).toBe(409);
    expect(save.json().error.code).toBe('conflict');
    expect((await me('POST', '2026-11-02/copy-previous')).statusCode).toBe(409);
    expect((await me('POST', '2026-11-02/submit')).statusCode).toBe(409);
  });

  it('copies only into an empty week, from a week that has segments, and submits no empty week', async () => {
    expect((await me('POST', '2026-11-09/copy-previous')).statusCode).toBe(409);
    const nothingBefore = await me('POST', '2026-10-05/copy-previous');
    expect(nothingBefore.statusCode).toBe(409);
    expect(nothingBefore.json().error.message).toMatch(/2026-09-28 has no segments to copy/);
    const empty = await me('POST', '2026-10-05/submit');
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.message).toMatch(/no work to submit/);
    // A refused action leaves nothing behind.
    expect((await me('GET', '2026-10-05')).json().id).toBeNull();
  });

  it('answers 400 naming params.weekStart for a week that does not start on a Monday', async () => {
    for (const res of [
      await me('GET', '2026-11-04'),
      await me('PUT', '2026-11-04/segments', { segments: [] }),
      await me('POST', '2026-11-04/submit'),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        { path: 'params.weekStart', message: 'must be a Monday (2026-11-04 is a Wednesday)' },
      ]);
    }
    const notADate = await me('GET', '2026-11-x2');
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error.details[0].path).toBe('params.weekStart');
  });

  it('names body.segments[i] and the field in every validation error', async () => {
    const res = await me('PUT', '2026-11-16/segments', {
      segments: [
        office('2026-11-16', '18:00', '09:00', 0),
        { ...office('2026-11-17'), employmentId: otherWorkersJob },
        office('2026-11-24'),
        office('2026-11-18'),
        office('2026-11-18', '17:00', '19:00', 0),
        { ...office('2026-11-19'), breakMinutes: 600 },
        { ...office('2026-11-20'), municipalityCode: '999999' },
        office('2026-11-21', '22:00', '30:00', 0),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details).toEqual([
      {
        path: 'body.segments[0]',
        message: 'end 09:00 is before start 18:00 (write a shift past midnight as 33:00)',
      },
      { path: 'body.segments[1].employmentId', message: 'not one of your employments' },
      { path: 'body.segments[2].date', message: 'must be within the week 2026-11-16–2026-11-22' },
      { path: 'body.segments[4]', message: expect.stringMatching(/^overlaps segments\[3\] at /) },
      {
        path: 'body.segments[5].breakMinutes',
        message: '600 is not shorter than the segment (540 min)',
      },
      { path: 'body.segments[6].municipalityCode', message: 'no municipality has code 999999' },
    ]);

    const shape = await me('PUT', '2026-11-16/segments', {
      segments: [office('2026-11-16'), { ...office('2026-11-17'), start: '9am' }],
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details).toEqual([
      { path: 'body.segments[1].start', message: 'must be a time HH:MM' },
    ]);
    expect((await me('GET', '2026-11-16')).json().id).toBeNull();
  });

  it('keeps a night shift from running into the next week’s stored Monday', async () => {
    const nextMonday = await me('PUT', '2026-11-23/segments', {
      segments: [office('2026-11-23', '04:00', '12:00', 0)],
    });
    expect(nextMonday.statusCode, nextMonday.body).toBe(200);
    const res = await me('PUT', '2026-11-16/segments', {
      segments: [office('2026-11-22', '22:00', '30:00', 0)],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        path: 'body.segments[0]',
        message: expect.stringMatching(/^overlaps the segment of 2026-11-23 04:00–12:00/),
      },
    ]);
    const fine = await me('PUT', '2026-11-16/segments', {
      segments: [office('2026-11-22', '20:00', '27:30', 30)],
    });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json().segments[0]).toMatchObject({ end: '27:30', workedMinutes: 420 });
  });
});

describe('timesheets: the employer', () => {
  let weekId = '';

  it('lists handed-in weeks of its workers, never drafts, without history', async () => {
    const list = await as(t, cookies.hr)(
      'GET',
      `/api/v1/organizations/${company}/timesheets?status=submitted`,
    );
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items.map((w: { weekStart: string }) => w.weekStart)).toEqual(['2026-11-02']);
    expect(items[0]).toMatchObject({ status: 'submitted', history: [] });
    expect(items[0].segments).toHaveLength(6);
    weekId = items[0].id;
    const all = await as(t, cookies.hr)('GET', `/api/v1/organizations/${company}/timesheets`);
    expect(all.json().items.map((w: { status: string }) => w.status)).toEqual(['submitted']);
    const drafts = await as(t, cookies.hr)(
      'GET',
      `/api/v1/organizations/${company}/timesheets?status=draft`,
    );
    expect(drafts.json().items).toEqual([]);
    const byWeek = await as(t, cookies.hr)(
      'GET',
      `/api/v1/organizations/${company}/timesheets?weekStart=2026-11-03`,
    );
    expect(byWeek.statusCode).toBe(400);
    expect(byWeek.json().error.details[0].path).toBe('querystring.weekStart');
  });

  it('sends a week back with a comment; the correction keeps the original segments in history', async () => {
    const noComment = await as(t, cookies.hr)(
      'POST',
      `/api/v1/organizations/${company}/timesheets/${weekId}/request-correction`,
      { comment: '  ' },
    );
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.details[0].path).toBe('body.comment');

    const sentBack = await as(t, cookies.hr)(
      'POST',
      `/api/v1/organizations/${company}/timesheets/${weekId}/request-correction`,
      { comment: '金曜日は20時まで残業していませんか？ PCログと合いません。' },
    );
    expect(sentBack.statusCode, sentBack.body).toBe(200);
    expect(sentBack.json().status).toBe('correction_requested');
    expect(sentBack.json().events.at(-1)).toMatchObject({
      event: 'correction_requested',
      actorName: 'company_admin person',
      comment: '金曜日は20時まで残業していませんか？ PCログと合いません。',
    });

    const before = (await me('GET', '2026-11-02')).json();
    expect(before.status).toBe('correction_requested');
    const corrected = ordinaryWeek('2026-11-02');
    corrected[4] = { ...office('2026-11-06', '09:00', '20:00'), source: 'pc_log' };
    const saved = await me('PUT', '2026-11-02/segments', { segments: corrected });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json();
    expect(after.status).toBe('correction_requested');
    expect(after.history).toEqual([
      expect.objectContaining({
        date: '2026-11-06',
        start: '09:00',
        end: '18:00',
        source: 'self',
        replacedAt: '2026-11-21T01:00:00.000Z',
      }),
    ]);
    // Unchanged segments are the same rows as before.
    const ids = (week: { segments: Array<{ id: string; date: string }> }) =>
      week.segments.filter((s) => s.date !== '2026-11-06').map((s) => s.id);
    expect(ids(after)).toEqual(ids(before));
    const stored = await t.handle.db
      .selectFrom('work_segments')
      .select(['id', 'superseded_at'])
      .where('week_id', '=', weekId)
      .execute();
    expect(stored).toHaveLength(7);
    expect(stored.filter((s) => s.superseded_at !== null)).toHaveLength(1);

    const resubmitted = await me('POST', '2026-11-02/submit');
    expect(resubmitted.json().status).toBe('submitted');
  });

  it('approves a submitted week once', async () => {
    const approved = await as(t, cookies.hr)(
      'POST',
      `/api/v1/organizations/${company}/timesheets/${weekId}/approve`,
      {},
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().history).toHaveLength(1);
    expect(approved.json().events.map((e: { event: string }) => e.event)).toEqual([
      'saved',
      'submitted',
      'correction_requested',
      'saved',
      'submitted',
      'approved',
    ]);
    const again = await as(t, cookies.hr)(
      'POST',
      `/api/v1/organizations/${company}/timesheets/${weekId}/approve`,
      { comment: 'again' },
    );
    expect(again.statusCode).toBe(409);
    expect((await me('PUT', '2026-11-02/segments', { segments: [] })).statusCode).toBe(409);
  });

  it("keeps each company to its own workers' weeks and its admins", async () => {
    // Another company's admin, through their own organisation: the week is not theirs to see.
    const foreign = await as(t, cookies.otherHr)(
      'POST',
      `/api/v1/organizations/${otherCompany}/timesheets/${weekId}/request-correction`,
      { comment: 'x' },
    );
    expect(foreign.statusCode).toBe(404);
    const listed = await as(t, cookies.otherHr)(
      'GET',
      `/api/v1/organizations/${otherCompany}/timesheets`,
    );
    expect(listed.json().items).toEqual([]);
    // A colleague in the same company is not its administrator.
    const colleague = await as(t, cookies.colleague)(
      'GET',
      `/api/v1/organizations/${company}/timesheets`,
    );
    expect(colleague.statusCode).toBe(403);
    const selfApproval = await as(t, cookies.worker)(
      'POST',
      `/api/v1/organizations/${company}/timesheets/${weekId}/approve`,
      {},
    );
    expect(selfApproval.statusCode).toBe(403);
    // Another worker reading "their" week of the same date sees their own, empty one.
    const mine = await as(t, cookies.otherWorker)('GET', '/api/v1/me/timesheets/2026-11-02');
    expect(mine.json()).toMatchObject({ id: null, segments: [] });
  });
});
