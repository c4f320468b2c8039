/**
 * `tsunagu flow analyze` end to end (decision 9): partition the pings by device hash into
 * bucket files (partition-input) → per partition, in worker threads: clean, stay points,
 * municipalities, each device's contribution, the partition's aggregate (process-flow-bucket)
 * → merge every partition once → disclosure control over all tables together
 * (domain/mobility/flow-publication) → metrics, origins and quality files in OUT.
 *
 * Stoppable and resumable (OUT/.work, see analysis-work-dir): a stop keeps the finished
 * partitions, a rerun of the same command analyses only the others, and the final figures add
 * every partition exactly once.
 */
import { statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CleaningOptions } from '../../domain/mobility/clean-fixes';
import type { StayPointParams, StayPointProfile } from '../../domain/mobility/detect-stay-points';
import { monthKey } from '../../domain/mobility/analysis-calendar';
import {
  type DataQuality,
  createFlowAggregate,
  dataQuality,
  mergeFlowAggregates,
} from '../../domain/mobility/flow-aggregate';
import { type FlowPublication, protectFlowTables } from '../../domain/mobility/flow-publication';
import { type FlowPeriod, PERIOD_SCOPE } from '../../domain/mobility/metrics';
import { CliError } from '../cli-errors';
import {
  type AnalysisFingerprint,
  bucketFileOf,
  markPartitioned,
  prepareWorkDir,
} from './analysis-work-dir';
import { LISTED_PER_REASON, type TimeFormat } from './fix-chunk-parser';
import {
  deserializeFlowAggregate,
  readFlowBucketFile,
  writeFileAtomicallySync,
} from './flow-bucket-file';
import { loadFlowGeography } from './flow-geography';
import {
  type FlowOutputFiles,
  type FlowRunMetadata,
  type MetricRow,
  type OriginRow,
  publicationRows,
  writeFlowOutputs,
} from './flow-outputs';
import { FlowWorkerPool } from './flow-worker-pool';
import {
  type InputFormat,
  PartitionStopped,
  describeInput,
  lineOfSeq,
  mergeTallies,
  partitionInput,
} from './partition-input';
import { type ReasonTally, trimSeqs } from './process-bucket';
import type { FlowBucketSetup } from './process-flow-bucket';

export type AnalyzeOptions = {
  input: string;
  format?: InputFormat;
  timeFormat: TimeFormat;
  /** MLIT N03 TopoJSON. */
  boundaries: string;
  period: FlowPeriod;
  profile: StayPointProfile;
  params: StayPointParams;
  cleaning: CleaningOptions;
  outDir: string;
  k: number;
  minOriginDevices: number;
  /** Refuse the input when more of its lines than this are malformed or out of range. */
  maxInvalidShare: number;
  /** Worker threads; 0 runs in the main thread. Default: one per core, 0 for small inputs. */
  workers?: number;
  /** Partitions; by default from the input's size (≈ 32 MiB each, at most 256). */
  bucketCount?: number;
  /** Discard the work of an earlier run in OUT/.work. */
  restart?: boolean;
  /** Analyse at most this many partitions in this run, then stop (resume later). */
  maxBuckets?: number;
  /** Aborted: finish the partitions in progress, keep them, and stop. */
  signal?: AbortSignal;
  onProgress?: (progress: AnalyzeProgress) => void;
};

export type AnalyzeProgress = { phase: 'read' | 'analyse'; done: number; total: number };

export type QualityReport = {
  source: string;
  format: InputFormat;
  timestamps: string;
  boundaries: string;
  period: string;
  profile: StayPointProfile;
  parameters: StayPointParams;
  cleaning: { maxAccuracyM: number | null };
  /** Data lines read (header lines not counted). */
  lines: number;
  /** Rows that became fixes, before cleaning. */
  rows: number;
  /** Fixes left after cleaning. */
  fixes: number;
  /** First and last cleaned fix of the input (UTC), whatever the period. */
  fixesFrom: string | null;
  fixesTo: string | null;
  /** Devices in the input, and of them active (a fix or stay point) in the period. */
  devices: number;
  activeDevices: number;
  /** Of the active devices, those with fewer than 3 active days: left out of rates. */
  lowActivityDevices: number;
  panelDevices: number;
  /** Active device-days of the period (low-activity devices left out), with a stay point. */
  deviceDays: number;
  stayDeviceDays: number;
  /** Share of device-days with a stay point (docs/domain-mobility.md §6). */
  dataQualityShare: number | null;
  stayPoints: number;
  scopes: DataQuality[];
  rejected: {
    total: number;
    /** Malformed (read) or impossible (non-finite, out of range, (0, 0)) rows. */
    invalid: number;
    invalidShare: number;
    maxInvalidShare: number;
    listedPerReason: number;
    byReason: Record<
      string,
      { stage: 'read' | 'clean'; count: number; lines: (number | string)[] }
    >;
  };
  partitions: {
    total: number;
    withData: number;
    finishedEarlier: number;
    analysedThisRun: number;
  };
  workers: number;
  disclosure: {
    k: number;
    minOriginDevices: number;
    municipalities: number;
    withheldMunicipalities: number;
    cells: number;
    published: number;
    belowK: number;
    complementary: number;
    originsPublished: number;
  } | null;
  /** Why nothing was written or published, when the input was refused. */
  refused: string | null;
  /** Seconds spent by this run on each phase. */
  timings: { partition: number; analyse: number; protect: number; total: number };
  generatedAt: string;
};

