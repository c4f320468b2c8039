import { describe, expect, it } from 'vitest';
import { validateRoundInput } from './validate-round-input';

/** The example round, plus a second worker and challenge. */
function example(): Record<string, unknown> {
  return {
    workers: [
      { id: 'w1', capacity: 1 },
      { id: 'w2', capacity: 2 },
    ],
    challenges: [
      { id: 'c1', capacity: 2, municipality: '131016' },
      { id: 'c2', capacity: 1, municipality: '271276' },
    ],
    scores: [
      { worker: 'w1', challenge: 'c1', score: 0.83 },
      { worker: 'w2', challenge: 'c2', score: 0.5 },
    ],
    minPerMunicipality: 0,
  };
}

function problemsOf(raw: unknown): string[] {
  const result = validateRoundInput(raw);
  return result.ok ? [] : result.problems;
}

describe('validateRoundInput', () => {
  it('accepts the issue’s example and returns it typed', () => {
    const result = validateRoundInput(example());
    expect(result).toEqual({ ok: true, input: example() });
  });

  it('takes a missing minPerMunicipality as 0', () => {
    const round = example();
    delete round.minPerMunicipality;
    const result = validateRoundInput(round);
    expect(result.ok && result.input.minPerMunicipality).toBe(0);
  });

  it('rejects anything but an object', () => {
    expect(problemsOf([])).toEqual(['input: must be a JSON object']);
    expect(problemsOf(null)).toEqual(['input: must be a JSON object']);
  });

  it('rejects a round with no pair at all, which has nothing to assign', () => {
    expect(problemsOf({ ...example(), scores: [] })).toEqual([
      'scores: must list at least one worker/challenge pair',
    ]);
    expect(problemsOf({ ...example(), scores: undefined })).toEqual([
      'scores: must list at least one worker/challenge pair',
    ]);
  });

  it('rejects a round without workers or challenges', () => {
    const problems = problemsOf({ workers: [], challenges: {}, scores: [] });
    expect(problems).toContain('workers: must list at least one worker');
    expect(problems).toContain('challenges: must list at least one challenge');
  });

  it('names each worker whose capacity is not a whole number ≥ 1', () => {
    const round = example();
    round.workers = [
      { id: 'w1', capacity: 1 },
      { id: 'w2', capacity: 2 },
      { id: 'w3', capacity: 0 },
      { id: 'w4', capacity: 1.5 },
      { id: 'w5' },
    ];
    expect(problemsOf(round)).toEqual([
      'workers[2].capacity: must be a whole number ≥ 1, got 0',
      'workers[3].capacity: must be a whole number ≥ 1, got 1.5',
      'workers[4].capacity: must be a whole number ≥ 1, got missing',
    ]);
  });

  it('names duplicate and empty ids', () => {
    const round = example();
    round.workers = [
      { id: 'w1', capacity: 1 },
      { id: 'w2', capacity: 1 },
      { id: 'w1', capacity: 1 },
      { id: ' ', capacity: 1 },
    ];
    round.challenges = [
      { id: 'c1', capacity: 1, municipality: '131016' },
      { id: 'c2', capacity: 1, municipality: '271276' },
      { id: 'c1', capacity: 1, municipality: '131016' },
    ];
    expect(problemsOf(round)).toEqual([
      'workers[2].id: "w1" is already workers[0]',
      'workers[3].id: must be a non-empty string, got " "',
      'challenges[2].id: "c1" is already challenges[0]',
    ]);
  });

  it('names a municipality that is not a 6-digit local-government code, with the right check digit when only that is off', () => {
    const round = example();
    round.challenges = [
      { id: 'c1', capacity: 1, municipality: '131017' },
      { id: 'c2', capacity: 1, municipality: '13101' },
      { id: 'c3', capacity: 1 },
    ];
    round.scores = [{ worker: 'w1', challenge: 'c1', score: 0.5 }];
    expect(problemsOf(round)).toEqual([
      'challenges[0].municipality: not a 6-digit local-government code, got "131017" (the check digit makes it 131016)',
      'challenges[1].municipality: not a 6-digit local-government code, got "13101"',
      'challenges[2].municipality: not a 6-digit local-government code, got missing',
    ]);
  });

  it('names pairs with an unknown worker or challenge, and duplicate pairs', () => {
    const round = example();
    round.scores = [
      { worker: 'w1', challenge: 'c1', score: 0.8 },
      { worker: 'w9', challenge: 'c1', score: 0.8 },
      { worker: 'w2', challenge: 'c7', score: 0.8 },
      { worker: 'w1', challenge: 'c1', score: 0.2 },
    ];
    expect(problemsOf(round)).toEqual([
      'scores[1]: unknown worker "w9"',
      'scores[2]: unknown challenge "c7"',
      'scores[3]: duplicate pair w1/c1 (first at scores[0])',
    ]);
  });

  it('does not call a pair unknown because its worker’s own entry had a problem', () => {
    const round = example();
    round.workers = [
      { id: 'w1', capacity: 0 },
      { id: 'w2', capacity: 1 },
    ];
    expect(problemsOf(round)).toEqual(['workers[0].capacity: must be a whole number ≥ 1, got 0']);
  });

  it('accepts scores from −1 to 1 and names any other', () => {
    const round = example();
    round.workers = [{ id: 'w1', capacity: 1 }];
    round.challenges = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((id) => ({
      id,
      capacity: 1,
      municipality: '131016',
    }));
    round.scores = [-1, 1, 0, 1.01, -2, '0.5', null].map((score, i) => ({
      worker: 'w1',
      challenge: `c${i + 1}`,
      score,
    }));
    expect(problemsOf(round)).toEqual([
      'scores[3].score: must be a finite number from -1 to 1, got 1.01',
      'scores[4].score: must be a finite number from -1 to 1, got -2',
      'scores[5].score: must be a finite number from -1 to 1, got "0.5"',
      'scores[6].score: must be a finite number from -1 to 1, got null',
    ]);
  });

  it('accepts minPerMunicipality 0, 1, 2 … and names anything else', () => {
    for (const m of [0, 1, 2, 10]) {
      expect(problemsOf({ ...example(), minPerMunicipality: m })).toEqual([]);
    }
    expect(problemsOf({ ...example(), minPerMunicipality: -1 })).toEqual([
      'minPerMunicipality: must be a whole number ≥ 0, got -1',
    ]);
    expect(problemsOf({ ...example(), minPerMunicipality: true })).toEqual([
      'minPerMunicipality: must be a whole number ≥ 0, got true',
    ]);
  });

  it('names unknown fields, so a misspelt one is not silently ignored', () => {
    const round = example();
    round.minPerMunicipalty = 1;
    round.workers = [
      { id: 'w1', capacity: 1, capcity: 2 },
      { id: 'w2', capacity: 1 },
    ];
    expect(problemsOf(round)).toEqual([
      'input.minPerMunicipalty: unknown field',
      'workers[0].capcity: unknown field',
    ]);
  });

  it('lists every problem at once', () => {
    expect(
      problemsOf({
        workers: [{ id: 'w1', capacity: -1 }],
        challenges: [{ id: 'c1', capacity: 1, municipality: '999999' }],
        scores: [{ worker: 'w2', challenge: 'c1', score: Number.NaN }],
      }),
    ).toHaveLength(4);
  });
});
