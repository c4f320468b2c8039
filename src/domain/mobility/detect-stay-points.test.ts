import { describe, expect, it } from 'vitest';
import {
  STAY_POINT_PROFILES,
  type StayPointParams,
  type Track,
  detectStayPoints,
} from './detect-stay-points';
import { EARTH_RADIUS_M, sphericalDistanceM } from './spherical-distance';

const MINUTE = 60_000;
const BASE_LAT = 35;
const BASE_LON = 139;
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
const T0 = Date.UTC(2026, 3, 1, 0, 0, 0);

/** A track from [minutes after T0, metres north of the base point] pairs. */
function track(points: [minutes: number, northM: number][]): Track {
  return {
    tsMs: Float64Array.from(points, ([m]) => T0 + m * MINUTE),
    lat: Float64Array.from(points, ([, north]) => BASE_LAT + north / M_PER_DEG),
    lon: Float64Array.from(points, () => BASE_LON),
  };
}

const trackintel = STAY_POINT_PROFILES.trackintel;
const production = STAY_POINT_PROFILES.production;
const withParams = (overrides: Partial<StayPointParams>, base = trackintel) => ({
  ...base,
  ...overrides,
});

describe('detectStayPoints, trackintel profile (sliding method)', () => {
  it('has trackintel’s defaults: 100 m, 5 min, gap 15 min, no last', () => {
    expect(trackintel).toMatchObject({
      distThresholdM: 100,
      timeThresholdMin: 5,
      gapThresholdMin: 15,
      includeLast: false,
      minFixes: 1,
    });
  });

  it('emits the fixes before the first distant one, finishing at that fix’s time', () => {
    const sp = detectStayPoints(
      track([
        [0, 0],
        [2, 10],
        [4, 20],
        [6, 30],
        [7, 500],
        [8, 1000],
      ]),
      trackintel,
    );
    expect(sp).toHaveLength(1);
    expect(sp[0]).toMatchObject({
      startedAtMs: T0,
      finishedAtMs: T0 + 7 * MINUTE,
      nFixes: 4,
      endReason: 'exit',
      firstIndex: 0,
    });
    expect(sp[0]!.lat).toBeCloseTo(BASE_LAT + 15 / M_PER_DEG, 12);
    expect(sp[0]!.lon).toBeCloseTo(BASE_LON, 12);
  });

  it('measures distance from the anchor, not from the previous fix (slow drift ends a stay)', () => {
    // each step is 40 m, under the threshold; the third step is 120 m from the anchor
    const sp = detectStayPoints(
      track([
        [0, 0],
        [3, 40],
        [6, 80],
        [9, 120],
        [20, 5000],
      ]),
      trackintel,
    );
    expect(sp[0]).toMatchObject({ nFixes: 3, finishedAtMs: T0 + 9 * MINUTE });
  });

  it('ends a candidate at a distance exactly equal to the threshold (≥)', () => {
    const t = track([
      [0, 0],
      [6, 73.25],
      [20, 5000],
    ]);
    const exact = sphericalDistanceM(t.lat[0]!, t.lon[0]!, t.lat[1]!, t.lon[1]!);
    const atThreshold = detectStayPoints(t, withParams({ distThresholdM: exact }));
    expect(atThreshold[0]).toMatchObject({ nFixes: 1, finishedAtMs: T0 + 6 * MINUTE });
    const above = detectStayPoints(t, withParams({ distThresholdM: exact + 1e-9 }));
    expect(above[0]).toMatchObject({ nFixes: 2, finishedAtMs: T0 + 20 * MINUTE });
  });

  it('counts a stay that lasted exactly the time threshold (≥), not a millisecond less', () => {
    const exactly = track([
      [0, 0],
      [2, 10],
      [5, 500],
    ]);
    expect(detectStayPoints(exactly, trackintel)).toHaveLength(1);
    const short = { ...exactly, tsMs: Float64Array.of(T0, T0 + 2 * MINUTE, T0 + 5 * MINUTE - 1) };
    expect(detectStayPoints(short, trackintel)).toHaveLength(0);
  });

  it('drops the open candidate at a gap strictly longer than the gap threshold', () => {
    // 15 min exactly is not a gap: the stay holds
    const fifteen = detectStayPoints(
      track([
        [0, 0],
        [15, 10],
        [16, 500],
      ]),
      trackintel,
    );
    expect(fifteen).toEqual([expect.objectContaining({ nFixes: 2, endReason: 'exit' })]);
    // 15 min + 1 ms is: the candidate is dropped and the fix after the gap is the new anchor
    const t = track([
      [0, 0],
      [15, 10],
      [16, 500],
    ]);
    t.tsMs[1] = T0 + 15 * MINUTE + 1;
    t.tsMs[2] = T0 + 16 * MINUTE + 1;
    expect(detectStayPoints(t, trackintel)).toEqual([]);
  });

  it('starts a new candidate after a gap and can find a stay there', () => {
    const sp = detectStayPoints(
      track([
        [0, 0],
        [10, 5],
        [60, 2000], // gap: candidate [0, 10] dropped
        [63, 2010],
        [66, 2020],
        [67, 4000],
      ]),
      trackintel,
    );
    expect(sp).toEqual([
      expect.objectContaining({
        startedAtMs: T0 + 60 * MINUTE,
        finishedAtMs: T0 + 67 * MINUTE,
        nFixes: 3,
      }),
    ]);
  });

  it('makes a single fix followed 5 min later by a distant fix a stay point', () => {
    const sp = detectStayPoints(
      track([
        [0, 0],
        [5, 1000],
      ]),
      trackintel,
    );
    expect(sp).toEqual([
      expect.objectContaining({ startedAtMs: T0, finishedAtMs: T0 + 5 * MINUTE, nFixes: 1 }),
    ]);
  });

  it('leaves the last candidate out unless include_last, then emits it to the last fix', () => {
    const t = track([
      [0, 0],
      [1, 1000],
      [3, 1010],
      [7, 1020],
    ]);
    expect(detectStayPoints(t, trackintel)).toEqual([]);
    expect(detectStayPoints(t, withParams({ includeLast: true }))).toEqual([
      expect.objectContaining({
        startedAtMs: T0 + MINUTE,
        finishedAtMs: T0 + 7 * MINUTE,
        nFixes: 3,
        endReason: 'last',
      }),
    ]);
    // include_last still needs the time threshold: 1 → 5 min is 4 min
    const short = track([
      [0, 0],
      [1, 1000],
      [5, 1010],
    ]);
    expect(detectStayPoints(short, withParams({ includeLast: true }))).toEqual([]);
  });

  it('with zero thresholds and include_last, makes every fix a stay point (trackintel’s sliding_min)', () => {
    const t = track([
      [0, 0],
      [1, 0],
      [2, 50],
      [4, 90],
    ]);
    const sp = detectStayPoints(
      t,
      withParams({ distThresholdM: 0, timeThresholdMin: 0, includeLast: true }),
    );
    expect(sp.map((s) => s.nFixes)).toEqual([1, 1, 1, 1]);
    expect(sp.at(-1)).toMatchObject({ endReason: 'last', startedAtMs: T0 + 4 * MINUTE });
  });

  it('finds nothing with huge thresholds (trackintel’s sliding_max), nor in empty or one-fix tracks', () => {
    const t = track([
      [0, 0],
      [10, 5000],
      [20, 10000],
    ]);
    const huge = withParams({ distThresholdM: Number.MAX_SAFE_INTEGER, timeThresholdMin: 1e12 });
    expect(detectStayPoints(t, huge)).toEqual([]);
    expect(detectStayPoints(track([]), withParams({ includeLast: true }))).toEqual([]);
    expect(detectStayPoints(track([[0, 0]]), withParams({ includeLast: true }))).toEqual([]);
  });

  it('positions a stay point by its distinct member coordinates, not the exiting fix', () => {
    const sp = detectStayPoints(
      track([
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
        [6, 20],
        [8, 900],
      ]),
      trackintel,
    );
    // members: 0, 0, 0, 0, 20 → distinct {0, 20} → mean 10 m north
    expect(sp[0]!.nFixes).toBe(5);
    expect(sp[0]!.lat).toBeCloseTo(BASE_LAT + 10 / M_PER_DEG, 12);
  });

  it('keeps a stay across midnight UTC (and 09:00 JST) as one stay point', () => {
    const start = Date.UTC(2026, 3, 1, 23, 55, 0);
    const t: Track = {
      tsMs: Float64Array.of(start, start + 3 * MINUTE, start + 6 * MINUTE, start + 9 * MINUTE),
      lat: Float64Array.of(BASE_LAT, BASE_LAT, BASE_LAT, BASE_LAT + 0.01),
      lon: Float64Array.of(BASE_LON, BASE_LON, BASE_LON, BASE_LON),
    };
    expect(detectStayPoints(t, trackintel)).toEqual([
      expect.objectContaining({ startedAtMs: start, finishedAtMs: Date.UTC(2026, 3, 2, 0, 4) }),
    ]);
  });

  it('keeps a stay on the antimeridian there (circular mean of longitude)', () => {
    const t: Track = {
      tsMs: Float64Array.of(T0, T0 + 3 * MINUTE, T0 + 6 * MINUTE),
      lat: Float64Array.of(-16.5, -16.5, -17.5),
      lon: Float64Array.of(179.9999, -179.9999, 179),
    };
    const sp = detectStayPoints(t, trackintel);
    expect(sp).toHaveLength(1);
    expect(Math.abs(sp[0]!.lon)).toBeCloseTo(180, 9);
  });
});

