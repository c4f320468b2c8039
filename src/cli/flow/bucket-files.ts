/**
 * Fixes partitioned by a hash of the device id into buckets, each bucket spilled to a temp file
 * per reading worker. A bucket holds every fix of its devices, so the stay points of one bucket
 * need nothing from another: buckets are processed one at a time per worker, and memory stays
 * at about one bucket per worker whatever the size of the input.
 *
 * File layout (native byte order, written and read on the same machine): a sequence of blocks.
 * Rows block: Int32 [1, n, hasAccuracy, hasAltitude], then the columns device (Int32 × n), tsMs,
 * lat, lon, [accuracyM], [altitudeM], seq (Float64 × n). Dictionary block (last): Int32
 * [2, count, byteLength, 0], Int32 offsets × (count + 1), then the id bytes (UTF-8).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The final avalanche of {@link hashDeviceId}, after FNV-1a over the bytes. */
export function finishHash(fnv: number): number {
  let h = fnv;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over the id's bytes, then a final avalanche so that buckets spread well. */
export function hashDeviceId(bytes: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return finishHash(h);
}

/** The bucket of a device hash (31 bits, so that `%` stays on small integers). */
export function bucketOf(hash: number, bucketCount: number): number {
  return (hash >>> 1) % bucketCount;
}

/** Device ids of one bucket as bytes, numbered in order of first appearance. */
export class DeviceDictionary {
  private table = new Int32Array(1024); // device index + 1; 0 = empty
  private hashes = new Uint32Array(256);
  private offsets = new Int32Array(257);
  private arena = new Uint8Array(4096);
  count = 0;

  /** The index of the id `bytes[s, e)` with hash `hash`, adding it when new. */
  indexOf(bytes: Uint8Array, s: number, e: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = e - s;
    let slot = hash & mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const index = entry - 1;
      if (this.hashes[index] === hash) {
        const start = this.offsets[index]!;
        if (this.offsets[index + 1]! - start === length) {
          let same = true;
          for (let k = 0; k < length; k++) {
            if (this.arena[start + k] !== bytes[s + k]) {
              same = false;
              break;
            }
          }
          if (same) return index;
        }
      }
      slot = (slot + 1) & mask;
    }
    return this.add(bytes, s, e, hash, slot);
  }

  private add(bytes: Uint8Array, s: number, e: number, hash: number, slot: number): number {
    const index = this.count;
    if (index + 1 >= this.hashes.length) {
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const offsets = new Int32Array(hashes.length + 1);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    const start = this.offsets[index]!;
    const end = start + (e - s);
    if (end > this.arena.length) {
      let size = this.arena.length * 2;
      while (size < end) size *= 2;
      const arena = new Uint8Array(size);
      arena.set(this.arena.subarray(0, start));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(s, e), start);
    this.offsets[index + 1] = end;
    this.hashes[index] = hash;
    this.table[slot] = index + 1;
    this.count = index + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return index;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let index = 0; index < this.count; index++) {
      let slot = this.hashes[index]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = index + 1;
    }
    this.table = table;
  }

  /** Whether device `index` is the id `bytes[s, e)`. */
  holds(index: number, bytes: Uint8Array, s: number, e: number): boolean {
    const start = this.offsets[index]!;
    if (this.offsets[index + 1]! - start !== e - s) return false;
    for (let k = 0; k < e - s; k++) if (this.arena[start + k] !== bytes[s + k]) return false;
    return true;
  }

  /** Offsets (count + 1) and the id bytes, for the file. */
  contents(): { offsets: Int32Array; bytes: Uint8Array } {
    return {
      offsets: this.offsets.subarray(0, this.count + 1),
      bytes: this.arena.subarray(0, this.offsets[this.count]!),
    };
  }
}

/** Rows per block: a bucket's open block costs about 0.7 MB of memory per worker. */
export const BLOCK_ROWS = 16_384;

export type BucketColumns = {
  device: Int32Array;
  tsMs: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  accuracyM: Float64Array | undefined;
  altitudeM: Float64Array | undefined;
  seq: Float64Array;
};

function writeView(fd: number, view: ArrayBufferView, elements: number, bytesPer: number): void {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, elements * bytesPer);
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}

/** Appends one reading worker's fixes of one bucket to its file, a block at a time. */
export class BucketWriter {
  readonly dictionary = new DeviceDictionary();
  rows = 0;
  private fd = -1;
  private length = 0;
  private readonly columns: BucketColumns;

