import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config';
import type { DbHandle } from '../../src/db/create-db';
import { createPasswordUser } from '../../src/db/accounts.repository';
import { addMembership } from '../../src/db/invitations.repository';
import type { OrganizationKind, Role } from '../../src/domain/shared/organizations';
import { buildApp } from '../../src/server/app';
import type { AppInstance, Clock } from '../../src/server/app-types';
import { createTestDb } from './test-db';

export const TEST_ORIGIN = 'http://localhost:3000';
export const TEST_PASSWORD = 'correct-horse-battery';

export type TestApp = {
  app: AppInstance;
  handle: DbHandle;
  clock: Clock & { set(ms: number): void };
  close(): Promise<void>;
};

export async function createTestApp(): Promise<TestApp> {
  const handle = await createTestDb();
  let nowMs = Date.parse('2026-11-21T01:00:00Z');
  const clock = { now: () => nowMs, set: (ms: number) => void (nowMs = ms) };
  const config = loadConfig({ NODE_ENV: 'test', TSUNAGU_WEB_DIR: '/nonexistent' });
  const app = await buildApp({
    db: handle.db,
    config,
    clock,
    authSecret: 'test-secret-test-secret-test-secret-0123',
  });
  await app.ready();
  return {
    app,
    handle,
    clock,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

let orgSeq = 0;

/** Inserts an organisation directly (tests of other features need one quickly). */
export async function insertOrg(
  t: TestApp,
  kind: OrganizationKind,
  lgCode: string | null = null,
): Promise<string> {
  const id = crypto.randomUUID();
  orgSeq += 1;
  await t.handle.db
    .insertInto('organizations')
    .values({ id, kind, name: `${kind} ${orgSeq}`, name_en: null, lg_code: lgCode })
    .execute();
  return id;
}

/** Creates a person with a role in an organisation and returns their id and email. */
export async function insertMember(
  t: TestApp,
  organizationId: string,
  role: Role,
  email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.jp`,
): Promise<{ userId: string; email: string }> {
  const userId = await createPasswordUser(t.handle.db, {
    email,
    name: `${role} person`,
    password: TEST_PASSWORD,
  });
  await addMembership(t.handle.db, { userId, organizationId, role });
  return { userId, email };
}

/** Signs in through the API and returns the Cookie header to send on later requests. */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: TEST_ORIGIN },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return cookieHeader(res);
}

export function cookieHeader(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

/** Request helper: JSON in, with the session cookie and our Origin (as a browser would send). */
export function as(t: TestApp, cookie: string | null) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
}
