import { describe, expect, it } from 'vitest';
import { SCORE_SCALE, assignRound, type RoundAssignment } from './assign-round';
import type { RoundInput } from './round-input';
import { smallRound, syntheticRound } from './round-test-fixtures';

const TOKYO_CHIYODA = '131016';
const TOKYO_CHUO = '131024';
const OSAKA_KITA = '271276';

/** The two things an assignment is ranked by: guaranteed municipality matches, then score. */
type Value = { guaranteed: number; scaledScore: number };

function scaled(score: number): number {
  return Math.round(score * SCORE_SCALE);
}

function valueOf(input: RoundInput, pairs: readonly number[]): Value {
  const municipalityOf = new Map(input.challenges.map((c) => [c.id, c.municipality]));
  const matched = new Map<string, number>();
  let scaledScore = 0;
  for (const p of pairs) {
    const s = input.scores[p]!;
    scaledScore += scaled(s.score);
    const m = municipalityOf.get(s.challenge)!;
    matched.set(m, (matched.get(m) ?? 0) + 1);
  }
  let guaranteed = 0;
  for (const count of matched.values()) guaranteed += Math.min(count, input.minPerMunicipality);
  return { guaranteed, scaledScore };
}

function isBetter(a: Value, b: Value): boolean {
  return (
    a.guaranteed > b.guaranteed || (a.guaranteed === b.guaranteed && a.scaledScore > b.scaledScore)
  );
}

function fitsCapacities(input: RoundInput, pairs: readonly number[]): boolean {
  const load = new Map<string, number>();
  for (const p of pairs) {
    const { worker, challenge } = input.scores[p]!;
    load.set(`w:${worker}`, (load.get(`w:${worker}`) ?? 0) + 1);
    load.set(`c:${challenge}`, (load.get(`c:${challenge}`) ?? 0) + 1);
  }
  return (
    input.workers.every((w) => (load.get(`w:${w.id}`) ?? 0) <= w.capacity) &&
    input.challenges.every((c) => (load.get(`c:${c.id}`) ?? 0) <= c.capacity)
  );
}

/** Every subset of the listed pairs: the best value and the float total of one best subset. */
function bruteForce(input: RoundInput): { value: Value; totalScore: number } {
  const n = input.scores.length;
  let best: { value: Value; pairs: number[] } = {
    value: { guaranteed: 0, scaledScore: 0 },
    pairs: [],
  };
  for (let mask = 1; mask < 1 << n; mask++) {
    const pairs: number[] = [];
    for (let p = 0; p < n; p++) if (mask & (1 << p)) pairs.push(p);
    if (!fitsCapacities(input, pairs)) continue;
    const value = valueOf(input, pairs);
    if (isBetter(value, best.value)) best = { value, pairs };
  }
  return {
    value: best.value,
    totalScore: best.pairs.reduce((sum, p) => sum + input.scores[p]!.score, 0),
  };
}

/** The indices in input.scores of the assigned pairs; fails on a pair that was not listed. */
function assignedPairs(input: RoundInput, result: RoundAssignment): number[] {
  return result.assignments.map((a) => {
    const p = input.scores.findIndex((s) => s.worker === a.worker && s.challenge === a.challenge);
    expect(p, `${a.worker}/${a.challenge} is a listed pair`).toBeGreaterThanOrEqual(0);
    expect(a.score).toBe(input.scores[p]!.score);
    return p;
  });
}