export type AnalyzeStopped = {
  status: 'stopped';
  reason: 'signal' | 'max-buckets';
  /** Partitions finished (by this and earlier runs), of those holding data. */
  finished: number;
  total: number;
  phase: 'partition' | 'analyse';
};

export type AnalyzeComplete = {
  status: 'complete';
  publication: FlowPublication;
  rows: { metrics: MetricRow[]; origins: OriginRow[] };
  metadata: FlowRunMetadata;
  quality: QualityReport;
  files: FlowOutputFiles & { quality: string };
  /** The run's digest with k: the same figures published twice are refused. */
  fingerprint: string;
  resumed: boolean;
};

export type AnalyzeResult = AnalyzeStopped | AnalyzeComplete;

/** Reasons that mean a row is broken, not merely imprecise (accuracy) or repeated. */
const INVALID_CLEAN_REASONS = new Set([
  'non_finite',
  'lat_out_of_range',
  'lon_out_of_range',
  'null_island',
]);
/** A blank line (often the last) says nothing about the data. */
const HARMLESS_READ_REASONS = new Set(['empty_line']);

const OUTPUT_FILES = ['metrics.csv', 'metrics.json', 'origins.csv', 'origins.json'];

function periodText(period: FlowPeriod): string {
  return `${monthKey(period.firstMonth)}..${monthKey(period.lastMonth)}`;
}

