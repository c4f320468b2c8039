import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { GeometryObject, Properties, Topology } from 'topojson-specification';
import type { BoundaryGeometry, PolygonGeometry } from './boundary-geometry';
import { toLocalGovCode } from './local-gov-code';

/** One municipality's area: a 6-digit local-government code and its (multi)polygon. */
export type MunicipalityBoundary = { code: string; geometry: BoundaryGeometry };

/** An MLIT N03 feature as GeoJSON (e.g. from topojson-client's `feature`); only this is read. */
export type N03Feature = {
  properties: { N03_007?: string | null } | null;
  geometry: { type: string } | null;
};

export type N03Boundaries = {
  boundaries: MunicipalityBoundary[];
  /** Features left out: no code (所属未定地, the unassigned lake and sea areas) or no area. */
  skipped: number;
};

/**
 * The 6-digit code of an N03 feature's 5-digit `N03_007`, or null when it has none.
 * @example n03LocalGovCode({ N03_007: '13101' }) // '131016'
 */
export function n03LocalGovCode(properties: { N03_007?: string | null } | null): string | null {
  const jis = properties?.N03_007;
  return typeof jis === 'string' && /^\d{5}$/.test(jis) ? toLocalGovCode(jis) : null;
}

function isBoundaryGeometry(g: { type: string } | null): g is BoundaryGeometry {
  return g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon');
}

/**
 * Municipality boundaries from N03 features: the 5-digit `N03_007` becomes the 6-digit
 * local-government code (with check digit); features without a code or an area are counted,
 * not kept. Several features with one code (islands) stay separate boundaries with that code.
 *
 * @example
 * const { boundaries } = boundariesFromN03Features(feature(topology, topology.objects[name]).features);
 * // boundaries[i] = { code: '131016', geometry: { type: 'Polygon', … } } for N03_007 '13101'
 */
export function boundariesFromN03Features(features: readonly N03Feature[]): N03Boundaries {
  const boundaries: MunicipalityBoundary[] = [];
  let skipped = 0;
  for (const f of features) {
    const code = n03LocalGovCode(f.properties);
    if (code === null || !isBoundaryGeometry(f.geometry)) skipped += 1;
    else boundaries.push({ code, geometry: f.geometry });
  }
  return { boundaries, skipped };
}

/** Finds the municipality of a position; built once, asked millions of times. */
export type MunicipalityLocator = {
  /** The distinct codes of the boundaries, in first-seen order. */
  readonly codes: readonly string[];
  /** The 6-digit code of the municipality holding the position, or null (sea, abroad). */
  locate(latDeg: number, lonDeg: number): string | null;
};

/**
 * A point-in-polygon index over municipality boundaries: a static R-tree (flatbush) over the
 * bounding box of every polygon part picks the candidates, and an exact test decides —
 * turf's `booleanPointInPolygon`, which uses robust orientation predicates and counts a
 * point on an edge as inside, holes honoured. A point on a border shared by two
 * municipalities goes to the one listed first, so the answer never depends on the tree.
 *
 * @example
 * const locator = buildMunicipalityLocator(boundaries);
 * locator.locate(35.681236, 139.767125); // '131016' (千代田区, Tokyo Station)
 * locator.locate(34.5, 139.9); // null (the Pacific)
 */
export function buildMunicipalityLocator(
  boundaries: readonly MunicipalityBoundary[],
): MunicipalityLocator {
  const partPolygons: PolygonGeometry[] = [];
  const partOwner: number[] = [];
  boundaries.forEach((b, i) => {
    const polygons =
      b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
    for (const rings of polygons) {
      if (rings.length === 0 || (rings[0]?.length ?? 0) < 4) continue;
      partPolygons.push({ type: 'Polygon', coordinates: rings });
      partOwner.push(i);
    }
  });
  const codes = [...new Set(boundaries.map((b) => b.code))];
  if (partPolygons.length === 0) return { codes, locate: () => null };

  const index = new Flatbush(partPolygons.length);
  for (const polygon of partPolygons) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of polygon.coordinates[0]!) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();

  return {
    codes,
    locate(latDeg: number, lonDeg: number): string | null {
      if (!Number.isFinite(latDeg) || !Number.isFinite(lonDeg)) return null;
      const candidates = index.search(lonDeg, latDeg, lonDeg, latDeg);
      if (candidates.length > 1) candidates.sort((a, b) => a - b);
      const point: [number, number] = [lonDeg, latDeg];
      for (const part of candidates) {
        if (booleanPointInPolygon(point, partPolygons[part]!)) {
          return boundaries[partOwner[part]!]!.code;
        }
      }
      return null;
    },
  };
}

