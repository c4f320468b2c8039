import type { FieldProblem } from '../../../domain/engagement/challenge-rules';
import type {
  RoundAssignmentSource,
  RoundParticipants,
} from '../../../domain/engagement/round-rules';
import { assignRound, type RoundAssignment } from '../../../domain/matching/assign-round';
import { evaluatePreparedPair } from '../../../domain/matching/evaluate-pair';
import { explainPair } from '../../../domain/matching/explain-match';
import type { PairEvaluation } from '../../../domain/matching/match-factors';
import type {
  PreparedChallenge,
  PreparedWorker,
} from '../../../domain/matching/prepared-match-forms';
import type { FilteredOutCounts } from '../../../domain/matching/recommend-matches';
import { scoreRoundCandidates } from '../../../domain/matching/round-candidates';
import type { ChallengeSnapshot, WorkerSnapshot } from './matching-pool';
import type { RoundAssignmentRow } from './rounds.repository';

/**
 * Running a round (issue 3, part 5) on the matching pool's snapshots, before anything is stored:
 * the participants checked, every pair scored as hosts see the workers (projectForHost), each
 * worker's best candidates kept, the exact optimal assignment solved (assignRound), and each
 * assigned pair's reasons in both languages. The same path serves POST /rounds and
 * bench:matching.
 */
export type RoundRequest = {
  challengeIds: readonly string[];
  /** The workers, or every worker open to offers. */
  workerIds: readonly string[] | 'allOptedIn';
  workerCapacity: number;
  minPerMunicipality: number;
  candidatesPerWorker: number;
};

export type RoundPlan =
  | { ok: false; problem: 'invalid'; problems: FieldProblem[] }
  | {
      ok: false;
      problem: 'no_feasible_pair';
      message: string;
      filteredOut: FilteredOutCounts;
      pairsUnderWay: number;
    }
  | {
      ok: true;
      participants: RoundParticipants;
      /** Pairs the solver chose from. */
      pairs: number;
      result: RoundAssignment;
      assignments: RoundAssignmentRow[];
      scoringMs: number;
      solveMs: number;
    };

/** `${worker}|${challenge}`: a pair already under way (see findPairsUnderWay). */
export const pairKey = (workerId: string, challengeId: string) => `${workerId}|${challengeId}`;

/**
 * The round's plan, or why there is none: participants that are not open challenges or workers
 * open to offers (each named), or no pair passing the hard filters.
 */
