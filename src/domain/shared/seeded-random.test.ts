import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('gives mulberry32’s sequence: the same numbers for the same seed, in [0, 1)', () => {
    expect(seededRandom(42)()).toBe(0.6011037519201636);
    const a = seededRandom(20261121);
    const b = seededRandom(20261121);
    const drawn = Array.from({ length: 1000 }, () => a());
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });

  it('treats a seed by its 32 bits, as the signed variant of the algorithm does', () => {
    expect(seededRandom(-5)()).toBe(seededRandom(2 ** 32 - 5)());
  });
});
