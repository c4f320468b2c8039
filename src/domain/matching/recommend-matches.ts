/**
 * Recommendations both ways: the best challenges for a worker, and the best workers for a
 * challenge (only workers who opted in to being recommended to hosts). Each scores every
 * candidate with the same engine as `evaluatePair`, keeps the top N in a bounded heap (no full
 * sort), and builds factors only for the N it returns; the rest are counted by the filters they
 * failed, so the UI can say "12 hidden: over your programme's cap".
 *
 * Order: score descending, then id ascending (UTF-16 code units, not locale collation), then
 * input position — the same on every machine.
 *
 * Speed: pass prepared forms (prepareWorker/prepareChallenge, cached by the caller) and scoring a
 * pair allocates nothing; raw objects are accepted too and prepared on the way.
 */
import type { ChallengeForMatching, WorkerForMatching } from './matching-model';
import {
  filterCodes,
  type EligiblePair,
  type FilterCode,
  type MatchOptions,
} from './match-factors';
import {
  computePairFactors,
  createPairScratch,
  factorResultsOf,
  failedFilterMask,
  resolveMatchOptions,
  scoreOf,
  type ResolvedMatchOptions,
} from './evaluate-pair';
import {
  isPreparedChallenge,
  isPreparedWorker,
  prepareChallenge,
  prepareWorker,
  type PreparedChallenge,
  type PreparedWorker,
} from './prepared-match-forms';

export type RecommendOptions = MatchOptions & {
  /** At most this many recommendations (a whole number ≥ 0). */
  limit: number;
};

export type FilteredOutCounts = {
  /** Candidates that failed at least one hard filter. */
  total: number;
  /**
   * Per filter, the candidates that failed it. A candidate failing two filters counts under
   * both, so these may add up to more than `total`.
   */
  byReason: Record<FilterCode, number>;
};

export type ChallengeRecommendation = EligiblePair & { challenge: ChallengeForMatching };
export type WorkerRecommendation = EligiblePair & { worker: WorkerForMatching };

export type Recommendations<R> = {
  /** Best first, at most `limit`. */
  recommendations: R[];
  /** Candidates scored (for a challenge: workers who opted in; the others are not counted). */
  considered: number;
  /** Candidates that passed every hard filter (recommended or not). */
  eligible: number;
  filteredOut: FilteredOutCounts;
};

/**
 * The challenges that suit a worker best, with their factors, and why the others were hidden.
 *
 * @example
 * const result = recommendChallengesForWorker(prepareWorker(worker), preparedChallenges, {
 *   limit: 20,
 * });
 * result.recommendations[0]; // { eligible: true, challenge, score: 0.82, factors: [ … ] }
 * result.filteredOut.byReason.programme_cap_exceeded; // 12
 */
export function recommendChallengesForWorker(
  worker: WorkerForMatching | PreparedWorker,
  challenges: readonly (ChallengeForMatching | PreparedChallenge)[],
  options: RecommendOptions,
): Recommendations<ChallengeRecommendation> {
  const resolved = resolveMatchOptions(options);
  const w = isPreparedWorker(worker) ? worker : prepareWorker(worker);
  const prepared = challenges.map((c) => (isPreparedChallenge(c) ? c : prepareChallenge(c)));
  const top = new TopScored(checkedLimit(options.limit));
  const tally = new FilterTally();
  const s = createPairScratch();
  for (let j = 0; j < prepared.length; j++) {
    const c = prepared[j]!;
    const mask = failedFilterMask(w, c);
    if (mask !== 0) {
      tally.add(mask);
      continue;
    }
    computePairFactors(w, c, s, resolved.localTravelMode);
    top.offer(j, scoreOf(s, resolved.weights), c.id);
  }
  const recommendations = top.bestFirst().map((j): ChallengeRecommendation => {
    const c = prepared[j]!;
    return { challenge: c.challenge, ...explained(w, c, resolved) };
  });
  return {
    recommendations,
    considered: prepared.length,
    eligible: prepared.length - tally.total,
    filteredOut: tally.counts(),
  };
}

/**
 * The workers who suit a challenge best, among those who opted in to offers (openToOffers);
 * the others are skipped without being scored or counted.
 *
 * @example
 * const result = recommendWorkersForChallenge(prepareChallenge(challenge), preparedWorkers, {
 *   limit: 50,
 * });
 * result.recommendations.map((r) => r.worker.id); // ['w17', 'w3', …]
 */
