/**
 * mulberry32: a small, fast, seeded generator of numbers in [0, 1). Not for secrets — for what
 * must come out the same on every run: demo data, synthetic benchmark inputs, random test cases
 * and reproducible disclosure noise.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // 0.6011037519201636, on every machine
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
