// Worker threads do not inherit the tsx loader that `bin/tsunagu.js` registers in the main
// thread: register it here, then load the TypeScript worker named by the parent.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
