import { describe, expect, it } from 'vitest';
import {
  addPair,
  entriesOf,
  pairKey,
  pairsPerWorker,
  problemsByPair,
  removePair,
  type DraftPair,
} from './round-draft';

const pair = (workerId: string, challengeId: string, added = false): DraftPair => ({
  workerId,
  workerName: `W ${workerId}`,
  challengeId,
  challengeTitle: `C ${challengeId}`,
  hostName: '軽井沢町',
  score: added ? null : 0.7,
  summary: added ? null : '必須スキル 1 件中 1 件',
  added,
});

describe('round draft', () => {
  it('adds a pair once, removes it, and sends the whole list', () => {
    let draft = [pair('w1', 'c1')];
    draft = addPair(draft, pair('w2', 'c1', true));
    draft = addPair(draft, pair('w2', 'c1', true));
    expect(draft).toHaveLength(2);
    draft = removePair(draft, pairKey({ workerId: 'w1', challengeId: 'c1' }));
    expect(entriesOf(draft)).toEqual([{ workerId: 'w2', challengeId: 'c1' }]);
  });

  it('puts the server’s capacity errors on the pair they name, by position in the list sent', () => {
    const sent = [pair('w1', 'c1'), pair('w1', 'c2', true)];
    const { byPair, general } = problemsByPair(sent, [
      { path: 'body.assignments[1]', message: 'gives worker w1 more than 1 challenge' },
      { path: 'body.assignments[1].challengeId', message: 'c2 is not a challenge of this round' },
      { path: 'body', message: 'something else' },
    ]);
    expect(byPair.get('w1|c2')).toEqual([
      'gives worker W w1 more than 1 challenge',
      '「C c2」 is not a challenge of this round',
    ]);
    expect(byPair.has('w1|c1')).toBe(false);
    expect(general).toEqual(['something else']);
  });

  it('counts the pairs of each worker', () => {
    expect(pairsPerWorker([pair('w1', 'c1'), pair('w1', 'c2'), pair('w2', 'c1')])).toEqual(
      new Map([
        ['w1', 2],
        ['w2', 1],
      ]),
    );
  });
});