export function recommendWorkersForChallenge(
  challenge: ChallengeForMatching | PreparedChallenge,
  workers: readonly (WorkerForMatching | PreparedWorker)[],
  options: RecommendOptions,
): Recommendations<WorkerRecommendation> {
  const resolved = resolveMatchOptions(options);
  const c = isPreparedChallenge(challenge) ? challenge : prepareChallenge(challenge);
  const top = new TopScored(checkedLimit(options.limit));
  const tally = new FilterTally();
  const s = createPairScratch();
  let considered = 0;
  // One pass over the input: at 100,000 workers even building a filtered copy shows.
  for (let i = 0; i < workers.length; i++) {
    const input = workers[i]!;
    if (!input.openToOffers) continue;
    const w = isPreparedWorker(input) ? input : prepareWorker(input);
    considered++;
    const mask = failedFilterMask(w, c);
    if (mask !== 0) {
      tally.add(mask);
      continue;
    }
    computePairFactors(w, c, s, resolved.localTravelMode);
    top.offer(i, scoreOf(s, resolved.weights), w.id);
  }
  const recommendations = top.bestFirst().map((i): WorkerRecommendation => {
    const input = workers[i]!;
    const w = isPreparedWorker(input) ? input : prepareWorker(input);
    return { worker: w.worker, ...explained(w, c, resolved) };
  });
  return {
    recommendations,
    considered,
    eligible: considered - tally.total,
    filteredOut: tally.counts(),
  };
}

/** The full evaluation of a pair known to be eligible (recomputed: cheap, and identical). */
function explained(
  w: PreparedWorker,
  c: PreparedChallenge,
  resolved: ResolvedMatchOptions,
): EligiblePair {
  const s = createPairScratch();
  computePairFactors(w, c, s, resolved.localTravelMode);
  return {
    eligible: true,
    score: scoreOf(s, resolved.weights),
    factors: factorResultsOf(w, c, s, resolved.weights),
  };
}

function checkedLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`);
  }
  return limit;
}

/**
 * Failed-filter counts from failure bitmasks (failedFilterMask).
 *
 * @example
 * const tally = new FilterTally();
 * tally.add(failedFilterMask(w, c));
 * tally.counts().byReason.no_open_places; // 1
 */
export class FilterTally {
  total = 0;
  private readonly byBit = new Float64Array(filterCodes.length);

  add(mask: number): void {
    this.total++;
    for (let bit = 0, rest = mask; rest !== 0; bit++, rest >>>= 1) {
      if (rest & 1) this.byBit[bit]!++;
    }
  }

  counts(): FilteredOutCounts {
    const byReason = Object.fromEntries(
      filterCodes.map((code, bit) => [code, this.byBit[bit]!]),
    ) as Record<FilterCode, number>;
    return { total: this.total, byReason };
  }
}

/**
 * The best `capacity` candidates seen so far: a binary min-heap on rank whose root is the worst
 * one kept, so a candidate is one comparison away from being dropped. O(n log N) for n offered.
 */
class TopScored {
  private size = 0;
  private readonly positions: Int32Array;
  private readonly scores: Float64Array;
  private readonly ids: string[];

  constructor(private readonly capacity: number) {
    this.positions = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.ids = new Array<string>(capacity).fill('');
  }

  /** Considers the candidate at input `position` with its score and id. */
  offer(position: number, score: number, id: string): void {
    if (this.size < this.capacity) {
      let k = this.size++;
      // Sift up: move worse parents' ranks down until the new one fits.
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (!this.ranksBelow(position, score, id, parent)) break;
        this.move(parent, k);
        k = parent;
      }
      this.place(k, position, score, id);
      return;
    }
    if (this.capacity === 0 || this.ranksBelow(position, score, id, 0)) return;
    // Replace the root (the worst kept) and sift down.
    let k = 0;
    const size = this.size;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= size) break;
      const right = left + 1;
      let worse = left;
      if (right < size && this.slotRanksBelowSlot(right, left)) worse = right;
      if (!this.slotRanksBelow(worse, position, score, id)) break;
      this.move(worse, k);
      k = worse;
    }
    this.place(k, position, score, id);
  }

  /** Input positions of the kept candidates, best first. */
  bestFirst(): number[] {
    const slots = Array.from({ length: this.size }, (_, k) => k);
    slots.sort((a, b) => (this.slotRanksBelowSlot(a, b) ? 1 : -1));
    return slots.map((k) => this.positions[k]!);
  }

  /** Whether (position, score, id) ranks below the candidate in slot k. */
  private ranksBelow(position: number, score: number, id: string, k: number): boolean {
    return rankedBelow(position, score, id, this.positions[k]!, this.scores[k]!, this.ids[k]!);
  }

  /** Whether the candidate in slot k ranks below (position, score, id). */
  private slotRanksBelow(k: number, position: number, score: number, id: string): boolean {
    return rankedBelow(this.positions[k]!, this.scores[k]!, this.ids[k]!, position, score, id);
  }

  private slotRanksBelowSlot(a: number, b: number): boolean {
    return this.slotRanksBelow(a, this.positions[b]!, this.scores[b]!, this.ids[b]!);
  }

  private move(from: number, to: number): void {
    this.positions[to] = this.positions[from]!;
    this.scores[to] = this.scores[from]!;
    this.ids[to] = this.ids[from]!;
  }

  private place(k: number, position: number, score: number, id: string): void {
    this.positions[k] = position;
    this.scores[k] = score;
    this.ids[k] = id;
  }
}

/** Rank: score descending, then id ascending, then input position ascending. */
function rankedBelow(
  positionA: number,
  scoreA: number,
  idA: string,
  positionB: number,
  scoreB: number,
  idB: string,
): boolean {
  if (scoreA !== scoreB) return scoreA < scoreB;
  if (idA !== idB) return idA > idB;
  return positionA > positionB;
}
