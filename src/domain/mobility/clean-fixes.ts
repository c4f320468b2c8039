/**
 * Why a fix was dropped by cleaning (docs/domain-mobility.md §1), in the order the rules are
 * applied: a fix is counted under the first rule it breaks.
 */
export const CLEANING_DROP_REASONS = [
  'non_finite',
  'lat_out_of_range',
  'lon_out_of_range',
  'null_island',
  'accuracy',
  'duplicate',
] as const;
export type CleaningDropReason = (typeof CLEANING_DROP_REASONS)[number];

/** One device's fixes as read, in any order. Optional columns take part in "identical". */
export type FixColumns = {
  tsMs: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Metres; NaN = not given (kept). */
  accuracyM?: Float64Array;
  /** Metres; only compared for duplicates (GeoLife has it). */
  altitudeM?: Float64Array;
  /** Input order, for stable sorting and "keep the first"; by default the index. */
  seq?: Float64Array;
};

export type CleaningOptions = {
  /** Drop fixes whose accuracy is worse (larger) than this; Infinity keeps all. */
  maxAccuracyM: number;
};

export type CleanedFixes = {
  /** Indices of the kept fixes, sorted stably by time. */
  kept: Int32Array;
  /** Indices of the dropped fixes, with `reasons[i]` indexing CLEANING_DROP_REASONS. */
  dropped: Int32Array;
  reasons: Uint8Array;
};

const NON_FINITE = 0;
const LAT_RANGE = 1;
const LON_RANGE = 2;
const NULL_ISLAND = 3;
const ACCURACY = 4;
const DUPLICATE = 5;

/** NaN equals NaN here: two rows both without accuracy are identical in that column. */
function sameValue(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * Cleans one device's fixes per docs/domain-mobility.md §1: drops non-finite values,
 * |lat| > 90, |lon| > 180, (0, 0), accuracy worse than `maxAccuracyM` (missing accuracy is kept)
 * and exact duplicates (identical in every column; the first in input order is kept), then
 * sorts the rest stably by time (ties keep input order). Every dropped fix is returned with
 * its reason — nothing disappears without a count.
 *
 * @example
 * const fixes = {
 *   tsMs: Float64Array.of(2000, 1000, 1000, 3000),
 *   lat: Float64Array.of(35, 35, 35, 95),
 *   lon: Float64Array.of(139, 139, 139, 139),
 * };
 * const cleaned = cleanDeviceFixes(fixes, { maxAccuracyM: Infinity });
 * // cleaned.kept = [1, 0]; cleaned.dropped = [3, 2] with reasons lat_out_of_range, duplicate
 */
export function cleanDeviceFixes(fixes: FixColumns, options: CleaningOptions): CleanedFixes {
  const { tsMs, lat, lon, accuracyM, altitudeM, seq } = fixes;
  const n = tsMs.length;
  const candidates: number[] = [];
  const dropped: number[] = [];
  const reasons: number[] = [];
  const maxAccuracyM = options.maxAccuracyM;
  for (let i = 0; i < n; i++) {
    const t = tsMs[i]!;
    const y = lat[i]!;
    const x = lon[i]!;
    let reason = -1;
    if (!Number.isFinite(t) || !Number.isFinite(y) || !Number.isFinite(x)) reason = NON_FINITE;
    else if (y > 90 || y < -90) reason = LAT_RANGE;
    else if (x > 180 || x < -180) reason = LON_RANGE;
    else if (y === 0 && x === 0) reason = NULL_ISLAND;
    else if (accuracyM !== undefined && accuracyM[i]! > maxAccuracyM) reason = ACCURACY;
    if (reason < 0) candidates.push(i);
    else {
      dropped.push(i);
      reasons.push(reason);
    }
  }

  let sorted = true;
  for (let k = 1; k < candidates.length; k++) {
    const a = candidates[k - 1]!;
    const b = candidates[k]!;
    const dt = tsMs[a]! - tsMs[b]!;
    if (dt > 0 || (dt === 0 && seq !== undefined && seq[a]! > seq[b]!)) {
      sorted = false;
      break;
    }
  }
  if (!sorted) {
    // Array.prototype.sort is stable; with `seq` the tie-break is explicit anyway.
    if (seq === undefined) candidates.sort((a, b) => tsMs[a]! - tsMs[b]!);
    else candidates.sort((a, b) => tsMs[a]! - tsMs[b]! || seq[a]! - seq[b]!);
  }

  const kept = new Int32Array(candidates.length);
  let keptCount = 0;
  let runStart = 0; // first kept position whose time equals the current one
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    const t = tsMs[i]!;
    if (keptCount > 0 && tsMs[kept[keptCount - 1]!]! !== t) runStart = keptCount;
    let duplicate = false;
    for (let r = runStart; r < keptCount; r++) {
      const j = kept[r]!;
      if (
        lat[j] === lat[i] &&
        lon[j] === lon[i] &&
        (accuracyM === undefined || sameValue(accuracyM[j]!, accuracyM[i]!)) &&
        (altitudeM === undefined || sameValue(altitudeM[j]!, altitudeM[i]!))
      ) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) {
      dropped.push(i);
      reasons.push(DUPLICATE);
    } else kept[keptCount++] = i;
  }
  return {
    kept: kept.subarray(0, keptCount),
    dropped: Int32Array.from(dropped),
    reasons: Uint8Array.from(reasons),
  };
}
