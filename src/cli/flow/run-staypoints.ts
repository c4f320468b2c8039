/**
 * `tsunagu flow staypoints` end to end: read (CSV, gzip CSV or a GeoLife folder) → partition by
 * device into bucket files → per bucket, clean and detect stay points in worker threads → merge
 * into one CSV ordered by device id then start, plus a reject report.
 *
 * Reading is streamed in line-aligned chunks of 8 MiB handed to the least busy worker; each
 * worker appends its rows to one spill file per bucket (a hash of the device id), so memory
 * stays at a few chunks plus one bucket per worker during detection, however large the input.
 */
import { createReadStream, rmSync } from 'node:fs';
import { mkdtemp, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { CleaningDropReason, CleaningOptions } from '../../domain/mobility/clean-fixes';
import type { StayPointParams, StayPointProfile } from '../../domain/mobility/detect-stay-points';
import { CliError } from '../cli-errors';
import {
  CSV_COLUMNS,
  type CsvColumn,
  LINES_PER_CHUNK,
  LISTED_PER_REASON,
  PLT_HEADER_LINES,
  type ParseRejectReason,
  type ParseReport,
  type ParserSetup,
  type TimeFormat,
} from './fix-chunk-parser';
import { FlowWorkerPool, defaultWorkerCount } from './flow-worker-pool';
import type { WorkerReply } from './flow-worker-state';
import { TIME_CLASS, TIME_CLASS_LABELS, type TimeClass } from './parse-fields';
import {
  type BucketResult,
  type ReasonTally,
  STAY_POINT_CSV_HEADER,
  trimSeqs,
} from './process-bucket';

export type InputFormat = 'csv' | 'geolife';

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

const CHUNK_BYTES = 8 << 20;
/** Below this much input, starting worker threads takes longer than the work. */
const INLINE_BELOW_BYTES = 16 << 20;
const BYTES_PER_BUCKET = 32 << 20;
const MAX_BUCKETS = 256;
const HEADER_HINT = 'device_id,timestamp,lat,lon[,accuracy]';

/** The roles of the CSV header's columns, or a CliError naming what is wrong. */
export function parseCsvHeader(line: string, source: string): CsvColumn[] {
  const names = line
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((name) =>
      name
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim()
        .toLowerCase(),
    );
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const missing = CSV_COLUMNS.filter((c) => c !== 'accuracy' && !names.includes(c));
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const problems = [
      unknown.length > 0 ? `unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}` : '',
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      repeated.length > 0 ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    throw new CliError(
      `${source}: line 1: wrong columns (${problems.join('; ')}): expected the header ${HEADER_HINT}`,
    );
  }
  return names as CsvColumn[];
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function statInput(input: string) {
  try {
    return await stat(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${input}: ${code === 'ENOENT' ? 'no such file or folder' : String(err)}`);
  }
}

type PltFile = { deviceId: string; file: string; relative: string; bytes: number };

/** `<root>/<user>/Trajectory/*.plt`, users and files in name order. */
async function listGeolife(root: string): Promise<PltFile[]> {
  const files: PltFile[] = [];
  const users = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const user of users) {
    const folder = path.join(root, user, 'Trajectory');
    let names: string[];
    try {
      names = (await readdir(folder)).filter((name) => name.endsWith('.plt')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      files.push({
        deviceId: user,
        file,
        relative: `${user}/Trajectory/${name}`,
        bytes: (await stat(file)).size,
      });
    }
  }
  if (files.length === 0) {
    throw new CliError(`${root}: no <user>/Trajectory/*.plt files (GeoLife layout) in this folder`);
  }
  return files;
}

function bucketCountFor(inputBytes: number, workers: number): number {
  const wanted = Math.ceil(inputBytes / BYTES_PER_BUCKET);
  return Math.max(1, workers, Math.min(MAX_BUCKETS, wanted));
}

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

function mergeTallies(
  into: Partial<Record<string, ReasonTally>>,
  from: Partial<Record<string, ReasonTally>>,
) {
  for (const [reason, tally] of Object.entries(from)) {
    if (tally === undefined) continue;
    const target = (into[reason] ??= { count: 0, seqs: [] });
    target.count += tally.count;
    target.seqs.push(...tally.seqs);
  }
}

/** The problem with the timestamps' formats, or the label of the format used. */
function checkTimeFormats(
  reports: ParseReport[],
  format: TimeFormat,
  describeLine: (seq: number) => string,
  source: string,
): string {
  const first = new Map<TimeClass, { seq: number; text: string }>();
  for (const report of reports) {
    for (const [key, value] of Object.entries(report.firstByTimeClass)) {
      const cls = Number(key) as TimeClass;
      const known = first.get(cls);
      if (value && (known === undefined || value.seq < known.seq)) first.set(cls, value);
    }
  }
  const local = first.get(TIME_CLASS.isoLocal);
  if (local) {
    throw new CliError(
      `${source}: ${describeLine(local.seq)}: timestamp "${local.text}" has no UTC offset; write instants as ISO 8601 with Z or an offset (+09:00), or as epoch ms/s`,
    );
  }
  const classes = [...first.entries()].sort((a, b) => a[1].seq - b[1].seq);
  if (format === 'auto') {
    if (classes.length === 0) return 'none (no data rows)';
    const [fileClass, fileFirst] = classes[0]!;
    const differing = classes.slice(1).sort((a, b) => a[1].seq - b[1].seq)[0];
    if (differing) {
      const [cls, at] = differing;
      const hint =
        cls === TIME_CLASS.epochMillis || cls === TIME_CLASS.epochSeconds
          ? ' (if all are epoch numbers, state the unit with --time-format epoch-ms or epoch-s)'
          : '';
      throw new CliError(
        `${source}: ${describeLine(at.seq)}: timestamp "${at.text}" is ${TIME_CLASS_LABELS[cls]}, but the file's timestamps are ${TIME_CLASS_LABELS[fileClass]} (from ${describeLine(fileFirst.seq)}); a file must use one timestamp format${hint}`,
      );
    }
    return TIME_CLASS_LABELS[fileClass];
  }
  const allowed: readonly TimeClass[] =
    format === 'iso' ? [TIME_CLASS.iso] : [TIME_CLASS.epochMillis, TIME_CLASS.epochSeconds];
  const wrong = classes.find(([cls]) => !allowed.includes(cls));
  if (wrong) {
    const [cls, at] = wrong;
    throw new CliError(
      `${source}: ${describeLine(at.seq)}: timestamp "${at.text}" is ${TIME_CLASS_LABELS[cls]}, not ${format} as --time-format says; a file must use one timestamp format`,
    );
  }
  return format === 'iso'
    ? TIME_CLASS_LABELS[TIME_CLASS.iso]
    : format === 'epoch-ms'
      ? TIME_CLASS_LABELS[TIME_CLASS.epochMillis]
      : TIME_CLASS_LABELS[TIME_CLASS.epochSeconds];
}

/** Runs the whole command; writes `output` and `output.rejects.json`, or throws a CliError. */
export async function runStaypoints(options: StaypointsOptions): Promise<StaypointsSummary> {
  const { input, output } = options;
  const inputStat = await statInput(input);
  const format: InputFormat = options.format ?? (inputStat.isDirectory() ? 'geolife' : 'csv');
  if (format === 'geolife' && !inputStat.isDirectory()) {
    throw new CliError(`${input}: --format geolife needs the folder that holds the user folders`);
  }
  if (format === 'csv' && !inputStat.isFile()) {
    throw new CliError(`${input}: is a folder; a GeoLife folder needs --format geolife`);
  }
  const pltFiles = format === 'geolife' ? await listGeolife(input) : [];
  const totalBytes =
    format === 'geolife' ? pltFiles.reduce((sum, f) => sum + f.bytes, 0) : inputStat.size;
  const workerCount =
    options.workers ?? (totalBytes < INLINE_BELOW_BYTES ? 0 : defaultWorkerCount());
  const gzip = format === 'csv' && (await isGzip(input));
  const bucketCount =
    options.bucketCount ?? bucketCountFor(gzip ? totalBytes * 5 : totalBytes, workerCount);

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
    const chunkLines = new Map<number, number>();
    let failure: unknown;
    const inFlight: Promise<void>[] = [];
    const track = (promise: Promise<WorkerReply>) => {
      inFlight.push(
        promise.then(
          (reply) => {
            if (reply.type === 'chunk-done' && reply.chunk >= 0) {
              chunkLines.set(reply.chunk, reply.lines);
            }
          },
          (err: unknown) => {
            failure ??= err;
          },
        ),
      );
    };
    const init = (setup: ParserSetup, hasAccuracy: boolean, hasAltitude: boolean) => {
      pool.workers.forEach((worker, workerIndex) =>
        track(
          worker.request({ type: 'init', workerIndex, tempDir, setup, hasAccuracy, hasAltitude }),
        ),
      );
    };
    const progress = (done: number) =>
      options.onProgress?.({ phase: 'read', done, total: totalBytes });

    let headerLines = 0;
    if (format === 'geolife') {
      init({ columns: [], timeFormat: 'auto', bucketCount }, false, true);
      let done = 0;
      for (let chunk = 0; chunk < pltFiles.length; chunk++) {
        const plt = pltFiles[chunk]!;
        const bytes = await readFile(plt.file);
        const buffer = new Uint8Array(bytes).buffer;
        const worker = await pool.freeWorker();
        if (failure) throw failure;
        track(
          worker.request(
            {
              type: 'chunk',
              chunk,
              buffer,
              start: 0,
              end: bytes.length,
              pltDeviceId: plt.deviceId,
            },
            [buffer],
          ),
        );
        done += plt.bytes;
        progress(done);
      }
    } else {
      const source = createReadStream(input, { highWaterMark: 1 << 20 });
      const stream = gzip ? source.pipe(createGunzip({ chunkSize: 1 << 20 })) : source;
      if (gzip) source.on('error', (err) => stream.destroy(err));
      let chunk = 0;
      let started = false;
      let buf = new Uint8Array(CHUNK_BYTES);
      let length = 0;
      const emit = async (cut: number) => {
        let start = 0;
        if (!started) {
          const newline = buf.subarray(0, cut).indexOf(10);
          const headerEnd = newline < 0 ? cut : newline;
          const header = new TextDecoder().decode(buf.subarray(0, headerEnd)).replace(/\r$/, '');
          const columns = parseCsvHeader(header, input);
          init(
            { columns, timeFormat: options.timeFormat, bucketCount },
            columns.includes('accuracy'),
            false,
          );
          headerLines = 1;
          started = true;
          start = newline < 0 ? cut : newline + 1;
        }
        const next = new Uint8Array(Math.max(CHUNK_BYTES, (length - cut) * 2));
        next.set(buf.subarray(cut, length));
        const worker = await pool.freeWorker();
        if (failure) throw failure;
        if (start < cut) {
          track(
            worker.request({ type: 'chunk', chunk, buffer: buf.buffer, start, end: cut }, [
              buf.buffer,
            ]),
          );
          chunk++;
        }
        buf = next;
        length -= cut;
        progress(source.bytesRead);
      };
      try {
        for await (const piece of stream as AsyncIterable<Buffer>) {
          let at = 0;
          while (at < piece.length) {
            if (length === buf.length) {
              const cut = buf.lastIndexOf(10) + 1;
              if (cut === 0) {
                const bigger = new Uint8Array(buf.length * 2);
                bigger.set(buf);
                buf = bigger;
              } else await emit(cut);
            }
            const n = Math.min(piece.length - at, buf.length - length);
            buf.set(piece.subarray(at, at + n), length);
            length += n;
            at += n;
          }
        }
      } catch (err) {
        if (err instanceof CliError) throw err;
        if (gzip) {
          throw new CliError(
            `${input}: broken gzip file (${(err as Error).message}); nothing was written`,
          );
        }
        throw new CliError(`${input}: could not be read (${(err as Error).message})`);
      }
      if (length > 0 || !started) {
        if (length === 0)
          throw new CliError(`${input}: empty file; expected the header ${HEADER_HINT}`);
        await emit(length);
      }
    }
    await Promise.all(inFlight);
    if (failure) throw failure;

    const finished = await Promise.all(
      pool.workers.map((worker) => worker.request({ type: 'finish' })),
    );
    const reports: ParseReport[] = [];
    const filesByWorker: (string | null)[][] = [];
    for (const reply of finished) {
      if (reply.type !== 'parsed') throw new Error(`unexpected worker reply ${reply.type}`);
      reports.push(reply.report);
      filesByWorker.push(reply.files);
    }

    clock.read = performance.now();
    // Where each chunk's lines start, to turn seqs into line numbers.
    const chunkFirstLine: number[] = [];
    let totalLines = 0;
    for (let chunk = 0; chunkLines.has(chunk); chunk++) {
      chunkFirstLine.push(headerLines + 1 + totalLines);
      const lines = chunkLines.get(chunk)!;
      // a .plt file's six header lines are not data lines
      totalLines += format === 'geolife' ? Math.max(0, lines - PLT_HEADER_LINES) : lines;
    }
    const locate = (seq: number): number | string => {
      const chunk = Math.floor(seq / LINES_PER_CHUNK);
      const line = seq - chunk * LINES_PER_CHUNK;
      return format === 'geolife'
        ? `${pltFiles[chunk]!.relative}:${line + 1}`
        : chunkFirstLine[chunk]! + line;
    };
    const describeLine = (seq: number) => {
      const place = locate(seq);
      return typeof place === 'number' ? `line ${place}` : place;
    };
    const timestamps =
      format === 'geolife'
        ? 'GeoLife date and time (UTC)'
        : checkTimeFormats(reports, options.timeFormat, describeLine, input);

    // Detection: buckets handed out one at a time to whichever worker is free.
    const buckets: number[] = [];
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      if (filesByWorker.some((files) => files[bucket])) buckets.push(bucket);
    }
    const results: BucketResult[] = [];
    let done = 0;
    options.onProgress?.({ phase: 'detect', done, total: buckets.length });
    const queue = [...buckets];
    await Promise.all(
      pool.workers.map(async (worker) => {
        for (let bucket = queue.shift(); bucket !== undefined; bucket = queue.shift()) {
          const files = filesByWorker.map((f) => f[bucket]).filter((f): f is string => !!f);
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
    const readTallies: Partial<Record<string, ReasonTally>> = {};
    for (const report of reports) mergeTallies(readTallies, report.rejects);
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
      timestamps,
      profile: options.profile,
      parameters: options.params,
      cleaning: {
        maxAccuracyM: Number.isFinite(options.cleaning.maxAccuracyM)
          ? options.cleaning.maxAccuracyM
          : null,
      },
      lines: totalLines,
      rows: reports.reduce((sum, r) => sum + r.rows, 0),
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
