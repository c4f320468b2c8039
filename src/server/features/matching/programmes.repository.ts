import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, ProgrammesTable } from '../../../db/database';
import {
  programmeHourCap,
  type CommittedEngagement,
  type ProgrammeEligibilityRules,
  type ProgrammeKind,
} from '../../../domain/engagement/programme-rules';

type Db = Kysely<Database> | Transaction<Database>;

/** A programme as stored, with its current member count (the caller's standing is added later). */
export type ProgrammeRecord = {
  id: string;
  organizationId: string;
  kind: ProgrammeKind;
  name: string;
  description: string | null;
  maxSharePercent: number | null;
  contractedHoursPerMonth: number;
  hourCapPerMonth: number | null;
  eligibility: ProgrammeEligibilityRules;
  approvalRequired: boolean;
  travelSubsidyYenPerMonth: number;
  workation: { maxDaysPerMonth: number | null; policy: string | null };
  memberCount: number;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ProgrammeFields = {
  kind: ProgrammeKind;
  name: string;
  description: string | null;
  maxSharePercent: number | null;
  contractedHoursPerMonth: number;
  eligibility: ProgrammeEligibilityRules;
  approvalRequired: boolean;
  travelSubsidyYenPerMonth: number;
  workation: { maxDaysPerMonth: number | null; policy: string | null };
};

function baseQuery(db: Db) {
  return db
    .selectFrom('programmes as p')
    .selectAll('p')
    .select(
      sql<number>`(select count(*)::int from programme_members pm where pm.programme_id = p.id and pm.left_at is null)`.as(
        'member_count',
      ),
    );
}

/** A programme's row with its current member count (selectProgrammes). */
type Row = Selectable<ProgrammesTable> & { member_count: number };

function toRecord(r: Row): ProgrammeRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    maxSharePercent: r.max_share_percent,
    contractedHoursPerMonth: r.contracted_hours_per_month,
    hourCapPerMonth:
      r.max_share_percent === null
        ? null
        : programmeHourCap(r.max_share_percent, r.contracted_hours_per_month),
    eligibility: { minAge: r.min_age, maxAge: r.max_age, minTenureYears: r.min_tenure_years },
    approvalRequired: r.approval_required,
    travelSubsidyYenPerMonth: r.travel_subsidy_yen_per_month,
    workation: { maxDaysPerMonth: r.workation_max_days_per_month, policy: r.workation_policy },
    memberCount: Number(r.member_count),
    retiredAt: r.retired_at ? r.retired_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listProgrammes(
  db: Db,
  organizationId: string,
  opts: { includeRetired: boolean },
): Promise<ProgrammeRecord[]> {
  let q = baseQuery(db).where('p.organization_id', '=', organizationId);
  if (!opts.includeRetired) q = q.where('p.retired_at', 'is', null);
  const rows = await q.orderBy('p.created_at').orderBy('p.id').execute();
  return rows.map(toRecord);
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRecord | undefined> {
  const row = await baseQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

function fieldColumns(f: ProgrammeFields) {
  return {
    kind: f.kind,
    name: f.name,
    description: f.description,
    max_share_percent: f.maxSharePercent,
    contracted_hours_per_month: f.contractedHoursPerMonth,
    min_age: f.eligibility.minAge,
    max_age: f.eligibility.maxAge,
    min_tenure_years: f.eligibility.minTenureYears,
    approval_required: f.approvalRequired,
    travel_subsidy_yen_per_month: f.travelSubsidyYenPerMonth,
    workation_max_days_per_month: f.workation.maxDaysPerMonth,
    workation_policy: f.workation.policy,
  };
}

export async function insertProgramme(
  db: Db,
  organizationId: string,
  fields: ProgrammeFields,
  at: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('programmes')
    .values({
      id,
      organization_id: organizationId,
      ...fieldColumns(fields),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function updateProgramme(
  db: Db,
  id: string,
  fields: ProgrammeFields,
  at: Date,
): Promise<void> {
  await db
    .updateTable('programmes')
    .set({ ...fieldColumns(fields), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Retires a programme: no one joins it any more; its members and applications stay on record. */
export async function retireProgramme(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('programmes')
    .set({ retired_at: at, updated_at: at })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .execute();
  await db
    .updateTable('programme_members')
    .set({ left_at: at })
    .where('programme_id', '=', id)
    .where('left_at', 'is', null)
    .execute();
}

export async function findCurrentMembership(
  db: Db,
  programmeId: string,
  workerUserId: string,
): Promise<{ id: string; joinedAt: string } | undefined> {
  const row = await db
    .selectFrom('programme_members')
    .select(['id', 'joined_at'])
    .where('programme_id', '=', programmeId)
    .where('worker_user_id', '=', workerUserId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, joinedAt: row.joined_at.toISOString() } : undefined;
}

/** The caller's current memberships among `programmeIds`: programme id → joined at. */
export async function currentMembershipsOf(
  db: Db,
  workerUserId: string,
  programmeIds: readonly string[],
): Promise<Map<string, string>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('programme_members')
    .select(['programme_id', 'joined_at'])
    .where('worker_user_id', '=', workerUserId)
    .where('programme_id', 'in', programmeIds)
    .where('left_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.programme_id, r.joined_at.toISOString()]));
}

export async function insertProgrammeMember(
  db: Db,
  programmeId: string,
  workerUserId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('programme_members')
    .values({
      id: randomUUID(),
      programme_id: programmeId,
      worker_user_id: workerUserId,
      joined_at: at,
    })
    .execute();
}

export async function endProgrammeMembership(db: Db, membershipId: string, at: Date) {
  await db
    .updateTable('programme_members')
    .set({ left_at: at })
    .where('id', '=', membershipId)
    .execute();
}

export async function listProgrammeMembers(
  db: Db,
  programmeId: string,
): Promise<Array<{ userId: string; name: string; joinedAt: string }>> {
  const rows = await db
    .selectFrom('programme_members as pm')
    .innerJoin('users as u', 'u.id', 'pm.worker_user_id')
    .select(['u.id', 'u.name', 'pm.joined_at'])
    .where('pm.programme_id', '=', programmeId)
    .where('pm.left_at', 'is', null)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, joinedAt: r.joined_at.toISOString() }));
}

/** The programmes a worker is in now (not left, not retired), at any of their companies. */
export async function listCurrentProgrammesOfWorker(
  db: Db,
  workerUserId: string,
): Promise<ProgrammeRecord[]> {
  const rows = await baseQuery(db)
    .where('p.retired_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('programme_members as pm')
          .select('pm.id')
          .whereRef('pm.programme_id', '=', 'p.id')
          .where('pm.worker_user_id', '=', workerUserId)
          .where('pm.left_at', 'is', null),
      ),
    )
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  return rows.map(toRecord);
}

/** Matched applications under a programme: the engagements its hours are committed to. */
export async function listCommittedEngagements(
  db: Db,
  programmeId: string,
): Promise<Array<CommittedEngagement & { workerUserId: string }>> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('challenges as c', 'c.id', 'a.challenge_id')
    .select(['a.worker_user_id', 'c.hours_per_month', 'c.start_date', 'c.period_months'])
    .where('a.programme_id', '=', programmeId)
    .where('a.status', '=', 'matched')
    .execute();
  return rows.map((r) => ({
    workerUserId: r.worker_user_id,
    hoursPerMonth: r.hours_per_month,
    startDate: r.start_date,
    periodMonths: r.period_months,
  }));
}

/** When the worker's main job at the company began (tenure), or null without one. */
export async function findEmployedSince(
  db: Db,
  workerUserId: string,
  organizationId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('employments')
    .select('contract_signed_on')
    .where('worker_user_id', '=', workerUserId)
    .where('employer_organization_id', '=', organizationId)
    .where('is_primary', '=', true)
    .executeTakeFirst();
  return row?.contract_signed_on ?? null;
}

export async function findBirthYear(db: Db, userId: string): Promise<number | null> {
  const row = await db
    .selectFrom('worker_profiles')
    .select('birth_year')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.birth_year ?? null;
}
