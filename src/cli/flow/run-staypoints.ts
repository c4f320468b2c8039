/**
 * `tsunagu flow staypoints` end to end: read (CSV, gzip CSV or a GeoLife folder) → partition by
 * device into bucket files → per bucket, clean and detect stay points in worker threads → merge
 * into one CSV ordered by device id then start, plus a reject report.
 *
 * Reading is streamed in line-aligned chunks of 8 MiB handed to the least busy worker; each
 * worker appends its rows to one spill file per bucket (a hash of the device id), so memory
 * stays at a few chunks plus one bucket per worker during detection, however large the input.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CleaningDropReason, CleaningOptions } from '../../domain/mobility/clean-fixes';
import type { StayPointParams, StayPointProfile } from '../../domain/mobility/detect-stay-points';
import { LISTED_PER_REASON, type ParseRejectReason, type TimeFormat } from './fix-chunk-parser';
import { FlowWorkerPool } from './flow-worker-pool';
import {
  type InputFormat,
  describeInput,
  lineOfSeq,
  mergeTallies,
  partitionInput,
} from './partition-input';
import {
  type BucketResult,
  type ReasonTally,
  STAY_POINT_CSV_HEADER,
  trimSeqs,
} from './process-bucket';

export type { InputFormat };

export type StaypointsOptions = {
  input: string;
  /** Detected when absent: a folder is GeoLife, a file is CSV (gzip or not). */
  format?: InputFormat;
  timeFormat: TimeFormat;
  profile: StayPointProfile;
  params: StayPointParams;
  cleaning: CleaningOptions;
  output: string;
  /** Worker threads; 0 runs in the main thread. Default: one per core, 0 for small inputs. */
  workers?: number;
  /** Buckets of devices; by default from the input's size (≈ 32 MiB of input each). */
  bucketCount?: number;
  onProgress?: (progress: FlowProgress) => void;
};

export type FlowProgress =
  { phase: 'read'; done: number; total: number } | { phase: 'detect'; done: number; total: number };

export type RejectReason = ParseRejectReason | CleaningDropReason;

export type RejectReport = {
  input: string;
  format: InputFormat;
  /** How timestamps were read: a TIME_CLASS label, or GeoLife's UTC date and time. */
  timestamps: string;
  profile: StayPointProfile;
  parameters: StayPointParams;
  cleaning: { maxAccuracyM: number | null };
  /** Data lines read (header lines not counted). */
  lines: number;
  /** Rows that became fixes, before cleaning. */
  rows: number;
  /** Fixes left after cleaning: the input of stay-point detection. */
  fixes: number;
  devices: number;
  stayPoints: number;
  rejected: {
    total: number;
    listedPerReason: number;
    /** `lines`: CSV line numbers (header = 1), or `<user>/Trajectory/<file>.plt:<line>`. */
    byReason: Partial<
      Record<RejectReason, { stage: 'read' | 'clean'; count: number; lines: (number | string)[] }>
    >;
  };
};

export type StaypointsSummary = {
  report: RejectReport;
  outputPath: string;
  rejectsPath: string;
  workers: number;
  buckets: number;
  /** Wall time of each phase in seconds: reading into buckets, detection, writing. */
  phaseSeconds: { read: number; detect: number; write: number };
};

