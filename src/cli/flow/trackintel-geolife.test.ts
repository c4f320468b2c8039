/**
 * Stay points on the GeoLife fixtures that trackintel keeps in its tests (shared/data, never
 * copied here), against (1) trackintel's published test expectations, (2) the counts obtained by
 * running trackintel's own sliding code (generate_staypoints → _generate_staypoints_sliding_user,
 * read_geolife, angle_centroid_multipoints; pandas 1.5.3, shapely 1.8.5), and (3) a deliberately
 * plain transcription of that Python loop below, for every stay point's times and position.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STAY_POINT_PROFILES,
  type StayPointParams,
} from '../../domain/mobility/detect-stay-points';
import { runStaypoints } from './run-staypoints';

const DATA = path.resolve('..', 'shared', 'data', 'trajectories');
const DATASETS = ['geolife', 'geolife_long', 'geolife_long_10_MB'] as const;
type Dataset = (typeof DATASETS)[number];

type Fix = { user: string; tsMs: number; lat: number; lon: number; altitude: string };
type RefStayPoint = {
  user: string;
  startedAtMs: number;
  finishedAtMs: number;
  lat: number;
  lon: number;
  n: number;
};

/** trackintel's read_geolife: skip 6 lines, `date time` in UTC, user = folder name. */
function readGeolife(dataset: Dataset): Fix[] {
  const root = path.join(DATA, dataset);
  const fixes: Fix[] = [];
  for (const user of readdirSync(root).sort()) {
    const folder = path.join(root, user, 'Trajectory');
    for (const file of readdirSync(folder).sort()) {
      const lines = readFileSync(path.join(folder, file), 'utf8').split(/\r?\n/).slice(6);
      for (const line of lines) {
        if (line === '') continue;
        const [lat, lon, , altitude, , date, time] = line.split(',');
        fixes.push({
          user,
          tsMs: Date.parse(`${date}T${time}Z`),
          lat: Number(lat),
          lon: Number(lon),
          altitude: altitude!,
        });
      }
    }
  }
  return fixes;
}

/** point_haversine_dist(float_flag=True), written out again on purpose. */
function trackintelDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = (d: number) => d * (Math.PI / 180);
  const x =
    Math.cos(rad(lat1) - rad(lat2)) -
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * (1 - Math.cos(rad(lon1) - rad(lon2)));
  return 6371000 * Math.acos(Math.min(1, Math.max(-1, x)));
}

/** angle_centroid_multipoints over the union (= distinct points) of the members. */
function centroid(members: Fix[]): { lat: number; lon: number } {
  const distinct = new Map<string, Fix>();
  for (const f of members) distinct.set(`${f.lat}|${f.lon}`, f);
  const points = [...distinct.values()];
  const rad = Math.PI / 180;
  const sin = points.reduce((s, p) => s + Math.sin(p.lon * rad), 0) / points.length;
  const cos = points.reduce((s, p) => s + Math.cos(p.lon * rad), 0) / points.length;
  return {
    lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
    lon: Math.atan2(sin, cos) / rad,
  };
}