describe('detectStayPoints, production profile', () => {
  it('has a 60 min gap, ≥ 2 fixes, gap-closed stays and the last candidate', () => {
    expect(production).toMatchObject({
      gapThresholdMin: 60,
      minFixes: 2,
      emitGapClosed: true,
      includeLast: true,
    });
  });

  it('emits a candidate closed by a gap when it already lasted, finishing at its last fix', () => {
    const sp = detectStayPoints(
      track([
        [0, 0],
        [20, 10],
        [40, 5],
        [200, 3000], // gap of 160 min
        [210, 3005],
      ]),
      production,
    );
    expect(sp[0]).toMatchObject({
      startedAtMs: T0,
      finishedAtMs: T0 + 40 * MINUTE,
      nFixes: 3,
      endReason: 'gap',
    });
    // and the candidate after the gap is the last one: 200 → 210 min
    expect(sp[1]).toMatchObject({ startedAtMs: T0 + 200 * MINUTE, endReason: 'last', nFixes: 2 });
  });

  it('does not emit a gap-closed candidate that has not lasted the time threshold', () => {
    const sp = detectStayPoints(
      track([
        [0, 0],
        [4, 10],
        [100, 3000],
      ]),
      production,
    );
    expect(sp).toEqual([]);
  });

  it('needs two fixes: a single fix before a distant one or a gap is no stay point', () => {
    expect(
      detectStayPoints(
        track([
          [0, 0],
          [10, 1000],
        ]),
        production,
      ),
    ).toEqual([]);
    expect(
      detectStayPoints(
        track([
          [0, 0],
          [90, 10],
        ]),
        production,
      ),
    ).toEqual([]);
  });

  it('follows a device with sparse pings (every 20 min) that trackintel’s 15 min gap loses', () => {
    const sparse = track([
      [0, 0],
      [20, 15],
      [40, 5],
      [60, 10],
      [80, 2000],
    ]);
    expect(detectStayPoints(sparse, trackintel)).toEqual([]);
    expect(detectStayPoints(sparse, production)).toEqual([
      expect.objectContaining({
        startedAtMs: T0,
        finishedAtMs: T0 + 80 * MINUTE,
        nFixes: 4,
        endReason: 'exit',
      }),
    ]);
  });

  it('still ends stays by distance (exit) like the sliding method', () => {
    const sp = detectStayPoints(
      track([
        [0, 0],
        [3, 10],
        [6, 20],
        [7, 800],
      ]),
      production,
    );
    expect(sp).toEqual([
      expect.objectContaining({ nFixes: 3, endReason: 'exit', finishedAtMs: T0 + 7 * MINUTE }),
    ]);
  });
});
