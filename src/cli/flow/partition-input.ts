/**
 * The first half of every `tsunagu flow` command: read a ping file (CSV, gzip CSV or a GeoLife
 * folder) and partition its rows by a hash of the device id into bucket files, in worker
 * threads. A bucket holds every fix of its devices, so each can then be analysed on its own —
 * the same unit of work a job queue hands to workers on other machines.
 *
 * Reading is streamed in line-aligned chunks of 8 MiB handed to the least busy worker; each
 * worker appends its rows to one spill file per bucket, so memory stays at a few chunks plus
 * one open block per bucket per worker, however large the input.
 */
import { createReadStream, type Stats } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { CliError } from '../cli-errors';
import {
  CSV_COLUMNS,
  type CsvColumn,
  LINES_PER_CHUNK,
  PLT_HEADER_LINES,
  type ParseReport,
  type ParserSetup,
  type TimeFormat,
} from './fix-chunk-parser';
import { type FlowWorkerPool, defaultWorkerCount } from './flow-worker-pool';
import type { WorkerReply } from './flow-worker-state';
import { TIME_CLASS, TIME_CLASS_LABELS, type TimeClass } from './parse-fields';
import type { ReasonTally } from './process-bucket';

export type InputFormat = 'csv' | 'geolife';

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

async function statInput(input: string): Promise<Stats> {
  try {
    return await stat(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${input}: ${code === 'ENOENT' ? 'no such file or folder' : String(err)}`);
  }
}

export type PltFile = {
  deviceId: string;
  file: string;
  relative: string;
  bytes: number;
  mtimeMs: number;
};

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
      const s = await stat(file);
      files.push({
        deviceId: user,
        file,
        relative: `${user}/Trajectory/${name}`,
        bytes: s.size,
        mtimeMs: s.mtimeMs,
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

/** Reading was stopped (Ctrl-C): the partition is incomplete and must be started again. */
export class PartitionStopped extends Error {
  constructor() {
    super('partitioning stopped');
    this.name = 'PartitionStopped';
  }
}

/** What is known about an input before reading it. */
export type InputDescription = {
  input: string;
  format: InputFormat;
  gzip: boolean;
  /** The file's size, or the GeoLife files' total. */
  totalBytes: number;
  /** The file's modification time, or the latest of the GeoLife files. */
  mtimeMs: number;
  pltFiles: PltFile[];
  workerCount: number;
  bucketCount: number;
};

/**
 * Looks at the input (file or GeoLife folder, gzip or not) and decides the worker and bucket
 * counts: one worker per core (none below 16 MiB), a bucket per ≈ 32 MiB of (unzipped) input.
 */
export async function describeInput(options: {
  input: string;
  format?: InputFormat;
  workers?: number;
  bucketCount?: number;
}): Promise<InputDescription> {
  const { input } = options;
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
  const mtimeMs =
    format === 'geolife' ? Math.max(...pltFiles.map((f) => f.mtimeMs)) : inputStat.mtimeMs;
  const workerCount =
    options.workers ?? (totalBytes < INLINE_BELOW_BYTES ? 0 : defaultWorkerCount());
  const gzip = format === 'csv' && (await isGzip(input));
  const bucketCount =
    options.bucketCount ?? bucketCountFor(gzip ? totalBytes * 5 : totalBytes, workerCount);
  return { input, format, gzip, totalBytes, mtimeMs, pltFiles, workerCount, bucketCount };
}

/** The reading phase's outcome: where every bucket's rows are, and what was refused. */
export type Partition = {
  /** How timestamps were read: a TIME_CLASS label, or GeoLife's UTC date and time. */
  timestamps: string;
  /** Data lines read (header lines not counted). */
  lines: number;
  /** Rows that became fixes, before cleaning. */
  rows: number;
  /** Per reason, lines refused by the reader (seqs: see {@link lineOfSeq}). */
  readRejects: Partial<Record<string, ReasonTally>>;
  /** For each bucket, its spill files (one per reading worker that wrote some of it). */
  filesByBucket: string[][];
  /** Where each chunk's lines start (CSV), to turn seqs into line numbers. */
  chunkFirstLine: number[];
  /** GeoLife: each chunk's file, relative to the folder. */
  chunkFiles: string[];
};

/** The place of a row's seq in the input: a CSV line number, or `<user>/Trajectory/<file>.plt:<line>`. */
export function lineOfSeq(partition: Partition, seq: number): number | string {
  const chunk = Math.floor(seq / LINES_PER_CHUNK);
  const line = seq - chunk * LINES_PER_CHUNK;
  return partition.chunkFiles.length > 0
    ? `${partition.chunkFiles[chunk]}:${line + 1}`
    : partition.chunkFirstLine[chunk]! + line;
}

export function describeSeq(partition: Partition, seq: number): string {
  const place = lineOfSeq(partition, seq);
  return typeof place === 'number' ? `line ${place}` : place;
}

export function mergeTallies(
  into: Partial<Record<string, ReasonTally>>,
  from: Partial<Record<string, ReasonTally>>,
): void {
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

/**
 * Reads the whole input into bucket files under `spillDir`, through the pool's workers. Throws
 * a CliError for an input that cannot be read as a whole (wrong columns, broken gzip, mixed
 * timestamp formats); refused lines are counted, not fatal.
 */
export async function partitionInput(
  description: InputDescription,
  pool: FlowWorkerPool,
  spillDir: string,
  options: {
    timeFormat: TimeFormat;
    onProgress?: (doneBytes: number, totalBytes: number) => void;
    /** Stops reading between chunks (the partition is then incomplete: throws PartitionStopped). */
    signal?: AbortSignal;
  },
): Promise<Partition> {
  const { input, format, gzip, pltFiles, totalBytes, bucketCount } = description;
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
        worker.request({
          type: 'init',
          workerIndex,
          tempDir: spillDir,
          setup,
          hasAccuracy,
          hasAltitude,
        }),
      ),
    );
  };
  const progress = (done: number) => options.onProgress?.(done, totalBytes);

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
      if (options.signal?.aborted) throw new PartitionStopped();
      track(
        worker.request(
          { type: 'chunk', chunk, buffer, start: 0, end: bytes.length, pltDeviceId: plt.deviceId },
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
      if (options.signal?.aborted) throw new PartitionStopped();
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
      if (err instanceof CliError || err instanceof PartitionStopped) throw err;
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
  const filesByBucket: string[][] = Array.from({ length: bucketCount }, () => []);
  for (const reply of finished) {
    if (reply.type !== 'parsed') throw new Error(`unexpected worker reply ${reply.type}`);
    reports.push(reply.report);
    reply.files.forEach((file, bucket) => {
      if (file) filesByBucket[bucket]!.push(file);
    });
  }

  const chunkFirstLine: number[] = [];
  let lines = 0;
  for (let chunk = 0; chunkLines.has(chunk); chunk++) {
    chunkFirstLine.push(headerLines + 1 + lines);
    const n = chunkLines.get(chunk)!;
    // a .plt file's six header lines are not data lines
    lines += format === 'geolife' ? Math.max(0, n - PLT_HEADER_LINES) : n;
  }
  const readRejects: Partial<Record<string, ReasonTally>> = {};
  for (const report of reports) mergeTallies(readRejects, report.rejects);
  const partition: Partition = {
    timestamps: '',
    lines,
    rows: reports.reduce((sum, r) => sum + r.rows, 0),
    readRejects,
    filesByBucket,
    chunkFirstLine,
    chunkFiles: format === 'geolife' ? pltFiles.map((f) => f.relative) : [],
  };
  partition.timestamps =
    format === 'geolife'
      ? 'GeoLife date and time (UTC)'
      : checkTimeFormats(reports, options.timeFormat, (seq) => describeSeq(partition, seq), input);
  return partition;
}