  constructor(
    readonly path: string,
    hasAccuracy: boolean,
    hasAltitude: boolean,
  ) {
    this.columns = {
      device: new Int32Array(BLOCK_ROWS),
      tsMs: new Float64Array(BLOCK_ROWS),
      lat: new Float64Array(BLOCK_ROWS),
      lon: new Float64Array(BLOCK_ROWS),
      accuracyM: hasAccuracy ? new Float64Array(BLOCK_ROWS) : undefined,
      altitudeM: hasAltitude ? new Float64Array(BLOCK_ROWS) : undefined,
      seq: new Float64Array(BLOCK_ROWS),
    };
  }

  append(
    device: number,
    tsMs: number,
    lat: number,
    lon: number,
    accuracyM: number,
    altitudeM: number,
    seq: number,
  ): void {
    const c = this.columns;
    const k = this.length;
    c.device[k] = device;
    c.tsMs[k] = tsMs;
    c.lat[k] = lat;
    c.lon[k] = lon;
    if (c.accuracyM !== undefined) c.accuracyM[k] = accuracyM;
    if (c.altitudeM !== undefined) c.altitudeM[k] = altitudeM;
    c.seq[k] = seq;
    this.length = k + 1;
    this.rows++;
    if (this.length === BLOCK_ROWS) this.flush();
  }

  private open(): number {
    if (this.fd < 0) this.fd = openSync(this.path, 'w');
    return this.fd;
  }

  private flush(): void {
    const n = this.length;
    if (n === 0) return;
    const fd = this.open();
    const c = this.columns;
    writeView(
      fd,
      Int32Array.of(1, n, c.accuracyM ? 1 : 0, c.altitudeM ? 1 : 0),
      4,
      Int32Array.BYTES_PER_ELEMENT,
    );
    writeView(fd, c.device, n, 4);
    writeView(fd, c.tsMs, n, 8);
    writeView(fd, c.lat, n, 8);
    writeView(fd, c.lon, n, 8);
    if (c.accuracyM) writeView(fd, c.accuracyM, n, 8);
    if (c.altitudeM) writeView(fd, c.altitudeM, n, 8);
    writeView(fd, c.seq, n, 8);
    this.length = 0;
  }

  /** Writes the last block and the dictionary, closes the file; false if it holds no row. */
  close(): boolean {
    if (this.rows === 0) return false;
    this.flush();
    const fd = this.open();
    const { offsets, bytes } = this.dictionary.contents();
    writeView(fd, Int32Array.of(2, this.dictionary.count, bytes.length, 0), 4, 4);
    writeView(fd, offsets, offsets.length, 4);
    writeView(fd, bytes, bytes.length, 1);
    closeSync(fd);
    this.fd = -1;
    return true;
  }

  /** Closes without finishing (after an error). */
  abandon(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

export type BucketFileContents = {
  blocks: BucketColumns[];
  rows: number;
  deviceIds: string[];
};

function readInto(fd: number, view: ArrayBufferView, position: number): number {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let done = 0;
  while (done < bytes.length) {
    const got = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (got === 0) throw new Error('bucket file ends early');
    done += got;
  }
  return position + bytes.length;
}

/** Everything one reading worker wrote for one bucket. */
export function readBucketFile(path: string): BucketFileContents {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder();
  try {
    const blocks: BucketColumns[] = [];
    let rows = 0;
    let position = 0;
    for (;;) {
      const header = new Int32Array(4);
      position = readInto(fd, header, position);
      const n = header[1]!;
      if (header[0] === 2) {
        const offsets = new Int32Array(n + 1);
        position = readInto(fd, offsets, position);
        const bytes = new Uint8Array(header[2]!);
        readInto(fd, bytes, position);
        const deviceIds = new Array<string>(n);
        for (let i = 0; i < n; i++) {
          deviceIds[i] = decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
        }
        return { blocks, rows, deviceIds };
      }
      const block: BucketColumns = {
        device: new Int32Array(n),
        tsMs: new Float64Array(n),
        lat: new Float64Array(n),
        lon: new Float64Array(n),
        accuracyM: header[2] ? new Float64Array(n) : undefined,
        altitudeM: header[3] ? new Float64Array(n) : undefined,
        seq: new Float64Array(n),
      };
      position = readInto(fd, block.device, position);
      position = readInto(fd, block.tsMs, position);
      position = readInto(fd, block.lat, position);
      position = readInto(fd, block.lon, position);
      if (block.accuracyM) position = readInto(fd, block.accuracyM, position);
      if (block.altitudeM) position = readInto(fd, block.altitudeM, position);
      position = readInto(fd, block.seq, position);
      blocks.push(block);
      rows += n;
    }
  } finally {
    closeSync(fd);
  }
}
