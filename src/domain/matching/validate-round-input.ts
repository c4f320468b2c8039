/**
 * Turns untrusted JSON into a `RoundInput`, or says everything that is wrong with it, each
 * problem naming its entry ('scores[7]: unknown worker "w9"'). A problem is a returned value,
 * never an exception: the CLI prints the list and exits with 2, the API returns it.
 */
import { checkLocalGovCode } from '../geo/local-gov-code';
import {
  MAX_PAIR_SCORE,
  MIN_PAIR_SCORE,
  type RoundChallenge,
  type RoundInput,
  type RoundScore,
  type RoundWorker,
} from './round-input';

export type RoundInputValidation =
  { ok: true; input: RoundInput } | { ok: false; problems: string[] };

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

function isWholeAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function reportUnknownFields(
  fields: Fields,
  allowed: readonly string[],
  path: string,
  problems: string[],
): void {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) problems.push(`${path}.${key}: unknown field`);
  }
}

/**
 * Checks the shape and the sense of a round: ids unique within workers and within challenges,
 * capacities whole numbers ≥ 1, municipality codes with the right check digit, every pair naming
 * a known worker and challenge once, scores from −1 to 1, and at least one pair (a round without
 * one has nothing to assign). `minPerMunicipality` may be left out (0). Unknown fields are
 * problems too, so a misspelt field cannot be silently ignored.
 *
 * @example
 * validateRoundInput({ workers: [{ id: 'w1', capacity: 1 }],
 *   challenges: [{ id: 'c1', capacity: 2, municipality: '131016' }], scores: [] })
 * // → { ok: false, problems: ['scores: must list at least one worker/challenge pair'] }
 */
