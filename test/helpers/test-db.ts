import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../../src/db/create-db';
import { migrateOrThrow } from '../../src/db/migrate';

/**
 * A fresh, migrated database for one test file. PGlite in memory by default; with
 * TSUNAGU_TEST_DB=postgres, a new schema on the real server (TSUNAGU_TEST_DATABASE_URL, default
 * the machine's `test` database) that is dropped on close, so parallel runs never collide.
 */
export async function createTestDb(): Promise<DbHandle> {
  if (process.env.TSUNAGU_TEST_DB !== 'postgres') {
    const handle = await createDb({ kind: 'pglite', dataDir: null });
    await migrateOrThrow(handle.db);
    return handle;
  }
  const url = process.env.TSUNAGU_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  const handle = await createDb({ kind: 'postgres', url, schema });
  await migrateOrThrow(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema "${schema}" cascade`);
      await c.end();
    },
  };
}
