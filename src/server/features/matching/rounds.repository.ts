import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RoundEventType } from '../../../db/database';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import type {
  RoundAssignmentSource,
  RoundParticipants,
  RoundStatus,
} from '../../../domain/engagement/round-rules';
import type { MunicipalityShortfall } from '../../../domain/matching/assign-round';
import { lookUpMunicipalities, lookUpPrefectures } from './profiles.repository';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

/** Writes `rows` a batch at a time, in order. */
async function inBatches<T>(
  rows: readonly T[],
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export type RoundRecord = {
  id: string;
  name: string;
  status: RoundStatus;
  workerCapacity: number;
  minPerMunicipality: number;
  candidatesPerWorker: number;
  pairsCount: number;
  totalScore: number;
  shortfalls: MunicipalityShortfall[];
  scoringMs: number;
  solveMs: number;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  participants: { workers: number; challenges: number; municipalities: number };
  assignmentCount: number;
};

function roundsQuery(db: Db) {
  return db
    .selectFrom('rounds as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.id',
      'r.name',
      'r.status',
      'r.worker_capacity',
      'r.min_per_municipality',
      'r.candidates_per_worker',
      'r.pairs_count',
      'r.total_score',
      'r.shortfalls',
      'r.scoring_ms',
      'r.solve_ms',
      'u.name as created_by_name',
      'r.created_at',
      'r.updated_at',
      'r.published_at',
      sql<number>`(select count(*)::int from round_participants p where p.round_id = r.id and p.kind = 'worker')`.as(
        'worker_count',
      ),
      sql<number>`(select count(*)::int from round_participants p where p.round_id = r.id and p.kind = 'challenge')`.as(
        'challenge_count',
      ),
      sql<number>`(select count(distinct p.municipality_code)::int from round_participants p where p.round_id = r.id and p.kind = 'challenge')`.as(
        'municipality_count',
      ),
      sql<number>`(select count(*)::int from round_assignments a where a.round_id = r.id)`.as(
        'assignment_count',
      ),
    ]);
}

type RoundRow = Awaited<ReturnType<ReturnType<typeof roundsQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: RoundRow): RoundRecord {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    workerCapacity: r.worker_capacity,
    minPerMunicipality: r.min_per_municipality,
    candidatesPerWorker: r.candidates_per_worker,
    pairsCount: r.pairs_count,
    totalScore: r.total_score,
    shortfalls: r.shortfalls,
    scoringMs: r.scoring_ms,
    solveMs: r.solve_ms,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
    participants: {
      workers: Number(r.worker_count),
      challenges: Number(r.challenge_count),
      municipalities: Number(r.municipality_count),
    },
    assignmentCount: Number(r.assignment_count),
  };
}

