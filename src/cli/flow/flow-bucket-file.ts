/**
 * A finished partition of `flow analyze`: its mergeable aggregate and counters, as one JSON
 * file written atomically (temporary file, then rename) — it exists whole or not at all, so
 * its presence is what marks the partition done. The same file is what a worker on another
 * machine would hand back to a job queue.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import {
  type FlowAggregate,
  type QualityCounters,
  createFlowAggregate,
} from '../../domain/mobility/flow-aggregate';
import { FLOW_METRICS } from '../../domain/mobility/metrics';
import type { ReasonTally } from './process-bucket';

/** An aggregate as JSON: cells as [municipality, scope, origin, values, devices]. */
export type SerializedFlowAggregate = {
  metrics: readonly string[];
  cells: [string, string, string, number[], number[]][];
  panel: [string, number][];
  quality: [string, QualityCounters][];
};

export type FlowBucketCounters = {
  devices: number;
  /** Rows read into the bucket, before cleaning. */
  fixes: number;
  keptFixes: number;
  stayPoints: number;
  /** Earliest and latest cleaned fix (epoch ms), null when none was kept. */
  firstFixMs: number | null;
  lastFixMs: number | null;
};

export type FlowBucketFile = FlowBucketCounters & {
  /** The run the partition belongs to (a digest of the input and the flags). */
  runId: string;
  bucket: number;
  drops: Partial<Record<string, ReasonTally>>;
  aggregate: SerializedFlowAggregate;
};

export function serializeFlowAggregate(aggregate: FlowAggregate): SerializedFlowAggregate {
  return {
    metrics: FLOW_METRICS,
    cells: [...aggregate.cells.values()].map((c) => [
      c.municipality,
      c.scope,
      c.origin,
      Array.from(c.values),
      Array.from(c.devices),
    ]),
    panel: [...aggregate.panel],
    quality: [...aggregate.quality],
  };
}

export function deserializeFlowAggregate(data: SerializedFlowAggregate): FlowAggregate {
  if (data.metrics.join() !== FLOW_METRICS.join()) {
    throw new Error('partition written with another list of metrics');
  }
  const aggregate = createFlowAggregate();
  for (const [municipality, scope, origin, values, devices] of data.cells) {
    aggregate.cells.set(`${municipality}|${scope}|${origin}`, {
      municipality,
      scope,
      origin,
      values: Float64Array.from(values),
      devices: Float64Array.from(devices),
    });
  }
  for (const [key, n] of data.panel) aggregate.panel.set(key, n);
  for (const [scope, q] of data.quality) aggregate.quality.set(scope, { ...q });
  return aggregate;
}

/**
 * Writes `text` to `file` so that the file is either the old one or the whole new one: a
 * temporary file beside it, flushed to disk, then renamed over it.
 */
export function writeFileAtomicallySync(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    const bytes = Buffer.from(text);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** A finished partition of this run, or null when the file is missing, torn or another run's. */
export function readFlowBucketFile(file: string, runId: string): FlowBucketFile | null {
  let data: FlowBucketFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as FlowBucketFile;
  } catch {
    return null;
  }
  return data.runId === runId ? data : null;
}
