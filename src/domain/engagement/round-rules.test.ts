import { describe, expect, it } from 'vitest';
import { assignRound } from '../matching/assign-round';
import { smallRound } from '../matching/round-test-fixtures';
import {
  checkRoundAssignments,
  decideRoundChange,
  roundShortfalls,
  sumScores,
  type RoundParticipants,
} from './round-rules';

const round: RoundParticipants = {
  workers: [
    { id: 'w1', capacity: 1 },
    { id: 'w2', capacity: 2 },
  ],
  challenges: [
    { id: 'c1', capacity: 1, municipality: '203211' },
    { id: 'c2', capacity: 2, municipality: '304018' },
    { id: 'full', capacity: 0, municipality: '304018' },
  ],
};

describe('a round’s states', () => {
  it('is edited and published only while it is a proposal', () => {
    expect(decideRoundChange('proposal', 'edit')).toEqual({ ok: true });
    expect(decideRoundChange('proposal', 'publish')).toEqual({ ok: true });
    expect(decideRoundChange('published', 'edit')).toEqual({
      ok: false,
      reason: 'the round is published; only a proposal can be edited',
    });
    expect(decideRoundChange('published', 'publish').ok).toBe(false);
  });
});

describe('a coordinator’s list of pairs', () => {
  it('passes when it keeps to the participants and their capacities', () => {
    expect(
      checkRoundAssignments(round, [
        { workerId: 'w1', challengeId: 'c1' },
        { workerId: 'w2', challengeId: 'c2' },
        { workerId: 'w2', challengeId: 'c1' },
      ]),
    ).toEqual([
      {
        field: 'assignments[2]',
        message: 'gives challenge c1 more than its 1 free place',
      },
    ]);
    expect(checkRoundAssignments(round, [])).toEqual([]);
  });

  it('names each entry that is not in the round, repeats a pair, or goes over a capacity', () => {
    expect(
      checkRoundAssignments(round, [
        { workerId: 'w1', challengeId: 'c1' },
        { workerId: 'w1', challengeId: 'c2' },
        { workerId: 'w9', challengeId: 'c9' },
        { workerId: 'w2', challengeId: 'c2' },
        { workerId: 'w2', challengeId: 'c2' },
        { workerId: 'w2', challengeId: 'full' },
      ]),
    ).toEqual([
      {
        field: 'assignments[1]',
        message: "gives worker w1 more than 1 challenge (the round's capacity per worker)",
      },
      { field: 'assignments[2].workerId', message: 'w9 is not a worker of this round' },
      { field: 'assignments[2].challengeId', message: 'c9 is not a challenge of this round' },
      { field: 'assignments[4]', message: 'the same pair as assignments[3]' },
      {
        field: 'assignments[5]',
        message: 'challenge full had no free place when the round was run',
      },
    ]);
  });

  it('accepts whatever the solver proposes', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const input = smallRound(seed, {
        maxWorkers: 6,
        maxChallenges: 5,
        maxPairs: 20,
        maxCapacity: 3,
        municipalities: 3,
        minPerMunicipality: 1,
      });
      const result = assignRound(input);
      const entries = result.assignments.map((a) => ({
        workerId: a.worker,
        challengeId: a.challenge,
      }));
      expect(checkRoundAssignments(input, entries)).toEqual([]);
      expect(roundShortfalls(input.challenges, entries, input.minPerMunicipality)).toEqual(
        result.shortfalls,
      );
      expect(sumScores(result.assignments.map((a) => a.score))).toBeCloseTo(result.totalScore, 12);
    }
  });
});

describe('shortfalls against the guarantee', () => {
  it('lists the municipalities below it, in order of their first challenge', () => {
    expect(roundShortfalls(round.challenges, [{ workerId: 'w1', challengeId: 'c1' }], 1)).toEqual([
      { municipality: '304018', required: 1, matched: 0 },
    ]);
    expect(roundShortfalls(round.challenges, [], 0)).toEqual([]);
  });

  it('leaves out a municipality whose challenges had no free place', () => {
    const onlyFull = [{ id: 'full', capacity: 0, municipality: '422118' }];
    expect(roundShortfalls(onlyFull, [], 1)).toEqual([]);
  });
});