/** Capacities, uniqueness, order, totals and shortfalls: what every result must satisfy. */
function expectWellFormed(input: RoundInput, result: RoundAssignment): number[] {
  const pairs = assignedPairs(input, result);
  expect(new Set(pairs).size).toBe(pairs.length);
  expect(fitsCapacities(input, pairs)).toBe(true);
  const workerOrder = new Map(input.workers.map((w, i) => [w.id, i]));
  const challengeOrder = new Map(input.challenges.map((c, i) => [c.id, i]));
  const keys = result.assignments.map(
    (a) => workerOrder.get(a.worker)! * 1e6 + challengeOrder.get(a.challenge)!,
  );
  expect(keys).toEqual([...keys].sort((a, b) => a - b));
  const sum = result.assignments.reduce((s, a) => s + a.score, 0);
  expect(result.totalScore).toBeCloseTo(sum, 9);

  const matched = new Map<string, number>();
  for (const c of input.challenges) matched.set(c.municipality, 0);
  for (const p of pairs) {
    const m = input.challenges.find((c) => c.id === input.scores[p]!.challenge)!.municipality;
    matched.set(m, matched.get(m)! + 1);
  }
  const expectedShortfalls =
    input.minPerMunicipality === 0
      ? []
      : [...matched]
          .filter(([, count]) => count < input.minPerMunicipality)
          .map(([municipality, count]) => ({
            municipality,
            required: input.minPerMunicipality,
            matched: count,
          }));
  expect(result.shortfalls).toEqual(expectedShortfalls);

  // A pair scoring 0 or less is only there when its municipality needs it for the guarantee.
  for (const p of pairs) {
    const s = input.scores[p]!;
    if (s.score > 0) continue;
    const m = input.challenges.find((c) => c.id === s.challenge)!.municipality;
    expect(matched.get(m)!, `${s.worker}/${s.challenge} scores ${s.score}`).toBeLessThanOrEqual(
      input.minPerMunicipality,
    );
  }
  return pairs;
}

/**
 * An independent reference for rounds too large to enumerate: the textbook successive shortest
 * paths with Bellman–Ford on the same model (guaranteed matches weighted above any score),
 * augmenting while the cheapest source→sink path is negative.
 */
function referenceOptimum(input: RoundInput): Value {
  const W = input.workers.length;
  const C = input.challenges.length;
  const municipalities = [...new Set(input.challenges.map((c) => c.municipality))];
  const s = W + C + municipalities.length;
  const t = s + 1;
  const arcs: { from: number; to: number; cap: number; cost: number }[] = [];
  const add = (from: number, to: number, cap: number, cost: number) => {
    arcs.push({ from, to, cap, cost }, { from: to, to: from, cap: 0, cost: -cost });
  };
  const bonus = input.scores.reduce((sum, x) => sum + Math.abs(scaled(x.score)), 1);
  input.workers.forEach((w, i) => add(s, i, w.capacity, 0));
  for (const x of input.scores) {
    const i = input.workers.findIndex((w) => w.id === x.worker);
    const j = input.challenges.findIndex((c) => c.id === x.challenge);
    add(i, W + j, 1, -scaled(x.score));
  }
  input.challenges.forEach((c, j) =>
    add(W + j, W + C + municipalities.indexOf(c.municipality), c.capacity, 0),
  );
  municipalities.forEach((_, k) => {
    add(W + C + k, t, input.minPerMunicipality, -bonus);
    add(W + C + k, t, 1_000_000, 0);
  });
  for (;;) {
    const dist = new Array<number>(t + 1).fill(Infinity);
    const previous = new Array<number>(t + 1).fill(-1);
    dist[s] = 0;
    for (let round = 0; round <= t; round++) {
      let changed = false;
      arcs.forEach((a, e) => {
        if (a.cap > 0 && dist[a.from]! + a.cost < dist[a.to]!) {
          dist[a.to] = dist[a.from]! + a.cost;
          previous[a.to] = e;
          changed = true;
        }
      });
      if (!changed) break;
    }
    if (!(dist[t]! < 0)) break;
    for (let v = t; v !== s; v = arcs[previous[v]!]!.from) {
      arcs[previous[v]!]!.cap--;
      arcs[previous[v]! ^ 1]!.cap++;
    }
  }
  const pairs: number[] = [];
  input.scores.forEach((_, p) => {
    if (arcs[2 * (W + p)]!.cap === 0) pairs.push(p);
  });
  return valueOf(input, pairs);
}

