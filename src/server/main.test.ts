import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real entry point as a child process: start-up, persistence and graceful shutdown. */

const dataRoot = mkdtempSync(path.join(tmpdir(), 'tsunagu-main-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      TSUNAGU_DATA_DIR: path.join(dataRoot, 'data'),
      TSUNAGU_WEB_DIR: path.join(dataRoot, 'no-web'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return { child, output: () => out };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become ready:\n${out}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const loginBody = JSON.stringify({ email: 'hr@demo.tsunagu.jp', password: 'tsunagu-demo-2026' });

describe('the server process', () => {
  it('starts on an empty data folder, prints the URL and demo logins, and shuts down cleanly', async () => {
    const port = await freePort();
    const { child, output } = await start(port);
    expect(output()).toContain(`http://localhost:${port}`);
    expect(output()).toContain('coordinator@demo.tsunagu.jp');

    // An in-flight request (a login: a deliberate scrypt hash) finishes despite the SIGTERM.
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: loginBody,
    });
    await new Promise((r) => setTimeout(r, 20));
    const exit = exited(child);
    child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exit).toBe(0);
  }, 90_000);

  it('keeps its data across a restart (the embedded database was closed cleanly)', async () => {
    const port = await freePort();
    const { child } = await start(port);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: loginBody,
    });
    expect(res.status).toBe(200);
    const exit = exited(child);
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  }, 90_000);
});
