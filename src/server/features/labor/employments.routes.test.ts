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
let town: string;
let workerId = '';
let adminId = '';
const cookies = { hr: '', worker: '' };

const mainTerms = {
  relation: 'employee',
  contractSignedOn: '2012-04-01',
  weekStartsOn: 'sunday',
  legalHoliday: 'sunday',
  hourlyWageYen: 3200,
};

beforeAll(async () => {
  t = await createTestApp();
  company = await insertOrg(t, 'company');
  town = await insertOrg(t, 'municipality', '203211');
  const hr = await insertMember(t, company, 'company_admin');
  const worker = await insertMember(t, company, 'worker');
  workerId = worker.userId;
  adminId = hr.userId;
  cookies.hr = await login(t, hr.email);
  cookies.worker = await login(t, worker.email);
});
afterAll(async () => t.close());

describe('employments: the company sets the main job', () => {
  const url = () => `/api/v1/organizations/${company}/members/${workerId}/employment`;

  it('creates the main job, then updates the same record', async () => {
    const created = await as(t, cookies.hr)('PUT', url(), mainTerms);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      workerUserId: workerId,
      employerOrganizationId: company,
      employerName: 'company 1',
      isPrimary: true,
      relation: 'employee',
      contractSignedOn: '2012-04-01',
      weekStartsOn: 'sunday',
      legalHoliday: 'sunday',
      hourlyWageYen: 3200,
      monthlyCapMinutes: null,
      agreement36: { mode: 'standard' },
      endedOn: null,
    });
    const updated = await as(t, cookies.hr)('PUT', url(), {
      ...mainTerms,
      weekStartsOn: 'monday',
      agreement36: { mode: 'custom', specialClause: true, monthlyLimitMinutes: 1800 },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().id).toBe(created.json().id);
    expect(updated.json()).toMatchObject({
      weekStartsOn: 'monday',
      agreement36: { mode: 'custom', specialClause: true, monthlyLimitMinutes: 1800 },
    });
    const list = await as(t, cookies.hr)('GET', `/api/v1/organizations/${company}/employments`);
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([created.json().id]);
  });

  it('names each missing term of an employee', async () => {
    const res = await as(t, cookies.hr)('PUT', url(), {
      relation: 'employee',
      contractSignedOn: '2012-04-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.weekStartsOn', message: 'required for an employee' },
      { path: 'body.legalHoliday', message: 'required for an employee' },
      { path: 'body.hourlyWageYen', message: 'required for an employee' },
    ]);
  });

  it('holds a custom 36 agreement to the legal limits', async () => {
    const res = await as(t, cookies.hr)('PUT', url(), {
      ...mainTerms,
      agreement36: { mode: 'custom', specialClause: false, yearlyLimitMinutes: 30000 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        path: 'body.agreement36.yearlyLimitMinutes',
        message: expect.stringMatching(/^must be whole minutes from 0 to 21600/),
      },
    ]);
  });

  it('sets employments only for the company’s workers, and only its administrators do', async () => {
    const notAWorker = await as(t, cookies.hr)(
      'PUT',
      `/api/v1/organizations/${company}/members/${adminId}/employment`,
      mainTerms,
    );
    expect(notAWorker.statusCode).toBe(404);
    const byWorker = await as(t, cookies.worker)('PUT', url(), mainTerms);
    expect(byWorker.statusCode).toBe(403);
    const list = await as(t, cookies.worker)('GET', `/api/v1/organizations/${company}/employments`);
    expect(list.statusCode).toBe(403);
  });
});

describe('employments: the worker declares side jobs', () => {
  it('declares a side job at a member organisation and one elsewhere, and lists them', async () => {
    const atTown = await as(t, cookies.worker)('POST', '/api/v1/me/employments', {
      employerOrganizationId: town,
      relation: 'employee',
      contractSignedOn: '2026-04-01',
      weekStartsOn: 'sunday',
      legalHoliday: 'sunday',
      hourlyWageYen: 1500,
    });
    expect(atTown.statusCode, atTown.body).toBe(201);
    expect(atTown.json()).toMatchObject({
      employerOrganizationId: town,
      employerName: 'municipality 2',
      isPrimary: false,
    });
    const freelance = await as(t, cookies.worker)('POST', '/api/v1/me/employments', {
      employerName: '合同会社やまびこ',
      relation: 'contractor',
      contractSignedOn: '2025-10-01',
    });
    expect(freelance.statusCode, freelance.body).toBe(201);
    expect(freelance.json()).toMatchObject({
      employerOrganizationId: null,
      employerName: '合同会社やまびこ',
      relation: 'contractor',
      weekStartsOn: null,
      hourlyWageYen: null,
    });
    const mine = await as(t, cookies.worker)('GET', '/api/v1/me/employments');
    expect(
      mine
        .json()
        .items.map((e: { employerName: string; isPrimary: boolean }) => [
          e.employerName,
          e.isPrimary,
        ]),
    ).toEqual([
      ['company 1', true],
      ['合同会社やまびこ', false],
      ['municipality 2', false],
    ]);
    const theirs = await as(t, cookies.hr)('GET', '/api/v1/me/employments');
    expect(theirs.json().items).toEqual([]);
  });

  it('needs an employer: a member organisation that exists, or a name', async () => {
    const none = await as(t, cookies.worker)('POST', '/api/v1/me/employments', {
      relation: 'contractor',
      contractSignedOn: '2025-10-01',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([
      {
        path: 'body.employerName',
        message: 'required when the employer is not a member organisation (employerOrganizationId)',
      },
    ]);
    const unknown = await as(t, cookies.worker)('POST', '/api/v1/me/employments', {
      employerOrganizationId: crypto.randomUUID(),
      relation: 'employee',
      contractSignedOn: '2025-10-01',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.employerOrganizationId',
      'body.weekStartsOn',
      'body.legalHoliday',
      'body.hourlyWageYen',
    ]);
  });
});