describe('assignRound', () => {
  it('assigns the issue’s example: w1 to c1, total 0.83', () => {
    expect(
      assignRound({
        workers: [{ id: 'w1', capacity: 1 }],
        challenges: [{ id: 'c1', capacity: 2, municipality: TOKYO_CHIYODA }],
        scores: [{ worker: 'w1', challenge: 'c1', score: 0.83 }],
        minPerMunicipality: 0,
      }),
    ).toEqual({
      assignments: [{ worker: 'w1', challenge: 'c1', score: 0.83 }],
      totalScore: 0.83,
      shortfalls: [],
    });
  });

  it('finds the same optimum as brute force on 300 random small rounds', () => {
    let withGuaranteeShortfalls = 0;
    let withNonPositiveAssigned = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const input = smallRound(seed, {
        maxWorkers: 4,
        maxChallenges: 4,
        maxPairs: 12,
        maxCapacity: 3,
        municipalities: 3,
        minPerMunicipality: seed % 3,
      });
      const result = assignRound(input);
      const pairs = expectWellFormed(input, result);
      const best = bruteForce(input);
      expect(valueOf(input, pairs), `seed ${seed}`).toEqual(best.value);
      expect(Math.abs(result.totalScore - best.totalScore), `seed ${seed}`).toBeLessThan(1e-9);
      if (result.shortfalls.length > 0) withGuaranteeShortfalls++;
      if (result.assignments.some((a) => a.score <= 0)) withNonPositiveAssigned++;
    }
    // The random rounds do exercise shortfalls and guarantee-driven matches.
    expect(withGuaranteeShortfalls).toBeGreaterThan(10);
    expect(withNonPositiveAssigned).toBeGreaterThan(5);
  });

  it('finds the same optimum as brute force when capacities are tight (1 each)', () => {
    for (let seed = 1001; seed <= 1100; seed++) {
      const input = smallRound(seed, {
        maxWorkers: 5,
        maxChallenges: 5,
        maxPairs: 12,
        maxCapacity: 1,
        municipalities: 4,
        minPerMunicipality: seed % 2,
      });
      const pairs = expectWellFormed(input, assignRound(input));
      expect(valueOf(input, pairs), `seed ${seed}`).toEqual(bruteForce(input).value);
    }
  });

  it('agrees with a textbook Bellman–Ford solver on 40 medium rounds', () => {
    for (let seed = 2001; seed <= 2040; seed++) {
      const input = smallRound(seed, {
        maxWorkers: 30,
        maxChallenges: 12,
        maxPairs: 150,
        maxCapacity: 3,
        municipalities: 5,
        minPerMunicipality: seed % 3,
      });
      const pairs = expectWellFormed(input, assignRound(input));
      expect(valueOf(input, pairs), `seed ${seed}`).toEqual(referenceOptimum(input));
    }
  });

  it('agrees with the textbook solver on a synthetic round of 300 workers, guarantee 1', () => {
    const input = syntheticRound(7, {
      workers: 300,
      challenges: 60,
      pairsPerWorker: 10,
      municipalities: 20,
      minPerMunicipality: 1,
    });
    const pairs = expectWellFormed(input, assignRound(input));
    expect(valueOf(input, pairs)).toEqual(referenceOptimum(input));
  });

  it('leaves pairs scoring 0 or less unassigned when no guarantee needs them', () => {
    const result = assignRound({
      workers: [
        { id: 'w1', capacity: 2 },
        { id: 'w2', capacity: 1 },
      ],
      challenges: [
        { id: 'c1', capacity: 3, municipality: TOKYO_CHIYODA },
        { id: 'c2', capacity: 3, municipality: TOKYO_CHUO },
      ],
      scores: [
        { worker: 'w1', challenge: 'c1', score: 0 },
        { worker: 'w1', challenge: 'c2', score: -0.2 },
        { worker: 'w2', challenge: 'c1', score: 0.4 },
        { worker: 'w2', challenge: 'c2', score: 0 },
      ],
      minPerMunicipality: 0,
    });
    expect(result).toEqual({
      assignments: [{ worker: 'w2', challenge: 'c1', score: 0.4 }],
      totalScore: 0.4,
      shortfalls: [],
    });
  });

  it('puts one more guaranteed municipality match above any amount of score', () => {
    // w1 is excellent on c1 (中央区) and poor on c2 (大阪市北区); w2 only fits c1. Without the
    // guarantee w1 takes c1; with it, 北区 gets w1 and 中央区 gets w2, at a lower total.
    const input: RoundInput = {
      workers: [
        { id: 'w1', capacity: 1 },
        { id: 'w2', capacity: 1 },
      ],
      challenges: [
        { id: 'c1', capacity: 1, municipality: TOKYO_CHUO },
        { id: 'c2', capacity: 1, municipality: OSAKA_KITA },
      ],
      scores: [
        { worker: 'w1', challenge: 'c1', score: 1 },
        { worker: 'w1', challenge: 'c2', score: -0.5 },
        { worker: 'w2', challenge: 'c1', score: 0.1 },
      ],
      minPerMunicipality: 0,
    };
    expect(assignRound(input).assignments).toEqual([{ worker: 'w1', challenge: 'c1', score: 1 }]);
    expect(assignRound({ ...input, minPerMunicipality: 1 })).toEqual({
      assignments: [
        { worker: 'w1', challenge: 'c2', score: -0.5 },
        { worker: 'w2', challenge: 'c1', score: 0.1 },
      ],
      totalScore: -0.4,
      shortfalls: [],
    });
  });

  it('names a municipality that cannot reach the guarantee, and still gives it what it can', () => {
    const input: RoundInput = {
      workers: [
        { id: 'w1', capacity: 1 },
        { id: 'w2', capacity: 1 },
      ],
      challenges: [
        { id: 'c1', capacity: 2, municipality: TOKYO_CHIYODA },
        { id: 'c2', capacity: 2, municipality: TOKYO_CHUO },
        { id: 'c3', capacity: 1, municipality: OSAKA_KITA },
      ],
      scores: [
        { worker: 'w1', challenge: 'c1', score: 0.9 },
        { worker: 'w2', challenge: 'c1', score: 0.8 },
        { worker: 'w2', challenge: 'c2', score: 0.3 },
      ],
      minPerMunicipality: 1,
    };
    // 中央区 gets w2 at a lower score; 北区 has no pair at all.
    expect(assignRound(input)).toEqual({
      assignments: [
        { worker: 'w1', challenge: 'c1', score: 0.9 },
        { worker: 'w2', challenge: 'c2', score: 0.3 },
      ],
      totalScore: 1.2,
      shortfalls: [{ municipality: OSAKA_KITA, required: 1, matched: 0 }],
    });
    // With 2 each, the total shortfall is 4 whichever way w2 goes, so the score decides.
    expect(assignRound({ ...input, minPerMunicipality: 2 })).toEqual({
      assignments: [
        { worker: 'w1', challenge: 'c1', score: 0.9 },
        { worker: 'w2', challenge: 'c1', score: 0.8 },
      ],
      totalScore: 1.7000000000000002,
      shortfalls: [
        { municipality: TOKYO_CHUO, required: 2, matched: 0 },
        { municipality: OSAKA_KITA, required: 2, matched: 0 },
      ],
    });
  });

  it('gives a place contested at equal scores to the worker listed first', () => {
    const input: RoundInput = {
      workers: [
        { id: 'w2', capacity: 1 },
        { id: 'w1', capacity: 1 },
      ],
      challenges: [{ id: 'c1', capacity: 1, municipality: TOKYO_CHIYODA }],
      scores: [
        { worker: 'w1', challenge: 'c1', score: 0.5 },
        { worker: 'w2', challenge: 'c1', score: 0.5 },
      ],
      minPerMunicipality: 0,
    };
    expect(assignRound(input).assignments).toEqual([{ worker: 'w2', challenge: 'c1', score: 0.5 }]);
    const reversed = { ...input, workers: [...input.workers].reverse() };
    expect(assignRound(reversed).assignments).toEqual([
      { worker: 'w1', challenge: 'c1', score: 0.5 },
    ]);
  });

  it('returns the same assignment every time for the same round', () => {
    const input = syntheticRound(11, {
      workers: 400,
      challenges: 80,
      pairsPerWorker: 20,
      municipalities: 30,
      minPerMunicipality: 1,
    });
    const first = assignRound(input);
    expect(assignRound(structuredClone(input))).toEqual(first);
    expectWellFormed(input, first);
  });

  it('treats scores closer than a millionth as ties but totals the scores as given', () => {
    const result = assignRound({
      workers: [{ id: 'w1', capacity: 1 }],
      challenges: [
        { id: 'c1', capacity: 1, municipality: TOKYO_CHIYODA },
        { id: 'c2', capacity: 1, municipality: TOKYO_CHIYODA },
      ],
      scores: [
        { worker: 'w1', challenge: 'c1', score: 0.1234561 },
        { worker: 'w1', challenge: 'c2', score: 0.1234564 },
      ],
      minPerMunicipality: 0,
    });
    expect(result.assignments).toEqual([{ worker: 'w1', challenge: 'c1', score: 0.1234561 }]);
    expect(result.totalScore).toBe(0.1234561);
  });
});
