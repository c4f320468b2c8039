import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import {
  challengeBody,
  profileBody,
  programmeBody,
} from '../../../../test/helpers/matching-fixtures';
import { as, createTestApp, insertOrg, type TestApp } from '../../../../test/helpers/test-app';
import { postOpenChallenge, signInCast } from './matching-test-setup';

let t: TestApp;
const START = Date.parse('2026-11-21T01:00:00Z');
const DAY = 86_400_000;
const orgs = { town: '', companyA: '', companyB: '', companyC: '', assoc: '' };
const people: Record<string, string> = {};
const cookies: Record<string, string> = {};
const programmes = { a: '', b: '', c: '' };
type Call = ReturnType<typeof as>;
const who = (name: string): Call => as(t, cookies[name] ?? '');

/** An open challenge of the town, posted with the given changes. */
const openChallenge = (overrides: Record<string, unknown> = {}) =>
  postOpenChallenge(who('officer'), orgs.town, overrides);

async function apply(name: string, challengeId: string, message = '地域の力になりたいです。') {
  return who(name)('POST', `/api/v1/challenges/${challengeId}/applications`, { message });
}

async function notificationsOf(name: string) {
  const res = await who(name)('GET', '/api/v1/me/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: Array<{ id: number; kind: string; payload: Record<string, string>; readAt: string }>;
    unreadCount: number;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  orgs.town = await insertOrg(t, 'municipality', '203211');
  orgs.companyA = await insertOrg(t, 'company');
  orgs.companyB = await insertOrg(t, 'company');
  orgs.companyC = await insertOrg(t, 'company');
  orgs.assoc = await insertOrg(t, 'association');
  const signedIn = await signInCast(t, [
    ['officer', orgs.town, 'municipal_officer'],
    ['hrA', orgs.companyA, 'company_admin'],
    ['a1', orgs.companyA, 'worker'],
    ['a2', orgs.companyA, 'worker'],
    ['a3', orgs.companyA, 'worker'],
    ['hrB', orgs.companyB, 'company_admin'],
    ['b1', orgs.companyB, 'worker'],
    ['hrC', orgs.companyC, 'company_admin'],
    ['c1', orgs.companyC, 'worker'],
    ['coordinator', orgs.assoc, 'coordinator'],
  ]);
  Object.assign(people, signedIn.userIds);
  Object.assign(cookies, signedIn.cookies);
  // Company A: double work, 20% of 160 h, approval required; a1 is in it.
  programmes.a = (
    await who('hrA')('POST', `/api/v1/organizations/${orgs.companyA}/programmes`, programmeBody())
  ).json().id;
  // Company B: double work without approval; b1 is in it.
  programmes.b = (
    await who('hrB')(
      'POST',
      `/api/v1/organizations/${orgs.companyB}/programmes`,
      programmeBody({ approvalRequired: false }),
    )
  ).json().id;
  // Company C: double work open to everyone at first, later asking for 5 years' tenure.
  programmes.c = (
    await who('hrC')('POST', `/api/v1/organizations/${orgs.companyC}/programmes`, programmeBody())
  ).json().id;
  for (const [name, org, programme] of [
    ['a1', orgs.companyA, programmes.a],
    ['b1', orgs.companyB, programmes.b],
    ['c1', orgs.companyC, programmes.c],
  ] as const) {
    const joined = await who(name)(
      'POST',
      `/api/v1/organizations/${org}/programmes/${programme}/join`,
    );
    expect(joined.statusCode, joined.body).toBe(200);
  }
  await who('hrC')(
    'PUT',
    `/api/v1/organizations/${orgs.companyC}/programmes/${programmes.c}`,
    programmeBody({ eligibility: { minTenureYears: 5 } }),
  );
  await who('a2')('PUT', '/api/v1/me/profile', profileBody());
});
afterAll(async () => t.close());

describe('interest', () => {
  it('records a worker’s interest once, and the host sees it', async () => {
    const challenge = await openChallenge();
    const first = await who('a3')('POST', `/api/v1/challenges/${challenge}/interest`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'interested',
      message: null,
      programmeId: null,
      hostDueAt: null,
      events: [{ from: null, to: 'interested', actorName: 'worker person' }],
    });
    const again = await who('a3')('POST', `/api/v1/challenges/${challenge}/interest`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const host = await who('officer')('GET', `/api/v1/challenges/${challenge}/applications`);
    expect(host.json().items.map((a: { id: string }) => a.id)).toEqual([first.json().id]);
    const detail = await who('a3')('GET', `/api/v1/challenges/${challenge}`);
    expect(detail.json().myApplication).toEqual({ id: first.json().id, status: 'interested' });
  });
});

