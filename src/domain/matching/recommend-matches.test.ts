import { describe, expect, it } from 'vitest';
import { evaluatePair } from './evaluate-pair';
import { filterCodes, type FilterCode, type MatchOptions } from './match-factors';
import type { ChallengeForMatching, WorkerForMatching } from './matching-model';
import {
  aChallenge,
  aWorker,
  hostedIn,
  places,
  syntheticChallenges,
  syntheticWorkers,
} from './match-test-fixtures';
import { prepareChallenge, prepareWorker } from './prepared-match-forms';
import { recommendChallengesForWorker, recommendWorkersForChallenge } from './recommend-matches';
import { seededRandom } from '../shared/seeded-random';

type Ranked = { id: string; score: number };

function byRank(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the recommenders must return, by evaluating every pair and sorting them all. */
function bruteForce(
  pairs: { id: string; worker: WorkerForMatching; challenge: ChallengeForMatching }[],
  limit: number,
  options: MatchOptions = {},
): { top: Ranked[]; byReason: Record<FilterCode, number>; total: number } {
  const byReason = Object.fromEntries(filterCodes.map((c) => [c, 0])) as Record<FilterCode, number>;
  const eligible: Ranked[] = [];
  let total = 0;
  for (const { id, worker, challenge } of pairs) {
    const evaluation = evaluatePair(worker, challenge, options);
    if (evaluation.eligible) eligible.push({ id, score: evaluation.score });
    else {
      total++;
      for (const f of evaluation.filters) byReason[f.code]++;
    }
  }
  return { top: eligible.sort(byRank).slice(0, limit), byReason, total };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('recommendChallengesForWorker', () => {
  it('returns the top N eligible challenges exactly as evaluating and sorting all of them would', () => {
    let recommended = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const challenges = syntheticChallenges(seed, 300);
      for (const worker of syntheticWorkers(seed + 100, 3)) {
        for (const limit of [0, 1, 7, 50, 1000]) {
          const result = recommendChallengesForWorker(worker, challenges, { limit });
          const expected = bruteForce(
            challenges.map((challenge) => ({ id: challenge.id, worker, challenge })),
            limit,
          );
          expect(
            result.recommendations.map((r) => ({ id: r.challenge.id, score: r.score })),
          ).toEqual(expected.top);
          expect(result.filteredOut).toEqual({
            total: expected.total,
            byReason: expected.byReason,
          });
          expect(result.considered).toBe(300);
          expect(result.eligible).toBe(300 - expected.total);
          recommended += result.recommendations.length;
        }
      }
    }
    expect(recommended).toBeGreaterThan(1000);
  });

  it('gives each recommendation the same score and factors as evaluatePair', () => {
    const challenges = syntheticChallenges(7, 100);
    const options: MatchOptions = { weights: { travel: 0.3 }, localTravelMode: 'rail' };
    let checked = 0;
    for (const worker of syntheticWorkers(8, 5)) {
      const result = recommendChallengesForWorker(worker, challenges, { limit: 10, ...options });
      for (const { challenge, ...evaluation } of result.recommendations) {
        expect(evaluation).toEqual(evaluatePair(worker, challenge, options));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('breaks ties by id, whatever the input order', () => {
    const ids = ['c-b', 'c-a', 'c-d', 'c-c'];
    const twins = ids.map((id) => aChallenge({ id }));
    for (const seed of [1, 2, 3]) {
      const result = recommendChallengesForWorker(aWorker(), shuffled(twins, seed), { limit: 3 });
      expect(result.recommendations.map((r) => r.challenge.id)).toEqual(['c-a', 'c-b', 'c-c']);
      expect(new Set(result.recommendations.map((r) => r.score)).size).toBe(1);
    }
  });

  it('ranks by score first', () => {
    const near = aChallenge({ id: 'z-near' });
    const far = aChallenge({ id: 'a-far', ...hostedIn(places.fukuokaCity) });
    const result = recommendChallengesForWorker(aWorker(), [far, near], { limit: 2 });
    expect(result.recommendations.map((r) => r.challenge.id)).toEqual(['z-near', 'a-far']);
    expect(result.recommendations[0]!.score).toBeGreaterThan(result.recommendations[1]!.score);
  });

  it('hides challenges at their applications cap and counts why challenges were hidden', () => {
    const worker = aWorker({ availableHoursPerMonth: 30 }); // programme cap 32 h
    const challenges = [
      aChallenge({ id: 'open' }),
      aChallenge({ id: 'popular', openApplications: 10, maxOpenApplications: 10 }),
      aChallenge({ id: 'big', hoursPerMonth: 36 }), // over the cap and over availability
      aChallenge({ id: 'long', hoursPerMonth: 31 }), // within the cap, over availability
      aChallenge({ id: 'filled', filledPlaces: 2 }),
    ];
    const result = recommendChallengesForWorker(worker, challenges, { limit: 10 });
    expect(result.recommendations.map((r) => r.challenge.id)).toEqual(['open']);
    expect(result.considered).toBe(5);
    expect(result.eligible).toBe(1);
    expect(result.filteredOut).toEqual({
      total: 4,
      byReason: {
        programme_not_eligible: 0,
        programme_cap_exceeded: 1,
        insufficient_availability: 2,
        style_incompatible: 0,
        starts_before_available: 0,
        no_open_places: 1,
        applications_full: 1,
      },
    });
  });

  it('accepts prepared forms and gives the same result', () => {
    const challenges = syntheticChallenges(11, 200);
    const worker = syntheticWorkers(12, 1)[0]!;
    const raw = recommendChallengesForWorker(worker, challenges, { limit: 20 });
    const prepared = recommendChallengesForWorker(
      prepareWorker(worker),
      challenges.map(prepareChallenge),
      { limit: 20 },
    );
    expect(prepared).toEqual(raw);
  });

  it('refuses a limit that is not a whole number ≥ 0', () => {
    expect(() => recommendChallengesForWorker(aWorker(), [], { limit: -1 })).toThrow(RangeError);
    expect(() => recommendChallengesForWorker(aWorker(), [], { limit: 2.5 })).toThrow(RangeError);
  });

  it('returns nothing, with zero counts, for no challenges', () => {
    const result = recommendChallengesForWorker(aWorker(), [], { limit: 5 });
    expect(result).toMatchObject({ recommendations: [], considered: 0, eligible: 0 });
    expect(result.filteredOut.total).toBe(0);
  });
});

describe('recommendWorkersForChallenge', () => {
  it('recommends only workers who opted in to offers, and does not count the others', () => {
    const workers = [
      aWorker({ id: 'w-in' }),
      aWorker({ id: 'w-out', openToOffers: false }),
      aWorker({ id: 'w-in-busy', availableHoursPerMonth: 5 }),
      aWorker({ id: 'w-out-busy', availableHoursPerMonth: 5, openToOffers: false }),
    ];
    const result = recommendWorkersForChallenge(aChallenge(), workers, { limit: 10 });
    expect(result.recommendations.map((r) => r.worker.id)).toEqual(['w-in']);
    expect(result.considered).toBe(2);
    expect(result.filteredOut.total).toBe(1);
    expect(result.filteredOut.byReason.insufficient_availability).toBe(1);
  });

  it('skips prepared workers who did not opt in too', () => {
    const workers = [aWorker({ id: 'w-in' }), aWorker({ id: 'w-out', openToOffers: false })];
    const result = recommendWorkersForChallenge(
      prepareChallenge(aChallenge()),
      workers.map(prepareWorker),
      {
        limit: 10,
      },
    );
    expect(result.recommendations.map((r) => r.worker.id)).toEqual(['w-in']);
  });

  it('returns the top N opted-in workers exactly as evaluating and sorting all of them would', () => {
    for (const seed of [21, 22, 23]) {
      const workers = syntheticWorkers(seed, 400);
      const challenge = {
        ...syntheticChallenges(seed + 1, 1)[0]!,
        filledPlaces: 0,
        openApplications: 0,
      };
      const optedIn = workers.filter((w) => w.openToOffers);
      for (const limit of [1, 10, 500]) {
        const result = recommendWorkersForChallenge(challenge, workers, { limit });
        const expected = bruteForce(
          optedIn.map((worker) => ({ id: worker.id, worker, challenge })),
          limit,
        );
        expect(result.recommendations.map((r) => ({ id: r.worker.id, score: r.score }))).toEqual(
          expected.top,
        );
        expect(result.filteredOut).toEqual({ total: expected.total, byReason: expected.byReason });
        expect(result.considered).toBe(optedIn.length);
        expect(result.recommendations.every((r) => r.worker.openToOffers)).toBe(true);
      }
    }
  });

  it('breaks ties by worker id', () => {
    const workers = shuffled(
      ['w3', 'w1', 'w2', 'w10'].map((id) => aWorker({ id })),
      9,
    );
    const result = recommendWorkersForChallenge(aChallenge(), workers, { limit: 4 });
    expect(result.recommendations.map((r) => r.worker.id)).toEqual(['w1', 'w10', 'w2', 'w3']);
  });

  it('recommends nobody for a challenge at its applications cap, and says so', () => {
    const challenge = aChallenge({ openApplications: 10, maxOpenApplications: 10 });
    const result = recommendWorkersForChallenge(challenge, [aWorker(), aWorker({ id: 'w2' })], {
      limit: 5,
    });
    expect(result.recommendations).toEqual([]);
    expect(result.filteredOut.byReason.applications_full).toBe(2);
  });
});
