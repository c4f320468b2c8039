import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLaborCompliance } from '../../../domain/labor/labor-compliance';
import type { LaborInput, WorkSegment } from '../../../domain/labor/labor-input';
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
let town: string;
const people = { crafted: '', near: '', over: '', unemployed: '' };
const cookies = { hr: '', crafted: '', near: '', over: '', unemployed: '', otherHr: '' };
const jobs = { main: '', side: '' };

type Segment = {
  employmentId: string;
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
  contracted: boolean;
  location: 'office' | 'home';
};

const day = (monday: string, offset: number) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const weekdays = (monday: string) => [0, 1, 2, 3, 4].map((offset) => day(monday, offset));
const seg = (
  employmentId: string,
  date: string,
  start: string,
  end: string,
  breakMinutes: number,
  contracted: boolean,
): Segment => ({ employmentId, date, start, end, breakMinutes, contracted, location: 'home' });

async function submitWeek(cookie: string, monday: string, segments: Segment[]): Promise<string> {
  const saved = await as(t, cookie)('PUT', `/api/v1/me/timesheets/${monday}/segments`, {
    segments,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await as(t, cookie)('POST', `/api/v1/me/timesheets/${monday}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json().id;
}

async function mainJobOf(userId: string, wageYen: number): Promise<string> {
  const res = await as(t, cookies.hr)(
    'PUT',
    `/api/v1/organizations/${company}/members/${userId}/employment`,
    {
      relation: 'employee',
      contractSignedOn: '2015-04-01',
      weekStartsOn: 'monday',
      legalHoliday: 'sunday',
      hourlyWageYen: wageYen,
    },
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

/** Office hours Mon–Fri (contracted), then `until` beyond the contract, for three weeks. */
async function longEvenings(cookie: string, employmentId: string, until: string) {
  for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16']) {
    await submitWeek(
      cookie,
      monday,
      weekdays(monday).flatMap((date) => [
        seg(employmentId, date, '09:00', '18:00', 60, true),
        seg(employmentId, date, '18:00', until, 0, false),
      ]),
    );
  }
}

/** The crafted case's segments, as the engine reads them. */
const craftedWork: WorkSegment[] = [];

beforeAll(async () => {
  t = await createTestApp();
  company = await insertOrg(t, 'company');
  const otherCompany = await insertOrg(t, 'company');
  town = await insertOrg(t, 'municipality', '203211');
  cookies.hr = await login(t, (await insertMember(t, company, 'company_admin')).email);
  cookies.otherHr = await login(t, (await insertMember(t, otherCompany, 'company_admin')).email);
  for (const key of ['crafted', 'near', 'over', 'unemployed'] as const) {
    const member = await insertMember(t, company, 'worker', `${key}@example.jp`);
    people[key] = member.userId;
    cookies[key] = await login(t, member.email);
  }

  // Main job Mon–Fri 09:00–18:00 with an hour's break (contracted), a side job signed later
  // 19:00–22:00 on three evenings, and on one Thursday two hours beyond the main contract.
  jobs.main = await mainJobOf(people.crafted, 2500);
  const side = await as(t, cookies.crafted)('POST', '/api/v1/me/employments', {
    employerOrganizationId: town,
    relation: 'employee',
    contractSignedOn: '2026-04-01',
    weekStartsOn: 'sunday',
    legalHoliday: 'sunday',
    hourlyWageYen: 1500,
  });
  expect(side.statusCode, side.body).toBe(201);
  jobs.side = side.json().id;
  const firstWeekId = await (async () => {
    let id = '';
    for (const monday of ['2026-11-02', '2026-11-09']) {
      const segments = [
        ...weekdays(monday).map((date) => seg(jobs.main, date, '09:00', '18:00', 60, true)),
        ...[0, 2, 4].map((offset) =>
          seg(jobs.side, day(monday, offset), '19:00', '22:00', 0, true),
        ),
        ...(monday === '2026-11-02'
          ? [seg(jobs.main, day(monday, 3), '18:00', '20:00', 0, false)]
          : []),
      ];
      craftedWork.push(
        ...segments.map((s) => ({
          employer: s.employmentId,
          date: s.date,
          start: s.start,
          end: s.end,
          breakMinutes: s.breakMinutes,
          contracted: s.contracted,
        })),
      );
      const weekId = await submitWeek(cookies.crafted, monday, segments);
      if (!id) id = weekId;
    }
    return id;
  })();
  const approved = await as(t, cookies.hr)(
    'POST',
    `/api/v1/organizations/${company}/timesheets/${firstWeekId}/approve`,
    {},
  );
  expect(approved.statusCode).toBe(200);

  await longEvenings(cookies.near, await mainJobOf(people.near, 2000), '20:30');
  const overJob = await mainJobOf(people.over, 2000);
  await longEvenings(cookies.over, overJob, '21:30');
  // A draft is the worker's own until it is submitted: it never counts.
  const draft = await as(t, cookies.over)('PUT', '/api/v1/me/timesheets/2026-11-23/segments', {
    segments: [seg(overJob, '2026-11-23', '09:00', '23:00', 60, false)],
  });
  expect(draft.statusCode).toBe(200);
});
afterAll(async () => t.close());

const compliance = (month: string, cookie = cookies.hr) =>
  as(t, cookie)('GET', `/api/v1/organizations/${company}/labor/compliance?month=${month}`);

describe('the HR compliance month', () => {
  it('gives the same figures as the engine run directly on the same records', async () => {
    const res = await compliance('2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const row = res
      .json()
      .rows.find((r: { workerUserId: string }) => r.workerUserId === people.crafted);

    const input: LaborInput = {
      method: 'principle',
      employers: [
        {
          id: jobs.main,
          contractSignedOn: '2015-04-01',
          relation: 'employee',
          weekStartsOn: 'monday',
          legalHoliday: 'sunday',
          hourlyWageYen: 2500,
        },
        {
          id: jobs.side,
          contractSignedOn: '2026-04-01',
          relation: 'employee',
          weekStartsOn: 'sunday',
          legalHoliday: 'sunday',
          hourlyWageYen: 1500,
        },
      ],
      work: craftedWork,
    };
    const report = checkLaborCompliance(input);
    const direct = (id: string) => report.employers.find((e) => e.id === id)!.months[0]!;
    // The side job (signed later) owes the evenings beyond 8 h a day: 6 × 3 h = 18 h at 25%.
    expect(direct(jobs.side)).toMatchObject({
      month: '2026-11',
      overtimeMinutes: 1080,
      premiumYen: 6750,
    });
    // The main job owes only the two hours beyond its own contract: 2 h × ¥2,500 × 25%.
    expect(row).toEqual({
      workerUserId: people.crafted,
      workerName: 'worker person',
      employments: 2,
      workedMinutes: 10 * 480 + 120,
      overtimeMinutes: 120,
      nightMinutes: 0,
      legalHolidayMinutes: 0,
      over60Minutes: 0,
      premiumYen: 1250,
      aggregateOvertimeAndHolidayMinutes: 1080 + 120,
      highestLimitShare: 0.2,
      alert: 'ok',
      violations: [],
      weeksSubmitted: 2,
      weeksPending: 1,
    });
    const main = direct(jobs.main);
    expect({
      workedMinutes: row.workedMinutes,
      overtimeMinutes: row.overtimeMinutes,
      nightMinutes: row.nightMinutes,
      legalHolidayMinutes: row.legalHolidayMinutes,
      over60Minutes: row.over60Minutes,
      premiumYen: row.premiumYen,
      aggregateOvertimeAndHolidayMinutes: row.aggregateOvertimeAndHolidayMinutes,
    }).toEqual({
      workedMinutes: main.workedMinutes,
      overtimeMinutes: main.overtimeMinutes,
      nightMinutes: main.nightMinutes,
      legalHolidayMinutes: main.legalHolidayMinutes,
      over60Minutes: main.over60Minutes,
      premiumYen: main.premiumYen,
      aggregateOvertimeAndHolidayMinutes: main.aggregateOvertimeAndHolidayMinutes,
    });
  });

  it('warns near 80% of the 45 h limit and flags the worker over it, with the finding', async () => {
    const body = (await compliance('2026-11')).json();
    const byId = new Map(body.rows.map((r: { workerUserId: string }) => [r.workerUserId, r]));
    expect(byId.get(people.near)).toMatchObject({
      overtimeMinutes: 2250, // 2.5 h × 15 days = 37.5 h of 45 h
      premiumYen: 18750,
      alert: 'near',
      violations: [],
      weeksSubmitted: 3,
      weeksPending: 3,
    });
    expect((byId.get(people.near) as { highestLimitShare: number }).highestLimitShare).toBeCloseTo(
      2250 / 2700,
      10,
    );
    expect(byId.get(people.over)).toMatchObject({
      overtimeMinutes: 3150, // 52.5 h: the draft week of 11-23 does not count
      premiumYen: 26250,
      alert: 'over',
      violations: [
        {
          rule: '36-monthly-limit',
          period: '2026-11',
          message: expect.stringMatching(/^company 1 caused 52 h 30 min of 時間外 in 2026-11/),
        },
      ],
    });
    // No main job here, no row: there is no contract to hold the hours against.
    expect(byId.has(people.unemployed)).toBe(false);
    expect(body.totals).toEqual({
      overtimeMinutes: 120 + 2250 + 3150,
      premiumYen: 1250 + 18750 + 26250,
      peopleNear: 1,
      peopleOver: 1,
    });
  });

  it('reads the following month from the history: zero hours, averages still known', async () => {
    const december = (await compliance('2026-12')).json();
    const over = december.rows.find(
      (r: { workerUserId: string }) => r.workerUserId === people.over,
    );
    expect(over).toMatchObject({ overtimeMinutes: 0, alert: 'ok', weeksSubmitted: 0 });
    expect(over.highestLimitShare).toBeCloseTo(3150 / 2 / 4800, 10);
  });

  it('names a month that is not YYYY-MM, and refuses other organisations and non-admins', async () => {
    const bad = await compliance('2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.month');
    expect((await compliance('2026-11', cookies.otherHr)).statusCode).toBe(404);
    expect((await compliance('2026-11', cookies.near)).statusCode).toBe(403);
  });
});

describe('the export for payroll', () => {
  const exportUrl = (format: string) =>
    `/api/v1/organizations/${company}/labor/compliance/export?month=2026-11&format=${format}`;

  it('downloads a CSV in UTF-8 with a BOM and Japanese headers, one row per worker', async () => {
    const res = await as(t, cookies.hr)('GET', exportUrl('csv'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="tsunagu-compliance-2026-11.csv"',
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(',').slice(0, 6)).toEqual([
      '氏名',
      '従業員ID',
      '雇用・業務数',
      '労働時間（分）',
      '労働時間（時間）',
      '時間外労働（分）',
    ]);
    const over = lines.find((l) => l.includes(people.over))!.split(',');
    expect(over.slice(0, 7)).toEqual([
      'worker person',
      people.over,
      '1',
      String(15 * 480 + 15 * 210),
      String((15 * 480 + 15 * 210) / 60),
      '3150',
      '52.5',
    ]);
    expect(over).toContain('26250');
    expect(over).toContain('超過・違反');
  });

  it('downloads the same table as XLSX that opens in exceljs', async () => {
    const res = await as(t, cookies.hr)('GET', exportUrl('xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="tsunagu-compliance-2026-11.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('2026-11')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe('氏名');
    expect(sheet.getRow(1).getCell(11).value).toBe('割増賃金（円）');
    const premiums = [2, 3, 4].map((r) => sheet.getRow(r).getCell(11).value);
    expect(premiums.sort()).toEqual([1250, 18750, 26250].sort());
  });

  it('records each export in the audit log', async () => {
    const events = await t.handle.db
      .selectFrom('audit_events')
      .select(['event', 'organization_id', 'subject', 'details'])
      .where('event', '=', 'export_created')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      {
        event: 'export_created',
        organization_id: company,
        subject: '2026-11',
        details: { export: 'labor_compliance', format: 'csv', rows: 3 },
      },
      {
        event: 'export_created',
        organization_id: company,
        subject: '2026-11',
        details: { export: 'labor_compliance', format: 'xlsx', rows: 3 },
      },
    ]);
  });

  it('refuses an unknown format, naming it', async () => {
    const res = await as(t, cookies.hr)('GET', exportUrl('pdf'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.format');
  });
});
