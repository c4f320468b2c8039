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
let coordinatorCookie: string;
let company: string;
let hr: { userId: string; email: string };
let hrCookie: string;
let worker: { userId: string; email: string };

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  const assoc = await insertOrg(t, 'association');
  company = await insertOrg(t, 'company');
  coordinatorCookie = await login(t, (await insertMember(t, assoc, 'coordinator')).email);
  hr = await insertMember(t, company, 'company_admin');
  hrCookie = await login(t, hr.email);
  worker = await insertMember(t, company, 'worker');
});
afterAll(async () => t.close());

const create = (body: unknown) => as(t, coordinatorCookie)('POST', '/api/v1/organizations', body);

describe('registering organisations', () => {
  it('registers a municipality by its official code', async () => {
    const res = await create({ kind: 'municipality', name: '軽井沢町', lgCode: '203211' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'municipality', lgCode: '203211', memberCount: 0 });
    const events = await t.handle.db
      .selectFrom('audit_events')
      .select('event')
      .where('event', '=', 'organization_created')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refuses a second organisation for the same local government', async () => {
    const res = await create({ kind: 'municipality', name: '軽井沢町 (2)', lgCode: '203211' });
    expect(res.statusCode).toBe(409);
  });

  it('rejects an unknown or missing code, and a code on a company, naming body.lgCode', async () => {
    const unknown = await create({ kind: 'municipality', name: 'どこか', lgCode: '999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('body.lgCode');
    const missing = await create({ kind: 'prefecture', name: '長野県' });
    expect(missing.json().error.details[0]).toEqual({
      path: 'body.lgCode',
      message: 'required for a prefecture',
    });
    const onCompany = await create({ kind: 'company', name: '株式会社X', lgCode: '203211' });
    expect(onCompany.statusCode).toBe(400);
    const prefectureAsTown = await create({
      kind: 'municipality',
      name: '長野県',
      lgCode: '200000',
    });
    expect(prefectureAsTown.statusCode).toBe(400);
  });

  it('registers a prefecture by its code', async () => {
    const res = await create({
      kind: 'prefecture',
      name: '長野県',
      nameEn: 'Nagano',
      lgCode: '200000',
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('members and roles', () => {
  it('shows an organisation its own members', async () => {
    const res = await as(t, hrCookie)('GET', `/api/v1/organizations/${company}/members`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((m: { userId: string }) => m.userId)
        .sort(),
    ).toEqual([hr.userId, worker.userId].sort());
  });

  it('lets an admin change a member role, with an audit event, but not their own', async () => {
    const res = await as(t, hrCookie)(
      'PATCH',
      `/api/v1/organizations/${company}/members/${worker.userId}`,
      {
        role: 'company_admin',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('company_admin');
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select(['details', 'subject'])
      .where('event', '=', 'role_changed')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      subject: worker.userId,
      details: { from: 'worker', to: 'company_admin' },
    });
    const self = await as(t, hrCookie)(
      'PATCH',
      `/api/v1/organizations/${company}/members/${hr.userId}`,
      {
        role: 'worker',
      },
    );
    expect(self.statusCode).toBe(403);
  });

  it('rejects a role the kind does not have and changes nothing', async () => {
    const res = await as(t, hrCookie)(
      'PATCH',
      `/api/v1/organizations/${company}/members/${worker.userId}`,
      {
        role: 'coordinator',
      },
    );
    expect(res.statusCode).toBe(400);
    const row = await t.handle.db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', worker.userId)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('company_admin');
  });

  it('removes a member, who then loses access at once', async () => {
    const leaver = await insertMember(t, company, 'worker');
    const leaverCookie = await login(t, leaver.email);
    expect((await as(t, leaverCookie)('GET', `/api/v1/organizations/${company}`)).statusCode).toBe(
      200,
    );
    const del = await as(t, hrCookie)(
      'DELETE',
      `/api/v1/organizations/${company}/members/${leaver.userId}`,
    );
    expect(del.statusCode).toBe(204);
    expect((await as(t, leaverCookie)('GET', `/api/v1/organizations/${company}`)).statusCode).toBe(
      404,
    );
  });
});

describe('audit log', () => {
  it('lets coordinators read security events newest first and filter them', async () => {
    const res = await as(t, coordinatorCookie)(
      'GET',
      '/api/v1/audit-events?event=login_succeeded&limit=2',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(2);
    expect(body.items.every((e: { event: string }) => e.event === 'login_succeeded')).toBe(true);
    expect(body.items[0].id).toBeGreaterThan(body.items[1].id);
    expect(body.nextBefore).toBe(body.items[1].id);
    const next = await as(t, coordinatorCookie)(
      'GET',
      `/api/v1/audit-events?event=login_succeeded&limit=2&before=${body.nextBefore}`,
    );
    expect(next.json().items[0].id).toBeLessThan(body.nextBefore);
  });

  it('answers a bad query with 400 naming the parameter', async () => {
    const res = await as(t, coordinatorCookie)('GET', '/api/v1/audit-events?limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.limit');
  });
});
