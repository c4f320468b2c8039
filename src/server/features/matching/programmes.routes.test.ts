import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import {
  challengeBody,
  profileBody,
  programmeBody,
} from '../../../../test/helpers/matching-fixtures';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';

let t: TestApp;
let company = '';
let otherCompany = '';
let town = '';
const ids = { senior: '', junior: '' };
const cookies = { hr: '', senior: '', junior: '', otherHr: '', coordinator: '', officer: '' };
type Call = ReturnType<typeof as>;
let hr: Call;

const url = (suffix = '') => `/api/v1/organizations/${company}/programmes${suffix}`;

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  company = await insertOrg(t, 'company');
  otherCompany = await insertOrg(t, 'company');
  town = await insertOrg(t, 'municipality', '203211');
  const assoc = await insertOrg(t, 'association');
  const hrPerson = await insertMember(t, company, 'company_admin');
  const senior = await insertMember(t, company, 'worker');
  const junior = await insertMember(t, company, 'worker');
  ids.senior = senior.userId;
  ids.junior = junior.userId;
  cookies.hr = await login(t, hrPerson.email);
  cookies.senior = await login(t, senior.email);
  cookies.junior = await login(t, junior.email);
  cookies.otherHr = await login(t, (await insertMember(t, otherCompany, 'company_admin')).email);
  cookies.coordinator = await login(t, (await insertMember(t, assoc, 'coordinator')).email);
  cookies.officer = await login(t, (await insertMember(t, town, 'municipal_officer')).email);
  hr = as(t, cookies.hr);
  // The senior is 51 this year and joined in 2005; the junior is 36 and joined in 2025.
  await as(t, cookies.senior)('PUT', '/api/v1/me/profile', profileBody({ birthYear: 1975 }));
  await as(t, cookies.junior)('PUT', '/api/v1/me/profile', profileBody({ birthYear: 1990 }));
  const terms = {
    relation: 'employee',
    weekStartsOn: 'monday',
    legalHoliday: 'sunday',
    hourlyWageYen: 3000,
  };
  for (const [userId, since] of [
    [ids.senior, '2005-04-01'],
    [ids.junior, '2025-04-01'],
  ] as const) {
    const res = await hr('PUT', `/api/v1/organizations/${company}/members/${userId}/employment`, {
      ...terms,
      contractSignedOn: since,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(async () => t.close());

describe('defining programmes', () => {
  it('creates a double-work programme giving 20% of 160 contracted hours', async () => {
    const res = await hr('POST', url(), programmeBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      organizationId: company,
      kind: 'double_work',
      maxSharePercent: 20,
      contractedHoursPerMonth: 160,
      hourCapPerMonth: 32,
      approvalRequired: true,
      travelSubsidyYenPerMonth: 20_000,
      eligibility: { minAge: null, maxAge: null, minTenureYears: null },
      workation: { maxDaysPerMonth: null, policy: null },
      memberCount: 0,
      retiredAt: null,
      me: null,
    });
  });

  it('creates a workation policy with its days and text', async () => {
    const res = await hr('POST', url(), {
      kind: 'workation',
      name: 'ワーケーション規程',
      workation: { maxDaysPerMonth: 5, policy: '国内の登録施設に限る。' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      maxSharePercent: null,
      hourCapPerMonth: null,
      workation: { maxDaysPerMonth: 5, policy: '国内の登録施設に限る。' },
    });
  });

  it('answers 400 naming each bad setting', async () => {
    const share = await hr('POST', url(), programmeBody({ maxSharePercent: 60 }));
    expect(share.statusCode).toBe(400);
    expect(share.json().error.details[0].path).toBe('body.maxSharePercent');
    const missing = await hr('POST', url(), programmeBody({ maxSharePercent: null }));
    expect(missing.json().error.details).toEqual([
      { path: 'body.maxSharePercent', message: 'required for a double_work programme' },
    ]);
    const band = await hr(
      'POST',
      url(),
      programmeBody({ eligibility: { minAge: 60, maxAge: 50 } }),
    );
    expect(band.json().error.details).toEqual([
      { path: 'body.eligibility.maxAge', message: 'must not be below minAge (60)' },
    ]);
  });

  it('lets only the company’s administrators define them', async () => {
    expect((await as(t, cookies.senior)('POST', url(), programmeBody())).statusCode).toBe(403);
    expect((await as(t, cookies.coordinator)('POST', url(), programmeBody())).statusCode).toBe(403);
    expect((await as(t, cookies.otherHr)('POST', url(), programmeBody())).statusCode).toBe(404);
    expect((await as(t, cookies.officer)('GET', url())).statusCode).toBe(404);
    const atTown = await as(t, cookies.officer)('GET', `/api/v1/organizations/${town}/programmes`);
    expect(atTown.statusCode).toBe(404);
  });

  it('changes a programme but never its kind', async () => {
    const created = (await hr('POST', url(), programmeBody({ name: '旧制度' }))).json();
    const res = await hr('PUT', url(`/${created.id}`), programmeBody({ maxSharePercent: 15 }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ maxSharePercent: 15, hourCapPerMonth: 24 });
    const kind = await hr(
      'PUT',
      url(`/${created.id}`),
      programmeBody({ kind: 'second_career', maxSharePercent: 15 }),
    );
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details).toEqual([
      { path: 'body.kind', message: 'a programme keeps its kind (double_work)' },
    ]);
  });
});

describe('joining programmes', () => {
  let seniorsOnly = '';

  beforeAll(async () => {
    const res = await hr(
      'POST',
      url(),
      programmeBody({
        kind: 'second_career',
        name: 'セカンドキャリア支援',
        maxSharePercent: 10,
        eligibility: { minAge: 45, maxAge: 64, minTenureYears: 10 },
      }),
    );
    seniorsOnly = res.json().id;
  });

  it('shows a worker each programme with whether they may join', async () => {
    const res = await as(t, cookies.junior)('GET', url());
    expect(res.statusCode).toBe(200);
    const programme = res.json().items.find((p: { id: string }) => p.id === seniorsOnly);
    expect(programme.me).toEqual({
      joined: false,
      joinedAt: null,
      eligible: false,
      reasons: [
        'aged 36 this year; the programme starts at 45',
        'employed 1 full year; the programme asks for 10',
      ],
    });
    const hrView = await hr('GET', url());
    expect(hrView.json().items.every((p: { me: unknown }) => p.me === null)).toBe(true);
  });

  it('lets an eligible worker join and leave, recording when', async () => {
    const senior = as(t, cookies.senior);
    const joined = await senior('POST', url(`/${seniorsOnly}/join`));
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({
      memberCount: 1,
      me: { joined: true, joinedAt: '2026-11-21T01:00:00.000Z', eligible: true, reasons: [] },
    });
    expect((await senior('POST', url(`/${seniorsOnly}/join`))).statusCode).toBe(409);
    const members = await hr('GET', url(`/${seniorsOnly}/members`));
    expect(members.json().items).toEqual([
      {
        userId: ids.senior,
        name: 'worker person',
        joinedAt: '2026-11-21T01:00:00.000Z',
        committedHoursPerMonth: 0,
      },
    ]);
    const left = await senior('POST', url(`/${seniorsOnly}/leave`));
    expect(left.json()).toMatchObject({ memberCount: 0, me: { joined: false } });
    expect((await senior('POST', url(`/${seniorsOnly}/leave`))).statusCode).toBe(409);
    expect((await senior('POST', url(`/${seniorsOnly}/join`))).statusCode).toBe(200);
  });

  it('refuses a worker outside the age band or short of tenure (409 with the reasons)', async () => {
    const res = await as(t, cookies.junior)('POST', url(`/${seniorsOnly}/join`));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Not eligible for セカンドキャリア支援: aged 36 this year; the programme starts at 45; employed 1 full year; the programme asks for 10',
    );
  });

  it('lets only the company’s own workers join', async () => {
    expect((await hr('POST', url(`/${seniorsOnly}/join`))).statusCode).toBe(403);
    expect((await as(t, cookies.otherHr)('POST', url(`/${seniorsOnly}/join`))).statusCode).toBe(
      404,
    );
    expect((await as(t, cookies.senior)('GET', url(`/${seniorsOnly}/members`))).statusCode).toBe(
      403,
    );
  });

  it('retires a programme: gone from the list, closed to new members, kept on record', async () => {
    const retiring = (await hr('POST', url(), programmeBody({ name: '廃止予定' }))).json();
    await as(t, cookies.senior)('POST', url(`/${retiring.id}/join`));
    const gone = await hr('DELETE', url(`/${retiring.id}`));
    expect(gone.statusCode).toBe(204);
    const list = await hr('GET', url());
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(retiring.id);
    const all = await hr('GET', url('?includeRetired=true'));
    const kept = all.json().items.find((p: { id: string }) => p.id === retiring.id);
    expect(kept).toMatchObject({ retiredAt: '2026-11-21T01:00:00.000Z', memberCount: 0 });
    expect((await as(t, cookies.junior)('POST', url(`/${retiring.id}/join`))).statusCode).toBe(409);
    expect((await hr('PUT', url(`/${retiring.id}`), programmeBody())).statusCode).toBe(409);
  });

  it('counts a member’s matched hours under the programme', async () => {
    const officer = as(t, cookies.officer);
    const c = await officer(
      'POST',
      `/api/v1/organizations/${town}/challenges`,
      challengeBody({ hoursPerMonth: 12 }),
    );
    await officer('POST', `/api/v1/challenges/${c.json().id}/open`);
    const applied = await as(t, cookies.senior)(
      'POST',
      `/api/v1/challenges/${c.json().id}/applications`,
      { message: '高原の観光に関わりたいです。' },
    );
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ programmeId: seniorsOnly, status: 'employer_pending' });
    await hr(
      'POST',
      `/api/v1/organizations/${company}/applications/${applied.json().id}/approve`,
      {},
    );
    const accepted = await officer(
      'POST',
      `/api/v1/challenges/${c.json().id}/applications/${applied.json().id}/accept`,
      {},
    );
    expect(accepted.json().status).toBe('matched');
    const members = await hr('GET', url(`/${seniorsOnly}/members`));
    expect(members.json().items[0].committedHoursPerMonth).toBe(12);
  });
});
