import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrganizationKind, Role } from '../../../domain/shared/organizations';

type Db = Kysely<Database> | Transaction<Database>;

export type OrganizationRecord = {
  id: string;
  kind: OrganizationKind;
  name: string;
  nameEn: string | null;
  lgCode: string | null;
  memberCount: number;
  createdAt: string;
};

function baseQuery(db: Db) {
  return db.selectFrom('organizations as o').select([
    'o.id',
    'o.kind',
    'o.name',
    'o.name_en',
    'o.lg_code',
    'o.created_at',
    (eb) =>
      eb
        .selectFrom('memberships as m')
        .whereRef('m.organization_id', '=', 'o.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('member_count'),
  ]);
}

type Row = {
  id: string;
  kind: OrganizationKind;
  name: string;
  name_en: string | null;
  lg_code: string | null;
  created_at: Date;
  member_count: number | null;
};

function toRecord(r: Row): OrganizationRecord {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    nameEn: r.name_en,
    lgCode: r.lg_code,
    memberCount: Number(r.member_count ?? 0),
    createdAt: r.created_at.toISOString(),
  };
}

export async function listOrganizations(
  db: Db,
  filter: { kind?: OrganizationKind; onlyIds?: string[] },
): Promise<OrganizationRecord[]> {
  let q = baseQuery(db).orderBy('o.kind').orderBy('o.name');
  if (filter.kind) q = q.where('o.kind', '=', filter.kind);
  if (filter.onlyIds) {
    if (filter.onlyIds.length === 0) return [];
    q = q.where('o.id', 'in', filter.onlyIds);
  }
  return (await q.execute()).map(toRecord);
}

export async function findOrganization(
  db: Db,
  id: string,
): Promise<OrganizationRecord | undefined> {
  const row = await baseQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function localGovCodeExists(
  db: Db,
  kind: 'municipality' | 'prefecture',
  code: string,
): Promise<boolean> {
  const row =
    kind === 'prefecture'
      ? await db
          .selectFrom('prefectures')
          .select('code')
          .where('code', '=', code)
          .executeTakeFirst()
      : await db
          .selectFrom('municipalities')
          .select('code')
          .where('code', '=', code)
          .executeTakeFirst();
  return row !== undefined;
}

export async function organizationWithCodeExists(db: Db, lgCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('lg_code', '=', lgCode)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertOrganization(
  db: Db,
  o: { kind: OrganizationKind; name: string; nameEn: string | null; lgCode: string | null },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('organizations')
    .values({ id, kind: o.kind, name: o.name, name_en: o.nameEn, lg_code: o.lgCode })
    .execute();
  return id;
}

export async function listMembers(db: Db, organizationId: string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.created_at'])
    .where('m.organization_id', '=', organizationId)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    joinedAt: r.created_at.toISOString(),
  }));
}

export async function findMembership(db: Db, organizationId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'role'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function updateMemberRole(db: Db, membershipId: string, role: Role): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role, updated_at: new Date() })
    .where('id', '=', membershipId)
    .execute();
}

export async function deleteMembership(db: Db, membershipId: string): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', membershipId).execute();
}
