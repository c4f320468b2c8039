import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { EmploymentView } from '../../../contracts/labor';
import type { Agreement36Mode, Database } from '../../../db/database';
import type { Weekday } from '../../../domain/labor/labor-calendar';
import type { LaborRelation } from '../../../domain/labor/labor-input';
import type { Agreement36Setting, EmploymentTerms } from '../../../domain/labor/worker-labor-input';
import type { OrganizationKind } from '../../../domain/shared/organizations';

type Db = Kysely<Database> | Transaction<Database>;

export type EmploymentRecord = EmploymentView;

type Row = {
  id: string;
  worker_user_id: string;
  employer_organization_id: string | null;
  employer_display_name: string | null;
  is_primary: boolean;
  relation: LaborRelation;
  contract_signed_on: string;
  week_starts_on: Weekday | null;
  legal_holiday: Weekday | null;
  hourly_wage_yen: number | null;
  monthly_cap_minutes: number | null;
  agreement36_mode: Agreement36Mode;
  agreement36_special_clause: boolean | null;
  agreement36_monthly_limit_minutes: number | null;
  agreement36_yearly_limit_minutes: number | null;
  agreement36_year_start_month: number | null;
  ended_on: string | null;
};

function toAgreement(r: Row): Agreement36Setting {
  if (r.agreement36_mode !== 'custom') return { mode: r.agreement36_mode };
  const agreement: Agreement36Setting = {
    mode: 'custom',
    specialClause: r.agreement36_special_clause ?? false,
  };
  if (r.agreement36_monthly_limit_minutes !== null) {
    agreement.monthlyLimitMinutes = r.agreement36_monthly_limit_minutes;
  }
  if (r.agreement36_yearly_limit_minutes !== null) {
    agreement.yearlyLimitMinutes = r.agreement36_yearly_limit_minutes;
  }
  if (r.agreement36_year_start_month !== null) {
    agreement.yearStartMonth = r.agreement36_year_start_month;
  }
  return agreement;
}

function toRecord(r: Row): EmploymentRecord {
  return {
    id: r.id,
    workerUserId: r.worker_user_id,
    employerOrganizationId: r.employer_organization_id,
    employerName: r.employer_display_name ?? '',
    isPrimary: r.is_primary,
    relation: r.relation,
    contractSignedOn: r.contract_signed_on,
    weekStartsOn: r.week_starts_on,
    legalHoliday: r.legal_holiday,
    hourlyWageYen: r.hourly_wage_yen,
    monthlyCapMinutes: r.monthly_cap_minutes,
    agreement36: toAgreement(r),
    endedOn: r.ended_on,
  };
}

function baseQuery(db: Db) {
  return db
    .selectFrom('employments as e')
    .leftJoin('organizations as o', 'o.id', 'e.employer_organization_id')
    .select((eb) => [
      'e.id',
      'e.worker_user_id',
      'e.employer_organization_id',
      // A member organisation is named by its own (current) record.
      eb.fn.coalesce('o.name', 'e.employer_name').as('employer_display_name'),
      'e.is_primary',
      'e.relation',
      'e.contract_signed_on',
      'e.week_starts_on',
      'e.legal_holiday',
      'e.hourly_wage_yen',
      'e.monthly_cap_minutes',
      'e.agreement36_mode',
      'e.agreement36_special_clause',
      'e.agreement36_monthly_limit_minutes',
      'e.agreement36_yearly_limit_minutes',
      'e.agreement36_year_start_month',
      'e.ended_on',
    ])
    .orderBy('e.is_primary', 'desc')
    .orderBy('e.contract_signed_on')
    .orderBy('e.id');
}

/** Every employment of one person, the main job(s) first, then by contract date. */
export async function listEmploymentsOfWorker(
  db: Db,
  workerUserId: string,
): Promise<EmploymentRecord[]> {
  const rows = await baseQuery(db).where('e.worker_user_id', '=', workerUserId).execute();
  return rows.map(toRecord);
}

/** Every employment of several people (the compliance view), grouped by person. */
export async function listEmploymentsOfWorkers(
  db: Db,
  workerUserIds: readonly string[],
): Promise<Map<string, EmploymentRecord[]>> {
  const byWorker = new Map<string, EmploymentRecord[]>();
  if (workerUserIds.length === 0) return byWorker;
  const rows = await baseQuery(db).where('e.worker_user_id', 'in', workerUserIds).execute();
  for (const row of rows) {
    const record = toRecord(row);
    const list = byWorker.get(record.workerUserId) ?? [];
    list.push(record);
    byWorker.set(record.workerUserId, list);
  }
  return byWorker;
}

/** The main jobs at one organisation. */
export async function listPrimaryEmploymentsAt(
  db: Db,
  organizationId: string,
): Promise<EmploymentRecord[]> {
  const rows = await baseQuery(db)
    .where('e.employer_organization_id', '=', organizationId)
    .where('e.is_primary', '=', true)
    .execute();
  return rows.map(toRecord);
}

export async function findEmployment(db: Db, id: string): Promise<EmploymentRecord | undefined> {
  const row = await baseQuery(db).where('e.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findPrimaryEmployment(
  db: Db,
  workerUserId: string,
  organizationId: string,
): Promise<EmploymentRecord | undefined> {
  const row = await baseQuery(db)
    .where('e.worker_user_id', '=', workerUserId)
    .where('e.employer_organization_id', '=', organizationId)
    .where('e.is_primary', '=', true)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

function termColumns(terms: EmploymentTerms) {
  const agreement = terms.agreement36;
  const custom = agreement.mode === 'custom' ? agreement : null;
  return {
    relation: terms.relation,
    contract_signed_on: terms.contractSignedOn,
    week_starts_on: terms.weekStartsOn,
    legal_holiday: terms.legalHoliday,
    hourly_wage_yen: terms.hourlyWageYen,
    monthly_cap_minutes: terms.monthlyCapMinutes,
    agreement36_mode: agreement.mode,
    agreement36_special_clause: custom ? custom.specialClause : null,
    agreement36_monthly_limit_minutes: custom?.monthlyLimitMinutes ?? null,
    agreement36_yearly_limit_minutes: custom?.yearlyLimitMinutes ?? null,
    agreement36_year_start_month: custom?.yearStartMonth ?? null,
  };
}

export async function insertEmployment(
  db: Db,
  e: {
    workerUserId: string;
    employerOrganizationId: string | null;
    /** Only for an employer that is not a member organisation. */
    employerName: string | null;
    isPrimary: boolean;
    terms: EmploymentTerms;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('employments')
    .values({
      id,
      worker_user_id: e.workerUserId,
      employer_organization_id: e.employerOrganizationId,
      employer_name: e.employerOrganizationId === null ? e.employerName : null,
      is_primary: e.isPrimary,
      ...termColumns(e.terms),
    })
    .execute();
  return id;
}

export async function updateEmploymentTerms(
  db: Db,
  id: string,
  terms: EmploymentTerms,
  now: Date,
): Promise<void> {
  await db
    .updateTable('employments')
    .set({ ...termColumns(terms), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function findOrganizationBasics(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; kind: OrganizationKind } | undefined> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation's members with the worker role: the people whose time it manages. */
export async function listWorkersOf(
  db: Db,
  organizationId: string,
): Promise<Array<{ userId: string; name: string }>> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.organization_id', '=', organizationId)
    .where('m.role', '=', 'worker')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name }));
}

export async function isWorkerOf(db: Db, organizationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('role', '=', 'worker')
    .executeTakeFirst();
  return row !== undefined;
}

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('municipalities')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
