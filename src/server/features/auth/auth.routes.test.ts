import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  TEST_ORIGIN,
  type TestApp,
} from '../../../../test/helpers/test-app';

let t: TestApp;
let companyId: string;
let worker: { userId: string; email: string };

beforeAll(async () => {
  t = await createTestApp();
  companyId = await insertOrg(t, 'company');
  worker = await insertMember(t, companyId, 'worker');
});
afterAll(async () => t.close());

describe('auth', () => {
  it('signs in with email and password and sets an httpOnly SameSite session cookie', async () => {
    const res = await as(t, null)('POST', '/api/v1/auth/login', {
      email: worker.email.toUpperCase(),
      password: 'correct-horse-battery',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      email: worker.email,
      memberships: [{ organizationId: companyId, role: 'worker', organizationKind: 'company' }],
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/tsunagu\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('rejects a wrong password with 401 and records the failed login', async () => {
    const res = await as(t, null)('POST', '/api/v1/auth/login', {
      email: worker.email,
      password: 'wrong-password-123',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    const events = await t.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('event', '=', 'login_failed')
      .execute();
    expect(events.some((e) => e.subject === worker.email)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('wrong-password-123');
  });

  it('returns the signed-in person at /auth/me and 401 without a session', async () => {
    const cookie = await login(t, worker.email);
    const me = await as(t, cookie)('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(worker.userId);
    const anon = await as(t, null)('GET', '/api/v1/auth/me');
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in to continue' },
    });
  });

  it('ends the session on logout so the old cookie no longer works', async () => {
    const cookie = await login(t, worker.email);
    const out = await as(t, cookie)('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const me = await as(t, cookie)('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
  });

  it('refuses a cookie-carrying write from a foreign origin (CSRF)', async () => {
    const cookie = await login(t, worker.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const noOrigin = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie },
      payload: { locale: 'en' },
    });
    expect(noOrigin.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { locale: 'en' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en');
  });

  it('rate-limits repeated login attempts for one address', async () => {
    const email = `limited-${Date.now()}@example.jp`;
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await as(t, null)('POST', '/api/v1/auth/login', { email, password: 'x' });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('answers malformed JSON and wrong types with 400 naming the field', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
    const wrong = await as(t, null)('POST', '/api/v1/auth/login', { email: 42, password: true });
    expect(wrong.statusCode).toBe(400);
    const paths = wrong.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });
});
