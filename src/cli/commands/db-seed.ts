import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { DEMO_PASSWORD, seedDemo } from '../../db/demo/demo-seed';
import { loadBundledMaster } from '../../db/reference/load-bundled-master';
import { CliError } from '../cli-errors';
import { openMigratedDb } from '../open-db';

export function registerDbSeed(db: Command): void {
  db.command('seed')
    .description('Load reference data, and with --demo the demo organisations and logins')
    .option('--demo', 'also seed the demo (only into a database without people)')
    .action(async (opts: { demo?: boolean }) => {
      const handle = await openMigratedDb(loadConfig());
      try {
        const master = await loadBundledMaster(handle.db);
        console.log(
          `Reference: ${master.prefectures} prefectures, ${master.municipalities} municipalities and wards`,
        );
        if (!opts.demo) return;
        const result = await seedDemo(handle.db);
        if (result.status === 'skipped_real_data') {
          throw new CliError(
            'The database already holds people; the demo is only seeded into an empty one.',
          );
        }
        console.log(
          result.status === 'seeded'
            ? `Demo seeded (${result.workers} workers).`
            : 'Demo already present.',
        );
        console.log(`Demo logins (password: ${DEMO_PASSWORD}):`);
        for (const l of result.logins)
          console.log(`  ${l.role.padEnd(18)} ${l.email}  (${l.organization})`);
      } finally {
        await handle.close();
      }
    });
}
