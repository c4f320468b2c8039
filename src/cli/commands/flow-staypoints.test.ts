import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { STAY_POINT_PROFILES } from '../../domain/mobility/detect-stay-points';
import type { TimeFormat } from '../flow/fix-chunk-parser';
import { type RejectReport, runStaypoints } from '../flow/run-staypoints';

const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-flow-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, `${files++}-${name}`);
  writeFileSync(file, content);
  return file;
}

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, ['bin/tsunagu.js', 'flow', 'staypoints', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

async function run(
  input: string,
  options: { timeFormat?: TimeFormat; workers?: number; production?: boolean } = {},
) {
  const output = `${input}.out.csv`;
  const profile = options.production ? 'production' : 'trackintel';
  const summary = await runStaypoints({
    input,
    timeFormat: options.timeFormat ?? 'auto',
    profile,
    params: STAY_POINT_PROFILES[profile],
    cleaning: { maxAccuracyM: options.production ? 100 : Infinity },
    output,
    workers: options.workers,
  });
  const report = JSON.parse(readFileSync(summary.rejectsPath, 'utf8')) as RejectReport;
  return { csv: readFileSync(output, 'utf8'), report, summary };
}

const BASE = Date.UTC(2026, 3, 1, 23, 50); // 08:50 JST, 10 minutes before midnight UTC
const MINUTE = 60_000;

/** Three devices: a stay, a walk, a stay; pings every minute; as [device, ms, lat, lon]. */
function traces(): [string, number, number, number][] {
  const rows: [string, number, number, number][] = [];
  for (const [d, device] of ['dev-b', 'dev-a', 'dev-c'].entries()) {
    const lat0 = 35 + d * 0.1;
    for (let m = 0; m < 40; m++) {
      const lat = lat0 + (m < 15 ? 0 : m < 22 ? (m - 14) * 0.002 : 0.016) + (m % 3) * 1e-6;
      rows.push([device, BASE + m * MINUTE, lat, 139.7]);
    }
  }
  return rows;
}

const iso = (ms: number) => {
  const local = new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+09:00`;
};

function csvOf(rows: [string, number, number, number][], time: (ms: number) => string): string {
  return `device_id,timestamp,lat,lon\n${rows.map(([d, t, lat, lon]) => `${d},${time(t)},${lat},${lon}`).join('\n')}\n`;
}

/** A deterministic shuffle. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('tsunagu flow staypoints on CSV', () => {
  it('writes stay points ordered by device id then start, in UTC with Z, across midnight', async () => {
    const { csv, report } = await run(write('pings.csv', csvOf(traces(), iso)));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('device_id,started_at,finished_at,lat,lon,n_fixes,end_reason');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['dev-a', 'dev-b', 'dev-c']);
    // the stay from 23:50 UTC to the first fix ≥ 100 m away (23:50 + 15 min = 00:05 next day)
    expect(lines[1]).toBe(
      'dev-a,2026-04-01T23:50:00Z,2026-04-02T00:05:00Z,35.100001000,139.700000000,15,exit',
    );
    expect(report).toMatchObject({ lines: 120, rows: 120, fixes: 120, devices: 3, stayPoints: 3 });
    expect(report.rejected.total).toBe(0);
  });

  it('reads rows in any order: a shuffled file gives the same stay points', async () => {
    const sorted = await run(write('sorted.csv', csvOf(traces(), iso)));
    const mixed = await run(write('shuffled.csv', csvOf(shuffled(traces()), iso)));
    expect(mixed.csv).toBe(sorted.csv);
  });

  it('reads epoch milliseconds and epoch seconds (detected) like ISO 8601 with offset', async () => {
    const fromIso = await run(write('iso.csv', csvOf(traces(), iso)));
    const fromMs = await run(
      write(
        'ms.csv',
        csvOf(traces(), (t) => String(t)),
      ),
    );
    const fromS = await run(
      write(
        's.csv',
        csvOf(traces(), (t) => String(t / 1000)),
      ),
    );
    expect(fromMs.csv).toBe(fromIso.csv);
    expect(fromS.csv).toBe(fromIso.csv);
    expect(fromMs.report.timestamps).toBe('epoch milliseconds');
    expect(fromS.report.timestamps).toBe('epoch seconds');
    expect(fromIso.report.timestamps).toBe('ISO 8601 with offset');
  });

  it('reads a gzip file (known by its magic bytes, whatever its name) like the plain one', async () => {
    const text = csvOf(traces(), iso);
    const plain = await run(write('plain.csv', text));
    const zipped = await run(write('zipped.data', gzipSync(text)));
    expect(zipped.csv).toBe(plain.csv);
  });

  it('reads quoted fields, CRLF line endings, a BOM, columns in another order and accuracy', async () => {
    const text =
      '\uFEFFlat,"device_id",timestamp,lon,accuracy\r\n' +
      traces()
        .map(([d, t, lat, lon], i) => `${lat},"${d}",${iso(t)},${lon},${i % 2 ? '' : '12.5'}`)
        .join('\r\n');
    const quoted = await run(write('quoted.csv', text));
    const plain = await run(write('plain.csv', csvOf(traces(), iso)));
    expect(quoted.csv).toBe(plain.csv);
  });

  it('lists every rejected line by reason, with its line number, and still detects the rest', async () => {
    const good = csvOf(traces(), iso).trimEnd().split('\n');
    const text = [
      ...good.slice(0, 3), // header + lines 2, 3
      'dev-x,2026-04-02T09:00:00+09:00,95.5,139', // 4: latitude out of range
      'dev-x,2026-04-02T09:00:00+09:00,35,-181', // 5: longitude out of range
      'dev-x,2026-04-02T09:00:00+09:00,0,0', // 6: (0, 0)
      'dev-x,2026-04-02T09:00:00+09:00,NaN,139', // 7: not finite
      'dev-x,2026-04-02T09:00:00+09:00,north,139', // 8: not a number
      'dev-x,2026-04-31T09:00:00+09:00,35,139', // 9: no such date
      'dev-x,2026-04-02T09:00:00+09:00,35', // 10: a field missing
      ',2026-04-02T09:00:00+09:00,35,139', // 11: no device
      '', // 12: empty line
      good[2]!, // 13: an exact duplicate of line 3
      ...good.slice(3),
    ].join('\n');
    const { report, csv } = await run(write('rejects.csv', text));
    const byReason = Object.fromEntries(
      Object.entries(report.rejected.byReason).map(([reason, r]) => [reason, r!.lines]),
    );
    expect(byReason).toEqual({
      lat_out_of_range: [4],
      lon_out_of_range: [5],
      null_island: [6],
      non_finite: [7],
      bad_lat: [8],
      bad_timestamp: [9],
      field_count: [10],
      empty_device_id: [11],
      empty_line: [12],
      duplicate: [13],
    });
    expect(report.rejected.total).toBe(10);
    expect(report.rejected.byReason.duplicate!.stage).toBe('clean');
    expect(report.rejected.byReason.bad_lat!.stage).toBe('read');
    expect(report.fixes).toBe(120);
    expect(csv.trimEnd().split('\n')).toHaveLength(4);
  });

  it('gives line numbers across chunks and the same result in worker threads', async () => {
    // ≈ 12 MB: two chunks of the reader, several buckets, two workers
    const rows: string[] = ['device_id,timestamp,lat,lon,accuracy'];
    for (let i = 0; i < 200_000; i++) {
      const device = `device-${i % 500}`;
      const t = BASE + Math.floor(i / 500) * MINUTE;
      const lat = 35 + (i % 500) * 0.01 + (Math.floor(i / 500) % 50 < 25 ? 0 : 0.005);
      rows.push(`${device},${iso(t)},${lat.toFixed(7)},139.7000000,${(i % 40) + 1}.5`);
    }
    rows[150_000] = 'device-0,2026-04-02T09:00:00+09:00,35,200,5'; // line 150,001
    const file = write('big.csv', `${rows.join('\n')}\n`);
    const inline = await run(file, { workers: 0 });
    const threads = await run(file, { workers: 2 });
    expect(threads.summary.workers).toBe(2);
    expect(threads.csv).toBe(inline.csv);
    expect(threads.report.rejected.byReason.lon_out_of_range!.lines).toEqual([150_001]);
    expect(inline.report.rejected.byReason.lon_out_of_range!.lines).toEqual([150_001]);
    expect(threads.report.stayPoints).toBeGreaterThan(500);
  }, 60_000);

  it('runs the production profile: sparse pings, gap-closed stays, last candidate', async () => {
    const rows: [string, number, number, number][] = [];
    for (let m = 0; m <= 100; m += 20) rows.push(['sparse', BASE + m * MINUTE, 35, 139]);
    rows.push(['sparse', BASE + 300 * MINUTE, 35, 139]); // after a 200 min gap
    rows.push(['sparse', BASE + 320 * MINUTE, 35, 139]);
    const file = write('sparse.csv', csvOf(rows, iso));
    const trackintel = await run(file);
    const production = await run(file, { production: true });
    expect(trackintel.csv.trimEnd().split('\n')).toHaveLength(1);
    expect(production.csv.trimEnd().split('\n').slice(1)).toEqual([
      'sparse,2026-04-01T23:50:00Z,2026-04-02T01:30:00Z,35.000000000,139.000000000,6,gap',
      'sparse,2026-04-02T04:50:00Z,2026-04-02T05:10:00Z,35.000000000,139.000000000,2,last',
    ]);
    expect(production.report.profile).toBe('production');
    expect(production.report.parameters.gapThresholdMin).toBe(60);
  });
});

describe('tsunagu flow staypoints (command line)', () => {
  it('writes the CSV and the reject report and sums up on stderr', () => {
    const input = write('cli.csv', csvOf(traces(), iso));
    const output = path.join(dir, 'cli-out.csv');
    const res = cli('--input', input, '--output', output, '--profile', 'trackintel');
    expect(res.stderr).toMatch(
      /120 lines, 120 rows, 120 fixes after cleaning, 3 devices → 3 stay points/,
    );
    expect(res.stderr).toMatch(/profile trackintel: distance 100 m, time 5 min, gap 15 min/);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(readFileSync(output, 'utf8').split('\n')[0]).toBe(
      'device_id,started_at,finished_at,lat,lon,n_fixes,end_reason',
    );
    expect(existsSync(`${output}.rejects.json`)).toBe(true);
  }, 60_000);

  it('takes the thresholds and include-last from flags', () => {
    const input = write('flags.csv', csvOf(traces(), iso));
    const output = path.join(dir, 'flags-out.csv');
    const res = cli(
      '--input',
      input,
      '--output',
      output,
      '--dist-threshold',
      '2000',
      '--time-threshold',
      '10',
      '--gap-threshold',
      '30',
      '--include-last',
    );
    expect(res.code).toBe(0);
    const report = JSON.parse(readFileSync(`${output}.rejects.json`, 'utf8')) as RejectReport;
    expect(report.parameters).toMatchObject({
      distThresholdM: 2000,
      timeThresholdMin: 10,
      gapThresholdMin: 30,
      includeLast: true,
    });
    // 2 km is never left: each device's whole trace is its last stay point
    expect(
      readFileSync(output, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').at(-1)),
    ).toEqual(['last', 'last', 'last']);
  }, 60_000);

  function expectRefused(res: ReturnType<typeof cli>, message: RegExp, output: string) {
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(message);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false);
  }

  it('refuses a file with the wrong columns, naming them', () => {
    const input = write('columns.csv', 'device,time,lat,lng\nd1,2026-04-02T09:00:00Z,35,139\n');
    const output = path.join(dir, 'columns-out.csv');
    expectRefused(
      cli('--input', input, '--output', output),
      /line 1: wrong columns \(unknown column\(s\) "device", "time", "lng"; missing device_id, timestamp, lon\)/,
      output,
    );
  }, 60_000);

  it('refuses a broken gzip file and writes nothing', () => {
    const zipped = gzipSync(csvOf(traces(), iso));
    const input = write('broken.csv.gz', zipped.subarray(0, Math.floor(zipped.length / 2)));
    const output = path.join(dir, 'broken-out.csv');
    expectRefused(cli('--input', input, '--output', output), /broken gzip file/, output);
  }, 60_000);

  it('refuses mixed timestamp formats, naming the first line that differs', () => {
    const rows = csvOf(traces(), iso).trimEnd().split('\n');
    rows[4] = `dev-b,${BASE + 3 * MINUTE},35,139.7`; // line 5: epoch ms among ISO
    rows[9] = `dev-b,${(BASE + 8 * MINUTE) / 1000},35,139.7`; // line 10: epoch s
    const input = write('mixed.csv', `${rows.join('\n')}\n`);
    const output = path.join(dir, 'mixed-out.csv');
    expectRefused(
      cli('--input', input, '--output', output),
      /line 5: timestamp "\d+" is epoch milliseconds, but the file's timestamps are ISO 8601 with offset \(from line 2\)/,
      output,
    );
  }, 60_000);

  it('refuses epoch seconds mixed with milliseconds unless --time-format states the unit', () => {
    const rows = csvOf(traces(), (t) => String(t))
      .trimEnd()
      .split('\n');
    rows[3] = `dev-b,1,35,139.7`; // line 4: "1" reads as seconds in a file of milliseconds
    const input = write('units.csv', `${rows.join('\n')}\n`);
    const output = path.join(dir, 'units-out.csv');
    expectRefused(
      cli('--input', input, '--output', output),
      /line 4: .* epoch seconds.*--time-format epoch-ms/,
      output,
    );
    const stated = cli('--input', input, '--output', output, '--time-format', 'epoch-ms');
    expect(stated.code).toBe(0);
  }, 60_000);

  it('refuses ISO timestamps without an offset', () => {
    const input = write(
      'local.csv',
      'device_id,timestamp,lat,lon\nd1,2026-04-02T09:00:00,35,139\n',
    );
    const output = path.join(dir, 'local-out.csv');
    expectRefused(
      cli('--input', input, '--output', output),
      /line 2: .* has no UTC offset/,
      output,
    );
  }, 60_000);

  it('refuses unknown options values and a missing input', () => {
    const output = path.join(dir, 'none.csv');
    expectRefused(
      cli('--input', 'nope.csv', '--output', output),
      /nope\.csv: no such file/,
      output,
    );
    expectRefused(
      cli('--input', 'nope.csv', '--output', output, '--profile', 'fast'),
      /--profile must be one of trackintel, production/,
      output,
    );
    expectRefused(
      cli('--input', 'nope.csv', '--output', output, '--dist-threshold', '-5'),
      /--dist-threshold must be a number of metres ≥ 0/,
      output,
    );
  }, 60_000);
});
