import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import type { FieldProblem } from '../../../domain/engagement/challenge-rules';
import { tokyoDateOf } from '../../../domain/engagement/engagement-calendar';
import {
  canReadChallenge,
  canReadOrganization,
  workerCompanyIds,
  type OrganizationKind,
} from '../../../domain/shared/organizations';
import { AppError, forbidden, notFound } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { hasApplicationTo } from './applications.repository';
import { findChallenge, type ChallengeRecord } from './challenges.repository';

/**
 * A challenge the actor may see, or 404: a draft (or a closed challenge) of another
 * organisation does not exist for them — unless they applied to it.
 */
export async function readableChallenge(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<ChallengeRecord> {
  const challenge = await findChallenge(db, id);
  if (!challenge) throw notFound('Challenge');
  const isOpen = challenge.state === 'open';
  const applied = isOpen ? false : await hasApplicationTo(db, actor.userId, id);
  if (
    !canReadChallenge(
      actor.memberships,
      { organizationId: challenge.organizationId, isOpen },
      applied,
    )
  ) {
    throw notFound('Challenge');
  }
  return challenge;
}

/** An organisation the actor may read, or 404 (its existence is not revealed). */
export async function readableOrganizationBasics(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ id: string; kind: OrganizationKind; name: string; lgCode: string | null }> {
  if (!canReadOrganization(actor.memberships, id)) throw notFound('Organisation');
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'kind', 'name', 'lg_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return { id: org.id, kind: org.kind, name: org.name, lgCode: org.lg_code };
}

/** The companies where the actor is a worker; a 403 for anyone who is not a worker. */
export function requireWorker(actor: Actor, what: string): string[] {
  const companies = workerCompanyIds(actor.memberships);
  if (companies.length === 0) throw forbidden(`Only workers ${what}`);
  return companies;
}

/** A 400 naming each field of `where` (`body.requiredSkills[1].skill`). */
export function invalidInput(where: 'body' | 'querystring', problems: FieldProblem[]): AppError {
  const details = problems.map((p) => ({ path: `${where}.${p.field}`, message: p.message }));
  return new AppError(
    'validation_failed',
    `Invalid ${where}: ${details.map((d) => d.path).join(', ')}`,
    details,
  );
}

/** Today's date in Japan by the server clock: ages, tenure and engagement periods use it. */
export function todayOf(nowMs: number): string {
  return tokyoDateOf(nowMs);
}