export function planRound(
  challengePool: ChallengeSnapshot,
  workerPool: WorkerSnapshot,
  request: RoundRequest,
  underWay: ReadonlySet<string>,
): RoundPlan {
  const problems: FieldProblem[] = [];
  const challenges: ChallengeSnapshot['items'][number][] = [];
  const seenChallenges = new Map<string, number>();
  request.challengeIds.forEach((id, i) => {
    const first = seenChallenges.get(id);
    if (first !== undefined) {
      problems.push({
        field: `challengeIds[${i}]`,
        message: `listed twice (challengeIds[${first}])`,
      });
      return;
    }
    seenChallenges.set(id, i);
    const found = challengePool.byId.get(id);
    if (!found)
      problems.push({ field: `challengeIds[${i}]`, message: `${id} is not an open challenge` });
    else challenges.push(found);
  });
  let workers: PreparedWorker[] = [];
  if (request.workerIds === 'allOptedIn') {
    workers = [...workerPool.prepared];
    if (workers.length === 0) {
      problems.push({ field: 'allOptedIn', message: 'no worker is open to offers' });
    }
  } else {
    const seenWorkers = new Map<string, number>();
    request.workerIds.forEach((id, i) => {
      const first = seenWorkers.get(id);
      if (first !== undefined) {
        problems.push({ field: `workerIds[${i}]`, message: `listed twice (workerIds[${first}])` });
        return;
      }
      seenWorkers.set(id, i);
      const found = workerPool.byId.get(id);
      if (!found) {
        problems.push({
          field: `workerIds[${i}]`,
          message: `${id} is not a worker open to offers (they must share their profile with hosts and agree to offers)`,
        });
      } else {
        workers.push(found);
      }
    });
  }
  if (problems.length > 0) return { ok: false, problem: 'invalid', problems };

  const participants: RoundParticipants = {
    workers: workers.map((w) => ({ id: w.id, capacity: request.workerCapacity })),
    challenges: challenges.map((c) => ({
      id: c.challenge.id,
      capacity: Math.max(0, c.challenge.places - c.challenge.filledPlaces),
      municipality: c.localGovCode,
    })),
  };
  const prepared: PreparedChallenge[] = challenges.map((c) => c.prepared);
  const scoringStarted = performance.now();
  // Pairs under way by worker and challenge position: a lookup per pair costs nothing.
  const excluded = excludedPositions(workers, prepared, underWay);
  const candidates = scoreRoundCandidates(workers, prepared, {
    candidatesPerWorker: request.candidatesPerWorker,
    isExcluded: excluded.size === 0 ? undefined : (i, j) => excluded.get(i)?.has(j) === true,
  });
  const scoringMs = performance.now() - scoringStarted;
  if (candidates.scores.length === 0) {
    const w = workers.length;
    const c = challenges.length;
    return {
      ok: false,
      problem: 'no_feasible_pair',
      message:
        `No feasible pair: none of the ${w} worker${w === 1 ? '' : 's'} passes the hard filters ` +
        `for any of the ${c} challenge${c === 1 ? '' : 's'}` +
        (candidates.excludedPairs > 0
          ? ` (${candidates.excludedPairs} pair${candidates.excludedPairs === 1 ? ' is' : 's are'} already under way)`
          : ''),
      filteredOut: candidates.filteredOut,
      pairsUnderWay: candidates.excludedPairs,
    };
  }

  const solveStarted = performance.now();
  const result = assignRound({
    workers: [...participants.workers],
    // A challenge without a free place has no pair (no_open_places) and is left out.
    challenges: participants.challenges.filter((c) => c.capacity > 0),
    scores: candidates.scores,
    minPerMunicipality: request.minPerMunicipality,
  });
  const solveMs = performance.now() - solveStarted;

  const workerById = new Map(workers.map((w) => [w.id, w]));
  const challengeById = new Map(prepared.map((c) => [c.id, c]));
  const assignments = result.assignments.map((a) =>
    assignmentRow(
      { workerUserId: a.worker, challengeId: a.challenge, score: a.score },
      evaluatePreparedPair(workerById.get(a.worker)!, challengeById.get(a.challenge)!),
      'solver',
    ),
  );
  return {
    ok: true,
    participants,
    pairs: candidates.scores.length,
    result,
    assignments,
    scoringMs,
    solveMs,
  };
}

/** A pair as a round stores it: its score, with the one-line reasons in both languages. */
export function assignmentRow(
  pair: { workerUserId: string; challengeId: string; score: number },
  evaluation: PairEvaluation,
  source: RoundAssignmentSource,
): RoundAssignmentRow {
  return {
    ...pair,
    summaryJa: explainPair(evaluation, 'ja').summary,
    summaryEn: explainPair(evaluation, 'en').summary,
    source,
  };
}

/** Worker position → the challenge positions of the pairs already under way. */
function excludedPositions(
  workers: readonly PreparedWorker[],
  challenges: readonly PreparedChallenge[],
  underWay: ReadonlySet<string>,
): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  if (underWay.size === 0) return out;
  const workerAt = new Map(workers.map((w, i) => [w.id, i]));
  const challengeAt = new Map(challenges.map((c, j) => [c.id, j]));
  for (const key of underWay) {
    const [workerId = '', challengeId = ''] = key.split('|');
    const i = workerAt.get(workerId);
    const j = challengeAt.get(challengeId);
    if (i === undefined || j === undefined) continue;
    const set = out.get(i) ?? new Set<number>();
    set.add(j);
    out.set(i, set);
  }
  return out;
}
