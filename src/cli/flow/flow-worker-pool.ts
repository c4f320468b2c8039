import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FlowWorkerState, type WorkerReply, type WorkerRequest } from './flow-worker-state';

const BOOT = new URL('./flow-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./flow-worker.ts', import.meta.url).href;

/** Chunks queued per worker while it parses one: enough to never starve, little memory. */
const CHUNKS_IN_FLIGHT = 2;

/** As many workers as cores (at most 8): the main thread only reads and hands out chunks. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

type Pending = { resolve: (reply: WorkerReply) => void; reject: (err: Error) => void };

/** What the pool needs of a worker, threaded or not. */
export type FlowWorkerHandle = {
  readonly pending: readonly unknown[];
  request(message: WorkerRequest, transfer?: ArrayBuffer[]): Promise<WorkerReply>;
  terminate(): Promise<unknown>;
};

/** The work done on the main thread: for small inputs, where starting threads costs more. */
class InlineFlowWorker implements FlowWorkerHandle {
  readonly pending: never[] = [];
  private readonly state = new FlowWorkerState();

  async request(message: WorkerRequest): Promise<WorkerReply> {
    try {
      return this.state.handle(message);
    } catch (err) {
      this.state.abandon();
      throw err;
    }
  }

  async terminate(): Promise<void> {}
}

class FlowWorker implements FlowWorkerHandle {
  readonly pending: Pending[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly worker: Worker,
    private readonly onReply: () => void,
  ) {
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.shift();
      if (waiting === undefined) return;
      if (reply.type === 'error') waiting.reject(new Error(`flow worker: ${reply.message}`));
      else waiting.resolve(reply);
      this.onReply();
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`flow worker exited with code ${code}`)));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const waiting of this.pending.splice(0)) waiting.reject(err);
    this.onReply();
  }

  request(message: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  terminate(): Promise<number> {
    this.worker.removeAllListeners('exit');
    return this.worker.terminate();
  }
}

/**
 * The worker threads of one run, with a little flow control for the reading phase; with
 * `count` 0, one in-process worker instead.
 */
export class FlowWorkerPool {
  readonly workers: FlowWorkerHandle[];
  private slotWaiters: (() => void)[] = [];

  constructor(count: number) {
    this.workers =
      count === 0
        ? [new InlineFlowWorker()]
        : Array.from(
            { length: count },
            () =>
              new FlowWorker(new Worker(BOOT, { workerData: { entry: ENTRY } }), () => {
                for (const wake of this.slotWaiters.splice(0)) wake();
              }),
          );
  }

  /** The least busy worker once one has room for another chunk. */
  async freeWorker(): Promise<FlowWorkerHandle> {
    for (;;) {
      let best: FlowWorkerHandle | undefined;
      for (const worker of this.workers) {
        if (worker.pending.length < CHUNKS_IN_FLIGHT) {
          if (best === undefined || worker.pending.length < best.pending.length) best = worker;
        }
      }
      if (best) return best;
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
