import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  cookieHeader,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';

let t: TestApp;
let assoc: string;
let company: string;
let coordinatorCookie: string;
let hrCookie: string;
let workerCookie: string;

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitations/')[1] ?? '';

async function invite(cookie: string, orgId: string, email: string, role: string) {
  return as(t, cookie)('POST', `/api/v1/organizations/${orgId}/invitations`, { email, role });
}

beforeAll(async () => {
  t = await createTestApp();
  assoc = await insertOrg(t, 'association');
  company = await insertOrg(t, 'company');
  coordinatorCookie = await login(t, (await insertMember(t, assoc, 'coordinator')).email);
  hrCookie = await login(t, (await insertMember(t, company, 'company_admin')).email);
  workerCookie = await login(t, (await insertMember(t, company, 'worker')).email);
});
afterAll(async () => t.close());

describe('invitations', () => {
  it('takes an invitee from link to signed-in member, recording each step', async () => {
    const created = await invite(
      coordinatorCookie,
      company,
      'New.Admin@Example.jp',
      'company_admin',
    );
    expect(created.statusCode).toBe(201);
    const { invitation, acceptUrl } = created.json();
    expect(invitation).toMatchObject({
      email: 'new.admin@example.jp',
      role: 'company_admin',
      status: 'pending',
    });
    expect(acceptUrl).toMatch(/^http:\/\/localhost:3000\/invitations\/[\w-]{43}$/);
    const token = tokenOf(acceptUrl);

    const preview = await as(t, null)('GET', `/api/v1/invitations/${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      email: 'new.admin@example.jp',
      role: 'company_admin',
      accountExists: false,
    });

    const accepted = await as(t, null)('POST', `/api/v1/invitations/${token}/accept`, {
      name: '山田 花子',
      password: 'a-long-password',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().memberships).toEqual([
      expect.objectContaining({ organizationId: company, role: 'company_admin' }),
    ]);
    const me = await as(t, cookieHeader(accepted))('GET', '/api/v1/auth/me');
    expect(me.json().name).toBe('山田 花子');

    const again = await as(t, null)('POST', `/api/v1/invitations/${token}/accept`, {
      name: 'x',
      password: 'a-long-password',
    });
    expect(again.statusCode).toBe(404);

    const stored = await t.handle.db
      .selectFrom('invitations')
      .select(['token_hash', 'status'])
      .execute();
    expect(stored.every((r) => r.token_hash !== token)).toBe(true);
    const events = await t.handle.db.selectFrom('audit_events').select('event').execute();
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['invitation_created', 'invitation_accepted']),
    );
  });

  it('lets a company admin invite employees but not a worker, and never into another company', async () => {
    expect((await invite(hrCookie, company, 'emp1@example.jp', 'worker')).statusCode).toBe(201);
    expect((await invite(workerCookie, company, 'emp2@example.jp', 'worker')).statusCode).toBe(403);
    const other = await insertOrg(t, 'company');
    expect((await invite(hrCookie, other, 'emp3@example.jp', 'worker')).statusCode).toBe(404);
  });

  it('rejects a role that the organisation kind does not have, naming the field', async () => {
    const res = await invite(coordinatorCookie, company, 'x@example.jp', 'municipal_officer');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.role', message: 'not a role of a company' },
    ]);
  });

  it('refuses an expired or revoked invitation', async () => {
    const a = (await invite(hrCookie, company, 'late@example.jp', 'worker')).json();
    t.clock.set(t.clock.now() + 15 * 86_400_000);
    expect(
      (await as(t, null)('GET', `/api/v1/invitations/${tokenOf(a.acceptUrl)}`)).statusCode,
    ).toBe(404);
    t.clock.set(t.clock.now() - 15 * 86_400_000);

    const b = (await invite(hrCookie, company, 'revoked@example.jp', 'worker')).json();
    const del = await as(t, hrCookie)(
      'DELETE',
      `/api/v1/organizations/${company}/invitations/${b.invitation.id}`,
    );
    expect(del.statusCode).toBe(204);
    const res = await as(t, null)('POST', `/api/v1/invitations/${tokenOf(b.acceptUrl)}/accept`, {
      name: 'x',
      password: 'a-long-password',
    });
    expect(res.statusCode).toBe(404);
  });

  it('writes nothing when an acceptance fails part-way (existing account, not signed in)', async () => {
    const existing = await insertMember(t, company, 'worker');
    const other = await insertOrg(t, 'company');
    const inv = (await invite(coordinatorCookie, other, existing.email, 'worker')).json();
    const res = await as(t, null)('POST', `/api/v1/invitations/${tokenOf(inv.acceptUrl)}/accept`, {
      name: 'x',
      password: 'a-long-password',
    });
    expect(res.statusCode).toBe(409);
    const memberships = await t.handle.db
      .selectFrom('memberships')
      .select('organization_id')
      .where('user_id', '=', existing.userId)
      .execute();
    expect(memberships.map((m) => m.organization_id)).toEqual([company]);
    const row = await t.handle.db
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', inv.invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');

    // Signed in as that person, the same link adds the membership; no name or password needed.
    const cookie = await login(t, existing.email);
    const ok = await as(t, cookie)(
      'POST',
      `/api/v1/invitations/${tokenOf(inv.acceptUrl)}/accept`,
      {},
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberships).toHaveLength(2);
  });

  it('rejects a short password with a field path and creates no account', async () => {
    const inv = (await invite(hrCookie, company, 'short@example.jp', 'worker')).json();
    const res = await as(t, null)('POST', `/api/v1/invitations/${tokenOf(inv.acceptUrl)}/accept`, {
      name: 'x',
      password: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.password');
    const user = await t.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'short@example.jp')
      .execute();
    expect(user).toEqual([]);
  });

  it('requires a name and a password to create a new account, naming the missing fields', async () => {
    const inv = (await invite(hrCookie, company, 'nameless@example.jp', 'worker')).json();
    const res = await as(t, null)(
      'POST',
      `/api/v1/invitations/${tokenOf(inv.acceptUrl)}/accept`,
      {},
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.name',
      'body.password',
    ]);
    const row = await t.handle.db
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', inv.invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('lists pending invitations to the organisation admins only', async () => {
    const list = await as(t, hrCookie)('GET', `/api/v1/organizations/${company}/invitations`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(
      (await as(t, workerCookie)('GET', `/api/v1/organizations/${company}/invitations`)).statusCode,
    ).toBe(403);
  });
});