/** generate_staypoints(method='sliding'): drop_duplicates, per user stable sort, the loop. */
function referenceStayPoints(all: Fix[], p: StayPointParams): RefStayPoint[] {
  const seen = new Set<string>();
  const unique = all.filter((f) => {
    const key = `${f.user}|${f.tsMs}|${f.lat}|${f.lon}|${f.altitude}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const out: RefStayPoint[] = [];
  const users = [...new Set(unique.map((f) => f.user))].sort();
  for (const user of users) {
    const pfs = unique.filter((f) => f.user === user).sort((a, b) => a.tsMs - b.tsMs);
    const emit = (start: number, end: number, finishedAtMs: number) => {
      const c = centroid(pfs.slice(start, end));
      out.push({ user, startedAtMs: pfs[start]!.tsMs, finishedAtMs, ...c, n: end - start });
    };
    let start = 0;
    for (let curr = 1; curr < pfs.length; curr++) {
      if (pfs[curr]!.tsMs - pfs[curr - 1]!.tsMs > p.gapThresholdMin * 60_000) {
        start = curr;
        continue;
      }
      const d = trackintelDistance(
        pfs[start]!.lon,
        pfs[start]!.lat,
        pfs[curr]!.lon,
        pfs[curr]!.lat,
      );
      if (d >= p.distThresholdM) {
        if (pfs[curr]!.tsMs - pfs[start]!.tsMs >= p.timeThresholdMin * 60_000) {
          emit(start, curr, pfs[curr]!.tsMs);
        }
        start = curr;
      }
    }
    if (p.includeLast && pfs.length > 0) {
      const curr = pfs.length - 1;
      if (pfs[curr]!.tsMs - pfs[start]!.tsMs >= p.timeThresholdMin * 60_000) {
        emit(start, pfs.length, pfs[curr]!.tsMs);
      }
    }
  }
  return out;
}

type OutRow = RefStayPoint & { endReason: string };

function parseOutput(csv: string): OutRow[] {
  const [header, ...rows] = csv.trimEnd().split('\n');
  expect(header).toBe('device_id,started_at,finished_at,lat,lon,n_fixes,end_reason');
  return rows.map((row) => {
    const [user, started, finished, lat, lon, n, endReason] = row.split(',');
    return {
      user: user!,
      startedAtMs: Date.parse(started!),
      finishedAtMs: Date.parse(finished!),
      lat: Number(lat),
      lon: Number(lon),
      n: Number(n),
      endReason: endReason!,
    };
  });
}

const params = (
  distThresholdM: number,
  timeThresholdMin: number,
  gapThresholdMin: number,
  includeLast: boolean,
): StayPointParams => ({
  ...STAY_POINT_PROFILES.trackintel,
  distThresholdM,
  timeThresholdMin,
  gapThresholdMin,
  includeLast,
});

/**
 * Stay-point counts from running trackintel's code on the fixtures, per dataset, for
 * (dist m, time min, gap min, include_last).
 */
const TRACKINTEL_COUNTS: [StayPointParams, Record<Dataset, number>][] = [
  [params(100, 5, 15, false), { geolife: 1, geolife_long: 11, geolife_long_10_MB: 343 }],
  [params(100, 5, 15, true), { geolife: 2, geolife_long: 12, geolife_long_10_MB: 345 }],
  [params(25, 5, 15, false), { geolife: 3, geolife_long: 10, geolife_long_10_MB: 277 }],
  [params(50, 3, 5, false), { geolife: 1, geolife_long: 9, geolife_long_10_MB: 427 }],
  [params(50, 10, 20, false), { geolife: 1, geolife_long: 3, geolife_long_10_MB: 150 }],
  [params(200, 10, 30, true), { geolife: 2, geolife_long: 9, geolife_long_10_MB: 224 }],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-flow-geolife-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let runs = 0;
async function ours(
  dataset: Dataset,
  p: StayPointParams,
  threads: { workers?: number; bucketCount?: number } = {},
) {
  const output = path.join(dir, `out-${runs++}.csv`);
  const summary = await runStaypoints({
    input: path.join(DATA, dataset),
    timeFormat: 'auto',
    profile: 'trackintel',
    params: p,
    cleaning: { maxAccuracyM: Infinity },
    output,
    ...threads,
  });
  return { rows: parseOutput(await readFile(output, 'utf8')), summary };
}

function expectSameStayPoints(actual: OutRow[], expected: RefStayPoint[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect(row.user).toBe(want.user);
    expect(row.startedAtMs).toBe(want.startedAtMs);
    expect(row.finishedAtMs).toBe(want.finishedAtMs);
    expect(row.n).toBe(want.n);
    expect(Math.abs(row.lat - want.lat)).toBeLessThan(1e-7);
    expect(Math.abs(row.lon - want.lon)).toBeLessThan(1e-7);
  });
}

describe('stay points on the GeoLife fixtures, trackintel-compatible', () => {
  const fixtures = new Map<Dataset, Fix[]>();
  const fixesOf = (dataset: Dataset) => {
    if (!fixtures.has(dataset)) fixtures.set(dataset, readGeolife(dataset));
    return fixtures.get(dataset)!;
  };

  it.each(DATASETS)(
    'equals trackintel on %s for its defaults and five other parameter sets',
    async (dataset) => {
      for (const [p, counts] of TRACKINTEL_COUNTS) {
        const { rows } = await ours(dataset, p);
        const label = `${dataset} ${p.distThresholdM} m ${p.timeThresholdMin} min gap ${p.gapThresholdMin} last ${p.includeLast}`;
        expect(rows.length, label).toBe(counts[dataset]);
        expectSameStayPoints(rows, referenceStayPoints(fixesOf(dataset), p));
        const reasons = new Set(rows.map((r) => r.endReason));
        expect([...reasons].every((r) => r === 'exit' || (p.includeLast && r === 'last'))).toBe(
          true,
        );
      }
    },
    120_000,
  );

  it('makes every fix a stay point with zero thresholds and include_last (trackintel’s test_sliding_min)', async () => {
    const { rows, summary } = await ours('geolife', params(0, 0, 15, true));
    expect(summary.report.fixes).toBe(244);
    expect(rows.length).toBe(244);
  }, 60_000);

  it('finds none with huge thresholds (test_sliding_max)', async () => {
    const { rows } = await ours(
      'geolife',
      params(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 15, false),
    );
    expect(rows).toEqual([]);
  }, 60_000);

  it('adds exactly the last stay point with include_last (test_include_last)', async () => {
    const without = await ours('geolife', params(100, 5, 15, false));
    const withLast = await ours('geolife', params(100, 5, 15, true));
    expect(withLast.rows.length).toBe(without.rows.length + 1);
    expect(withLast.rows.at(-1)!.endReason).toBe('last');
  }, 60_000);

  it('keeps durations ≥ the time threshold and no gap inside a stay (test_temporal, geolife_long)', async () => {
    const fixes = fixesOf('geolife_long');
    for (const timeMin of [3, 5, 10]) {
      for (const gapMin of [5, 10, 15, 20]) {
        const { rows } = await ours('geolife_long', params(50, timeMin, gapMin, false));
        expect(rows.length).toBeGreaterThan(0);
        for (const sp of rows) {
          expect(sp.finishedAtMs - sp.startedAtMs).toBeGreaterThan(timeMin * 60_000);
          // the last member fix is followed by the next fix within the gap threshold
          const members = fixes.filter(
            (f) => f.user === sp.user && f.tsMs >= sp.startedAtMs && f.tsMs < sp.finishedAtMs,
          );
          const last = Math.max(...members.map((f) => f.tsMs));
          expect(sp.finishedAtMs - last).toBeLessThan(gapMin * 60_000);
        }
      }
    }
  }, 120_000);

  it('counts the 8 exact duplicates of geolife_long_10_MB in the reject report, by file and line', async () => {
    const { summary } = await ours('geolife_long_10_MB', STAY_POINT_PROFILES.trackintel);
    const duplicates = summary.report.rejected.byReason.duplicate!;
    expect(duplicates.count).toBe(8);
    expect(duplicates.stage).toBe('clean');
    expect(duplicates.lines[0]).toMatch(/^010\/Trajectory\/\d+\.plt:\d+$/);
    expect(summary.report.lines).toBe(164_531);
    expect(summary.report.fixes).toBe(164_523);
  }, 60_000);

  it('gives the same result in worker threads, whatever the number of buckets', async () => {
    const p = STAY_POINT_PROFILES.trackintel;
    const inline = await ours('geolife_long_10_MB', p, { workers: 0, bucketCount: 1 });
    const threads = await ours('geolife_long_10_MB', p, { workers: 2, bucketCount: 7 });
    expect(threads.summary.workers).toBe(2);
    expect(threads.rows).toEqual(inline.rows);
    expect(new Set(inline.rows.map((r) => r.user)).size).toBeGreaterThan(1);
  }, 60_000);
});
