import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { errorReplies } from '../../../contracts/common';
import {
  roundAssignmentsRequest,
  roundCreateRequest,
  roundListResponse,
  roundParams,
  roundQuery,
  roundView,
  type RoundView,
} from '../../../contracts/rounds';
import type { Database } from '../../../db/database';
import {
  insertNotifications,
  userIdsWithRoleIn,
  type NewNotification,
} from '../../../db/notifications.repository';
import { decideProposal } from '../../../domain/engagement/application-workflow';
import type { FieldProblem } from '../../../domain/engagement/challenge-rules';
import { workerForMatching } from '../../../domain/engagement/matching-forms';
import {
  checkRoundAssignments,
  decideRoundChange,
  roundShortfalls,
  sumScores,
  type RoundAction,
} from '../../../domain/engagement/round-rules';
import { evaluatePreparedPair } from '../../../domain/matching/evaluate-pair';
import {
  explainFilter,
  explainFilteredOut,
  type MatchLocale,
} from '../../../domain/matching/explain-match';
import { filterCodes } from '../../../domain/matching/match-factors';
import { isCoordinator } from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { AppError, forbidden, notFound } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import {
  insertProposals,
  lockLiveApplicationsTo,
  moveInterestToProposed,
} from './applications.repository';
import { lockChallengesById } from './challenges.repository';
import { invalidInput, todayOf } from './matching-access';
import type { MatchingPool } from './matching-pool';
import { loadWorkerMatchingFacts, type PlaceIndex } from './matching-pool.repository';
import { matchLocaleOf } from './match-views';
import { userNames } from './profiles.repository';
import { assignmentRow, pairKey, planRound } from './round-plan';
import {
  findPairsUnderWay,
  findRound,
  insertRound,
  insertRoundEvent,
  insertRoundParticipants,
  linkRoundApplications,
  listRoundEvents,
  listRounds,
  loadRoundAssignmentRows,
  loadRoundAssignmentViews,
  loadRoundParticipants,
  localGovernmentNames,
  lockRound,
  markRoundPublished,
  replaceRoundAssignments,
  setRoundResult,
  type RoundAssignmentRow,
  type RoundRecord,
} from './rounds.repository';

type Trx = Transaction<Database>;

/** The signed-in coordinator: every round route is theirs alone. */
async function requireCoordinator(request: FastifyRequest): Promise<Actor> {
  const actor = await requireActor(request);
  if (!isCoordinator(actor.memberships)) throw forbidden('Only coordinators run matching rounds');
  return actor;
}

/** A refused change to a round's state. */
function conflict(reason: string): AppError {
  return new AppError('conflict', `Not possible: ${reason}`);
}

/** Locks the round for the rest of the transaction, once its status allows the change. */
async function lockRoundFor(trx: Trx, roundId: string, change: RoundAction) {
  const round = await lockRound(trx, roundId);
  if (!round) throw notFound('Round');
  const decision = decideRoundChange(round.status, change);
  if (!decision.ok) throw conflict(decision.reason);
  return round;
}

/**
 * Matching rounds (issue 3, part 5), for coordinators: run one over chosen workers and
 * challenges (scored on what the workers share with hosts, solved exactly by assignRound), read
 * and edit the proposal, publish it — each pair becomes a proposal to the worker.
 */
