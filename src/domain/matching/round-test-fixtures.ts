/**
 * Seeded rounds for tests and bench:matching-round. The same seed gives the same round on every
 * machine, so a failing case can be replayed from its seed.
 */
import { toLocalGovCode } from '../geo/local-gov-code';
import { seededRandom } from '../shared/seeded-random';
import type { RoundChallenge, RoundInput, RoundScore, RoundWorker } from './round-input';

/** A whole number from min to max inclusive. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * `count` distinct, valid municipality codes that look real: prefectures 01–47 in turn, with city
 * numbers from 201 upwards (13201 → 132012, 八王子市).
 */
export function municipalityCodes(count: number): string[] {
  return Array.from({ length: count }, (_, k) => {
    const prefecture = String((k % 47) + 1).padStart(2, '0');
    const city = 201 + 2 * Math.floor(k / 47);
    return toLocalGovCode(`${prefecture}${city}`);
  });
}

export type SmallRoundOptions = {
  maxWorkers: number;
  maxChallenges: number;
  maxPairs: number;
  maxCapacity: number;
  municipalities: number;
  minPerMunicipality: number;
};

/**
 * A small random round for comparison with brute force: scores are whole thousandths from −0.3
 * to 1 (so no rounding is involved), with zeros and ties on purpose.
 */
export function smallRound(seed: number, options: SmallRoundOptions): RoundInput {
  const random = seededRandom(seed);
  const codes = municipalityCodes(randomInt(random, 1, options.municipalities));
  const workers: RoundWorker[] = Array.from(
    { length: randomInt(random, 1, options.maxWorkers) },
    (_, i) => ({ id: `w${i + 1}`, capacity: randomInt(random, 1, options.maxCapacity) }),
  );
  const challenges: RoundChallenge[] = Array.from(
    { length: randomInt(random, 1, options.maxChallenges) },
    (_, j) => ({
      id: `c${j + 1}`,
      capacity: randomInt(random, 1, options.maxCapacity),
      municipality: codes[randomInt(random, 0, codes.length - 1)]!,
    }),
  );
  const all: [RoundWorker, RoundChallenge][] = [];
  for (const w of workers) for (const c of challenges) all.push([w, c]);
  // A random subset of the possible pairs, in random order (input order matters for ties).
  for (let i = all.length - 1; i > 0; i--) {
    const k = randomInt(random, 0, i);
    [all[i], all[k]] = [all[k]!, all[i]!];
  }
  const pairCount = randomInt(random, 1, Math.min(options.maxPairs, all.length));
  const scores: RoundScore[] = all.slice(0, pairCount).map(([w, c]) => {
    const kind = random();
    const score =
      kind < 0.1
        ? 0
        : kind < 0.25
          ? 0.5
          : kind < 0.35
            ? randomInt(random, -300, -1) / 1000
            : randomInt(random, 1, 1000) / 1000;
    return { worker: w.id, challenge: c.id, score };
  });
  return { workers, challenges, scores, minPerMunicipality: options.minPerMunicipality };
}

export type SyntheticRoundOptions = {
  workers: number;
  challenges: number;
  pairsPerWorker: number;
  municipalities: number;
  minPerMunicipality: number;
};

/**
 * A round shaped like a large matchmaking event: workers with capacity 1–2, challenges with 1–8
 * places, and candidate pairs skewed towards popular challenges (a few challenges are on many
 * workers' lists). Scores mix the challenge's appeal with the worker's own fit, from 0 to 1;
 * in one municipality in ten (remote ones) they are 1 lower, so no pair there pays and only the
 * municipality guarantee gets them matches.
 */
export function syntheticRound(seed: number, options: SyntheticRoundOptions): RoundInput {
  const random = seededRandom(seed);
  const codes = municipalityCodes(options.municipalities);
  const remote = new Set(codes.filter((_, k) => k % 10 === 9));
  const workers: RoundWorker[] = Array.from({ length: options.workers }, (_, i) => ({
    id: `w${i + 1}`,
    capacity: randomInt(random, 1, 2),
  }));
  const appeal: number[] = [];
  const challenges: RoundChallenge[] = Array.from({ length: options.challenges }, (_, j) => {
    appeal.push(random());
    return {
      id: `c${j + 1}`,
      capacity: randomInt(random, 1, 8),
      municipality: codes[randomInt(random, 0, codes.length - 1)]!,
    };
  });
  const scores: RoundScore[] = [];
  const chosen = new Set<number>();
  for (const worker of workers) {
    chosen.clear();
    while (chosen.size < Math.min(options.pairsPerWorker, options.challenges)) {
      // Squaring a uniform number favours low indices: challenge 1 is the most popular.
      chosen.add(Math.floor(random() ** 2 * options.challenges));
    }
    for (const j of [...chosen].sort((a, b) => a - b)) {
      const penalty = remote.has(challenges[j]!.municipality) ? 1 : 0;
      const score = 0.4 * appeal[j]! + 0.6 * random() - penalty;
      scores.push({ worker: worker.id, challenge: challenges[j]!.id, score });
    }
  }
  return {
    workers,
    challenges,
    scores,
    minPerMunicipality: options.minPerMunicipality,
  };
}
