/**
 * bench:flow — stay points from a large CSV through the same path as `tsunagu flow staypoints`
 * (read + parse + partition by device + sort + clean + detect + write), in a fresh process so
 * that its peak RSS is the command's own. The synthetic CSV (see flow-synthetic-pings.ts) is
 * written once into the temp folder and reused by later runs.
 * Target (issue 5): ≥ 1,000,000 fixes per second end to end on the 2-core machine.
 *
 *   npm run bench:flow [-- fixes devices profile]      e.g. npm run bench:flow -- 30000000 30000
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  STAY_POINT_PROFILES,
  type StayPointProfile,
} from '../src/domain/mobility/detect-stay-points';
import { runStaypoints } from '../src/cli/flow/run-staypoints';
import { writeSyntheticPings } from './flow-synthetic-pings';

const TARGET_FIXES_PER_S = 1_000_000;

async function measure(file: string, profile: StayPointProfile): Promise<void> {
  const output = path.join(path.dirname(file), `staypoints-${process.pid}.csv`);
  const started = performance.now();
  const summary = await runStaypoints({
    input: file,
    timeFormat: 'auto',
    profile,
    params: STAY_POINT_PROFILES[profile],
    cleaning: { maxAccuracyM: profile === 'production' ? 100 : Infinity },
    output,
  });
  const seconds = (performance.now() - started) / 1000;
  const r = summary.report;
  const inputBytes = statSync(file).size;
  rmSync(output, { force: true });
  rmSync(summary.rejectsPath, { force: true });
  const fixesPerS = r.lines / seconds;
  console.log(
    JSON.stringify(
      {
        bench: 'flow-staypoints',
        input: file,
        inputMiB: Math.round(inputBytes / 2 ** 20),
        profile,
        workers: summary.workers,
        buckets: summary.buckets,
        lines: r.lines,
        fixesAfterCleaning: r.fixes,
        rejected: r.rejected.total,
        devices: r.devices,
        stayPoints: r.stayPoints,
        seconds: Number(seconds.toFixed(2)),
        phaseSeconds: summary.phaseSeconds,
        fixesPerS: Math.round(fixesPerS),
        mibPerS: Number((inputBytes / 2 ** 20 / seconds).toFixed(1)),
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        targetFixesPerS: TARGET_FIXES_PER_S,
        withinTarget: fixesPerS >= TARGET_FIXES_PER_S,
      },
      null,
      2,
    ),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    await measure(args[1]!, (args[2] ?? 'trackintel') as StayPointProfile);
    return;
  }
  const fixes = Number(args[0] ?? 30_000_000);
  const devices = Number(args[1] ?? 30_000);
  const profile = (args[2] ?? 'trackintel') as StayPointProfile;
  const folder = path.join(tmpdir(), 'tsunagu-bench-flow');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `pings-${fixes}-${devices}.csv`);
  if (!existsSync(file)) {
    const started = performance.now();
    process.stderr.write(`writing ${fixes.toLocaleString('en-US')} synthetic pings to ${file} …\n`);
    const partial = `${file}.partial`;
    writeSyntheticPings(partial, fixes, devices);
    renameSync(partial, file);
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`  written in ${seconds.toFixed(1)} s (kept for later runs)\n`);
  }
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join('bench', 'flow.ts'), '--measure', file, profile],
    { stdio: 'inherit' },
  );
  process.exitCode = child.status ?? 1;
}

await main();