export async function roundsRoutes(app: AppInstance, opts: { pool: MatchingPool }): Promise<void> {
  const { pool } = opts;
  const now = () => new Date(app.clock.now());

  function summaryOf(r: RoundRecord, names: ReadonlyMap<string, string>) {
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      workerCapacity: r.workerCapacity,
      minPerMunicipality: r.minPerMunicipality,
      candidatesPerWorker: r.candidatesPerWorker,
      participants: r.participants,
      pairs: r.pairsCount,
      assignmentCount: r.assignmentCount,
      totalScore: r.totalScore,
      shortfalls: r.shortfalls.map((s) => ({
        localGovCode: s.municipality,
        name: names.get(s.municipality) ?? null,
        required: s.required,
        matched: s.matched,
      })),
      scoringMs: r.scoringMs,
      solveMs: r.solveMs,
      createdByName: r.createdByName,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      publishedAt: r.publishedAt,
    };
  }

  async function viewOf(id: string, locale: MatchLocale): Promise<RoundView> {
    const round = await findRound(app.db, id);
    if (!round) throw notFound('Round');
    const names = await localGovernmentNames(
      app.db,
      round.shortfalls.map((s) => s.municipality),
    );
    const assignments = await loadRoundAssignmentViews(app.db, id);
    return {
      ...summaryOf(round, names),
      locale,
      assignments: assignments.map((a) => ({
        worker: { userId: a.workerUserId, name: a.workerName },
        challenge: {
          id: a.challengeId,
          title: a.title,
          titleEn: a.titleEn,
          hostName: a.hostName,
          hostNameEn: a.hostNameEn,
          localGovCode: a.localGovCode,
        },
        score: a.score,
        summary: locale === 'en' ? a.summaryEn : a.summaryJa,
        source: a.source,
        application: a.application,
      })),
      events: await listRoundEvents(app.db, id),
    };
  }

  app.post(
    '/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary:
          'Run a matching round (coordinators): score the pairs, solve the optimal assignment, store the proposal',
        querystring: roundQuery,
        body: roundCreateRequest,
        response: { 201: roundView, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireCoordinator(request);
      const body = request.body;
      const view = await pool.current();
      const challenges = await view.openChallenges();
      const workers = await view.offerableWorkers();
      const underWay = await findPairsUnderWay(app.db, body.challengeIds);
      const plan = planRound(
        challenges,
        workers,
        {
          challengeIds: body.challengeIds,
          workerIds: body.workerIds ?? 'allOptedIn',
          workerCapacity: body.workerCapacity,
          minPerMunicipality: body.minPerMunicipality,
          candidatesPerWorker: body.candidatesPerWorker,
        },
        new Set(underWay.map((p) => pairKey(p.workerUserId, p.challengeId))),
      );
      if (!plan.ok && plan.problem === 'invalid') throw invalidInput('body', plan.problems);
      if (!plan.ok) {
        const details = filterCodes
          .filter((code) => plan.filteredOut.byReason[code] > 0)
          .map((code) => ({
            path: 'body',
            message: explainFilteredOut(code, plan.filteredOut.byReason[code], 'en'),
          }));
        throw new AppError('bad_request', plan.message, details);
      }
      const at = now();
      const scoringMs = Math.round(plan.scoringMs);
      const solveMs = Math.round(plan.solveMs);
      const id = await app.db.transaction().execute(async (trx) => {
        const roundId = await insertRound(trx, {
          name: body.name,
          workerCapacity: body.workerCapacity,
          minPerMunicipality: body.minPerMunicipality,
          candidatesPerWorker: body.candidatesPerWorker,
          pairsCount: plan.pairs,
          totalScore: plan.result.totalScore,
          shortfalls: plan.result.shortfalls,
          scoringMs,
          solveMs,
          createdBy: actor.userId,
          at,
        });
        await insertRoundParticipants(trx, roundId, plan.participants);
        await replaceRoundAssignments(trx, roundId, plan.assignments, at);
        await insertRoundEvent(trx, {
          roundId,
          event: 'created',
          actorUserId: actor.userId,
          details: {
            workers: plan.participants.workers.length,
            challenges: plan.participants.challenges.length,
            pairs: plan.pairs,
            assignments: plan.assignments.length,
            scoringMs,
            solveMs,
          },
          at,
        });
        return roundId;
      });
      return reply.status(201).send(await viewOf(id, matchLocaleOf(actor, request.query.locale)));
    },
  );

  app.get(
    '/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Matching rounds, newest first (coordinators)',
        response: { 200: roundListResponse, ...errorReplies },
      },
    },
    async (request) => {
      await requireCoordinator(request);
      const rounds = await listRounds(app.db);
      const names = await localGovernmentNames(
        app.db,
        rounds.flatMap((r) => r.shortfalls.map((s) => s.municipality)),
      );
      return { items: rounds.map((r) => summaryOf(r, names)) };
    },
  );

  app.get(
    '/rounds/:roundId',
    {
      schema: {
        tags: ['rounds'],
        summary: "A round's proposal with each pair's score and reasons, and its history",
        params: roundParams,
        querystring: roundQuery,
        response: { 200: roundView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireCoordinator(request);
      return viewOf(request.params.roundId, matchLocaleOf(actor, request.query.locale));
    },
  );

  app.put(
    '/rounds/:roundId/assignments',
    {
      schema: {
        tags: ['rounds'],
        summary:
          "Edit a round's proposal (the whole list of pairs): participants only, within capacities",
        params: roundParams,
        querystring: roundQuery,
        body: roundAssignmentsRequest,
        response: { 200: roundView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireCoordinator(request);
      const { roundId } = request.params;
      const entries = request.body.assignments;
      // Read before the transaction: the embedded database has one connection.
      const view = await pool.current();
      const challenges = await view.openChallenges();
      const workers = await view.offerableWorkers();
      await app.db.transaction().execute(async (trx) => {
        const at = now();
        const round = await lockRoundFor(trx, roundId, 'edit');
        const participants = await loadRoundParticipants(trx, roundId);
        const problems = checkRoundAssignments(participants, entries);
        if (problems.length > 0) throw invalidInput('body', problems);
        const kept = new Map(
          (await loadRoundAssignmentRows(trx, roundId)).map((a) => [
            pairKey(a.workerUserId, a.challengeId),
            a,
          ]),
        );
        // A pair the proposal did not hold is scored now, as hosts see the worker; one that
        // fails a hard filter is refused with the reasons.
        const added: FieldProblem[] = [];
        const rows = entries.map((e, i): RoundAssignmentRow | null => {
          const same = kept.get(pairKey(e.workerId, e.challengeId));
          if (same) return same;
          const worker = workers.byId.get(e.workerId);
          const challenge = challenges.byId.get(e.challengeId);
          if (!worker) {
            added.push({
              field: `assignments[${i}].workerId`,
              message: `${e.workerId} is no longer open to offers`,
            });
          }
          if (!challenge) {
            added.push({
              field: `assignments[${i}].challengeId`,
              message: `${e.challengeId} is no longer open`,
            });
          }
          if (!worker || !challenge) return null;
          const evaluation = evaluatePreparedPair(worker, challenge.prepared);
          if (!evaluation.eligible) {
            added.push({
              field: `assignments[${i}]`,
              message: `fails a hard filter: ${evaluation.filters.map((f) => explainFilter(f, 'en')).join('; ')}`,
            });
            return null;
          }
          return assignmentRow(
            { workerUserId: e.workerId, challengeId: e.challengeId, score: evaluation.score },
            evaluation,
            'coordinator',
          );
        });
        if (added.length > 0) throw invalidInput('body', added);
        const next = rows.filter((r): r is RoundAssignmentRow => r !== null);
        const nextKeys = new Set(next.map((r) => pairKey(r.workerUserId, r.challengeId)));
        await replaceRoundAssignments(trx, roundId, next, at);
        await setRoundResult(
          trx,
          roundId,
          {
            totalScore: sumScores(next.map((r) => r.score)),
            shortfalls: roundShortfalls(participants.challenges, entries, round.minPerMunicipality),
          },
          at,
        );
        await insertRoundEvent(trx, {
          roundId,
          event: 'edited',
          actorUserId: actor.userId,
          details: {
            added: next.filter((r) => !kept.has(pairKey(r.workerUserId, r.challengeId))).length,
            removed: [...kept.keys()].filter((k) => !nextKeys.has(k)).length,
            assignments: next.length,
          },
          at,
        });
      });
      return viewOf(roundId, matchLocaleOf(actor, request.query.locale));
    },
  );

  app.post(
    '/rounds/:roundId/publish',
    {
      schema: {
        tags: ['rounds'],
        summary:
          'Publish a proposal (coordinators): each pair becomes a proposal to the worker; the worker, the host and HR (when approval is needed) are told',
        params: roundParams,
        querystring: roundQuery,
        response: { 200: roundView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireCoordinator(request);
      const { roundId } = request.params;
      // Read before the transaction: the embedded database has one connection.
      const places = await (await pool.current()).places();
      await app.db.transaction().execute((trx) => publish(trx, actor, roundId, places));
      return viewOf(roundId, matchLocaleOf(actor, request.query.locale));
    },
  );

  /**
   * Publishes a round in one transaction: locks the round, then its challenges in id order,
   * then their live applications, before writing anything (so it never waits on a lock while
   * holding a write another transaction needs). A pair whose worker already applied keeps that
   * application; every other pair becomes (or moves the worker's interest on to) a proposal.
   */
  async function publish(
    trx: Trx,
    actor: Actor,
    roundId: string,
    places: PlaceIndex,
  ): Promise<void> {
    const at = now();
    const round = await lockRoundFor(trx, roundId, 'publish');
    const rows = await loadRoundAssignmentRows(trx, roundId);
    if (rows.length === 0) throw conflict('the proposal has no pairs to publish');
    const challengeIds = [...new Set(rows.map((r) => r.challengeId))];
    const challenges = await lockChallengesById(trx, challengeIds);
    const live = await lockLiveApplicationsTo(trx, challengeIds);

    const closed: FieldProblem[] = [];
    const toInsert: RoundAssignmentRow[] = [];
    const toMove: Array<{ row: RoundAssignmentRow; applicationId: string }> = [];
    const links: Array<{ workerUserId: string; challengeId: string; applicationId: string }> = [];
    rows.forEach((row, i) => {
      const challenge = challenges.get(row.challengeId)!;
      const current = live.get(pairKey(row.workerUserId, row.challengeId));
      const proposal = decideProposal(current?.status ?? null, challenge.state);
      if (!proposal.ok && proposal.problem === 'challenge_not_open') {
        closed.push({ field: `assignments[${i}]`, message: proposal.reason });
      } else if (!current) {
        toInsert.push(row);
      } else if (proposal.ok && proposal.steps.length > 0) {
        toMove.push({ row, applicationId: current.id });
      } else {
        // Already proposed, or already applied: the pair is under way as it is.
        links.push({ ...row, applicationId: current.id });
      }
    });
    if (closed.length > 0) {
      throw new AppError(
        'conflict',
        'Not possible: some challenges are no longer open; edit the proposal first',
        closed.map((c) => ({ path: c.field, message: c.message })),
      );
    }
    const event = { actorUserId: actor.userId, comment: round.name, at };
    const insertedIds = await insertProposals(trx, toInsert, event);
    await moveInterestToProposed(
      trx,
      toMove.map((m) => m.applicationId),
      event,
    );
    const proposed = [
      ...toInsert.map((row, k) => ({ row, applicationId: insertedIds[k]! })),
      ...toMove,
    ];
    links.push(...proposed.map((p) => ({ ...p.row, applicationId: p.applicationId })));
    await linkRoundApplications(trx, roundId, links);
    await notifyProposals(trx, proposed, challenges, places, at);
    await markRoundPublished(trx, roundId, actor.userId, at);
    await insertRoundEvent(trx, {
      roundId,
      event: 'published',
      actorUserId: actor.userId,
      details: { proposals: proposed.length, alreadyUnderWay: rows.length - proposed.length },
      at,
    });
  }

  /** 'round_match' to each worker, the host's officers, and HR where approval is needed. */
  async function notifyProposals(
    trx: Trx,
    proposed: ReadonlyArray<{ row: RoundAssignmentRow; applicationId: string }>,
    challenges: Awaited<ReturnType<typeof lockChallengesById>>,
    places: PlaceIndex,
    at: Date,
  ): Promise<void> {
    if (proposed.length === 0) return;
    const workerIds = [...new Set(proposed.map((p) => p.row.workerUserId))];
    const today = todayOf(at.getTime());
    const employerToAsk = new Map<string, string>();
    for (const f of await loadWorkerMatchingFacts(trx, { userIds: workerIds }, places)) {
      const form = workerForMatching(f, today);
      if (form.worker.programme?.approvalRequired && form.programmeOrganizationId) {
        employerToAsk.set(f.userId, form.programmeOrganizationId);
      }
    }
    const names = await userNames(trx, workerIds);
    const officers = await userIdsWithRoleIn(
      trx,
      'municipal_officer',
      [...challenges.values()].map((c) => c.organizationId),
    );
    const admins = await userIdsWithRoleIn(trx, 'company_admin', [...employerToAsk.values()]);
    const items: NewNotification[] = [];
    for (const { row, applicationId } of proposed) {
      const challenge = challenges.get(row.challengeId)!;
      const payload = {
        applicationId,
        challengeId: challenge.id,
        challengeTitle: challenge.title,
        hostName: challenge.hostName,
        workerName: names.get(row.workerUserId) ?? '',
      };
      const employer = employerToAsk.get(row.workerUserId);
      const to = [
        row.workerUserId,
        ...(officers.get(challenge.organizationId) ?? []),
        ...(employer ? (admins.get(employer) ?? []) : []),
      ];
      for (const userId of to) items.push({ userId, kind: 'round_match', payload });
    }
    for (let i = 0; i < items.length; i += 2000) {
      await insertNotifications(trx, items.slice(i, i + 2000), at);
    }
  }
}