/** code → the codes of its neighbours (symmetric; a municipality is not its own neighbour). */
export type MunicipalityAdjacency = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Whether two municipalities touch (share a boundary point or edge).
 * @example areAdjacent(adjacency, '131016', '131024') // true: 千代田区 and 中央区
 */
export function areAdjacent(adjacency: MunicipalityAdjacency, a: string, b: string): boolean {
  return adjacency.get(a)?.has(b) ?? false;
}

/** Connects every pair of codes that own one boundary point. */
function adjacencyFromPointOwners(owners: Map<string, Set<string>>): Map<string, Set<string>> {
  const adjacency = new Map<string, Set<string>>();
  for (const codes of owners.values()) {
    if (codes.size < 2) continue;
    for (const a of codes) {
      for (const b of codes) {
        if (a === b) continue;
        let set = adjacency.get(a);
        if (!set) adjacency.set(a, (set = new Set()));
        set.add(b);
      }
    }
  }
  return adjacency;
}

function addOwner(owners: Map<string, Set<string>>, key: string, code: string): void {
  const set = owners.get(key);
  if (set) set.add(code);
  else owners.set(key, new Set([code]));
}

/**
 * Which municipalities touch, from a TopoJSON topology: two areas are adjacent when they share
 * a boundary point. A topology cuts its arcs wherever boundaries meet or part, so a shared
 * edge is a shared arc and a shared corner is a shared arc end — comparing arc endpoints (exact
 * integers in a quantized topology) finds both, with no geometry at all.
 *
 * @example
 * const adjacency = adjacencyFromTopology(topology, 'N03-21_210101', n03LocalGovCode);
 * areAdjacent(adjacency, '131016', '131024'); // true (千代田区 and 中央区)
 */
export function adjacencyFromTopology(
  topology: Topology,
  objectName: string,
  codeOf: (properties: { N03_007?: string | null } | null) => string | null,
): MunicipalityAdjacency {
  const arcs = topology.arcs;
  const quantized = topology.transform !== undefined;
  const endKeys = (arcIndex: number): [string, string] => {
    const arc = arcs[arcIndex] ?? [];
    const first = arc[0] ?? [0, 0];
    let lastX = first[0]!;
    let lastY = first[1]!;
    if (quantized) {
      for (let i = 1; i < arc.length; i++) {
        lastX += arc[i]![0]!;
        lastY += arc[i]![1]!;
      }
    } else {
      const last = arc[arc.length - 1] ?? first;
      lastX = last[0]!;
      lastY = last[1]!;
    }
    return [`${first[0]},${first[1]}`, `${lastX},${lastY}`];
  };
  const memo = new Map<number, [string, string]>();

  const owners = new Map<string, Set<string>>();
  const visit = (geometry: GeometryObject<Properties>) => {
    if (geometry.type === 'GeometryCollection') {
      for (const g of geometry.geometries) visit(g);
      return;
    }
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return;
    const code = codeOf((geometry.properties ?? null) as { N03_007?: string | null } | null);
    if (code === null) return;
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const signed of ring) {
          const arcIndex = signed < 0 ? ~signed : signed;
          let keys = memo.get(arcIndex);
          if (!keys) memo.set(arcIndex, (keys = endKeys(arcIndex)));
          addOwner(owners, keys[0], code);
          addOwner(owners, keys[1], code);
        }
      }
    }
  };
  const object = topology.objects[objectName];
  if (object) visit(object);
  return adjacencyFromPointOwners(owners);
}

/**
 * Which municipalities touch, from plain polygons: two areas are adjacent when a vertex of one
 * is a vertex of the other (coordinates rounded to `decimals` places; 7 ≈ 1 cm). Polygons cut
 * from one topology (N03 as distributed, or topojson-client's output) share their border
 * vertices exactly; for polygons digitised apart, round coarser.
 *
 * @example
 * areAdjacent(adjacencyFromBoundaries(boundaries), '131016', '203211'); // false
 */
export function adjacencyFromBoundaries(
  boundaries: readonly MunicipalityBoundary[],
  decimals = 7,
): MunicipalityAdjacency {
  const f = 10 ** decimals;
  const owners = new Map<string, Set<string>>();
  for (const { code, geometry } of boundaries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const [x, y] of ring)
          addOwner(owners, `${Math.round(x * f)},${Math.round(y * f)}`, code);
      }
    }
  }
  return adjacencyFromPointOwners(owners);
}
