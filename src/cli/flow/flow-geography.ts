/**
 * Municipality boundaries for `flow analyze`, from an MLIT N03 TopoJSON file: the point-in-
 * polygon locator, adjacency from the topology, and names for the output. Built once per
 * worker thread (a few hundred milliseconds for the whole country) and kept for every bucket.
 */
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { prefectureOfOrigin } from '../../domain/mobility/disclosure';
import {
  type MunicipalityAdjacency,
  type MunicipalityLocator,
  adjacencyFromTopology,
  boundariesFromN03Features,
  buildMunicipalityLocator,
  n03LocalGovCode,
} from '../../domain/geo/municipality-locator';
import { CliError } from '../cli-errors';

export type FlowGeography = {
  locator: MunicipalityLocator;
  adjacency: MunicipalityAdjacency;
  /** Municipality (and prefecture) code → name, from N03_001 / N03_003 / N03_004. */
  names: ReadonlyMap<string, string>;
  /** Distinct municipality codes with an area. */
  municipalities: number;
};

type N03Properties = {
  N03_001?: string | null;
  N03_003?: string | null;
  N03_004?: string | null;
  N03_007?: string | null;
};

/** The topology's object holding the municipalities: the first collection with N03 codes. */
function municipalityObject(topology: Topology): string | null {
  for (const [name, object] of Object.entries(topology.objects ?? {})) {
    if (object.type !== 'GeometryCollection') continue;
    const geometries = (object as GeometryCollection).geometries as GeometryObject<N03Properties>[];
    if (geometries.some((g) => n03LocalGovCode(g.properties ?? null) !== null)) return name;
  }
  return null;
}

/**
 * Reads and indexes an N03 TopoJSON file, or throws a CliError saying what is wrong with it.
 * @example loadFlowGeography('../shared/data/boundaries/s0010-N03-21_210101_designated_city.json').locator.locate(35.68, 139.77) // '131016'
 */
export function loadFlowGeography(file: string): FlowGeography {
  let topology: Topology;
  try {
    topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : `not a JSON file (${(err as Error).message})`}; --boundaries takes an MLIT N03 TopoJSON file`,
    );
  }
  if (topology?.type !== 'Topology' || typeof topology.objects !== 'object') {
    throw new CliError(
      `${file}: not a TopoJSON topology; --boundaries takes an MLIT N03 TopoJSON file`,
    );
  }
  const objectName = municipalityObject(topology);
  if (objectName === null) {
    throw new CliError(`${file}: no municipality with an N03_007 code in this topology`);
  }
  const collection = topology.objects[objectName] as GeometryCollection;
  const { boundaries } = boundariesFromN03Features(feature(topology, collection).features);
  const locator = buildMunicipalityLocator(boundaries);
  const adjacency = adjacencyFromTopology(topology, objectName, n03LocalGovCode);
  const names = new Map<string, string>();
  for (const g of collection.geometries as GeometryObject<N03Properties>[]) {
    const p: N03Properties | null = g.properties ?? null;
    const code = n03LocalGovCode(p);
    if (code === null || p === null) continue;
    const name = p.N03_004 ?? p.N03_003 ?? null;
    if (name && !names.has(code)) names.set(code, name);
    const prefecture = prefectureOfOrigin(code);
    if (p.N03_001 && !names.has(prefecture)) names.set(prefecture, p.N03_001);
  }
  return { locator, adjacency, names, municipalities: locator.codes.length };
}
