import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../db/reference/load-bundled-master';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../test/helpers/test-app';

/**
 * For every route the app registers: an anonymous caller gets 401, and a signed-in person of
 * another organisation gets 403 or 404 and never sees the target organisation's data. A route
 * that is added without being classified here fails the suite.
 */

const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'POST /api/v1/auth/login',
  'GET /api/v1/invitations/:token',
  'POST /api/v1/invitations/:token/accept',
]);
/** Routes about the caller alone: nothing of another organisation is reachable through them. */
const SELF = new Set(['GET /api/v1/auth/me', 'PATCH /api/v1/auth/me', 'POST /api/v1/auth/logout']);
/** Everything under /api/v1/me/ is the caller's own (their employments, their timesheets). */
const isSelf = (key: string) =>
  SELF.has(key) || (key.split(' ')[1] ?? '').startsWith('/api/v1/me/');
/** Association-wide routes: coordinators only. */
const COORDINATOR_ONLY = new Set(['GET /api/v1/audit-events', 'POST /api/v1/organizations']);
/** Lists filtered to the caller's own organisations (coordinators see all). */
const OWN_LIST = new Set(['GET /api/v1/organizations']);
/** Public reference data (the official local-government master): any signed-in role reads it. */
const isReference = (url: string) =>
  url.startsWith('/api/v1/municipalities') || url.startsWith('/api/v1/prefectures');
const isInfrastructure = (method: string, url: string) =>
  method === 'HEAD' || url.startsWith('/api/docs') || url === '/*';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let t: TestApp;
const ids = {
  orgA: '',
  orgB: '',
  town: '',
  workerB: '',
  invitationB: '',
  /** Org B's worker's main job, and two of their submitted weeks (one to approve, one to send back). */
  employmentB: '',
  weekToApprove: '',
  weekToCorrect: '',
};
const cookies = { adminA: '', workerA: '', officer: '', adminB: '', coordinator: '' };
let orgBName = '';
let adminBEmail = '';

/** Query strings a route needs to be a valid request. */
const queries: Record<string, string> = {
  'GET /api/v1/organizations/:id/labor/compliance': '?month=2026-11',
  'GET /api/v1/organizations/:id/labor/compliance/export': '?month=2026-11&format=csv',
};

function fill(url: string, method = 'GET'): string {
  const week = url.endsWith('/request-correction') ? ids.weekToCorrect : ids.weekToApprove;
  return (
    url
      .replace(':id', ids.orgB)
      .replace(':userId', ids.workerB)
      .replace(':invitationId', ids.invitationB)
      .replace(':weekId', week)
      .replace(':weekStart', '2026-11-23')
      .replace(':token', 'x'.repeat(43))
      .replace(':code', '131016') + (queries[`${method} ${url}`] ?? '')
  );
}

const employeeTerms = {
  relation: 'employee',
  contractSignedOn: '2020-04-01',
  weekStartsOn: 'monday',
  legalHoliday: 'sunday',
  hourlyWageYen: 2000,
};

/** A valid body for each write, so a refusal is about who asks, never about the input. */
const bodies: Record<string, unknown> = {
  'POST /api/v1/auth/login': { email: 'nobody@example.jp', password: 'whatever-123' },
  'PATCH /api/v1/auth/me': { locale: 'en' },
  'POST /api/v1/organizations': { kind: 'company', name: '株式会社テスト' },
  // Keeps workerB a worker: the routes after it act on org B's workers and their weeks.
  'PATCH /api/v1/organizations/:id/members/:userId': { role: 'worker' },
  'POST /api/v1/organizations/:id/invitations': { email: 'new@example.jp', role: 'worker' },
  'POST /api/v1/invitations/:token/accept': { name: '新人', password: 'long-enough-pw' },
  'POST /api/v1/me/employments': { employerName: '合同会社テスト', ...employeeTerms },
  'PUT /api/v1/me/timesheets/:weekStart/segments': { segments: [] },
  // Self (under /api/v1/me/): the caller's own weeks; org B's employment is refused below.
  'POST /api/v1/me/timesheets/import': {
    csv: 'date,start,end\n2026-11-23,09:00,18:00\n',
    employmentId: '00000000-0000-4000-8000-000000000000',
  },
  'PUT /api/v1/organizations/:id/members/:userId/employment': employeeTerms,
  'POST /api/v1/organizations/:id/timesheets/:weekId/approve': {},
  'POST /api/v1/organizations/:id/timesheets/:weekId/request-correction': {
    comment: '水曜日の終業時刻を確認してください',
  },
};