describe('applying', () => {
  it('sends an application without a programme straight to the host, due in 7 days', async () => {
    const challenge = await openChallenge();
    await who('a2')('POST', `/api/v1/challenges/${challenge}/interest`);
    const res = await apply('a2', challenge);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'host_review',
      message: '地域の力になりたいです。',
      programmeId: null,
      employerOrganizationId: null,
      hostDueAt: new Date(START + 7 * DAY).toISOString(),
      overdue: false,
    });
    expect(res.json().events.map((e: { from: string; to: string }) => [e.from, e.to])).toEqual([
      [null, 'interested'],
      ['interested', 'applied'],
      ['applied', 'host_review'],
    ]);
    const told = await notificationsOf('officer');
    expect(told.items[0]).toMatchObject({
      kind: 'application_received',
      payload: {
        applicationId: res.json().id,
        challengeId: challenge,
        workerName: 'worker person',
      },
    });
  });

  it('goes to the employer first when the programme requires approval; the host does not see it yet', async () => {
    const challenge = await openChallenge();
    const res = await apply('a1', challenge);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'employer_pending',
      programmeId: programmes.a,
      employerOrganizationId: orgs.companyA,
      hostDueAt: null,
    });
    const id = res.json().id;
    const hostList = await who('officer')('GET', `/api/v1/challenges/${challenge}/applications`);
    expect(hostList.json().items).toEqual([]);
    const early = await who('officer')(
      'POST',
      `/api/v1/challenges/${challenge}/applications/${id}/accept`,
      {},
    );
    expect(early.statusCode).toBe(404);
    expect((await notificationsOf('hrA')).items[0]).toMatchObject({
      kind: 'approval_requested',
      payload: { applicationId: id },
    });

    t.clock.set(START + DAY);
    const approved = await who('hrA')(
      'POST',
      `/api/v1/organizations/${orgs.companyA}/applications/${id}/approve`,
      { comment: '業務に支障のない範囲で承認します。' },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'host_review',
      hostDueAt: new Date(START + 8 * DAY).toISOString(),
    });
    expect(approved.json().events.at(-1)).toMatchObject({
      from: 'employer_pending',
      to: 'host_review',
      comment: '業務に支障のない範囲で承認します。',
      at: new Date(START + DAY).toISOString(),
    });
    expect((await notificationsOf('a1')).items[0]).toMatchObject({
      kind: 'application_approved',
    });
    // The host now sees it, without the steps between the worker and the employer.
    const seen = await who('officer')('GET', `/api/v1/challenges/${challenge}/applications`);
    expect(seen.json().items[0].events.map((e: { to: string }) => e.to)).toEqual(['applied']);
    expect(seen.body).not.toContain('業務に支障のない範囲');
    t.clock.set(START);
  });

  it('skips the employer when the programme needs no approval', async () => {
    const challenge = await openChallenge();
    const res = await apply('b1', challenge);
    expect(res.json()).toMatchObject({ status: 'host_review', programmeId: programmes.b });
  });

  it('rejects a challenge whose hours exceed the programme cap (409)', async () => {
    const challenge = await openChallenge({ hoursPerMonth: 40, onsiteDaysPerMonth: 2 });
    const res = await apply('a1', challenge);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      "Not possible: 0 h already committed + 40 h exceeds the programme's 32 h a month (20% of 160 h)",
    );
  });

  it('refuses a worker no longer eligible for their programme (409)', async () => {
    const challenge = await openChallenge();
    const res = await apply('c1', challenge);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      "Not possible: you are not eligible for your company's programme",
    );
  });

  it('answers 409 when the open-applications cap is reached', async () => {
    const challenge = await openChallenge({ places: 1, maxOpenApplications: 1 });
    expect((await apply('a2', challenge)).statusCode).toBe(201);
    const full = await apply('b1', challenge);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('already has 1 open applications (its limit is 1)');
  });

  it('refuses a closed challenge (409), a draft (404), a second application and non-workers (403)', async () => {
    const challenge = await openChallenge();
    expect((await apply('a2', challenge)).statusCode).toBe(201);
    expect((await apply('a2', challenge)).statusCode).toBe(409);
    await who('b1')('POST', `/api/v1/challenges/${challenge}/interest`);
    await who('officer')('POST', `/api/v1/challenges/${challenge}/close`);
    const closed = await apply('b1', challenge);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('Not possible: the challenge is closed, not open');
    // Someone who never turned to it does not see a closed challenge at all.
    expect((await apply('a3', challenge)).statusCode).toBe(404);
    const draft = await who('officer')(
      'POST',
      `/api/v1/organizations/${orgs.town}/challenges`,
      challengeBody(),
    );
    expect((await apply('b1', draft.json().id)).statusCode).toBe(404);
    const open = await openChallenge();
    for (const name of ['officer', 'hrA', 'coordinator']) {
      expect((await apply(name, open)).statusCode).toBe(403);
    }
    const empty = await who('a2')('POST', `/api/v1/challenges/${open}/applications`, {
      message: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ path: 'body.message', message: 'required' }]);
  });
});

