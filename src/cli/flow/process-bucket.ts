/**
 * One bucket of devices from its spill files to output lines: group the fixes by device,
 * clean each device (domain), detect its stay points (domain), format them. Runs in a worker.
 */
import {
  CLEANING_DROP_REASONS,
  type CleaningDropReason,
  type CleaningOptions,
  cleanDeviceFixes,
} from '../../domain/mobility/clean-fixes';
import { detectStayPoints, type StayPointParams } from '../../domain/mobility/detect-stay-points';
import { readBucketFile } from './bucket-files';
import { LISTED_PER_REASON } from './fix-chunk-parser';
import { formatUtcIso } from './parse-fields';

export const STAY_POINT_CSV_HEADER = 'device_id,started_at,finished_at,lat,lon,n_fixes,end_reason';

export type ReasonTally = { count: number; seqs: number[] };

export type BucketResult = {
  /** Devices with at least one stay point, in output order. */
  deviceIds: string[];
  /** Their output lines, one string per device. */
  lines: string[];
  devices: number;
  fixes: number;
  keptFixes: number;
  stayPoints: number;
  drops: Partial<Record<CleaningDropReason, ReasonTally>>;
};

/** A CSV field, quoted only when it must be. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Keeps the smallest `LISTED_PER_REASON` seqs without sorting on every push. */
function noteSeq(tally: ReasonTally, seq: number): void {
  tally.count++;
  tally.seqs.push(seq);
  if (tally.seqs.length >= 4 * LISTED_PER_REASON) trimSeqs(tally);
}

export function trimSeqs(tally: ReasonTally): void {
  tally.seqs.sort((a, b) => a - b);
  if (tally.seqs.length > LISTED_PER_REASON) tally.seqs.length = LISTED_PER_REASON;
}

/** Every fix of one bucket, grouped by device: device d's rows are `starts[d]…starts[d + 1]`. */
export type BucketDevices = {
  ids: string[];
  starts: Int32Array;
  tsMs: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  seq: Float64Array;
  accuracyM: Float64Array | undefined;
  altitudeM: Float64Array | undefined;
  /** Rows of the device with the most. */
  largest: number;
  total: number;
};

/** Reads a bucket's spill files (one per reading worker) and groups the rows by device. */
export function loadBucketDevices(files: readonly string[]): BucketDevices {
  const contents = files.map((file) => readBucketFile(file));
  const deviceIndex = new Map<string, number>();
  const ids: string[] = [];
  const localToDevice = contents.map((content) => {
    const map = new Int32Array(content.deviceIds.length);
    content.deviceIds.forEach((id, local) => {
      let device = deviceIndex.get(id);
      if (device === undefined) {
        device = ids.length;
        deviceIndex.set(id, device);
        ids.push(id);
      }
      map[local] = device;
    });
    return map;
  });

  const deviceCount = ids.length;
  const starts = new Int32Array(deviceCount + 1);
  let total = 0;
  let hasAccuracy = false;
  let hasAltitude = false;
  contents.forEach((content, f) => {
    const map = localToDevice[f]!;
    for (const block of content.blocks) {
      const device = block.device;
      for (let k = 0; k < device.length; k++) starts[map[device[k]!]! + 1]!++;
      total += device.length;
      hasAccuracy ||= block.accuracyM !== undefined;
      hasAltitude ||= block.altitudeM !== undefined;
    }
  });
  for (let d = 0; d < deviceCount; d++) starts[d + 1]! += starts[d]!;

  const tsMs = new Float64Array(total);
  const lat = new Float64Array(total);
  const lon = new Float64Array(total);
  const seq = new Float64Array(total);
  const accuracyM = hasAccuracy ? new Float64Array(total) : undefined;
  const altitudeM = hasAltitude ? new Float64Array(total) : undefined;
  const fill = starts.slice(0, deviceCount);
  contents.forEach((content, f) => {
    const map = localToDevice[f]!;
    for (const block of content.blocks) {
      for (let k = 0; k < block.device.length; k++) {
        const at = fill[map[block.device[k]!]!]!++;
        tsMs[at] = block.tsMs[k]!;
        lat[at] = block.lat[k]!;
        lon[at] = block.lon[k]!;
        seq[at] = block.seq[k]!;
        if (accuracyM) accuracyM[at] = block.accuracyM ? block.accuracyM[k]! : NaN;
        if (altitudeM) altitudeM[at] = block.altitudeM ? block.altitudeM[k]! : NaN;
      }
    }
    content.blocks.length = 0; // let the blocks go as soon as they are copied
  });
  let largest = 0;
  for (let d = 0; d < deviceCount; d++) largest = Math.max(largest, starts[d + 1]! - starts[d]!);
  return { ids, starts, tsMs, lat, lon, seq, accuracyM, altitudeM, largest, total };
}

