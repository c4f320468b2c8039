import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config';
import type { Database } from '../../db/database';
import { DEFAULT_K, DEFAULT_MIN_ORIGIN_DEVICES } from '../../domain/mobility/disclosure';
import { type FlowPeriod, parseFlowPeriod } from '../../domain/mobility/metrics';
import { CliError } from '../cli-errors';
import { progressBars } from '../flow/progress-bars';
import { publishFlowAnalysis, requireCoordinator } from '../flow/publish-flow';
import { type AnalyzeComplete, type AnalyzeProgress, runAnalyze } from '../flow/run-analyze';
import { openMigratedDb } from '../open-db';
import { CLEANING, inputFormats, staypointParams } from './flow-staypoints';

/** Exit code of a run stopped by --max-buckets: more to do, run again (EX_TEMPFAIL). */
export const EXIT_RESUME = 75;

export type AnalyzeFlags = {
  input: string;
  boundaries: string;
  period: string;
  out: string;
  k: string;
  profile: string;
  format?: string;
  timeFormat: string;
  minOriginDevices: string;
  maxInvalidShare: string;
  workers?: string;
  buckets?: string;
  maxBuckets?: string;
  restart?: boolean;
  publish?: boolean;
  publisher?: string;
  sourceLabel?: string;
};

export type AnalyzeIo = {
  /** Opened only to check the publisher and, after the analysis, to publish. */
  openDb: () => Promise<{ db: Kysely<Database>; close(): Promise<void> }>;
  err: (line: string) => void;
  onProgress?: (p: AnalyzeProgress) => void;
  signal?: AbortSignal;
  /** Which signal stopped the run, for the exit code. */
  stoppedBy?: () => NodeJS.Signals | null;
  /** Called when the analysis is over, before anything is printed (stops progress bars). */
  analysisEnded?: () => void;
};

function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new CliError(`${flag} must be a whole number ≥ ${min} (got "${value}")`);
  }
  return n;
}

function share(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new CliError(`${flag} must be a share between 0 and 1 (got "${value}")`);
  }
  return n;
}

function periodOf(text: string): FlowPeriod {
  const period = parseFlowPeriod(text.trim());
  if (!period) {
    throw new CliError(
      `--period must be YYYY-MM..YYYY-MM (or one month YYYY-MM), first ≤ last (got "${text}")`,
    );
  }
  if (period.lastMonth - period.firstMonth >= 36) {
    throw new CliError(`--period: at most 36 months at a time (got "${text}")`);
  }
  return period;
}

const count = (n: number) => n.toLocaleString('en-US');
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);

/** What the run did, for stderr. */
export function describeAnalysis(result: AnalyzeComplete, seconds: number): string[] {
  const q = result.quality;
  const m = result.metadata;
  const lines = [
    `flow analyze: ${count(q.lines)} lines, ${count(q.fixes)} fixes after cleaning, ${count(q.devices)} devices (${count(q.activeDevices)} active in ${q.period}, panel ${count(q.panelDevices)}) → ${count(q.stayPoints)} stay points in ${seconds.toFixed(1)} s`,
    `  profile ${q.profile}; data quality ${pct(q.dataQualityShare)} of ${count(q.deviceDays)} device-days with a stay point; partitions ${q.partitions.withData} (${q.partitions.finishedEarlier} finished by an earlier run)`,
    `  k = ${m.k}: ${count(m.municipalities)} municipalities listed (${count(m.withheldMunicipalities)} withheld), ${count(m.cells - m.suppressedCells)} of ${count(m.cells)} figures published (${count(m.belowK)} below k, ${count(m.complementary)} hidden to protect them), ${count(m.originsPublished)} origin figures`,
    `  rejected ${count(q.rejected.total)} rows (${count(q.rejected.invalid)} invalid, ${pct(q.rejected.invalidShare)})`,
    `  written: ${result.files.metricsCsv}, ${result.files.metricsJson}, ${result.files.originsCsv}, ${result.files.originsJson}, ${result.files.quality}`,
  ];
  return lines;
}