function fileStat(file: string) {
  const s = statSync(file);
  return { bytes: s.size, modifiedMs: Math.round(s.mtimeMs) };
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(3));
const isoOrNull = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/** Runs the analysis; throws a CliError for an input that cannot be analysed. */
export async function runAnalyze(options: AnalyzeOptions): Promise<AnalyzeResult> {
  const started = performance.now();
  const { outDir, period } = options;
  const geography = loadFlowGeography(options.boundaries);
  const description = await describeInput(options);
  const boundariesStat = fileStat(options.boundaries);
  const fingerprint: AnalysisFingerprint = {
    input: path.resolve(options.input),
    inputBytes: description.totalBytes,
    inputModifiedMs: Math.round(description.mtimeMs),
    format: description.format,
    timeFormat: options.timeFormat,
    boundaries: path.resolve(options.boundaries),
    boundariesBytes: boundariesStat.bytes,
    boundariesModifiedMs: boundariesStat.modifiedMs,
    period: periodText(period),
    profile: options.profile,
    params: { ...options.params },
    maxAccuracyM: Number.isFinite(options.cleaning.maxAccuracyM)
      ? options.cleaning.maxAccuracyM
      : null,
  };
  await mkdir(outDir, { recursive: true });
  const work = await prepareWorkDir(outDir, fingerprint, {
    restart: options.restart ?? false,
    bucketCount: options.bucketCount,
    defaultBucketCount: description.bucketCount,
  });
  description.bucketCount = work.bucketCount;
  const finishedEarlier = work.finished.size;
  const timings = { partition: 0, analyse: 0, protect: 0 };

  let pool: FlowWorkerPool | null = null;
  let analysedThisRun = 0;
  try {
    let partition = work.partition;
    if (partition === null) {
      pool = new FlowWorkerPool(description.workerCount);
      const from = performance.now();
      try {
        partition = await partitionInput(description, pool, work.spillDir, {
          timeFormat: options.timeFormat,
          signal: options.signal,
          onProgress: (done, total) => options.onProgress?.({ phase: 'read', done, total }),
        });
      } catch (err) {
        // An input that cannot be read, or a stop before it was read whole: nothing to keep.
        await pool.terminate();
        pool = null;
        await rm(work.root, { recursive: true, force: true });
        if (err instanceof PartitionStopped) {
          return { status: 'stopped', reason: 'signal', finished: 0, total: 0, phase: 'partition' };
        }
        throw err;
      }
      markPartitioned(work, partition);
      timings.partition = performance.now() - from;
    }

    // A run killed between a partition's result and the removal of its rows left them behind.
    for (const b of work.finished) {
      for (const file of partition.filesByBucket[b] ?? []) await rm(file, { force: true });
    }
    const withData: number[] = [];
    for (let b = 0; b < work.bucketCount; b++) {
      if (partition.filesByBucket[b]!.length > 0 || work.finished.has(b)) withData.push(b);
    }
    const todo = withData.filter((b) => !work.finished.has(b));
    const queue = todo.slice(0, options.maxBuckets ?? todo.length);
    let done = withData.length - todo.length;
    options.onProgress?.({ phase: 'analyse', done, total: withData.length });
    const setup: FlowBucketSetup = {
      boundaries: path.resolve(options.boundaries),
      period,
      params: options.params,
      cleaning: options.cleaning,
      runId: work.runId,
    };
    const from = performance.now();
    if (queue.length > 0) {
      pool ??= new FlowWorkerPool(description.workerCount);
      const workers = pool.workers;
      await Promise.all(
        workers.map(async (worker) => {
          while (queue.length > 0 && !options.signal?.aborted) {
            const bucket = queue.shift()!;
            const files = partition.filesByBucket[bucket]!;
            const reply = await worker.request({
              type: 'flow-bucket',
              bucket,
              files,
              setup,
              resultFile: bucketFileOf(work.bucketsDir, bucket),
            });
            if (reply.type !== 'flow-bucket-done') {
              throw new Error(`unexpected worker reply ${reply.type}`);
            }
            // The result is on disk: the partition's rows are no longer needed.
            for (const file of files) await rm(file, { force: true });
            analysedThisRun++;
            done++;
            options.onProgress?.({ phase: 'analyse', done, total: withData.length });
          }
        }),
      );
    }
    timings.analyse = performance.now() - from;
    if (done < withData.length) {
      return {
        status: 'stopped',
        reason: options.signal?.aborted ? 'signal' : 'max-buckets',
        finished: done,
        total: withData.length,
        phase: 'analyse',
      };
    }
    await pool?.terminate();
    pool = null;

    // Every partition exactly once: one result file each, added in bucket order.
    const protectFrom = performance.now();
    const total = createFlowAggregate();
    const drops: Partial<Record<string, ReasonTally>> = {};
    const counters = {
      devices: 0,
      fixes: 0,
      keptFixes: 0,
      stayPoints: 0,
      first: Infinity,
      last: -Infinity,
    };
    for (const bucket of withData) {
      const result = readFlowBucketFile(bucketFileOf(work.bucketsDir, bucket), work.runId);
      if (result === null) throw new Error(`partition ${bucket}: result file missing or torn`);
      mergeFlowAggregates(total, deserializeFlowAggregate(result.aggregate));
      mergeTallies(drops, result.drops);
      counters.devices += result.devices;
      counters.fixes += result.fixes;
      counters.keptFixes += result.keptFixes;
      counters.stayPoints += result.stayPoints;
      if (result.firstFixMs !== null) counters.first = Math.min(counters.first, result.firstFixMs);
      if (result.lastFixMs !== null) counters.last = Math.max(counters.last, result.lastFixMs);
    }

    const byReason: QualityReport['rejected']['byReason'] = {};
    let rejectedTotal = 0;
    let invalid = 0;
    for (const [stage, tallies] of [
      ['read', partition.readRejects],
      ['clean', drops],
    ] as const) {
      for (const [reason, tally] of Object.entries(tallies)) {
        if (tally === undefined) continue;
        trimSeqs(tally);
        rejectedTotal += tally.count;
        if (
          stage === 'read' ? !HARMLESS_READ_REASONS.has(reason) : INVALID_CLEAN_REASONS.has(reason)
        ) {
          invalid += tally.count;
        }
        byReason[reason] = {
          stage,
          count: tally.count,
          lines: tally.seqs.map((seq) => lineOfSeq(partition, seq)),
        };
      }
    }
    const invalidShare = partition.lines > 0 ? invalid / partition.lines : 0;
    const scopes = dataQuality(total);
    const periodQuality = scopes.find((s) => s.scope === PERIOD_SCOPE);
    let panelDevices = 0;
    for (const [key, n] of total.panel) if (key.startsWith(`${PERIOD_SCOPE}|`)) panelDevices += n;
    const generatedAt = new Date().toISOString();
    const qualityFile = path.join(outDir, 'quality.json');
    const quality: QualityReport = {
      source: path.basename(options.input),
      format: description.format,
      timestamps: partition.timestamps,
      boundaries: path.basename(options.boundaries),
      period: periodText(period),
      profile: options.profile,
      parameters: options.params,
      cleaning: { maxAccuracyM: fingerprint.maxAccuracyM },
      lines: partition.lines,
      rows: partition.rows,
      fixes: counters.keptFixes,
      fixesFrom: isoOrNull(counters.first),
      fixesTo: isoOrNull(counters.last),
      devices: counters.devices,
      activeDevices: periodQuality?.devices ?? 0,
      lowActivityDevices: periodQuality?.lowActivityDevices ?? 0,
      panelDevices,
      deviceDays: periodQuality?.activeDeviceDays ?? 0,
      stayDeviceDays: periodQuality?.stayDeviceDays ?? 0,
      dataQualityShare: periodQuality?.stayShare ?? null,
      stayPoints: counters.stayPoints,
      scopes,
      rejected: {
        total: rejectedTotal,
        invalid,
        invalidShare,
        maxInvalidShare: options.maxInvalidShare,
        listedPerReason: LISTED_PER_REASON,
        byReason,
      },
      partitions: {
        total: work.bucketCount,
        withData: withData.length,
        finishedEarlier,
        analysedThisRun,
      },
      workers: description.workerCount,
      disclosure: null,
      refused: null,
      timings: { partition: 0, analyse: 0, protect: 0, total: 0 },
      generatedAt,
    };
    const finishTimings = () => {
      timings.protect = performance.now() - protectFrom;
      quality.timings = {
        partition: seconds(timings.partition),
        analyse: seconds(timings.analyse),
        protect: seconds(timings.protect),
        total: seconds(performance.now() - started),
      };
    };

    const refuse = async (reason: string) => {
      quality.refused = reason;
      finishTimings();
      // Figures of an earlier run must not pass for this input's.
      for (const name of OUTPUT_FILES) await rm(path.join(outDir, name), { force: true });
      writeFileAtomicallySync(qualityFile, `${JSON.stringify(quality, null, 2)}\n`);
      throw new CliError(
        `${options.input}: ${reason}; see ${qualityFile}; no figures were written or published`,
      );
    };
    if (invalidShare > options.maxInvalidShare) {
      const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
      const examples = Object.entries(byReason)
        .filter(
          ([reason]) =>
            !HARMLESS_READ_REASONS.has(reason) &&
            (byReason[reason]!.stage === 'read' || INVALID_CLEAN_REASONS.has(reason)),
        )
        .map(([reason, r]) => `${reason} ${r.count} (first: ${r.lines.slice(0, 3).join(', ')})`)
        .join('; ');
      await refuse(
        `${invalid} of ${partition.lines} lines (${pct(invalidShare)}) are malformed or out of range, more than --max-invalid-share ${pct(options.maxInvalidShare)}: ${examples}`,
      );
    }
    if (quality.activeDevices === 0) {
      await refuse(
        `no device has a fix in the period ${periodText(period)} (the input's fixes run from ${quality.fixesFrom ?? '–'} to ${quality.fixesTo ?? '–'})`,
      );
    }

    const months: string[] = [];
    for (let m = period.firstMonth; m <= period.lastMonth; m++) months.push(monthKey(m));
    const publication = protectFlowTables(total, months, {
      k: options.k,
      minOriginDevices: options.minOriginDevices,
    });
    const rows = publicationRows(publication, geography.names);
    const c = publication.counts;
    const metadata: FlowRunMetadata = {
      source: quality.source,
      boundaries: quality.boundaries,
      period: { first: months[0]!, last: months[months.length - 1]!, months },
      profile: options.profile,
      k: options.k,
      minOriginDevices: Math.max(options.minOriginDevices, options.k),
      panelDevices,
      devices: quality.activeDevices,
      municipalities: new Set(publication.cells.map((cell) => cell.municipality)).size,
      withheldMunicipalities: publication.withheldMunicipalities,
      cells: c.cells,
      suppressedCells: c.belowK + c.complementary,
      belowK: c.belowK,
      complementary: c.complementary,
      originsPublished: c.originsPublished,
      generatedAt,
    };
    quality.disclosure = {
      k: metadata.k,
      minOriginDevices: metadata.minOriginDevices,
      municipalities: metadata.municipalities,
      withheldMunicipalities: metadata.withheldMunicipalities,
      cells: c.cells,
      published: c.published,
      belowK: c.belowK,
      complementary: c.complementary,
      originsPublished: c.originsPublished,
    };
    const files = writeFlowOutputs(outDir, rows, metadata);
    finishTimings();
    writeFileAtomicallySync(qualityFile, `${JSON.stringify(quality, null, 2)}\n`);
    return {
      status: 'complete',
      publication,
      rows,
      metadata,
      quality,
      files: { ...files, quality: qualityFile },
      fingerprint: `${work.runId}:k=${options.k}:m=${metadata.minOriginDevices}`,
      resumed: work.resumed,
    };
  } finally {
    await pool?.terminate();
  }
}
