import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

/** int8 (counts, sums) as a JS number on both drivers: our figures stay far below 2^53. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;
/**
 * date columns are calendar dates in Asia/Tokyo ('YYYY-MM-DD') and stay strings: a JS Date would
 * put them at midnight in the process's time zone and shift them a day on a UTC machine.
 */
const DATE_OID = 1082;
const asText = (v: string) => v;
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));
pg.types.setTypeParser(DATE_OID, asText);

export type DbTarget =
  | { kind: 'pglite'; dataDir: string | null } // null: in memory (tests)
  | { kind: 'postgres'; url: string; schema?: string };

export type DbHandle = {
  db: Kysely<Database>;
  target: DbTarget;
  /** Closes the pool or the embedded database cleanly (flushes PGlite to disk). */
  close(): Promise<void>;
};

/**
 * Opens the database: PGlite (WASM Postgres) in a data folder by default, a PostgreSQL server
 * when a URL is given. Both speak the same SQL dialect, so everything above runs unchanged.
 */
export async function createDb(target: DbTarget): Promise<DbHandle> {
  if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    // One options object: PGlite drops a second argument when the first is not a string, and
    // the in-memory database (tests) would silently parse types differently from the folder one.
    const pglite = new PGlite({
      dataDir: target.dataDir ?? undefined,
      parsers: {
        [INT8_OID]: (v: string) => Number(v),
        [NUMERIC_OID]: (v: string) => Number(v),
        [DATE_OID]: asText,
      },
    });
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      target,
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    // A dedicated schema lets parallel test runs share one server without colliding.
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    target,
    async close() {
      await db.destroy();
    },
  };
}
