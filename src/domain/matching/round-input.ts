/**
 * What the assignment engine reads: one matching round (a matchmaking event) — the workers and
 * challenges taking part, the score of each allowed worker/challenge pair, and the municipality
 * guarantee. Plain data, so the same shape serves the CLI's JSON file, the API and tests.
 * `validateRoundInput` (validate-round-input.ts) turns unknown JSON into this type or a list of
 * problems; the engine assumes input that passed it.
 */

/** The lowest and highest score a pair may have (see `RoundScore.score`). */
export const MIN_PAIR_SCORE = -1;
export const MAX_PAIR_SCORE = 1;

export type RoundWorker = {
  id: string;
  /** At most this many challenges for this worker in the round (a whole number ≥ 1). */
  capacity: number;
};

export type RoundChallenge = {
  id: string;
  /** Places: at most this many workers on this challenge (a whole number ≥ 1). */
  capacity: number;
  /** The 6-digit 全国地方公共団体コード of the local government offering the challenge. */
  municipality: string;
};

/** One allowed pair. A pair that is not listed is never assigned. */
export type RoundScore = {
  worker: string;
  challenge: string;
  /**
   * How good the pair is, from −1 to 1. The scorer gives 0–1; a coordinator may mark a pair as
   * discouraged with a negative score. A pair scoring 0 or less adds nothing, so it is assigned
   * only when the municipality guarantee needs it. The engine optimises scores rounded to six
   * decimal places (pairs closer than that are ties); totals are summed from the scores given.
   */
  score: number;
};

export type RoundInput = {
  workers: RoundWorker[];
  challenges: RoundChallenge[];
  scores: RoundScore[];
  /**
   * Each municipality that offers a challenge in this round gets at least this many matches
   * where the pairs and capacities allow it (0: no guarantee). Meeting the guarantee comes
   * first: the engine maximises the number of guaranteed matches it can give, summed over the
   * municipalities, and only then the total score; a municipality that cannot reach it is
   * reported as a shortfall.
   */
  minPerMunicipality: number;
};
