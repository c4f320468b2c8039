/**
 * The pairs a matching round chooses from: every worker scored against every challenge of the
 * round with the same engine as evaluatePair, and each worker's best `candidatesPerWorker`
 * eligible pairs kept (score descending, then challenge id, then input position — the order the
 * recommenders use). Pairs failing a hard filter are counted by filter, never offered; pairs the
 * caller excludes (already under way) are counted apart. The result feeds `assignRound`.
 *
 * Speed: prepared forms in, nothing allocated per pair; a bounded heap per worker keeps the best
 * candidates in O(challenges · log candidatesPerWorker).
 */
import {
  computePairFactors,
  createPairScratch,
  failedFilterMask,
  resolveMatchOptions,
  scoreOf,
} from './evaluate-pair';
import type { MatchOptions } from './match-factors';
import type { PreparedChallenge, PreparedWorker } from './prepared-match-forms';
import { FilterTally, type FilteredOutCounts } from './recommend-matches';
import type { RoundScore } from './round-input';

export type RoundCandidateOptions = MatchOptions & {
  /** How many of each worker's best eligible pairs enter the round (a whole number ≥ 1). */
  candidatesPerWorker: number;
  /** Pairs left out whatever their score, e.g. a worker already applying to the challenge. */
  isExcluded?: (workerIndex: number, challengeIndex: number) => boolean;
};

export type RoundCandidates = {
  /** Worker by worker in input order, each worker's best first. */
  scores: RoundScore[];
  /** Pairs that passed every hard filter (offered or not). */
  eligiblePairs: number;
  /** Pairs the caller excluded. */
  excludedPairs: number;
  /** Pairs that failed a hard filter. */
  filteredOut: FilteredOutCounts;
};

/**
 * Each worker's best eligible pairs with the round's challenges.
 *
 * @example
 * const { scores } = scoreRoundCandidates(preparedWorkers, preparedChallenges, {
 *   candidatesPerWorker: 50,
 * });
 * assignRound({ workers, challenges, scores, minPerMunicipality: 1 });
 */
export function scoreRoundCandidates(
  workers: readonly PreparedWorker[],
  challenges: readonly PreparedChallenge[],
  options: RoundCandidateOptions,
): RoundCandidates {
  const k = options.candidatesPerWorker;
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`candidatesPerWorker must be a whole number ≥ 1, got ${k}`);
  }
  const resolved = resolveMatchOptions(options);
  const s = createPairScratch();
  const tally = new FilterTally();
  const heap = new CandidateHeap(Math.min(k, challenges.length), challenges);
  const scores: RoundScore[] = [];
  let eligiblePairs = 0;
  let excludedPairs = 0;
  for (let i = 0; i < workers.length; i++) {
    const w = workers[i]!;
    heap.clear();
    for (let j = 0; j < challenges.length; j++) {
      if (options.isExcluded?.(i, j)) {
        excludedPairs++;
        continue;
      }
      const c = challenges[j]!;
      const mask = failedFilterMask(w, c);
      if (mask !== 0) {
        tally.add(mask);
        continue;
      }
      eligiblePairs++;
      computePairFactors(w, c, s, resolved.localTravelMode);
      heap.offer(j, scoreOf(s, resolved.weights));
    }
    for (const { index, score } of heap.bestFirst()) {
      scores.push({ worker: w.id, challenge: challenges[index]!.id, score });
    }
  }
  return { scores, eligiblePairs, excludedPairs, filteredOut: tally.counts() };
}

/** A min-heap of the best `capacity` (challenge index, score) seen: the root is the worst kept. */
class CandidateHeap {
  private size = 0;
  private readonly indices: Int32Array;
  private readonly scores: Float64Array;

  constructor(
    private readonly capacity: number,
    private readonly challenges: readonly PreparedChallenge[],
  ) {
    this.indices = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  offer(index: number, score: number): void {
    if (this.size < this.capacity) {
      let k = this.size++;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (!this.below(index, score, this.indices[parent]!, this.scores[parent]!)) break;
        this.indices[k] = this.indices[parent]!;
        this.scores[k] = this.scores[parent]!;
        k = parent;
      }
      this.indices[k] = index;
      this.scores[k] = score;
      return;
    }
    if (this.capacity === 0 || this.below(index, score, this.indices[0]!, this.scores[0]!)) return;
    let k = 0;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let worse = left;
      if (
        right < this.size &&
        this.below(
          this.indices[right]!,
          this.scores[right]!,
          this.indices[left]!,
          this.scores[left]!,
        )
      ) {
        worse = right;
      }
      if (!this.below(this.indices[worse]!, this.scores[worse]!, index, score)) break;
      this.indices[k] = this.indices[worse]!;
      this.scores[k] = this.scores[worse]!;
      k = worse;
    }
    this.indices[k] = index;
    this.scores[k] = score;
  }

  bestFirst(): { index: number; score: number }[] {
    const kept = Array.from({ length: this.size }, (_, k) => ({
      index: this.indices[k]!,
      score: this.scores[k]!,
    }));
    return kept.sort((a, b) => (this.below(a.index, a.score, b.index, b.score) ? 1 : -1));
  }

  /** Whether candidate a ranks below b: lower score, then greater id, then later position. */
  private below(indexA: number, scoreA: number, indexB: number, scoreB: number): boolean {
    if (scoreA !== scoreB) return scoreA < scoreB;
    const idA = this.challenges[indexA]!.id;
    const idB = this.challenges[indexB]!.id;
    if (idA !== idB) return idA > idB;
    return indexA > indexB;
  }
}
