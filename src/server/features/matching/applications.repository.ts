import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApplicationView } from '../../../contracts/matching';
import type { Database } from '../../../db/database';
import {
  endedApplicationStatuses,
  hostVisibleEarlyStatuses,
  isHostResponseOverdue,
  type ApplicationStatus,
  type ApplicationStep,
} from '../../../domain/engagement/application-workflow';

type Db = Kysely<Database> | Transaction<Database>;

export type ApplicationRecord = ApplicationView;

/** Which applications to load; every filter given must hold. */
export type ApplicationFilter = {
  ids?: readonly string[];
  workerUserId?: string;
  challengeId?: string;
  employerOrganizationId?: string;
  hostOrganizationId?: string;
  status?: ApplicationStatus;
  /** Only what the host sees: interest, proposals, and what reached the host's review. */
  hostVisibleOnly?: boolean;
};

function baseQuery(db: Db) {
  return db
    .selectFrom('applications as a')
    .innerJoin('challenges as c', 'c.id', 'a.challenge_id')
    .innerJoin('organizations as h', 'h.id', 'c.organization_id')
    .innerJoin('users as w', 'w.id', 'a.worker_user_id')
    .leftJoin('organizations as e', 'e.id', 'a.employer_organization_id')
    .select([
      'a.id',
      'a.challenge_id',
      'c.title',
      'c.title_en',
      'c.organization_id as host_id',
      'h.name as host_name',
      'a.worker_user_id',
      'w.name as worker_name',
      'a.status',
      'a.message',
      'a.decline_reason',
      'a.declined_by',
      'a.programme_id',
      'a.employer_organization_id',
      'e.name as employer_name',
      'c.hours_per_month',
      'a.host_due_at',
      'a.created_at',
      'a.updated_at',
    ]);
}

/**
 * Applications with their history, newest first. `nowMs` decides which are overdue; `forHost`
 * leaves out the steps between the worker and the employer (the approval stage is theirs).
 */
export async function loadApplications(
  db: Db,
  filter: ApplicationFilter,
  opts: { nowMs: number; forHost: boolean },
): Promise<ApplicationRecord[]> {
  let q = baseQuery(db);
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    q = q.where('a.id', 'in', filter.ids);
  }
  if (filter.workerUserId !== undefined) q = q.where('a.worker_user_id', '=', filter.workerUserId);
  if (filter.challengeId !== undefined) q = q.where('a.challenge_id', '=', filter.challengeId);
  if (filter.employerOrganizationId !== undefined) {
    q = q.where('a.employer_organization_id', '=', filter.employerOrganizationId);
  }
  if (filter.hostOrganizationId !== undefined) {
    q = q.where('c.organization_id', '=', filter.hostOrganizationId);
  }
  if (filter.status !== undefined) q = q.where('a.status', '=', filter.status);
  if (filter.hostVisibleOnly) {
    q = q.where((eb) =>
      eb.or([
        eb('a.status', 'in', hostVisibleEarlyStatuses),
        eb('a.reached_host_at', 'is not', null),
      ]),
    );
  }
  const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id').execute();
  const events = await listApplicationEvents(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const history = (events.get(r.id) ?? []).filter(
      (e) => !opts.forHost || (e.from !== 'employer_pending' && e.to !== 'employer_pending'),
    );
    const dueMs = r.host_due_at ? r.host_due_at.getTime() : null;
    return {
      id: r.id,
      challengeId: r.challenge_id,
      challengeTitle: r.title,
      challengeTitleEn: r.title_en,
      hostOrganizationId: r.host_id,
      hostName: r.host_name,
      workerUserId: r.worker_user_id,
      workerName: r.worker_name,
      status: r.status,
      message: r.message,
      declineReason: r.decline_reason,
      declinedBy: r.declined_by,
      programmeId: r.programme_id,
      employerOrganizationId: r.employer_organization_id,
      employerName: r.employer_name,
      hoursPerMonth: r.hours_per_month,
      hostDueAt: r.host_due_at ? r.host_due_at.toISOString() : null,
      overdue: isHostResponseOverdue(r.status, dueMs, opts.nowMs),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      events: history,
    };
  });
}

async function listApplicationEvents(db: Db, applicationIds: readonly string[]) {
  const byApplication = new Map<string, ApplicationRecord['events']>();
  if (applicationIds.length === 0) return byApplication;
  const rows = await db
    .selectFrom('application_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.application_id',
      'e.from_status',
      'e.to_status',
      'u.name',
      'e.comment',
      'e.occurred_at',
    ])
    .where('e.application_id', 'in', applicationIds)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
  for (const r of rows) {
    const list = byApplication.get(r.application_id) ?? [];
    list.push({
      from: r.from_status,
      to: r.to_status,
      actorName: r.name,
      at: r.occurred_at.toISOString(),
      comment: r.comment,
    });
    byApplication.set(r.application_id, list);
  }
  return byApplication;
}

