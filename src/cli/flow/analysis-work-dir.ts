/**
 * The work folder of `flow analyze` (OUT/.work): what makes a long run stoppable and resumable
 * without losing or doubling anything.
 *
 *   manifest.json        the run's fingerprint (input, boundaries, flags) and bucket count
 *   partition.json       written once the whole input is partitioned: spill files, line index,
 *                        read rejects — from then on the input is not read again
 *   spill/               the partitions' rows (deleted one by one as partitions finish)
 *   buckets/bucket-NNN.json  a finished partition's aggregate (written atomically)
 *
 * A partition is finished when its result file exists; it is never analysed again, and the
 * final figures add each result file exactly once. A stop while partitioning keeps nothing (the
 * next run partitions again); a stop while analysing keeps every finished partition.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from '../cli-errors';
import { readFlowBucketFile, writeFileAtomicallySync } from './flow-bucket-file';
import type { Partition } from './partition-input';

/** Everything that changes what a partition's figures are; other flags (k) may change freely. */
export type AnalysisFingerprint = {
  input: string;
  inputBytes: number;
  inputModifiedMs: number;
  format: string;
  timeFormat: string;
  boundaries: string;
  boundariesBytes: number;
  boundariesModifiedMs: number;
  period: string;
  profile: string;
  params: Record<string, number | boolean>;
  maxAccuracyM: number | null;
};

type Manifest = {
  version: 1;
  runId: string;
  fingerprint: AnalysisFingerprint;
  bucketCount: number;
  createdAt: string;
  partitioned: boolean;
};

export type WorkDir = {
  root: string;
  spillDir: string;
  bucketsDir: string;
  runId: string;
  bucketCount: number;
  /** Set when the input was partitioned by this run or an earlier one. */
  partition: Partition | null;
  /** Partitions finished by earlier runs. */
  finished: Set<number>;
  /** Whether an earlier run's work is being continued. */
  resumed: boolean;
};

const LABELS: Record<keyof AnalysisFingerprint, string> = {
  input: 'input file',
  inputBytes: 'input size',
  inputModifiedMs: 'input modification time',
  format: '--format',
  timeFormat: '--time-format',
  boundaries: '--boundaries file',
  boundariesBytes: 'boundaries size',
  boundariesModifiedMs: 'boundaries modification time',
  period: '--period',
  profile: '--profile',
  params: 'stay-point parameters',
  maxAccuracyM: 'accuracy filter',
};

export function runIdOf(fingerprint: AnalysisFingerprint): string {
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex').slice(0, 16);
}

export function bucketFileOf(bucketsDir: string, bucket: number): string {
  return path.join(bucketsDir, `bucket-${String(bucket).padStart(3, '0')}.json`);
}

function readManifest(file: string): Manifest | null {
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return m.version === 1 && typeof m.runId === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** What differs between two fingerprints, in the user's words. */
function differences(a: AnalysisFingerprint, b: AnalysisFingerprint): string[] {
  return (Object.keys(LABELS) as (keyof AnalysisFingerprint)[])
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => LABELS[key]);
}

/**
 * Opens OUT/.work for a run: continues the stopped run there when it is the same input with the
 * same flags, refuses (a CliError) when a partitioned run of something else is there — its
 * finished partitions would not add up with this run's — unless `restart`, and otherwise
 * starts afresh.
 */
export async function prepareWorkDir(
  outDir: string,
  fingerprint: AnalysisFingerprint,
  options: { restart: boolean; bucketCount: number | undefined; defaultBucketCount: number },
): Promise<WorkDir> {
  const root = path.join(outDir, '.work');
  const spillDir = path.join(root, 'spill');
  const bucketsDir = path.join(root, 'buckets');
  const manifestFile = path.join(root, 'manifest.json');
  if (options.restart) await rm(root, { recursive: true, force: true });
  const manifest = readManifest(manifestFile);
  if (manifest === null && existsSync(root) && (await readdir(root)).length > 0) {
    throw new CliError(
      `${root}: not a run this version can continue (no readable manifest.json); add --restart to discard it`,
    );
  }
  if (manifest?.partitioned) {
    const changed = differences(fingerprint, manifest.fingerprint);
    if (options.bucketCount !== undefined && options.bucketCount !== manifest.bucketCount) {
      changed.push('--buckets');
    }
    if (changed.length > 0) {
      throw new CliError(
        `${outDir} holds a stopped run of another input or with other flags (changed: ${changed.join(', ')}); its finished partitions would not add up with this run. Run the same command as before to resume it, or add --restart to discard it`,
      );
    }
    let partition: Partition;
    try {
      partition = JSON.parse(readFileSync(path.join(root, 'partition.json'), 'utf8')) as Partition;
    } catch {
      throw new CliError(
        `${root}: partition.json is missing or unreadable; add --restart to start the run again`,
      );
    }
    partition.filesByBucket = partition.filesByBucket.map((files) =>
      files.map((name) => path.join(spillDir, name)),
    );
    // A partition stopped half-way left at most a temporary file: it is done again.
    for (const name of await readdir(bucketsDir)) {
      if (name.includes('.tmp-')) await rm(path.join(bucketsDir, name), { force: true });
    }
    const finished = new Set<number>();
    for (let bucket = 0; bucket < manifest.bucketCount; bucket++) {
      const file = bucketFileOf(bucketsDir, bucket);
      if (existsSync(file) && readFlowBucketFile(file, manifest.runId) !== null)
        finished.add(bucket);
    }
    return {
      root,
      spillDir,
      bucketsDir,
      runId: manifest.runId,
      bucketCount: manifest.bucketCount,
      partition,
      finished,
      resumed: true,
    };
  }
  // Nothing finished to keep (no run, or one stopped while partitioning): start afresh.
  await rm(root, { recursive: true, force: true });
  await mkdir(spillDir, { recursive: true });
  await mkdir(bucketsDir, { recursive: true });
  const runId = runIdOf(fingerprint);
  const bucketCount = options.bucketCount ?? options.defaultBucketCount;
  writeFileAtomicallySync(
    manifestFile,
    `${JSON.stringify(
      {
        version: 1,
        runId,
        fingerprint,
        bucketCount,
        createdAt: new Date().toISOString(),
        partitioned: false,
      } satisfies Manifest,
      null,
      2,
    )}\n`,
  );
  return {
    root,
    spillDir,
    bucketsDir,
    runId,
    bucketCount,
    partition: null,
    finished: new Set(),
    resumed: false,
  };
}

/** Records that the whole input is partitioned: later runs go straight to the partitions. */
export function markPartitioned(work: WorkDir, partition: Partition): void {
  const stored: Partition = {
    ...partition,
    filesByBucket: partition.filesByBucket.map((files) => files.map((f) => path.basename(f))),
  };
  writeFileAtomicallySync(path.join(work.root, 'partition.json'), JSON.stringify(stored));
  const manifestFile = path.join(work.root, 'manifest.json');
  const manifest = readManifest(manifestFile)!;
  writeFileAtomicallySync(
    manifestFile,
    `${JSON.stringify({ ...manifest, partitioned: true }, null, 2)}\n`,
  );
  work.partition = partition;
}
