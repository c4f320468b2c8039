import { expect } from 'vitest';
import { challengeBody, profileBody } from '../../../../test/helpers/matching-fixtures';
import { as, insertMember, login, type TestApp } from '../../../../test/helpers/test-app';

/**
 * The set-up the matching API's tests share: a cast signed in by name, challenges posted and
 * opened, profiles written. Each step checks its answer, so that a broken set-up fails where it
 * broke rather than in the first test that trips over it.
 */

type Call = ReturnType<typeof as>;
type Role = Parameters<typeof insertMember>[2];

/**
 * Makes each `[name, organisation, role]` a member and signs them in: their user ids and their
 * session cookies, by name.
 */
export async function signInCast(
  t: TestApp,
  cast: ReadonlyArray<readonly [name: string, organizationId: string, role: Role]>,
): Promise<{ userIds: Record<string, string>; cookies: Record<string, string> }> {
  const userIds: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  for (const [name, organizationId, role] of cast) {
    const member = await insertMember(t, organizationId, role);
    userIds[name] = member.userId;
    cookies[name] = await login(t, member.email);
  }
  return { userIds, cookies };
}

/** Posts a challenge of the host's organisation (the valid body with these changes) and opens it. */
export async function postOpenChallenge(
  host: Call,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await host(
    'POST',
    `/api/v1/organizations/${organizationId}/challenges`,
    challengeBody(overrides),
  );
  expect(res.statusCode, res.body).toBe(201);
  const opened = await host('POST', `/api/v1/challenges/${res.json().id}/open`);
  expect(opened.statusCode, opened.body).toBe(200);
  return res.json().id;
}

/** Writes each named worker's profile: the valid body with their changes. */
export async function writeProfiles(
  who: (name: string) => Call,
  overridesByName: Record<string, Record<string, unknown>>,
): Promise<void> {
  for (const [name, overrides] of Object.entries(overridesByName)) {
    const res = await who(name)('PUT', '/api/v1/me/profile', profileBody(overrides));
    expect(res.statusCode, res.body).toBe(200);
  }
}