/** Sorted merge of per-bucket device lists (each sorted by id) into output batches. */
function* mergeBuckets(results: BucketResult[]): Generator<string> {
  const heads = results.map(() => 0);
  let batch = '';
  for (;;) {
    let best = -1;
    for (let r = 0; r < results.length; r++) {
      const at = heads[r]!;
      if (at >= results[r]!.deviceIds.length) continue;
      if (best < 0 || results[r]!.deviceIds[at]! < results[best]!.deviceIds[heads[best]!]!) {
        best = r;
      }
    }
    if (best < 0) break;
    batch += results[best]!.lines[heads[best]!]!;
    heads[best]!++;
    if (batch.length >= 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  if (batch.length > 0) yield batch;
}

function* outputPieces(results: BucketResult[]): Generator<string> {
  yield `${STAY_POINT_CSV_HEADER}\n`;
  yield* mergeBuckets(results);
}

const temporaryPath = (file: string) => `${file}.tmp-${process.pid}`;

async function writeAtomically(file: string, pieces: Iterable<string>): Promise<void> {
  const temporary = temporaryPath(file);
  const handle = await open(temporary, 'w');
  try {
    for (const piece of pieces) await handle.write(piece);
  } catch (err) {
    await handle.close();
    await rm(temporary, { force: true });
    throw err;
  }
  await handle.close();
  await rename(temporary, file);
}

/** Runs the whole command; writes `output` and `output.rejects.json`, or throws a CliError. */
export async function runStaypoints(options: StaypointsOptions): Promise<StaypointsSummary> {
  const { input, output } = options;
  const description = await describeInput(options);
  const { format, workerCount, bucketCount } = description;

  const clock = { start: performance.now(), read: 0, detect: 0 };
  const tempDir = await mkdtemp(path.join(tmpdir(), 'tsunagu-flow-'));
  // Stopped by Ctrl-C or a kill: leave no spill files and no half-written output behind; a run
  // started again starts from the input (the output is only ever replaced whole).
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(tempDir, { recursive: true, force: true });
    rmSync(temporaryPath(output), { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const pool = new FlowWorkerPool(workerCount);
  try {
    const partition = await partitionInput(description, pool, tempDir, {
      timeFormat: options.timeFormat,
      onProgress: (done, total) => options.onProgress?.({ phase: 'read', done, total }),
    });
    clock.read = performance.now();
    const locate = (seq: number) => lineOfSeq(partition, seq);

    // Detection: buckets handed out one at a time to whichever worker is free.
    const buckets: number[] = [];
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      if (partition.filesByBucket[bucket]!.length > 0) buckets.push(bucket);
    }
    const results: BucketResult[] = [];
    let done = 0;
    options.onProgress?.({ phase: 'detect', done, total: buckets.length });
    const queue = [...buckets];
    await Promise.all(
      pool.workers.map(async (worker) => {
        for (let bucket = queue.shift(); bucket !== undefined; bucket = queue.shift()) {
          const files = partition.filesByBucket[bucket]!;
          const reply = await worker.request({
            type: 'bucket',
            bucket,
            files,
            params: options.params,
            cleaning: options.cleaning,
          });
          if (reply.type !== 'bucket-done')
            throw new Error(`unexpected worker reply ${reply.type}`);
          results.push(reply.result);
          for (const file of files) await rm(file, { force: true });
          done++;
          options.onProgress?.({ phase: 'detect', done, total: buckets.length });
        }
      }),
    );

    clock.detect = performance.now();
    const readTallies = partition.readRejects;
    const cleanTallies: Partial<Record<string, ReasonTally>> = {};
    for (const result of results) mergeTallies(cleanTallies, result.drops);
    const byReason: RejectReport['rejected']['byReason'] = {};
    let rejectedTotal = 0;
    for (const [stage, tallies] of [
      ['read', readTallies],
      ['clean', cleanTallies],
    ] as const) {
      for (const [reason, tally] of Object.entries(tallies)) {
        if (tally === undefined) continue;
        trimSeqs(tally);
        rejectedTotal += tally.count;
        byReason[reason as RejectReason] = {
          stage,
          count: tally.count,
          lines: tally.seqs.map(locate),
        };
      }
    }
    const report: RejectReport = {
      input,
      format,
      timestamps: partition.timestamps,
      profile: options.profile,
      parameters: options.params,
      cleaning: {
        maxAccuracyM: Number.isFinite(options.cleaning.maxAccuracyM)
          ? options.cleaning.maxAccuracyM
          : null,
      },
      lines: partition.lines,
      rows: partition.rows,
      fixes: results.reduce((sum, r) => sum + r.keptFixes, 0),
      devices: results.reduce((sum, r) => sum + r.devices, 0),
      stayPoints: results.reduce((sum, r) => sum + r.stayPoints, 0),
      rejected: { total: rejectedTotal, listedPerReason: LISTED_PER_REASON, byReason },
    };

    const rejectsPath = `${output}.rejects.json`;
    await writeAtomically(output, outputPieces(results));
    await writeFile(rejectsPath, `${JSON.stringify(report, null, 2)}\n`);
    const seconds = (from: number, to: number) => Number(((to - from) / 1000).toFixed(3));
    return {
      report,
      outputPath: output,
      rejectsPath,
      workers: workerCount,
      buckets: bucketCount,
      phaseSeconds: {
        read: seconds(clock.start, clock.read),
        detect: seconds(clock.read, clock.detect),
        write: seconds(clock.detect, performance.now()),
      },
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool.terminate();
    await rm(tempDir, { recursive: true, force: true });
  }
}
