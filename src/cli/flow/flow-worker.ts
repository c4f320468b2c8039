/**
 * A worker thread of `tsunagu flow staypoints` and `flow analyze`: reads chunks into its bucket
 * files, then turns whole buckets into stay points (staypoints) or into a partition's people-flow
 * aggregate (analyze). Started through flow-worker-boot.mjs (which loads TypeScript).
 */
import { parentPort } from 'node:worker_threads';
import { FlowWorkerState, type WorkerReply, type WorkerRequest } from './flow-worker-state';

const port = parentPort;
if (port === null) throw new Error('flow-worker runs only as a worker thread');

const state = new FlowWorkerState();
port.on('message', (message: WorkerRequest) => {
  try {
    port.postMessage(state.handle(message));
  } catch (err) {
    state.abandon();
    port.postMessage({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    } satisfies WorkerReply);
  }
});
