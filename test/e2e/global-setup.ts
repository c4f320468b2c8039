import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server under test answers, as the browser reaches it. */
    baseUrl: string;
  }
}

const readyTimeoutMs = 120_000;

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (built web app, fresh embedded database, demo seeded) for the browser
 * tests, and stops it and removes its data afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = path.resolve(import.meta.dirname, '../..');
  if (!existsSync(path.join(root, 'dist/web/index.html'))) {
    throw new Error(
      'dist/web is missing: run `npm run build:web` (npm run test:e2e does it first)',
    );
  }
  await mkdir(path.join(root, 'test-results/e2e'), { recursive: true });
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-e2e-'));
  // "localhost", not 127.0.0.1: PUBLIC_URL's origin is the one trusted for cookie writes.
  const baseUrl = `http://localhost:${port}`;

  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TSUNAGU_DATA_DIR: dataDir,
      TSUNAGU_SEED_DEMO: 'true',
      TSUNAGU_WEB_DIR: 'dist/web',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: baseUrl,
      // Every test signs its people in afresh; the demo accounts would hit the default 10.
      LOGIN_ATTEMPTS_PER_5_MIN: '500',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 25_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  let ready = false;
  while (!ready) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(
        `the server exited with code ${server.exitCode} before it was ready:\n${output}`,
      );
    }
    if (Date.now() - started > readyTimeoutMs) {
      await stop();
      throw new Error(`the server was not ready within ${readyTimeoutMs / 1000} s:\n${output}`);
    }
    try {
      ready = (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
    } catch {
      ready = false;
    }
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`e2e: server ready at ${baseUrl} in ${Date.now() - started} ms`);

  project.provide('baseUrl', baseUrl);
  return stop;
}
