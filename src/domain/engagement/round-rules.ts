/**
 * Matching rounds in the platform (issue 3, part 5): a coordinator runs a round, the solver
 * proposes an assignment, the coordinator edits it and publishes it, and each published pair
 * becomes a proposal to the worker (application-workflow.ts, `decideProposal`). These are the
 * rules around the solver: a round's states, and whether a coordinator's edited list of pairs
 * keeps to the round (participants only, each pair once, capacities), with its shortfalls
 * against the municipality guarantee. Pure; problems are returned, named by entry.
 */
import type { MunicipalityShortfall } from '../matching/assign-round';
import type { RoundChallenge, RoundWorker } from '../matching/round-input';
import type { FieldProblem } from './challenge-rules';

export const roundStatuses = ['proposal', 'published'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** Who put a pair in the proposal: the solver, or a coordinator editing it. */
export const roundAssignmentSources = ['solver', 'coordinator'] as const;
export type RoundAssignmentSource = (typeof roundAssignmentSources)[number];

export type RoundAction = 'edit' | 'publish';

export type RoundDecision = { ok: true } | { ok: false; reason: string };

/**
 * Whether a round may be edited or published: only while it is a proposal. A published round is
 * a record of what was proposed to people.
 *
 * @example
 * decideRoundChange('published', 'edit')
 * // → { ok: false, reason: 'the round is published; only a proposal can be edited' }
 */
export function decideRoundChange(status: RoundStatus, action: RoundAction): RoundDecision {
  if (status === 'proposal') return { ok: true };
  const done = action === 'edit' ? 'edited' : 'published';
  return { ok: false, reason: `the round is ${status}; only a proposal can be ${done}` };
}

/** A pair in a coordinator's list. */
export type RoundEntry = { workerId: string; challengeId: string };

/**
 * The round's participants: each worker with their capacity (k), each challenge with its free
 * places (0 when it had none left when the round was run) and the host's local-government code.
 */
export type RoundParticipants = {
  workers: readonly RoundWorker[];
  challenges: readonly RoundChallenge[];
};

/**
 * The problems of a coordinator's list of pairs, each naming its entry (`assignments[3]`):
 * a worker or challenge that is not in the round, a pair listed twice, a worker given more
 * challenges than their capacity, a challenge given more workers than its free places. The
 * entry named is the one that goes over (the (k + 1)-th of a worker). Empty: the list keeps to
 * the round.
 *
 * @example
 * checkRoundAssignments(
 *   { workers: [{ id: 'w1', capacity: 1 }], challenges: [{ id: 'c1', capacity: 1, municipality: '203211' }] },
 *   [{ workerId: 'w1', challengeId: 'c1' }, { workerId: 'w2', challengeId: 'c1' }],
 * )
 * // → [{ field: 'assignments[1].workerId', message: 'w2 is not a worker of this round' }]
 */
export function checkRoundAssignments(
  participants: RoundParticipants,
  entries: readonly RoundEntry[],
): FieldProblem[] {
  const workerCapacity = new Map(participants.workers.map((w) => [w.id, w.capacity]));
  const challengeCapacity = new Map(participants.challenges.map((c) => [c.id, c.capacity]));
  const problems: FieldProblem[] = [];
  const firstOfPair = new Map<string, number>();
  const perWorker = new Map<string, number>();
  const perChallenge = new Map<string, number>();
  entries.forEach((entry, i) => {
    const at = `assignments[${i}]`;
    const before = problems.length;
    const workerCap = workerCapacity.get(entry.workerId);
    const challengeCap = challengeCapacity.get(entry.challengeId);
    if (workerCap === undefined) {
      problems.push({
        field: `${at}.workerId`,
        message: `${entry.workerId} is not a worker of this round`,
      });
    }
    if (challengeCap === undefined) {
      problems.push({
        field: `${at}.challengeId`,
        message: `${entry.challengeId} is not a challenge of this round`,
      });
    }
    if (problems.length > before || workerCap === undefined || challengeCap === undefined) return;
    const key = JSON.stringify([entry.workerId, entry.challengeId]);
    const first = firstOfPair.get(key);
    if (first !== undefined) {
      problems.push({ field: at, message: `the same pair as assignments[${first}]` });
      return;
    }
    firstOfPair.set(key, i);
    const workerCount = (perWorker.get(entry.workerId) ?? 0) + 1;
    perWorker.set(entry.workerId, workerCount);
    if (workerCount > workerCap) {
      problems.push({
        field: at,
        message: `gives worker ${entry.workerId} more than ${workerCap} challenge${workerCap === 1 ? '' : 's'} (the round's capacity per worker)`,
      });
    }
    const challengeCount = (perChallenge.get(entry.challengeId) ?? 0) + 1;
    perChallenge.set(entry.challengeId, challengeCount);
    if (challengeCount > challengeCap) {
      problems.push({
        field: at,
        message:
          challengeCap === 0
            ? `challenge ${entry.challengeId} had no free place when the round was run`
            : `gives challenge ${entry.challengeId} more than its ${challengeCap} free place${challengeCap === 1 ? '' : 's'}`,
      });
    }
  });
  return problems;
}

/**
 * The municipalities below the guarantee (minPerMunicipality) with these pairs, in order of
 * their first challenge in the round; the challenges without a free place do not count (the
 * solver does not see them either). [] when there is no guarantee.
 *
 * @example
 * roundShortfalls([{ id: 'c1', capacity: 1, municipality: '203211' }], [], 1)
 * // → [{ municipality: '203211', required: 1, matched: 0 }]
 */
export function roundShortfalls(
  challenges: readonly RoundChallenge[],
  entries: readonly RoundEntry[],
  minPerMunicipality: number,
): MunicipalityShortfall[] {
  if (minPerMunicipality <= 0) return [];
  const municipalityOf = new Map(challenges.map((c) => [c.id, c.municipality]));
  const matched = new Map<string, number>();
  for (const c of challenges) if (c.capacity > 0) matched.set(c.municipality, 0);
  for (const e of entries) {
    const m = municipalityOf.get(e.challengeId);
    if (m !== undefined && matched.has(m)) matched.set(m, matched.get(m)! + 1);
  }
  return [...matched]
    .filter(([, n]) => n < minPerMunicipality)
    .map(([municipality, n]) => ({ municipality, required: minPerMunicipality, matched: n }));
}

/**
 * A sum of scores with Kahan–Babuška compensation (in the order given), so that editing a long
 * proposal does not drift its total.
 *
 * @example
 * sumScores([0.1, 0.2, 0.3]); // 0.6
 */
export function sumScores(scores: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of scores) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}