/** The whole command, with its I/O passed in (tests pass their own database). */
export async function runFlowAnalyzeCommand(flags: AnalyzeFlags, io: AnalyzeIo): Promise<void> {
  const { profile, params } = staypointParams({
    input: flags.input,
    output: flags.out,
    timeFormat: flags.timeFormat,
    profile: flags.profile,
  });
  const { format, timeFormat } = inputFormats(flags);
  const period = periodOf(flags.period);
  const k = wholeNumber(flags.k, '--k', 1)!;
  const minOriginDevices = wholeNumber(flags.minOriginDevices, '--min-origin-devices', 1)!;
  const maxInvalidShare = share(flags.maxInvalidShare, '--max-invalid-share');
  const workers = wholeNumber(flags.workers, '--workers', 0);
  const bucketCount = wholeNumber(flags.buckets, '--buckets', 1);
  const maxBuckets = wholeNumber(flags.maxBuckets, '--max-buckets', 1);
  if (bucketCount !== undefined && bucketCount > 4096) {
    throw new CliError(`--buckets: at most 4096 (got ${bucketCount})`);
  }
  if (flags.publish) {
    if (!flags.publisher) {
      throw new CliError("--publish needs --publisher EMAIL (a coordinator's account)");
    }
    if (k < 2) throw new CliError('--publish needs --k 2 or more (the default is 10)');
    // Fail before hours of work, not after: the publisher is checked again when publishing.
    const handle = await io.openDb();
    try {
      await requireCoordinator(handle.db, flags.publisher);
    } finally {
      await handle.close();
    }
  } else if (flags.publisher) {
    throw new CliError('--publisher is only used with --publish');
  }

  const started = performance.now();
  const result = await runAnalyze({
    input: flags.input,
    format,
    timeFormat,
    boundaries: flags.boundaries,
    period,
    profile,
    params,
    cleaning: CLEANING[profile],
    outDir: flags.out,
    k,
    minOriginDevices,
    maxInvalidShare,
    workers,
    bucketCount,
    restart: flags.restart === true,
    maxBuckets,
    signal: io.signal,
    onProgress: io.onProgress,
  }).finally(() => io.analysisEnded?.());
  if (result.status === 'stopped') {
    const again = 'run the same command again to resume';
    if (result.phase === 'partition') {
      throw new CliError(
        'stopped while partitioning the input; nothing is kept — run the same command again to start over',
        io.stoppedBy?.() === 'SIGTERM' ? 143 : 130,
      );
    }
    const message = `stopped: ${result.finished} of ${result.total} partitions finished and kept in ${flags.out}/.work; ${again}`;
    if (result.reason === 'max-buckets') throw new CliError(message, EXIT_RESUME);
    throw new CliError(message, io.stoppedBy?.() === 'SIGTERM' ? 143 : 130);
  }
  const seconds = (performance.now() - started) / 1000;
  for (const line of describeAnalysis(result, seconds)) io.err(line);
  if (!flags.publish) return;

  const handle = await io.openDb();
  try {
    const published = await publishFlowAnalysis(handle.db, result, {
      publisherEmail: flags.publisher!,
      sourceLabel: flags.sourceLabel?.trim() || result.metadata.source,
      nowMs: Date.now(),
    });
    io.err(
      `  published as dataset ${published.datasetId}: ${count(published.cells)} figures, ${count(published.origins)} origin figures`,
    );
  } finally {
    await handle.close();
  }
}

export function registerFlowAnalyze(flow: Command): void {
  flow
    .command('analyze')
    .description(
      'People-flow metrics per municipality and month from raw pings, protected for publication (operator tool)',
    )
    .requiredOption(
      '--input <path>',
      'pings: CSV device_id,timestamp,lat,lon[,accuracy] (.gz too) or a GeoLife folder',
    )
    .requiredOption('--boundaries <file>', 'MLIT N03 municipality boundaries (TopoJSON)')
    .requiredOption('--period <from..to>', 'months to report, e.g. 2026-01..2026-12')
    .requiredOption(
      '--out <dir>',
      'folder for metrics.csv/json, origins.csv/json, quality.json (and .work/)',
    )
    .option('--k <n>', 'fewest distinct devices behind a published figure', String(DEFAULT_K))
    .option('--profile <profile>', 'stay points: production | trackintel', 'production')
    .option('--format <format>', 'csv | geolife (default: a folder is geolife, a file csv)')
    .option('--time-format <format>', 'CSV timestamps: auto | iso | epoch-ms | epoch-s', 'auto')
    .option(
      '--min-origin-devices <n>',
      'origin municipalities with fewer devices are shown as their prefecture',
      String(DEFAULT_MIN_ORIGIN_DEVICES),
    )
    .option(
      '--max-invalid-share <x>',
      'refuse the input when more of its lines are malformed or out of range',
      '0.01',
    )
    .option('--workers <n>', 'worker threads (default: one per core; 0 for small inputs)')
    .option('--buckets <n>', 'device-hash partitions (default: from the input size)')
    .option(
      '--max-buckets <n>',
      `analyse at most n partitions, then stop (exit ${EXIT_RESUME}: resume later)`,
    )
    .option('--restart', 'discard an earlier stopped run in OUT/.work')
    .option('--publish', 'store the protected figures in the platform database (one transaction)')
    .option('--publisher <email>', "the coordinator's account the dataset is published under")
    .option(
      '--source-label <text>',
      'the data source as shown with the figures (default: the file name)',
    )
    .action(async (flags: AnalyzeFlags) => {
      const bars = progressBars({
        read: { label: 'partitioning', unit: 'bytes' },
        analyse: { label: 'analysing', unit: 'buckets' },
      });
      const controller = new AbortController();
      let stoppedBy: NodeJS.Signals | null = null;
      const onSignal = (signal: NodeJS.Signals) => {
        if (controller.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
        stoppedBy = signal;
        controller.abort();
        process.stderr.write(
          '\nstopping after the partitions in progress (again to stop at once; finished partitions are kept) …\n',
        );
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const config = loadConfig();
      try {
        await runFlowAnalyzeCommand(flags, {
          openDb: () => openMigratedDb(config),
          err: (line) => process.stderr.write(`${line}\n`),
          onProgress: bars.onProgress,
          signal: controller.signal,
          stoppedBy: () => stoppedBy,
          analysisEnded: () => bars.stop(),
        });
      } finally {
        bars.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