export function validateRoundInput(raw: unknown): RoundInputValidation {
  const problems: string[] = [];
  if (!isFields(raw)) return { ok: false, problems: ['input: must be a JSON object'] };
  reportUnknownFields(
    raw,
    ['workers', 'challenges', 'scores', 'minPerMunicipality'],
    'input',
    problems,
  );
  const workers = validateWorkers(raw.workers, problems);
  const challenges = validateChallenges(raw.challenges, problems);
  const scores = validateScores(raw.scores, workers.ids, challenges.ids, problems);

  let minPerMunicipality = 0;
  if (raw.minPerMunicipality !== undefined) {
    if (isWholeAtLeast(raw.minPerMunicipality, 0)) {
      minPerMunicipality = raw.minPerMunicipality;
    } else {
      problems.push(
        `minPerMunicipality: must be a whole number ≥ 0, got ${describe(raw.minPerMunicipality)}`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      workers: workers.valid,
      challenges: challenges.valid,
      scores,
      minPerMunicipality,
    },
  };
}

/** Valid entries, and every id seen (even on an entry with another problem). */
type Checked<T> = { valid: T[]; ids: ReadonlyMap<string, number> };

function checkId(
  id: unknown,
  path: string,
  list: string,
  firstIndexOfId: Map<string, number>,
  index: number,
  problems: string[],
): void {
  if (typeof id !== 'string' || id.trim() === '') {
    problems.push(`${path}.id: must be a non-empty string, got ${describe(id)}`);
  } else if (firstIndexOfId.has(id)) {
    problems.push(`${path}.id: "${id}" is already ${list}[${firstIndexOfId.get(id)}]`);
  } else {
    firstIndexOfId.set(id, index);
  }
}

function checkCapacity(capacity: unknown, path: string, problems: string[]): void {
  if (!isWholeAtLeast(capacity, 1)) {
    problems.push(`${path}.capacity: must be a whole number ≥ 1, got ${describe(capacity)}`);
  }
}

function validateWorkers(raw: unknown, problems: string[]): Checked<RoundWorker> {
  const firstIndexOfId = new Map<string, number>();
  const valid: RoundWorker[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('workers: must list at least one worker');
    return { valid, ids: firstIndexOfId };
  }
  raw.forEach((entry: unknown, index) => {
    const path = `workers[${index}]`;
    if (!isFields(entry)) {
      problems.push(`${path}: must be an object`);
      return;
    }
    reportUnknownFields(entry, ['id', 'capacity'], path, problems);
    const before = problems.length;
    checkId(entry.id, path, 'workers', firstIndexOfId, index, problems);
    checkCapacity(entry.capacity, path, problems);
    if (problems.length > before) return;
    valid.push({ id: entry.id as string, capacity: entry.capacity as number });
  });
  return { valid, ids: firstIndexOfId };
}

function validateChallenges(raw: unknown, problems: string[]): Checked<RoundChallenge> {
  const firstIndexOfId = new Map<string, number>();
  const valid: RoundChallenge[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('challenges: must list at least one challenge');
    return { valid, ids: firstIndexOfId };
  }
  raw.forEach((entry: unknown, index) => {
    const path = `challenges[${index}]`;
    if (!isFields(entry)) {
      problems.push(`${path}: must be an object`);
      return;
    }
    reportUnknownFields(entry, ['id', 'capacity', 'municipality'], path, problems);
    const before = problems.length;
    checkId(entry.id, path, 'challenges', firstIndexOfId, index, problems);
    checkCapacity(entry.capacity, path, problems);
    const municipality = entry.municipality;
    const check = typeof municipality === 'string' ? checkLocalGovCode(municipality) : undefined;
    if (check === undefined || !check.valid) {
      const hint =
        check?.reason === 'check_digit' ? ` (the check digit makes it ${check.expectedCode})` : '';
      problems.push(
        `${path}.municipality: not a 6-digit local-government code, got ${describe(municipality)}${hint}`,
      );
    }
    if (problems.length > before) return;
    valid.push({
      id: entry.id as string,
      capacity: entry.capacity as number,
      municipality: municipality as string,
    });
  });
  return { valid, ids: firstIndexOfId };
}

function validateScores(
  raw: unknown,
  workerIds: ReadonlyMap<string, number>,
  challengeIds: ReadonlyMap<string, number>,
  problems: string[],
): RoundScore[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('scores: must list at least one worker/challenge pair');
    return [];
  }
  const valid: RoundScore[] = [];
  /** First index of each pair, keyed by the two ids as JSON (ids may contain any character). */
  const firstIndexOfPair = new Map<string, number>();
  raw.forEach((entry: unknown, index) => {
    const path = `scores[${index}]`;
    if (!isFields(entry)) {
      problems.push(`${path}: must be an object`);
      return;
    }
    reportUnknownFields(entry, ['worker', 'challenge', 'score'], path, problems);
    const before = problems.length;
    const { worker, challenge, score } = entry;
    if (typeof worker !== 'string') {
      problems.push(`${path}.worker: must be a worker id, got ${describe(worker)}`);
    } else if (!workerIds.has(worker)) {
      problems.push(`${path}: unknown worker "${worker}"`);
    }
    if (typeof challenge !== 'string') {
      problems.push(`${path}.challenge: must be a challenge id, got ${describe(challenge)}`);
    } else if (!challengeIds.has(challenge)) {
      problems.push(`${path}: unknown challenge "${challenge}"`);
    }
    if (typeof worker === 'string' && typeof challenge === 'string') {
      const key = JSON.stringify([worker, challenge]);
      const first = firstIndexOfPair.get(key);
      if (first === undefined) {
        firstIndexOfPair.set(key, index);
      } else {
        problems.push(`${path}: duplicate pair ${worker}/${challenge} (first at scores[${first}])`);
      }
    }
    if (
      typeof score !== 'number' ||
      !Number.isFinite(score) ||
      score < MIN_PAIR_SCORE ||
      score > MAX_PAIR_SCORE
    ) {
      problems.push(
        `${path}.score: must be a finite number from ${MIN_PAIR_SCORE} to ${MAX_PAIR_SCORE}, got ${describe(score)}`,
      );
    }
    if (problems.length > before) return;
    valid.push({
      worker: worker as string,
      challenge: challenge as string,
      score: score as number,
    });
  });
  return valid;
}
