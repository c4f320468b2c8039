import type { Config } from '../config';
import { createDb, type DbHandle } from '../db/create-db';
import { migrateOrThrow } from '../db/migrate';

/** Opens the configured database (embedded or DATABASE_URL) and brings its schema up to date. */
export async function openMigratedDb(config: Config): Promise<DbHandle> {
  const handle = await createDb(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  await migrateOrThrow(handle.db);
  return handle;
}