describe('reviews', () => {
  it('lets the employer reject with a reason; the worker is told why', async () => {
    const challenge = await openChallenge();
    const id = (await apply('a1', challenge)).json().id;
    const noReason = await who('hrA')(
      'POST',
      `/api/v1/organizations/${orgs.companyA}/applications/${id}/reject`,
      {},
    );
    expect(noReason.statusCode).toBe(400);
    const res = await who('hrA')(
      'POST',
      `/api/v1/organizations/${orgs.companyA}/applications/${id}/reject`,
      { reason: '繁忙期のため来期にしてください。' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      declinedBy: 'employer',
      declineReason: '繁忙期のため来期にしてください。',
    });
    expect((await notificationsOf('a1')).items[0]).toMatchObject({
      kind: 'application_rejected',
      payload: { reason: '繁忙期のため来期にしてください。' },
    });
    // Nothing of it reaches the host.
    const host = await who('officer')('GET', `/api/v1/organizations/${orgs.town}/applications`);
    expect(host.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('matches an accepted application and refuses more than the places', async () => {
    const challenge = await openChallenge({ places: 1 });
    const first = (await apply('a2', challenge)).json().id;
    const second = (await apply('b1', challenge)).json().id;
    const accepted = await who('officer')(
      'POST',
      `/api/v1/challenges/${challenge}/applications/${first}/accept`,
      {},
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('matched');
    expect((await notificationsOf('a2')).items[0]).toMatchObject({ kind: 'application_matched' });
    const full = await who('officer')(
      'POST',
      `/api/v1/challenges/${challenge}/applications/${second}/accept`,
      {},
    );
    expect(full.statusCode).toBe(409);
    expect((await apply('a3', challenge)).statusCode).toBe(409);
    const detail = await who('officer')('GET', `/api/v1/challenges/${challenge}`);
    expect(detail.json()).toMatchObject({ filledPlaces: 1, openApplications: 1 });
  });

  it('declines with a reason (400 without one)', async () => {
    const challenge = await openChallenge();
    const id = (await apply('b1', challenge)).json().id;
    const url = `/api/v1/challenges/${challenge}/applications/${id}/decline`;
    const missing = await who('officer')('POST', url, {});
    expect(missing.json().error.details).toEqual([{ path: 'body.reason', message: 'required' }]);
    const res = await who('officer')('POST', url, {
      reason: '今回は現地勤務の多い方を優先しました。',
    });
    expect(res.json()).toMatchObject({
      status: 'declined',
      declinedBy: 'host',
      declineReason: '今回は現地勤務の多い方を優先しました。',
    });
    expect((await notificationsOf('b1')).items[0]).toMatchObject({
      kind: 'application_declined',
    });
  });

  it('lets only the worker’s own company approve, and only the host answer', async () => {
    const challenge = await openChallenge();
    const pending = (await apply('a1', challenge)).json().id;
    const byB = await who('hrB')(
      'POST',
      `/api/v1/organizations/${orgs.companyB}/applications/${pending}/approve`,
      {},
    );
    expect(byB.statusCode).toBe(404);
    const viaA = await who('hrB')(
      'POST',
      `/api/v1/organizations/${orgs.companyA}/applications/${pending}/approve`,
      {},
    );
    expect(viaA.statusCode).toBe(404);
    const colleague = await who('a2')(
      'POST',
      `/api/v1/organizations/${orgs.companyA}/applications/${pending}/approve`,
      {},
    );
    expect(colleague.statusCode).toBe(403);
    const coordinator = await who('coordinator')(
      'POST',
      `/api/v1/organizations/${orgs.companyA}/applications/${pending}/approve`,
      {},
    );
    expect(coordinator.statusCode).toBe(403);
    await who('hrA')(
      'POST',
      `/api/v1/organizations/${orgs.companyA}/applications/${pending}/approve`,
      {},
    );
    for (const name of ['hrA', 'a1', 'coordinator']) {
      const res = await who(name)(
        'POST',
        `/api/v1/challenges/${challenge}/applications/${pending}/accept`,
        {},
      );
      expect(res.statusCode, name).toBe(403);
    }
  });

  it('lets the worker withdraw until matched, telling whoever was reviewing', async () => {
    const challenge = await openChallenge();
    const id = (await apply('b1', challenge)).json().id;
    const notOurs = await who('a2')('POST', `/api/v1/me/applications/${id}/withdraw`);
    expect(notOurs.statusCode).toBe(404);
    const res = await who('b1')('POST', `/api/v1/me/applications/${id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    expect((await notificationsOf('officer')).items[0]).toMatchObject({
      kind: 'application_withdrawn',
      payload: { applicationId: id },
    });
    expect((await who('b1')('POST', `/api/v1/me/applications/${id}/withdraw`)).statusCode).toBe(
      409,
    );
    // A fresh application after withdrawing is allowed.
    expect((await apply('b1', challenge)).statusCode).toBe(201);
  });
});

describe('lists', () => {
  it('shows a company only its own employees’ applications', async () => {
    const challenge = await openChallenge();
    const fromA = (await apply('a1', challenge)).json().id;
    const fromB = (await apply('b1', challenge)).json().id;
    const listA = await who('hrA')('GET', `/api/v1/organizations/${orgs.companyA}/applications`);
    expect(listA.statusCode).toBe(200);
    const idsA = listA.json().items.map((a: { id: string }) => a.id);
    expect(idsA).toContain(fromA);
    expect(idsA).not.toContain(fromB);
    expect(
      listA
        .json()
        .items.every(
          (a: { employerOrganizationId: string }) => a.employerOrganizationId === orgs.companyA,
        ),
    ).toBe(true);
    const listB = await who('hrB')('GET', `/api/v1/organizations/${orgs.companyB}/applications`);
    expect(listB.json().items.map((a: { id: string }) => a.id)).toContain(fromB);
    expect(listB.json().items.map((a: { id: string }) => a.id)).not.toContain(fromA);
    expect(
      (await who('hrA')('GET', `/api/v1/organizations/${orgs.companyB}/applications`)).statusCode,
    ).toBe(404);
    expect(
      (await who('a1')('GET', `/api/v1/organizations/${orgs.companyA}/applications`)).statusCode,
    ).toBe(403);
  });

  it('shows a town the applications to its challenges, and a worker their own', async () => {
    const town = await who('officer')('GET', `/api/v1/organizations/${orgs.town}/applications`);
    expect(town.statusCode).toBe(200);
    expect(town.json().items.length).toBeGreaterThan(3);
    expect(
      town.json().items.every((a: { status: string }) => a.status !== 'employer_pending'),
    ).toBe(true);
    const mine = await who('b1')('GET', '/api/v1/me/applications?status=withdrawn');
    expect(mine.json().items).toHaveLength(1);
    expect(
      mine.json().items.every((a: { workerUserId: string }) => a.workerUserId === people.b1),
    ).toBe(true);
  });
});

describe('late answers', () => {
  it('lists applications past the host’s days for coordinators and alerts once', async () => {
    const before = await who('coordinator')('GET', '/api/v1/coordinator/overdue-applications');
    expect(before.statusCode).toBe(200);
    expect(before.json().items).toEqual([]);

    t.clock.set(START + 10 * DAY);
    const res = await who('coordinator')('GET', '/api/v1/coordinator/overdue-applications');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ applicationId: string; daysOverdue: number }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ hostOrganizationId: orgs.town, daysOverdue: 3 });
    const alerts = (await notificationsOf('coordinator')).items.filter(
      (n) => n.kind === 'host_response_overdue',
    );
    expect(alerts.map((n) => n.payload.applicationId).sort()).toEqual(
      items.map((i) => i.applicationId).sort(),
    );
    const officerAlerts = (await notificationsOf('officer')).items.filter(
      (n) => n.kind === 'host_response_overdue',
    );
    expect(officerAlerts).toHaveLength(items.length);
    // Reading again alerts nobody twice.
    await who('coordinator')('GET', '/api/v1/coordinator/overdue-applications');
    const again = (await notificationsOf('coordinator')).items.filter(
      (n) => n.kind === 'host_response_overdue',
    );
    expect(again).toHaveLength(alerts.length);
    const listed = await who('officer')('GET', `/api/v1/organizations/${orgs.town}/applications`);
    expect(listed.json().items.some((a: { overdue: boolean }) => a.overdue)).toBe(true);
    expect(
      (await who('officer')('GET', '/api/v1/coordinator/overdue-applications')).statusCode,
    ).toBe(403);
    t.clock.set(START);
  });
});

describe('notifications', () => {
  it('counts unread ones and marks one read; another person’s does not exist', async () => {
    t.clock.set(START + 20 * DAY);
    const before = await notificationsOf('a1');
    expect(before.unreadCount).toBeGreaterThan(0);
    const first = before.items[0]!;
    const read = await who('a1')('POST', `/api/v1/me/notifications/${first.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toBe(new Date(START + 20 * DAY).toISOString());
    expect((await notificationsOf('a1')).unreadCount).toBe(before.unreadCount - 1);
    const unread = await who('a1')('GET', '/api/v1/me/notifications?unread=true');
    expect(unread.json().items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    const theirs = await who('b1')('POST', `/api/v1/me/notifications/${first.id}/read`);
    expect(theirs.statusCode).toBe(404);
    t.clock.set(START);
  });
});
