import { sphericalDistanceM } from './spherical-distance';
import { meanDistinctPosition } from './stay-point-position';

/** The two parameter sets of docs/domain-mobility.md §2; record the profile with every result. */
export type StayPointProfile = 'trackintel' | 'production';

export type StayPointParams = {
  /** A fix at least this far from the candidate's anchor ends the candidate. */
  distThresholdM: number;
  /** A candidate becomes a stay point when it lasted at least this long. */
  timeThresholdMin: number;
  /** Consecutive fixes more than this far apart in time break the candidate. */
  gapThresholdMin: number;
  /** Emit the candidate still open after the last fix (if it lasted). */
  includeLast: boolean;
  /** Emit a candidate broken by a gap when it already lasted, finishing at its last fix. */
  emitGapClosed: boolean;
  /** Fewest fixes a stay point may have. */
  minFixes: number;
};

export const STAY_POINT_PROFILES: Readonly<Record<StayPointProfile, Readonly<StayPointParams>>> =
  Object.freeze({
    // trackintel's generate_staypoints(method='sliding') defaults.
    trackintel: Object.freeze({
      distThresholdM: 100,
      timeThresholdMin: 5,
      gapThresholdMin: 15,
      includeLast: false,
      emitGapClosed: false,
      minFixes: 1,
    }),
    // Sparse commercial pings: a gap does not throw away a stay that already lasted.
    production: Object.freeze({
      distThresholdM: 100,
      timeThresholdMin: 5,
      gapThresholdMin: 60,
      includeLast: true,
      emitGapClosed: true,
      minFixes: 2,
    }),
  });

export type StayPointEndReason = 'exit' | 'gap' | 'last';

export type StayPoint = {
  startedAtMs: number;
  /** exit: the first fix outside; gap and last: the stay point's own last fix. */
  finishedAtMs: number;
  lat: number;
  lon: number;
  /** Member fixes, repeated coordinates included. */
  nFixes: number;
  endReason: StayPointEndReason;
  /** Index of the first member fix in the track. */
  firstIndex: number;
};

/** One device's cleaned fixes in time order (epoch ms UTC, degrees). */
export type Track = { tsMs: Float64Array; lat: Float64Array; lon: Float64Array };

/**
 * Stay points of one device by the sliding method of Li et al. (2008) as trackintel implements
 * it (docs/domain-mobility.md §2). With the anchor `a` (first fix of the open candidate), for
 * each next fix `c`:
 * - `t[c] − t[c−1] > gap` (strictly): the candidate is dropped — or, with `emitGapClosed`,
 *   emitted as fixes a…c−1 finishing at t[c−1] when `t[c−1] − t[a] ≥ time` (reason `gap`);
 *   `c` becomes the anchor;
 * - else if `distance(a, c) ≥ dist`: when `t[c] − t[a] ≥ time` the fixes a…c−1 are a stay point
 *   finishing at t[c] (reason `exit`); either way `c` becomes the anchor;
 * - after the last fix, with `includeLast`: a…last when `t[last] − t[a] ≥ time` (reason `last`).
 * Every stay point also needs `minFixes` members. Position: {@link meanDistinctPosition}.
 * The track must be sorted by time and cleaned (`cleanDeviceFixes`); parameters non-negative.
 *
 * @example
 * const minute = 60_000;
 * const track = {
 *   tsMs: Float64Array.of(0, 2 * minute, 6 * minute, 7 * minute),
 *   lat: Float64Array.of(35.0, 35.0001, 35.0002, 35.01),
 *   lon: Float64Array.of(139.0, 139.0, 139.0, 139.0),
 * };
 * detectStayPoints(track, STAY_POINT_PROFILES.trackintel);
 * // [{ startedAtMs: 0, finishedAtMs: 7 * minute, nFixes: 3, endReason: 'exit', … }]
 */
export function detectStayPoints(track: Track, params: StayPointParams): StayPoint[] {
  const { tsMs, lat, lon } = track;
  const n = tsMs.length;
  const out: StayPoint[] = [];
  if (n === 0) return out;
  const gapMs = params.gapThresholdMin * 60_000;
  const timeMs = params.timeThresholdMin * 60_000;
  const distM = params.distThresholdM;
  const minFixes = params.minFixes;

  const emit = (from: number, to: number, finishedAtMs: number, endReason: StayPointEndReason) => {
    const position = meanDistinctPosition(lat, lon, from, to);
    out.push({
      startedAtMs: tsMs[from]!,
      finishedAtMs,
      lat: position.lat,
      lon: position.lon,
      nFixes: to - from,
      endReason,
      firstIndex: from,
    });
  };

  let anchor = 0;
  let anchorLat = lat[0]!;
  let anchorLon = lon[0]!;
  for (let c = 1; c < n; c++) {
    const t = tsMs[c]!;
    const previous = tsMs[c - 1]!;
    if (t - previous > gapMs) {
      if (params.emitGapClosed && previous - tsMs[anchor]! >= timeMs && c - anchor >= minFixes) {
        emit(anchor, c, previous, 'gap');
      }
      anchor = c;
      anchorLat = lat[c]!;
      anchorLon = lon[c]!;
      continue;
    }
    if (sphericalDistanceM(anchorLat, anchorLon, lat[c]!, lon[c]!) >= distM) {
      if (t - tsMs[anchor]! >= timeMs && c - anchor >= minFixes) emit(anchor, c, t, 'exit');
      anchor = c;
      anchorLat = lat[c]!;
      anchorLon = lon[c]!;
    }
  }
  if (params.includeLast) {
    const last = tsMs[n - 1]!;
    if (last - tsMs[anchor]! >= timeMs && n - anchor >= minFixes) emit(anchor, n, last, 'last');
  }
  return out;
}