export async function findRound(db: Db, id: string): Promise<RoundRecord | undefined> {
  const row = await roundsQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Every round, newest first. */
export async function listRounds(db: Db): Promise<RoundRecord[]> {
  const rows = await roundsQuery(db).orderBy('r.created_at', 'desc').orderBy('r.id').execute();
  return rows.map(toRecord);
}

/** Locks a round for the rest of the transaction and returns its status. */
export async function lockRound(
  db: Db,
  id: string,
): Promise<
  { id: string; name: string; status: RoundStatus; minPerMunicipality: number } | undefined
> {
  const row = await db
    .selectFrom('rounds')
    .select(['id', 'name', 'status', 'min_per_municipality'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        name: row.name,
        status: row.status,
        minPerMunicipality: row.min_per_municipality,
      }
    : undefined;
}

/** A round as run: the record's settings and result, who ran it and when. */
export type NewRound = Pick<
  RoundRecord,
  | 'name'
  | 'workerCapacity'
  | 'minPerMunicipality'
  | 'candidatesPerWorker'
  | 'pairsCount'
  | 'totalScore'
  | 'shortfalls'
  | 'scoringMs'
  | 'solveMs'
> & { createdBy: string; at: Date };

export async function insertRound(db: Db, r: NewRound): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('rounds')
    .values({
      id,
      name: r.name,
      status: 'proposal',
      worker_capacity: r.workerCapacity,
      min_per_municipality: r.minPerMunicipality,
      candidates_per_worker: r.candidatesPerWorker,
      pairs_count: r.pairsCount,
      total_score: r.totalScore,
      shortfalls: JSON.stringify(r.shortfalls),
      scoring_ms: r.scoringMs,
      solve_ms: r.solveMs,
      created_by: r.createdBy,
      created_at: r.at,
      updated_at: r.at,
      published_by: null,
      published_at: null,
    })
    .execute();
  return id;
}

/** Writes the round's participants, workers first, each list in the order given. */
export async function insertRoundParticipants(
  db: Db,
  roundId: string,
  participants: RoundParticipants,
): Promise<void> {
  const rows = [
    ...participants.workers.map((w, position) => ({
      round_id: roundId,
      kind: 'worker' as const,
      worker_user_id: w.id,
      challenge_id: null,
      capacity: w.capacity,
      municipality_code: null,
      position,
    })),
    ...participants.challenges.map((c, position) => ({
      round_id: roundId,
      kind: 'challenge' as const,
      worker_user_id: null,
      challenge_id: c.id,
      capacity: c.capacity,
      municipality_code: c.municipality,
      position,
    })),
  ];
  await inBatches(rows, (batch) => db.insertInto('round_participants').values(batch).execute());
}

export async function loadRoundParticipants(db: Db, roundId: string): Promise<RoundParticipants> {
  const rows = await db
    .selectFrom('round_participants')
    .select(['kind', 'worker_user_id', 'challenge_id', 'capacity', 'municipality_code'])
    .where('round_id', '=', roundId)
    .orderBy('kind', 'desc')
    .orderBy('position')
    .execute();
  const participants: RoundParticipants & {
    workers: RoundParticipants['workers'][number][];
    challenges: RoundParticipants['challenges'][number][];
  } = { workers: [], challenges: [] };
  for (const r of rows) {
    if (r.kind === 'worker' && r.worker_user_id !== null) {
      participants.workers.push({ id: r.worker_user_id, capacity: r.capacity });
    } else if (r.kind === 'challenge' && r.challenge_id !== null) {
      participants.challenges.push({
        id: r.challenge_id,
        capacity: r.capacity,
        municipality: r.municipality_code ?? '',
      });
    }
  }
  return participants;
}

export type RoundAssignmentRow = {
  workerUserId: string;
  challengeId: string;
  score: number;
  summaryJa: string;
  summaryEn: string;
  source: RoundAssignmentSource;
};

/** Replaces the round's pairs with these, in this order. */
export async function replaceRoundAssignments(
  db: Db,
  roundId: string,
  assignments: readonly RoundAssignmentRow[],
  at: Date,
): Promise<void> {
  await db.deleteFrom('round_assignments').where('round_id', '=', roundId).execute();
  const rows = assignments.map((a, position) => ({
    round_id: roundId,
    worker_user_id: a.workerUserId,
    challenge_id: a.challengeId,
    position,
    score: a.score,
    summary_ja: a.summaryJa,
    summary_en: a.summaryEn,
    source: a.source,
    application_id: null,
    created_at: at,
  }));
  await inBatches(rows, (batch) => db.insertInto('round_assignments').values(batch).execute());
}

/** The round's pairs as stored, in their order. */
export async function loadRoundAssignmentRows(
  db: Db,
  roundId: string,
): Promise<RoundAssignmentRow[]> {
  const rows = await db
    .selectFrom('round_assignments')
    .select(['worker_user_id', 'challenge_id', 'score', 'summary_ja', 'summary_en', 'source'])
    .where('round_id', '=', roundId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    workerUserId: r.worker_user_id,
    challengeId: r.challenge_id,
    score: r.score,
    summaryJa: r.summary_ja,
    summaryEn: r.summary_en,
    source: r.source,
  }));
}