/** An application as the workflow needs it, locked for the rest of the transaction. */
export type ApplicationState = {
  id: string;
  challengeId: string;
  workerUserId: string;
  workerName: string;
  status: ApplicationStatus;
  programmeId: string | null;
  employerOrganizationId: string | null;
  /** Whether it ever reached the host's review. */
  reachedHost: boolean;
};

function lockQuery(db: Db) {
  return db
    .selectFrom('applications as a')
    .select([
      'a.id',
      'a.challenge_id',
      'a.worker_user_id',
      sql<string>`(select u.name from users u where u.id = a.worker_user_id)`.as('worker_name'),
      'a.status',
      'a.programme_id',
      'a.employer_organization_id',
      'a.reached_host_at',
    ])
    .forUpdate();
}

function toState(r: {
  id: string;
  challenge_id: string;
  worker_user_id: string;
  worker_name: string;
  status: ApplicationStatus;
  programme_id: string | null;
  employer_organization_id: string | null;
  reached_host_at: Date | null;
}): ApplicationState {
  return {
    id: r.id,
    challengeId: r.challenge_id,
    workerUserId: r.worker_user_id,
    workerName: r.worker_name,
    status: r.status,
    programmeId: r.programme_id,
    employerOrganizationId: r.employer_organization_id,
    reachedHost: r.reached_host_at !== null,
  };
}

export async function lockApplication(db: Db, id: string): Promise<ApplicationState | undefined> {
  const row = await lockQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toState(row) : undefined;
}

/** The worker's live application to a challenge (not declined or withdrawn), locked. */
export async function lockLiveApplication(
  db: Db,
  challengeId: string,
  workerUserId: string,
): Promise<ApplicationState | undefined> {
  const row = await lockQuery(db)
    .where('a.challenge_id', '=', challengeId)
    .where('a.worker_user_id', '=', workerUserId)
    .where('a.status', 'not in', endedApplicationStatuses)
    .executeTakeFirst();
  return row ? toState(row) : undefined;
}

