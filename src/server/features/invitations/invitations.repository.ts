import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrganizationKind } from '../../../domain/shared/organizations';

export async function findOrganizationKind(
  db: Kysely<Database>,
  id: string,
): Promise<OrganizationKind | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('kind')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.kind;
}
