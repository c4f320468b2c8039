import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { createDb } from '../../db/create-db';
import { migrateToLatest } from '../../db/migrate';
import { CliError } from '../cli-errors';

export function registerDbMigrate(db: Command): void {
  db.command('migrate')
    .description('Apply pending database migrations / 未適用のマイグレーションを実行')
    .action(async () => {
      const config = loadConfig();
      const handle = await createDb(
        config.databaseUrl
          ? { kind: 'postgres', url: config.databaseUrl }
          : { kind: 'pglite', dataDir: config.dataDir },
      );
      try {
        const { error, results } = await migrateToLatest(handle.db);
        for (const r of results ?? []) console.log(`${r.status.padEnd(8)} ${r.migrationName}`);
        if (error)
          throw new CliError(
            `Migration failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        if ((results ?? []).length === 0) console.log('Schema is up to date.');
      } finally {
        await handle.close();
      }
    });
}
