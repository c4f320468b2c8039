import { describe, expect, it } from 'vitest';
import { assignRound } from './assign-round';
import { evaluatePair } from './evaluate-pair';
import { filterCodes, type FilterCode } from './match-factors';
import { syntheticChallenges, syntheticWorkers } from './match-test-fixtures';
import { prepareChallenge, prepareWorker } from './prepared-match-forms';
import { scoreRoundCandidates } from './round-candidates';
import type { RoundScore } from './round-input';
import { validateRoundInput } from './validate-round-input';

describe('scoreRoundCandidates', () => {
  it("keeps each worker's best eligible pairs, exactly as evaluating and sorting all would", () => {
    for (const seed of [1, 2, 3]) {
      const workers = syntheticWorkers(seed, 40);
      const challenges = syntheticChallenges(seed + 50, 120);
      for (const k of [1, 5, 50, 500]) {
        const result = scoreRoundCandidates(
          workers.map(prepareWorker),
          challenges.map(prepareChallenge),
          { candidatesPerWorker: k },
        );
        const expected: RoundScore[] = [];
        const byReason = Object.fromEntries(filterCodes.map((c) => [c, 0])) as Record<
          FilterCode,
          number
        >;
        let eligible = 0;
        let filtered = 0;
        for (const w of workers) {
          const ranked: RoundScore[] = [];
          for (const c of challenges) {
            const evaluation = evaluatePair(w, c);
            if (evaluation.eligible) {
              eligible++;
              ranked.push({ worker: w.id, challenge: c.id, score: evaluation.score });
            } else {
              filtered++;
              for (const f of evaluation.filters) byReason[f.code]++;
            }
          }
          ranked.sort((a, b) =>
            a.score !== b.score ? b.score - a.score : a.challenge < b.challenge ? -1 : 1,
          );
          expected.push(...ranked.slice(0, k));
        }
        expect(result.scores).toEqual(expected);
        expect(result.eligiblePairs).toBe(eligible);
        expect(result.filteredOut).toEqual({ total: filtered, byReason });
        expect(result.excludedPairs).toBe(0);
      }
    }
  });

  it('leaves out the pairs the caller excludes, and counts them apart', () => {
    const workers = syntheticWorkers(7, 10).map(prepareWorker);
    const challenges = syntheticChallenges(8, 30).map(prepareChallenge);
    const all = scoreRoundCandidates(workers, challenges, { candidatesPerWorker: 30 });
    const firstPair = all.scores[0]!;
    const wi = workers.findIndex((w) => w.id === firstPair.worker);
    const ci = challenges.findIndex((c) => c.id === firstPair.challenge);
    const without = scoreRoundCandidates(workers, challenges, {
      candidatesPerWorker: 30,
      isExcluded: (i, j) => i === wi && j === ci,
    });
    expect(without.excludedPairs).toBe(1);
    expect(without.scores).toEqual(all.scores.slice(1));
  });

  it('gives a round the validator accepts and the solver assigns', () => {
    const workers = syntheticWorkers(11, 60);
    const challenges = syntheticChallenges(12, 30);
    const { scores } = scoreRoundCandidates(
      workers.map(prepareWorker),
      challenges.map(prepareChallenge),
      { candidatesPerWorker: 10 },
    );
    expect(scores.length).toBeGreaterThan(0);
    const validated = validateRoundInput({
      workers: workers.map((w) => ({ id: w.id, capacity: 1 })),
      // The synthetic codes carry no check digit: the round names one real town for all.
      challenges: challenges.map((c) => ({ id: c.id, capacity: c.places, municipality: '203211' })),
      scores,
      minPerMunicipality: 0,
    });
    expect(validated.ok).toBe(true);
    if (validated.ok) expect(assignRound(validated.input).assignments.length).toBeGreaterThan(0);
  });

  it('refuses a candidate count that is not a whole number ≥ 1 (a programming error)', () => {
    expect(() => scoreRoundCandidates([], [], { candidatesPerWorker: 0 })).toThrow(RangeError);
  });
});
