import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import * as m20261121T1000 from './migrations/20261121T1000_auth-tables';
import * as m20261121T1001 from './migrations/20261121T1001_organizations';
import * as m20261121T1002 from './migrations/20261121T1002_local-government-master';
import * as m20261121T1003 from './migrations/20261121T1003_worker-profiles';
import * as m20261121T1200 from './migrations/20261121T1200_employments';
import * as m20261121T1201 from './migrations/20261121T1201_timesheet-weeks';
import * as m20261121T1202 from './migrations/20261121T1202_work-segments';
import * as m20261121T1203 from './migrations/20261121T1203_timesheet-events';
import * as m20261121T1300 from './migrations/20261121T1300_worker-profile-matching';
import * as m20261121T1301 from './migrations/20261121T1301_challenges';
import * as m20261121T1302 from './migrations/20261121T1302_challenge-events';
import * as m20261121T1303 from './migrations/20261121T1303_programmes';
import * as m20261121T1304 from './migrations/20261121T1304_programme-members';
import * as m20261121T1305 from './migrations/20261121T1305_applications';
import * as m20261121T1306 from './migrations/20261121T1306_application-events';
import * as m20261121T1307 from './migrations/20261121T1307_notifications';
import * as m20261122T1000 from './migrations/20261122T1000_matching-versions';
import * as m20261122T1001 from './migrations/20261122T1001_matching-version-triggers';
import * as m20261122T1002 from './migrations/20261122T1002_application-proposed';
import * as m20261122T1003 from './migrations/20261122T1003_notification-round-match';
import * as m20261122T1004 from './migrations/20261122T1004_rounds';
import * as m20261122T1005 from './migrations/20261122T1005_round-participants';
import * as m20261122T1006 from './migrations/20261122T1006_round-assignments';
import * as m20261122T1007 from './migrations/20261122T1007_round-events';
import * as m20261122T1200 from './migrations/20261122T1200_flow-datasets';
import * as m20261122T1201 from './migrations/20261122T1201_flow-cells';
import * as m20261122T1202 from './migrations/20261122T1202_flow-origin-cells';

/**
 * Every migration, by name. Listed statically (not read from the folder) so the same list works
 * under tsx, Vitest and any bundler. Append only: never edit or reorder a shipped migration.
 */
export const migrations: Record<string, Migration> = {
  '20261121T1000_auth-tables': m20261121T1000,
  '20261121T1001_organizations': m20261121T1001,
  '20261121T1002_local-government-master': m20261121T1002,
  '20261121T1003_worker-profiles': m20261121T1003,
  '20261121T1200_employments': m20261121T1200,
  '20261121T1201_timesheet-weeks': m20261121T1201,
  '20261121T1202_work-segments': m20261121T1202,
  '20261121T1203_timesheet-events': m20261121T1203,
  '20261121T1300_worker-profile-matching': m20261121T1300,
  '20261121T1301_challenges': m20261121T1301,
  '20261121T1302_challenge-events': m20261121T1302,
  '20261121T1303_programmes': m20261121T1303,
  '20261121T1304_programme-members': m20261121T1304,
  '20261121T1305_applications': m20261121T1305,
  '20261121T1306_application-events': m20261121T1306,
  '20261121T1307_notifications': m20261121T1307,
  '20261122T1000_matching-versions': m20261122T1000,
  '20261122T1001_matching-version-triggers': m20261122T1001,
  '20261122T1002_application-proposed': m20261122T1002,
  '20261122T1003_notification-round-match': m20261122T1003,
  '20261122T1004_rounds': m20261122T1004,
  '20261122T1005_round-participants': m20261122T1005,
  '20261122T1006_round-assignments': m20261122T1006,
  '20261122T1007_round-events': m20261122T1007,
  '20261122T1200_flow-datasets': m20261122T1200,
  '20261122T1201_flow-cells': m20261122T1201,
  '20261122T1202_flow-origin-cells': m20261122T1202,
};

/**
 * The migrator for the database's current schema. Naming the schema matters: without it Kysely
 * would take a migration table in *any* schema (another test run's) as its own.
 */
export async function createMigrator<DB>(db: Kysely<DB>): Promise<Migrator> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: rows[0]?.schema ?? 'public',
  });
}

/** Brings the schema to the latest migration. Returns Kysely's result set; the caller decides. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResultSet> {
  return (await createMigrator(db)).migrateToLatest();
}

/** Same, but throws with the failing migration's name: for start-up and tests. */
export async function migrateOrThrow<DB>(db: Kysely<DB>): Promise<void> {
  const { error, results } = await migrateToLatest(db);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, {
      cause: error,
    });
  }
}
