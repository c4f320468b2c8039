/**
 * What a flow worker does with each request, without the thread: the worker thread
 * (flow-worker.ts) and the in-process mode for small inputs share it.
 */
import path from 'node:path';
import type { CleaningOptions } from '../../domain/mobility/clean-fixes';
import type { StayPointParams } from '../../domain/mobility/detect-stay-points';
import { BucketWriter } from './bucket-files';
import { FixChunkParser, type ParseReport, type ParserSetup } from './fix-chunk-parser';
import type { FlowBucketCounters } from './flow-bucket-file';
import { processBucket, type BucketResult } from './process-bucket';
import { type FlowBucketSetup, processFlowBucket } from './process-flow-bucket';

export type WorkerRequest =
  | {
      type: 'init';
      workerIndex: number;
      tempDir: string;
      setup: ParserSetup;
      hasAccuracy: boolean;
      hasAltitude: boolean;
    }
  | {
      type: 'chunk';
      chunk: number;
      buffer: ArrayBuffer;
      start: number;
      end: number;
      /** GeoLife: the user folder's name; CSV: undefined. */
      pltDeviceId?: string;
    }
  | { type: 'finish' }
  | {
      type: 'bucket';
      bucket: number;
      files: string[];
      params: StayPointParams;
      cleaning: CleaningOptions;
    }
  | {
      /** `flow analyze`: one partition's metrics, written to `resultFile`. */
      type: 'flow-bucket';
      bucket: number;
      files: string[];
      setup: FlowBucketSetup;
      resultFile: string;
    };

export type WorkerReply =
  | { type: 'chunk-done'; chunk: number; lines: number; rows: number }
  | { type: 'parsed'; report: ParseReport; files: (string | null)[] }
  | { type: 'bucket-done'; bucket: number; result: BucketResult }
  | { type: 'flow-bucket-done'; bucket: number; counters: FlowBucketCounters }
  | { type: 'error'; message: string };

export class FlowWorkerState {
  private writers: BucketWriter[] = [];
  private parser: FixChunkParser | undefined;

  handle(message: WorkerRequest): WorkerReply {
    switch (message.type) {
      case 'init': {
        const { setup, tempDir, workerIndex } = message;
        this.writers = Array.from(
          { length: setup.bucketCount },
          (_, bucket) =>
            new BucketWriter(
              path.join(tempDir, `w${workerIndex}-b${bucket}.bin`),
              message.hasAccuracy,
              message.hasAltitude,
            ),
        );
        this.parser = new FixChunkParser(setup, this.writers);
        return { type: 'chunk-done', chunk: -1, lines: 0, rows: 0 };
      }
      case 'chunk': {
        const parser = this.parser;
        if (parser === undefined) throw new Error('chunk before init');
        const bytes = new Uint8Array(message.buffer);
        const rowsBefore = parser.rows;
        const lines =
          message.pltDeviceId === undefined
            ? parser.parseCsv(bytes, message.start, message.end, message.chunk)
            : parser.parsePlt(
                bytes,
                message.start,
                message.end,
                message.chunk,
                message.pltDeviceId,
              );
        return { type: 'chunk-done', chunk: message.chunk, lines, rows: parser.rows - rowsBefore };
      }
      case 'finish': {
        if (this.parser === undefined) throw new Error('finish before init');
        const files = this.writers.map((writer) => (writer.close() ? writer.path : null));
        return { type: 'parsed', report: this.parser.report(), files };
      }
      case 'bucket':
        return {
          type: 'bucket-done',
          bucket: message.bucket,
          result: processBucket(message.files, message.params, message.cleaning),
        };
      case 'flow-bucket':
        return {
          type: 'flow-bucket-done',
          bucket: message.bucket,
          counters: processFlowBucket(
            message.bucket,
            message.files,
            message.setup,
            message.resultFile,
          ),
        };
    }
  }

  /** Closes the open bucket files after an error. */
  abandon(): void {
    for (const writer of this.writers) writer.abandon();
  }
}
