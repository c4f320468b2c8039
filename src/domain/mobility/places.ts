import { DEG_TO_RAD, EARTH_RADIUS_M, sphericalDistanceM } from './spherical-distance';

/** DBSCAN's eps of docs/domain-mobility.md §3. */
export const PLACE_EPS_M = 100;

const M_PER_DEG = EARTH_RADIUS_M * DEG_TO_RAD;
const RAD_TO_DEG = 180 / Math.PI;

/** One device's places: `placeOf[i]` is stay point i's place, numbered 0… by first visit. */
export type Places = {
  placeOf: Int32Array;
  count: number;
  /** Centre of each place: mean latitude, circular-mean longitude of its stay points. */
  lat: Float64Array;
  lon: Float64Array;
  /** Stay points per place. */
  stayCount: Int32Array;
};

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
}

/**
 * A device's places (docs/domain-mobility.md §3): DBSCAN with eps 100 m and min_samples 1 over
 * its stay points, which is the connected components of "within eps" (distance ≤ eps, by the
 * spec's spherical distance). Places are numbered in order of first visit, so the stay points
 * must come in time order.
 *
 * How: stay points fall in grid cells of side eps/√2 (a hair less), small enough that any two
 * points of one cell are within eps — a cell is one component outright; then each pair of
 * nearby cells is joined (union-find) as soon as one pair of their points is within eps, and
 * skipped when already joined. Memory is O(n); time is about linear for real traces.
 * The longitude cell width uses the device's largest cos(latitude), so the "one cell ⇒ within
 * eps" rule holds at every latitude it visits. Not meant for tracks crossing the antimeridian.
 *
 * @example
 * clusterPlaces([{ lat: 35, lon: 139 }, { lat: 35.0005, lon: 139 }, { lat: 35.0015, lon: 139 }]);
 * // 56 m then 111 m apart → placeOf [0, 0, 1], count 2
 */
export function clusterPlaces(
  stays: readonly { lat: number; lon: number }[],
  epsM: number = PLACE_EPS_M,
): Places {
  const n = stays.length;
  const lat = Float64Array.from(stays, (s) => s.lat);
  const lon = Float64Array.from(stays, (s) => s.lon);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;

  let cosMin = 1;
  let cosMax = 0;
  for (let i = 0; i < n; i++) {
    const c = Math.cos(Math.min(Math.abs(lat[i]!), 89) * DEG_TO_RAD);
    if (c < cosMin) cosMin = c;
    if (c > cosMax) cosMax = c;
  }
  const cellM = (epsM / Math.SQRT2) * 0.999;
  const cellLatDeg = cellM / M_PER_DEG;
  const cellLonDeg = cellM / (M_PER_DEG * cosMax);
  const reachY = Math.ceil(epsM / cellM);
  const reachX = Math.ceil((epsM * cosMax) / (cellM * cosMin));

  // Cells: key → cell id; members of a cell linked through `next`.
  const HALF = 2 ** 19;
  const keyOf = (cy: number, cx: number) => (cy + HALF) * 2 ** 20 + (cx + HALF);
  const cellIds = new Map<number, number>();
  const cellY: number[] = [];
  const cellX: number[] = [];
  const head: number[] = [];
  const next = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const cy = Math.floor(lat[i]! / cellLatDeg);
    const cx = Math.floor(lon[i]! / cellLonDeg);
    const key = keyOf(cy, cx);
    let id = cellIds.get(key);
    if (id === undefined) {
      id = head.length;
      cellIds.set(key, id);
      cellY.push(cy);
      cellX.push(cx);
      head.push(i);
    } else {
      next[i] = head[id]!;
      head[id] = i;
      union(parent, i, next[i]!);
    }
  }

  for (let a = 0; a < head.length; a++) {
    for (let dy = 0; dy <= reachY; dy++) {
      for (let dx = -reachX; dx <= reachX; dx++) {
        if (dy === 0 && dx <= 0) continue; // each pair of cells once
        const b = cellIds.get(keyOf(cellY[a]! + dy, cellX[a]! + dx));
        if (b === undefined || find(parent, head[a]!) === find(parent, head[b]!)) continue;
        let joined = false;
        for (let i = head[a]!; i >= 0 && !joined; i = next[i]!) {
          for (let j = head[b]!; j >= 0; j = next[j]!) {
            if (sphericalDistanceM(lat[i]!, lon[i]!, lat[j]!, lon[j]!) <= epsM) {
              union(parent, i, j);
              joined = true;
              break;
            }
          }
        }
      }
    }
  }

  const label = new Int32Array(n).fill(-1);
  const placeOf = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    if (label[root] === -1) label[root] = count++;
    placeOf[i] = label[root]!;
  }
  const sumLat = new Float64Array(count);
  const sumSin = new Float64Array(count);
  const sumCos = new Float64Array(count);
  const stayCount = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const p = placeOf[i]!;
    sumLat[p] = sumLat[p]! + lat[i]!;
    sumSin[p] = sumSin[p]! + Math.sin(lon[i]! * DEG_TO_RAD);
    sumCos[p] = sumCos[p]! + Math.cos(lon[i]! * DEG_TO_RAD);
    stayCount[p] = stayCount[p]! + 1;
  }
  const centreLat = new Float64Array(count);
  const centreLon = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    centreLat[p] = sumLat[p]! / stayCount[p]!;
    centreLon[p] = Math.atan2(sumSin[p]! / stayCount[p]!, sumCos[p]! / stayCount[p]!) * RAD_TO_DEG;
  }
  return { placeOf, count, lat: centreLat, lon: centreLon, stayCount };
}