/** The round's pairs with the names a coordinator reads, and what became of them. */
export async function loadRoundAssignmentViews(db: Db, roundId: string) {
  const rows = await db
    .selectFrom('round_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.worker_user_id')
    .innerJoin('challenges as c', 'c.id', 'ra.challenge_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('applications as a', 'a.id', 'ra.application_id')
    .select([
      'ra.worker_user_id',
      'u.name as worker_name',
      'ra.challenge_id',
      'c.title',
      'c.title_en',
      'o.name as host_name',
      'o.name_en as host_name_en',
      sql<string>`coalesce(o.lg_code, c.municipality_code, c.prefecture_code)`.as('lg_code'),
      'ra.score',
      'ra.summary_ja',
      'ra.summary_en',
      'ra.source',
      'ra.application_id',
      'a.status as application_status',
    ])
    .where('ra.round_id', '=', roundId)
    .orderBy('ra.position')
    .execute();
  return rows.map((r) => ({
    workerUserId: r.worker_user_id,
    workerName: r.worker_name,
    challengeId: r.challenge_id,
    title: r.title,
    titleEn: r.title_en,
    hostName: r.host_name,
    hostNameEn: r.host_name_en,
    localGovCode: r.lg_code,
    score: r.score,
    summaryJa: r.summary_ja,
    summaryEn: r.summary_en,
    source: r.source,
    application:
      r.application_id !== null && r.application_status !== null
        ? { id: r.application_id, status: r.application_status as ApplicationStatus }
        : null,
  }));
}

export async function setRoundResult(
  db: Db,
  roundId: string,
  result: { totalScore: number; shortfalls: MunicipalityShortfall[] },
  at: Date,
): Promise<void> {
  await db
    .updateTable('rounds')
    .set({
      total_score: result.totalScore,
      shortfalls: JSON.stringify(result.shortfalls),
      updated_at: at,
    })
    .where('id', '=', roundId)
    .execute();
}

export async function markRoundPublished(
  db: Db,
  roundId: string,
  by: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('rounds')
    .set({ status: 'published', published_by: by, published_at: at, updated_at: at })
    .where('id', '=', roundId)
    .execute();
}

/** Links each published pair to the application it became. */
export async function linkRoundApplications(
  db: Db,
  roundId: string,
  links: ReadonlyArray<{ workerUserId: string; challengeId: string; applicationId: string }>,
): Promise<void> {
  await inBatches(links, (batch) =>
    sql`update round_assignments ra set application_id = v.application_id
      from (values ${sql.join(
        batch.map((l) => sql`(${l.workerUserId}, ${l.challengeId}, ${l.applicationId})`),
      )}) as v(worker_user_id, challenge_id, application_id)
      where ra.round_id = ${roundId} and ra.worker_user_id = v.worker_user_id
        and ra.challenge_id = v.challenge_id`.execute(db),
  );
}

export async function insertRoundEvent(
  db: Db,
  e: {
    roundId: string;
    event: RoundEventType;
    actorUserId: string;
    details: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('round_events')
    .values({
      round_id: e.roundId,
      event: e.event,
      actor_user_id: e.actorUserId,
      details: JSON.stringify(e.details),
      occurred_at: e.at,
    })
    .execute();
}

export async function listRoundEvents(db: Db, roundId: string) {
  const rows = await db
    .selectFrom('round_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.event', 'u.name', 'e.details', 'e.occurred_at'])
    .where('e.round_id', '=', roundId)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    event: r.event,
    actorName: r.name,
    at: r.occurred_at.toISOString(),
    details: r.details,
  }));
}

/**
 * Pairs among these workers and challenges that are already under way: a live application past
 * interest (a proposal, an application, a match). A round does not spend a place on them.
 */
export async function findPairsUnderWay(
  db: Db,
  challengeIds: readonly string[],
): Promise<Array<{ workerUserId: string; challengeId: string }>> {
  if (challengeIds.length === 0) return [];
  const rows = await db
    .selectFrom('applications')
    .select(['worker_user_id', 'challenge_id'])
    .where('challenge_id', 'in', [...challengeIds])
    .where('status', 'not in', ['interested', 'declined', 'withdrawn'])
    .execute();
  return rows.map((r) => ({ workerUserId: r.worker_user_id, challengeId: r.challenge_id }));
}

/** Names of local governments by code (municipalities and prefectures). */
export async function localGovernmentNames(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const municipalities = await lookUpMunicipalities(db, codes);
  const prefectures = await lookUpPrefectures(db, codes);
  return new Map([
    ...[...municipalities].map(([code, m]) => [code, m.name] as const),
    ...prefectures,
  ]);
}