/** Reusable buffers for one device's cleaned track, as large as the bucket's largest device. */
export type TrackBuffers = { tsMs: Float64Array; lat: Float64Array; lon: Float64Array };

export function trackBuffers(bucket: BucketDevices): TrackBuffers {
  return {
    tsMs: new Float64Array(bucket.largest),
    lat: new Float64Array(bucket.largest),
    lon: new Float64Array(bucket.largest),
  };
}

/**
 * Cleans device `d` (domain rules), counting every dropped fix by reason, and copies its kept
 * fixes in time order into `track`; returns how many were kept.
 */
export function cleanDeviceInto(
  bucket: BucketDevices,
  d: number,
  cleaning: CleaningOptions,
  drops: Partial<Record<CleaningDropReason, ReasonTally>>,
  track: TrackBuffers,
): number {
  const { tsMs, lat, lon, seq, accuracyM, altitudeM } = bucket;
  const from = bucket.starts[d]!;
  const to = bucket.starts[d + 1]!;
  const cleaned = cleanDeviceFixes(
    {
      tsMs: tsMs.subarray(from, to),
      lat: lat.subarray(from, to),
      lon: lon.subarray(from, to),
      accuracyM: accuracyM?.subarray(from, to),
      altitudeM: altitudeM?.subarray(from, to),
      seq: seq.subarray(from, to),
    },
    cleaning,
  );
  for (let k = 0; k < cleaned.dropped.length; k++) {
    const reason = CLEANING_DROP_REASONS[cleaned.reasons[k]!]!;
    noteSeq((drops[reason] ??= { count: 0, seqs: [] }), seq[from + cleaned.dropped[k]!]!);
  }
  const kept = cleaned.kept;
  const n = kept.length;
  for (let k = 0; k < n; k++) {
    const i = from + kept[k]!;
    track.tsMs[k] = tsMs[i]!;
    track.lat[k] = lat[i]!;
    track.lon[k] = lon[i]!;
  }
  return n;
}

/**
 * Stay points of every device in the bucket files `files` (one per reading worker).
 *
 * Devices come out ordered by id (JavaScript string order, i.e. UTF-16 code units), and each
 * device's stay points by start time.
 */
export function processBucket(
  files: readonly string[],
  params: StayPointParams,
  cleaning: CleaningOptions,
): BucketResult {
  const bucket = loadBucketDevices(files);
  const { ids } = bucket;
  const order = Array.from({ length: ids.length }, (_, d) => d);
  order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const track = trackBuffers(bucket);
  const result: BucketResult = {
    deviceIds: [],
    lines: [],
    devices: ids.length,
    fixes: bucket.total,
    keptFixes: 0,
    stayPoints: 0,
    drops: {},
  };
  for (const d of order) {
    const n = cleanDeviceInto(bucket, d, cleaning, result.drops, track);
    result.keptFixes += n;
    const stayPoints = detectStayPoints(
      {
        tsMs: track.tsMs.subarray(0, n),
        lat: track.lat.subarray(0, n),
        lon: track.lon.subarray(0, n),
      },
      params,
    );
    if (stayPoints.length === 0) continue;
    const id = csvField(ids[d]!);
    let text = '';
    for (const sp of stayPoints) {
      text += `${id},${formatUtcIso(sp.startedAtMs)},${formatUtcIso(sp.finishedAtMs)},${sp.lat.toFixed(9)},${sp.lon.toFixed(9)},${sp.nFixes},${sp.endReason}\n`;
    }
    result.deviceIds.push(ids[d]!);
    result.lines.push(text);
    result.stayPoints += stayPoints.length;
  }
  for (const tally of Object.values(result.drops)) trimSeqs(tally);
  return result;
}
