import { DEG_TO_RAD } from './spherical-distance';

const RAD_TO_DEG = 180 / Math.PI;

/** A stay point's position: latitude in degrees, longitude in degrees within (−180, 180]. */
export type StayPointPosition = { lat: number; lon: number; distinctCount: number };

// Scratch hash set of coordinate pairs, reused between calls (a pure function still: nothing of
// it is visible outside one call). Slots hold member indices; a slot is live when its stamp is
// the current call's generation, so nothing has to be cleared between calls.
let slots = new Int32Array(0);
let stamps = new Uint32Array(0);
let generation = 0;
const bits64 = new Float64Array(1);
const bits32 = new Uint32Array(bits64.buffer);

function hashPair(lat: number, lon: number): number {
  bits64[0] = lat;
  let h = Math.imul(bits32[0]! ^ 0x9e3779b9, 0x85ebca6b) ^ bits32[1]!;
  bits64[0] = lon;
  h = Math.imul(h ^ bits32[0]!, 0xc2b2ae35) ^ bits32[1]!;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function prepareTable(memberCount: number): number {
  let size = 16;
  while (size < memberCount * 2) size *= 2;
  if (slots.length < size) {
    slots = new Int32Array(size);
    stamps = new Uint32Array(size);
    generation = 0;
  }
  generation += 1;
  if (generation === 0xffffffff) {
    stamps.fill(0);
    generation = 1;
  }
  return size;
}

/**
 * The position of a stay point made of fixes `from`…`to − 1`: the mean of the **distinct**
 * coordinate pairs among them (a phone that repeats one fix 50 times does not weigh 50 times),
 * latitude as the arithmetic mean, longitude as the circular mean
 * `atan2(mean sin λ, mean cos λ)` so that a stay across the antimeridian stays there
 * (docs/domain-mobility.md §2, trackintel's `angle_centroid_multipoints` over the union of points).
 * `−0` and `0` are the same coordinate. Expects finite coordinates and `from < to`.
 *
 * @example
 * const lat = Float64Array.of(35, 35, 36);
 * const lon = Float64Array.of(179, 179, -179);
 * meanDistinctPosition(lat, lon, 0, 3); // { lat: 35.5, lon: 180 (±1e-12), distinctCount: 2 }
 */
export function meanDistinctPosition(
  latDeg: Float64Array,
  lonDeg: Float64Array,
  from: number,
  to: number,
): StayPointPosition {
  const size = prepareTable(to - from);
  const mask = size - 1;
  let count = 0;
  let sumLat = 0;
  let sumSin = 0;
  let sumCos = 0;
  for (let i = from; i < to; i++) {
    const lat = latDeg[i]! + 0; // + 0 turns −0 into 0
    const lon = lonDeg[i]! + 0;
    let slot = hashPair(lat, lon) & mask;
    let seen = false;
    while (stamps[slot] === generation) {
      const j = slots[slot]!;
      if (latDeg[j] === lat && lonDeg[j] === lon) {
        seen = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (seen) continue;
    stamps[slot] = generation;
    slots[slot] = i;
    count += 1;
    sumLat += lat;
    const lonRad = lon * DEG_TO_RAD;
    sumSin += Math.sin(lonRad);
    sumCos += Math.cos(lonRad);
  }
  return {
    lat: sumLat / count,
    lon: Math.atan2(sumSin / count, sumCos / count) * RAD_TO_DEG,
    distinctCount: count,
  };
}