/** The caller's most recent application to a challenge, any status. */
export async function findLatestApplication(
  db: Db,
  challengeId: string,
  workerUserId: string,
): Promise<{ id: string; status: ApplicationStatus } | undefined> {
  return db
    .selectFrom('applications')
    .select(['id', 'status'])
    .where('challenge_id', '=', challengeId)
    .where('worker_user_id', '=', workerUserId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertApplication(
  db: Db,
  a: {
    challengeId: string;
    workerUserId: string;
    status: ApplicationStatus;
    message: string | null;
    programmeId: string | null;
    employerOrganizationId: string | null;
    reachedHostAt: Date | null;
    hostDueAt: Date | null;
    at: Date;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('applications')
    .values({
      id,
      challenge_id: a.challengeId,
      worker_user_id: a.workerUserId,
      status: a.status,
      message: a.message,
      decline_reason: null,
      declined_by: null,
      programme_id: a.programmeId,
      employer_organization_id: a.employerOrganizationId,
      reached_host_at: a.reachedHostAt,
      host_due_at: a.hostDueAt,
      created_at: a.at,
      updated_at: a.at,
    })
    .execute();
  return id;
}

export type ApplicationChange = {
  status: ApplicationStatus;
  message?: string;
  programmeId?: string | null;
  employerOrganizationId?: string | null;
  reachedHostAt?: Date;
  hostDueAt?: Date;
  declinedBy?: 'employer' | 'host';
  declineReason?: string;
};

export async function updateApplication(
  db: Db,
  id: string,
  change: ApplicationChange,
  at: Date,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      status: change.status,
      updated_at: at,
      ...(change.message !== undefined ? { message: change.message } : {}),
      ...(change.programmeId !== undefined ? { programme_id: change.programmeId } : {}),
      ...(change.employerOrganizationId !== undefined
        ? { employer_organization_id: change.employerOrganizationId }
        : {}),
      ...(change.reachedHostAt !== undefined ? { reached_host_at: change.reachedHostAt } : {}),
      ...(change.hostDueAt !== undefined ? { host_due_at: change.hostDueAt } : {}),
      ...(change.declinedBy !== undefined ? { declined_by: change.declinedBy } : {}),
      ...(change.declineReason !== undefined ? { decline_reason: change.declineReason } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** One event row per step, in order, all by the same actor at the same time. */
export async function insertApplicationEvents(
  db: Db,
  applicationId: string,
  steps: readonly ApplicationStep[],
  e: { actorUserId: string | null; comment: string | null; at: Date },
): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insertInto('application_events')
    .values(
      steps.map((s, i) => ({
        application_id: applicationId,
        from_status: s.from,
        to_status: s.to,
        actor_user_id: e.actorUserId,
        // The comment belongs to the step the actor took; automatic routing follows it.
        comment: i === 0 ? e.comment : null,
        occurred_at: e.at,
      })),
    )
    .execute();
}

/** Whether the person has ever applied to (or shown interest in) the challenge. */
export async function hasApplicationTo(
  db: Db,
  workerUserId: string,
  challengeId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('worker_user_id', '=', workerUserId)
    .where('challenge_id', '=', challengeId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Applications the hosts have let wait past their due time, longest-waiting first. */
export async function listOverdueApplications(db: Db, now: Date) {
  const rows = await baseQuery(db)
    .where('a.status', '=', 'host_review')
    .where('a.host_due_at', '<', now)
    .orderBy('a.host_due_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    applicationId: r.id,
    challengeId: r.challenge_id,
    challengeTitle: r.title,
    hostOrganizationId: r.host_id,
    hostName: r.host_name,
    workerName: r.worker_name,
    hostDueAtMs: r.host_due_at ? r.host_due_at.getTime() : now.getTime(),
  }));
}

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

/**
 * New applications at `proposed` (a published round's pairs), with their first event, in bulk.
 * Returns the new ids in the order of `pairs`.
 */
export async function insertProposals(
  db: Db,
  pairs: ReadonlyArray<{ challengeId: string; workerUserId: string }>,
  e: { actorUserId: string; comment: string | null; at: Date },
): Promise<string[]> {
  const ids = pairs.map(() => randomUUID());
  for (let i = 0; i < pairs.length; i += BATCH) {
    const batch = pairs.slice(i, i + BATCH);
    await db
      .insertInto('applications')
      .values(
        batch.map((p, k) => ({
          id: ids[i + k]!,
          challenge_id: p.challengeId,
          worker_user_id: p.workerUserId,
          status: 'proposed' as const,
          message: null,
          decline_reason: null,
          declined_by: null,
          programme_id: null,
          employer_organization_id: null,
          reached_host_at: null,
          host_due_at: null,
          created_at: e.at,
          updated_at: e.at,
        })),
      )
      .execute();
  }
  await insertStepEvents(
    db,
    ids.map((id) => ({ applicationId: id, from: null, to: 'proposed' as const })),
    e,
  );
  return ids;
}

/** Moves workers' interest on to a round's proposal, with the event, in bulk. */
export async function moveInterestToProposed(
  db: Db,
  applicationIds: readonly string[],
  e: { actorUserId: string; comment: string | null; at: Date },
): Promise<void> {
  for (let i = 0; i < applicationIds.length; i += BATCH) {
    await db
      .updateTable('applications')
      .set({ status: 'proposed', updated_at: e.at })
      .where('id', 'in', applicationIds.slice(i, i + BATCH))
      .where('status', '=', 'interested')
      .execute();
  }
  await insertStepEvents(
    db,
    applicationIds.map((id) => ({
      applicationId: id,
      from: 'interested' as const,
      to: 'proposed' as const,
    })),
    e,
  );
}

async function insertStepEvents(
  db: Db,
  steps: ReadonlyArray<{ applicationId: string } & ApplicationStep>,
  e: { actorUserId: string; comment: string | null; at: Date },
): Promise<void> {
  for (let i = 0; i < steps.length; i += BATCH) {
    const batch = steps.slice(i, i + BATCH);
    if (batch.length === 0) continue;
    await db
      .insertInto('application_events')
      .values(
        batch.map((s) => ({
          application_id: s.applicationId,
          from_status: s.from,
          to_status: s.to,
          actor_user_id: e.actorUserId,
          comment: e.comment,
          occurred_at: e.at,
        })),
      )
      .execute();
  }
}

/** The live applications (not declined or withdrawn) to these challenges, locked, by pair. */
export async function lockLiveApplicationsTo(
  db: Db,
  challengeIds: readonly string[],
): Promise<Map<string, { id: string; status: ApplicationStatus }>> {
  const found = new Map<string, { id: string; status: ApplicationStatus }>();
  for (let i = 0; i < challengeIds.length; i += BATCH) {
    const rows = await db
      .selectFrom('applications')
      .select(['id', 'challenge_id', 'worker_user_id', 'status'])
      .where('challenge_id', 'in', challengeIds.slice(i, i + BATCH))
      .where('status', 'not in', endedApplicationStatuses)
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const r of rows) {
      found.set(`${r.worker_user_id}|${r.challenge_id}`, { id: r.id, status: r.status });
    }
  }
  return found;
}
