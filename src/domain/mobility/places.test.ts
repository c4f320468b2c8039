import { describe, expect, it } from 'vitest';
import { clusterPlaces } from './places';
import { EARTH_RADIUS_M, sphericalDistanceM } from './spherical-distance';

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
/** A point `north` and `east` metres from 35° N, 139° E. */
const p = (north: number, east = 0) => ({
  lat: 35 + north / M_PER_DEG,
  lon: 139 + east / (M_PER_DEG * Math.cos((35 * Math.PI) / 180)),
});

/** Connected components of "within eps" by brute force, labelled by first index. */
function bruteForce(points: { lat: number; lon: number }[], epsM: number): number[] {
  const label = points.map(() => -1);
  let next = 0;
  for (let i = 0; i < points.length; i++) {
    if (label[i] !== -1) continue;
    label[i] = next;
    const stack = [i];
    while (stack.length > 0) {
      const a = stack.pop()!;
      for (let b = 0; b < points.length; b++) {
        if (label[b] !== -1) continue;
        const d = sphericalDistanceM(
          points[a]!.lat,
          points[a]!.lon,
          points[b]!.lat,
          points[b]!.lon,
        );
        if (d <= epsM) {
          label[b] = next;
          stack.push(b);
        }
      }
    }
    next += 1;
  }
  return label;
}

describe('clusterPlaces (DBSCAN, eps 100 m, min_samples 1)', () => {
  it('joins stay points within 100 m and parts those further', () => {
    const places = clusterPlaces([p(0), p(99.9), p(500), p(500, 99)]);
    expect([...places.placeOf]).toEqual([0, 0, 1, 1]);
    expect(places.count).toBe(2);
    expect([...clusterPlaces([p(0), p(100.1)]).placeOf]).toEqual([0, 1]);
  });

  it('chains: two points 180 m apart are one place through a third between them', () => {
    expect([...clusterPlaces([p(0), p(180), p(90)]).placeOf]).toEqual([0, 0, 0]);
  });

  it('numbers places in order of first visit', () => {
    const places = clusterPlaces([p(1000), p(0), p(1010), p(2000), p(5)]);
    expect([...places.placeOf]).toEqual([0, 1, 0, 2, 1]);
    expect([...places.stayCount]).toEqual([2, 2, 1]);
  });

  it('puts a place at the mean of its stay points', () => {
    const places = clusterPlaces([p(0), p(50)]);
    expect(places.lat[0]).toBeCloseTo(p(25).lat, 12);
    expect(places.lon[0]).toBeCloseTo(139, 12);
  });

  it('agrees with brute force on random scatters, dense and sparse, north and south', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    for (const [baseLat, spreadM, n] of [
      [35, 1500, 400],
      [43, 600, 300],
      [26, 4000, 300],
    ] as const) {
      const points = Array.from({ length: n }, () => ({
        lat: baseLat + (random() * spreadM) / M_PER_DEG,
        lon: 139 + (random() * spreadM) / M_PER_DEG,
      }));
      expect([...clusterPlaces(points).placeOf]).toEqual(bruteForce(points, 100));
    }
  });

  it('spans latitudes without losing neighbours (Okinawa to Hokkaido in one device)', () => {
    const points = [
      { lat: 26.2, lon: 127.68 },
      { lat: 26.2 + 95 / M_PER_DEG, lon: 127.68 },
      { lat: 43.06, lon: 141.35 },
      { lat: 43.06, lon: 141.35 + 99 / (M_PER_DEG * Math.cos((43.06 * Math.PI) / 180)) },
    ];
    expect([...clusterPlaces(points).placeOf]).toEqual([0, 0, 1, 1]);
  });

  it('clusters 20,000 stay points at one home quickly', () => {
    const points = Array.from({ length: 20_000 }, (_, i) => p((i % 97) * 0.3, (i % 89) * 0.3));
    const started = performance.now();
    expect(clusterPlaces(points).count).toBe(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('has no places without stay points', () => {
    expect(clusterPlaces([]).count).toBe(0);
  });
});
