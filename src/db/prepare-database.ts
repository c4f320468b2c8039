import type { Kysely } from 'kysely';
import type { Database } from './database';
import { loadBundledMaster } from './reference/load-bundled-master';
import { DEMO_PASSWORD, seedDemo, type DemoLogin } from './demo/demo-seed';

/**
 * Everything a migrated database needs before serving: the local-government master (always),
 * and on request the demo organisations and logins — only into a database with no people yet.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  opts: { seedDemo: boolean },
): Promise<{ demoLogins: DemoLogin[]; demoPassword: string }> {
  await loadBundledMaster(db);
  if (!opts.seedDemo) return { demoLogins: [], demoPassword: DEMO_PASSWORD };
  const result = await seedDemo(db);
  return {
    demoLogins:
      result.status === 'seeded' || result.status === 'already_seeded' ? result.logins : [],
    demoPassword: DEMO_PASSWORD,
  };
}
