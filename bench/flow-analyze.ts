/**
 * bench:flow-analyze — `tsunagu flow analyze` end to end on a large unsorted file of devices
 * living in real municipalities (flow-analyze-synthetic.ts): partition by device hash, per
 * partition clean + stay points + municipalities + metrics in worker threads, merge, disclosure
 * control, files. Measured in a fresh process, so its peak RSS (worker threads included: they
 * share the process) is the command's own. The synthetic CSV is written once into the temp
 * folder and reused; delete it with `-- --clean`.
 * Target (issue 5): peak RSS ≤ 2 GiB at 100 million pings.
 *
 *   npm run bench:flow-analyze [-- fixes devices]     e.g. npm run bench:flow-analyze -- 100000000 20000
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STAY_POINT_PROFILES } from '../src/domain/mobility/detect-stay-points';
import { monthOfDay, dayOfDate, dateOfDay } from '../src/domain/mobility/analysis-calendar';
import { runAnalyze } from '../src/cli/flow/run-analyze';
import { planFor, writeSyntheticFlowPings } from './flow-analyze-synthetic';

const TARGET_PEAK_MIB = 2048;
const BOUNDARIES = path.resolve(
  '..',
  'shared',
  'data',
  'boundaries',
  's0010-N03-21_210101_designated_city.json',
);
const folder = path.join(tmpdir(), 'tsunagu-bench-flow-analyze');

async function measure(file: string, firstDate: string, days: number): Promise<void> {
  const out = path.join(folder, `out-${process.pid}`);
  const first = monthOfDay(dayOfDate(firstDate));
  const last = monthOfDay(dayOfDate(firstDate) + days - 1);
  const started = performance.now();
  const result = await runAnalyze({
    input: file,
    timeFormat: 'auto',
    boundaries: BOUNDARIES,
    period: { firstMonth: first, lastMonth: last },
    profile: 'production',
    params: STAY_POINT_PROFILES.production,
    cleaning: { maxAccuracyM: 100 },
    outDir: out,
    k: 10,
    minOriginDevices: 50,
    maxInvalidShare: 0.01,
    restart: true,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  rmSync(out, { recursive: true, force: true });
  if (result.status !== 'complete') throw new Error('the analysis stopped');
  const q = result.quality;
  const m = result.metadata;
  console.log(
    JSON.stringify(
      {
        bench: 'flow-analyze',
        input: file,
        inputMiB: Math.round(statSync(file).size / 2 ** 20),
        period: q.period,
        profile: q.profile,
        workers: q.workers,
        partitions: q.partitions.withData,
        lines: q.lines,
        fixesAfterCleaning: q.fixes,
        rejected: q.rejected.total,
        devices: q.devices,
        panelDevices: q.panelDevices,
        deviceDays: q.deviceDays,
        dataQualityShare: q.dataQualityShare,
        stayPoints: q.stayPoints,
        municipalitiesListed: m.municipalities,
        figures: m.cells,
        figuresPublished: m.cells - m.suppressedCells,
        originFigures: m.originsPublished,
        seconds: Number(seconds.toFixed(1)),
        phaseSeconds: q.timings,
        fixesPerS: Math.round(q.lines / seconds),
        peakRssMiB,
        targetPeakRssMiB: TARGET_PEAK_MIB,
        withinTarget: peakRssMiB <= TARGET_PEAK_MIB,
      },
      null,
      2,
    ),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    await measure(args[1]!, args[2]!, Number(args[3]));
    return;
  }
  if (args[0] === '--clean') {
    rmSync(folder, { recursive: true, force: true });
    process.stderr.write(`removed ${folder}\n`);
    return;
  }
  const fixes = Number(args[0] ?? 30_000_000);
  const devices = Number(args[1] ?? Math.max(1000, Math.round(fixes / 5000)));
  const plan = planFor(fixes, devices);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `pings-${fixes}-${devices}.csv`);
  if (!existsSync(file)) {
    const started = performance.now();
    process.stderr.write(
      `writing ${fixes.toLocaleString('en-US')} synthetic pings of ${devices.toLocaleString('en-US')} devices over ${plan.days} days from ${plan.firstDate} to ${file} …\n`,
    );
    const partial = `${file}.partial`;
    writeSyntheticFlowPings(partial, BOUNDARIES, fixes, plan);
    renameSync(partial, file);
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `  written in ${seconds.toFixed(1)} s (kept for later runs; -- --clean removes it)\n`,
    );
  }
  const last = dateOfDay(dayOfDate(plan.firstDate) + plan.days - 1);
  process.stderr.write(`analysing ${plan.firstDate}..${last} …\n`);
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join('bench', 'flow-analyze.ts'),
      '--measure',
      file,
      plan.firstDate,
      String(plan.days),
    ],
    { stdio: 'inherit' },
  );
  process.exitCode = child.status ?? 1;
}

await main();
