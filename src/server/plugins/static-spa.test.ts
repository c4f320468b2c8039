import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createDb, type DbHandle } from '../../db/create-db';
import { buildApp } from '../app';
import type { AppInstance } from '../app-types';

let dir: string;
let app: AppInstance;
let handle: DbHandle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Tsunagu</title>');
  writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log(1)');
  handle = await createDb({ kind: 'pglite', dataDir: null });
  app = await buildApp({
    db: handle.db,
    config: loadConfig({ TSUNAGU_WEB_DIR: dir }),
    clock: { now: () => 0 },
    authSecret: 'x'.repeat(40),
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('answers deep links with index.html so the client router can take them', async () => {
    for (const url of ['/', '/audit', '/invitations/abc?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>Tsunagu</title>');
    }
  });

  it('serves assets, including ones built after start-up, and 404s a missing one', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app-1.js' })).body).toBe(
      'console.log(1)',
    );
    writeFileSync(path.join(dir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/app-2.js' })).body).toBe(
      'console.log(2)',
    );
    const missing = await app.inject({ method: 'GET', url: '/assets/app-0.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<title>');
    const traversal = await app.inject({ method: 'GET', url: '/..%2F..%2Fetc%2Fpasswd.txt' });
    expect([403, 404]).toContain(traversal.statusCode);
    expect(traversal.body).not.toContain('root:');
  });

  it('keeps unknown API paths as API errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