function apiRoutes() {
  const seen = new Set<string>();
  return t.app.registeredRoutes
    .filter((r) => !isInfrastructure(r.method, r.url))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => (seen.has(key) ? false : (seen.add(key), true)));
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  const assoc = await insertOrg(t, 'association');
  ids.orgA = await insertOrg(t, 'company');
  ids.orgB = await insertOrg(t, 'company');
  ids.town = await insertOrg(t, 'municipality', '203211');
  const coordinator = await insertMember(t, assoc, 'coordinator');
  const adminA = await insertMember(t, ids.orgA, 'company_admin');
  const workerA = await insertMember(t, ids.orgA, 'worker');
  const officer = await insertMember(t, ids.town, 'municipal_officer');
  const adminB = await insertMember(t, ids.orgB, 'company_admin');
  adminBEmail = adminB.email;
  const workerB = await insertMember(t, ids.orgB, 'worker');
  ids.workerB = workerB.userId;
  cookies.coordinator = await login(t, coordinator.email);
  cookies.adminA = await login(t, adminA.email);
  cookies.workerA = await login(t, workerA.email);
  cookies.officer = await login(t, officer.email);
  cookies.adminB = await login(t, adminB.email);
  const inv = await as(t, cookies.adminB)('POST', `/api/v1/organizations/${ids.orgB}/invitations`, {
    email: 'invitee-b@example.jp',
    role: 'worker',
  });
  expect(inv.statusCode).toBe(201);
  ids.invitationB = inv.json().invitation.id;
  const org = await t.handle.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', ids.orgB)
    .executeTakeFirstOrThrow();
  orgBName = org.name;

  // Org B's worker has a main job and has submitted two weeks.
  const job = await as(t, cookies.adminB)(
    'PUT',
    `/api/v1/organizations/${ids.orgB}/members/${ids.workerB}/employment`,
    employeeTerms,
  );
  expect(job.statusCode, job.body).toBe(200);
  ids.employmentB = job.json().id;
  const workerBCookie = await login(t, workerB.email);
  for (const monday of ['2026-11-02', '2026-11-09']) {
    const saved = await as(t, workerBCookie)('PUT', `/api/v1/me/timesheets/${monday}/segments`, {
      segments: [
        {
          employmentId: ids.employmentB,
          date: monday,
          start: '09:00',
          end: '18:00',
          breakMinutes: 60,
          contracted: true,
          location: 'home',
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await as(t, workerBCookie)('POST', `/api/v1/me/timesheets/${monday}/submit`);
    expect(submitted.statusCode).toBe(200);
    if (monday === '2026-11-02') ids.weekToApprove = submitted.json().id;
    else ids.weekToCorrect = submitted.json().id;
  }
});
afterAll(async () => t.close());

describe('authorisation matrix', () => {
  it('classifies every registered API route', () => {
    const unclassified = apiRoutes().filter((key) => {
      const [, url = ''] = key.split(' ');
      return (
        !PUBLIC.has(key) &&
        !isSelf(key) &&
        !COORDINATOR_ONLY.has(key) &&
        !OWN_LIST.has(key) &&
        !isReference(url) &&
        !url.includes(':id')
      );
    });
    expect(unclassified).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(10);
  });

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    const failures: string[] = [];
    for (const key of apiRoutes()) {
      if (PUBLIC.has(key)) continue;
      const [method, url = ''] = key.split(' ') as [Method, string];
      const res = await as(t, null)(method, fill(url, method), bodies[key]);
      if (res.statusCode !== 401 || res.json().error?.code !== 'unauthenticated') {
        failures.push(`${key} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses another organisation's people on every organisation-scoped route", async () => {
    const failures: string[] = [];
    const outsiders = [cookies.adminA, cookies.workerA, cookies.officer];
    for (const key of apiRoutes()) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      if (!url.includes(':id') || isReference(url)) continue;
      for (const cookie of outsiders) {
        const res = await as(t, cookie)(method, fill(url, method), bodies[key]);
        const leaks = res.body.includes(orgBName) || res.body.includes(adminBEmail);
        if (![403, 404].includes(res.statusCode) || leaks) {
          failures.push(`${key} → ${res.statusCode}${leaks ? ' (leaks data)' : ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps the caller's own routes (/api/v1/me/…) to the caller's own records", async () => {
    const theirs = [ids.employmentB, ids.weekToApprove, ids.weekToCorrect, orgBName];
    const failures: string[] = [];
    const selfRoutes = apiRoutes().filter((key) => isSelf(key) && key.includes(' /api/v1/me/'));
    expect(selfRoutes.length).toBeGreaterThanOrEqual(6);
    for (const key of selfRoutes) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      const res = await as(t, cookies.workerA)(method, fill(url, method), bodies[key]);
      if (theirs.some((x) => res.body.includes(x))) failures.push(`${key} leaks org B's records`);
    }
    expect(failures).toEqual([]);
    // Another person's week of the same date is not reachable: the caller gets their own.
    const week = await as(t, cookies.workerA)('GET', '/api/v1/me/timesheets/2026-11-02');
    expect(week.json()).toMatchObject({ id: null, segments: [] });
    // Nor can the caller log hours on someone else's employment.
    const borrowed = await as(t, cookies.workerA)(
      'PUT',
      '/api/v1/me/timesheets/2026-11-02/segments',
      {
        segments: [
          {
            employmentId: ids.employmentB,
            date: '2026-11-02',
            start: '09:00',
            end: '12:00',
            breakMinutes: 0,
            contracted: true,
            location: 'home',
          },
        ],
      },
    );
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().error.details).toEqual([
      { path: 'body.segments[0].employmentId', message: 'not one of your employments' },
    ]);
    // Nor import a PC log onto it.
    const imported = await as(t, cookies.workerA)('POST', '/api/v1/me/timesheets/import', {
      csv: 'date,start,end\n2026-11-02,09:00,12:00\n',
      employmentId: ids.employmentB,
    });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().error.details).toEqual([
      { path: 'body.employmentId', message: 'not one of your employments' },
    ]);
  });

  it('refuses coordinator-only routes to everyone else', async () => {
    for (const key of COORDINATOR_ONLY) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      for (const cookie of [cookies.adminA, cookies.workerA, cookies.officer, cookies.adminB]) {
        const res = await as(t, cookie)(method, fill(url, method), bodies[key]);
        expect(res.statusCode, key).toBe(403);
      }
      const ok = await as(t, cookies.coordinator)(method, fill(url, method), bodies[key]);
      expect(ok.statusCode, key).toBeLessThan(300);
    }
  });

  it('lists only the caller’s own organisations', async () => {
    for (const cookie of [cookies.adminA, cookies.workerA, cookies.officer]) {
      const res = await as(t, cookie)('GET', '/api/v1/organizations');
      expect(res.statusCode).toBe(200);
      const names = res.json().items.map((o: { id: string }) => o.id);
      expect(names).toHaveLength(1);
      expect(names).not.toContain(ids.orgB);
    }
    const all = await as(t, cookies.coordinator)('GET', '/api/v1/organizations');
    expect(all.json().items.map((o: { id: string }) => o.id)).toContain(ids.orgB);
  });

  it('lets the organisation itself use the same routes (the refusals are about who asks)', async () => {
    const failures: string[] = [];
    for (const key of apiRoutes()) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      if (!url.includes(':id') || isReference(url) || method === 'DELETE') continue;
      const res = await as(t, cookies.adminB)(method, fill(url, method), bodies[key]);
      if (res.statusCode >= 300) failures.push(`${key} → ${res.statusCode} ${res.body}`);
    }
    expect(failures).toEqual([]);
  });
});
