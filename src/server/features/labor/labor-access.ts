import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import { describeWeekStartProblem } from '../../../domain/labor/timesheet-workflow';
import {
  canAdministerOrganization,
  canReadOrganization,
  type OrganizationKind,
} from '../../../domain/shared/organizations';
import { AppError, forbidden, notFound } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { findOrganizationBasics } from './employments.repository';

/**
 * The organisation whose working-time records the actor manages: 404 when they may not even
 * read it (its existence is not revealed), 403 for its own members who do not administer it —
 * a worker never sees a colleague's hours.
 */
export async function administeredOrganization(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ id: string; name: string; kind: OrganizationKind }> {
  if (!canReadOrganization(actor.memberships, id)) throw notFound('Organisation');
  const org = await findOrganizationBasics(db, id);
  if (!org) throw notFound('Organisation');
  if (!canAdministerOrganization(actor.memberships, id)) {
    throw forbidden("Only the organisation's administrators see working-time records");
  }
  return org;
}

/**
 * A timesheet week starts on a Monday; anything else is a 400 naming the parameter
 * (`params.weekStart`, or `querystring.weekStart` for a list filter).
 */
export function checkedWeekStart(weekStart: string, path = 'params.weekStart'): string {
  const problem = describeWeekStartProblem(weekStart);
  if (problem !== null) {
    const where = path.split('.')[0];
    throw new AppError('validation_failed', `Invalid ${where}: ${path} ${problem}`, [
      { path, message: problem },
    ]);
  }
  return weekStart;
}
