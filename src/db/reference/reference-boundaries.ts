import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { GeoJsonProperties, Position } from 'geojson';
import {
  isInJapanBounds,
  mergeBoundaries,
  roundBoundary,
  type BoundaryGeometry,
  type LngLat,
} from '../../domain/geo/boundary-geometry';
import { toLocalGovCode } from '../../domain/geo/local-gov-code';
import type {
  BoundaryRecord,
  BoundarySet,
  InputProblem,
  Parsed,
  SkippedItem,
} from './reference-records';

/** N03 attributes: N03_001 prefecture, N03_002–004 sub-prefecture, district/city, municipality or ward, N03_007 JIS code. */
type N03Properties = {
  N03_001?: unknown;
  N03_002?: unknown;
  N03_003?: unknown;
  N03_004?: unknown;
  N03_007?: unknown;
};

const COORDINATE_DECIMALS = 6;

function isTopology(value: unknown): value is Topology {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.type === 'Topology' &&
    typeof v.objects === 'object' &&
    v.objects !== null &&
    Array.isArray(v.arcs)
  );
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;

function describe(p: N03Properties): string {
  return [p.N03_001, p.N03_002, p.N03_003, p.N03_004].map(text).filter(Boolean).join(' ');
}

function toBoundary(g: { type: string; coordinates?: unknown } | null): BoundaryGeometry | null {
  if (!g) return null;
  const position = (p: Position): LngLat => [Number(p[0]), Number(p[1])];
  if (g.type === 'Polygon') {
    const rings = g.coordinates as Position[][];
    return { type: 'Polygon', coordinates: rings.map((r) => r.map(position)) };
  }
  if (g.type === 'MultiPolygon') {
    const polygons = g.coordinates as Position[][][];
    return {
      type: 'MultiPolygon',
      coordinates: polygons.map((p) => p.map((r) => r.map(position))),
    };
  }
  return null;
}

function outsideJapan(g: BoundaryGeometry): LngLat | undefined {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const bad = ring.find(([lng, lat]) => !isInJapanBounds(lat, lng));
      if (bad) return bad;
    }
  }
  return undefined;
}

type Feature = {
  where: string;
  properties: N03Properties;
  object: GeometryObject<GeoJsonProperties>;
};

/**
 * Reads an N03 administrative-area TopoJSON (such as smartnews-smri/japan-topography's) into one
 * boundary per place. Municipality files are keyed by N03_007 (5-digit JIS code, to which the
 * check digit is added); prefecture files, which carry only N03_001, by prefecture name. Pieces
 * of one place (islands) are merged. Features without a code (所属未定地, land whose municipality
 * is undecided) or whose geometry vanished in simplification are skipped and listed; a file that
 * is not TopoJSON, or a malformed code or geometry, rejects the whole file.
 * @example parseBoundaryTopology(text, 's0010-N03-21_210101_designated_city.json') // → 1,751 features, 1,747 boundaries
 */
export function parseBoundaryTopology(json: string, source: string): Parsed<BoundarySet> {
  let topology: unknown;
  try {
    topology = JSON.parse(json);
  } catch (err) {
    return {
      ok: false,
      problems: [{ where: source, message: `not JSON: ${(err as Error).message}` }],
    };
  }
  if (!isTopology(topology)) {
    return {
      ok: false,
      problems: [
        {
          where: source,
          message: 'not a TopoJSON Topology (expected "type": "Topology" with objects and arcs)',
        },
      ],
    };
  }
  const objectNames = Object.keys(topology.objects);
  const features: Feature[] = [];
  for (const name of objectNames) {
    const object = topology.objects[name];
    if (object?.type !== 'GeometryCollection') continue;
    object.geometries.forEach((g, i) => {
      features.push({
        where: objectNames.length > 1 ? `${source} ${name} feature ${i}` : `${source} feature ${i}`,
        properties: (g.properties ?? {}) as N03Properties,
        object: g,
      });
    });
  }
  if (features.length === 0) {
    return {
      ok: false,
      problems: [{ where: source, message: 'no GeometryCollection with features in the topology' }],
    };
  }
  const level = features.some((f) => 'N03_007' in f.properties)
    ? 'municipality'
    : features.every((f) => text(f.properties.N03_001) !== null)
      ? 'prefecture'
      : null;
  if (!level) {
    return {
      ok: false,
      problems: [
        {
          where: source,
          message:
            'features carry neither N03_007 (municipality code) nor N03_001 (prefecture): not N03 data',
        },
      ],
    };
  }

  const problems: InputProblem[] = [];
  const skipped: SkippedItem[] = [];
  const pieces = new Map<string, { where: string[]; name: string; parts: BoundaryGeometry[] }>();
  for (const f of features) {
    const name = describe(f.properties);
    let key: string;
    if (level === 'municipality') {
      const jis = f.properties.N03_007;
      if (jis === null || jis === undefined || jis === '') {
        skipped.push({
          where: f.where,
          code: null,
          name,
          reason: 'no municipality code (N03_007 is empty)',
        });
        continue;
      }
      if (typeof jis !== 'string' || !/^\d{5}$/.test(jis)) {
        problems.push({
          where: f.where,
          message: `N03_007 ${JSON.stringify(jis)} is not a 5-digit JIS code`,
        });
        continue;
      }
      key = toLocalGovCode(jis);
    } else {
      key = text(f.properties.N03_001) ?? '';
    }
    const type: string | null = f.object.type;
    if (type === null) {
      skipped.push({
        where: f.where,
        code: level === 'municipality' ? key : null,
        name,
        reason: 'no geometry (it vanished when the file was simplified)',
      });
      continue;
    }
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push({
        where: f.where,
        message: `geometry ${type} is not a Polygon or MultiPolygon`,
      });
      continue;
    }
    let geometry: BoundaryGeometry | null;
    try {
      const converted = feature(topology, f.object);
      geometry = toBoundary('geometry' in converted ? converted.geometry : null);
    } catch (err) {
      problems.push({ where: f.where, message: `unreadable geometry: ${(err as Error).message}` });
      continue;
    }
    if (!geometry || mergeBoundaries([geometry]) === null) {
      skipped.push({
        where: f.where,
        code: level === 'municipality' ? key : null,
        name,
        reason: 'no geometry (it vanished when the file was simplified)',
      });
      continue;
    }
    const stray = outsideJapan(geometry);
    if (stray) {
      problems.push({
        where: f.where,
        message: `position ${stray.join(', ')} lies outside Japan (not longitude/latitude?)`,
      });
      continue;
    }
    const entry = pieces.get(key) ?? { where: [], name, parts: [] };
    entry.where.push(f.where);
    entry.parts.push(geometry);
    pieces.set(key, entry);
  }
  if (problems.length > 0) return { ok: false, problems };

  const records: BoundaryRecord[] = [];
  for (const [key, entry] of pieces) {
    // Non-empty parts (checked above) always merge into a geometry.
    const merged = mergeBoundaries(entry.parts);
    if (!merged) continue;
    const shown = entry.where.slice(0, 3).join(', ');
    records.push({
      where:
        entry.where.length > 3 ? `${shown} and ${entry.where.length - 3} more features` : shown,
      key,
      name: entry.name,
      geometry: roundBoundary(merged, COORDINATE_DECIMALS),
    });
  }
  return { ok: true, value: { level, featureCount: features.length, records }, skipped };
}
