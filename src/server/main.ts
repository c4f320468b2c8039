import { loadConfig, type Config } from '../config';
import { createDb, type DbHandle } from '../db/create-db';
import { migrateOrThrow } from '../db/migrate';
import { buildApp } from './app';
import { systemClock, type AppInstance } from './app-types';
import { resolveAuthSecret } from './auth-secret';
import { prepareDatabase } from '../db/prepare-database';

/** Starts the platform: config → database → migrations → reference data (and demo) → listen. */
export async function startServer(config: Config): Promise<{ app: AppInstance; handle: DbHandle }> {
  const handle = await createDb(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  await migrateOrThrow(handle.db);
  const prepared = await prepareDatabase(handle.db, { seedDemo: config.seedDemo });
  const app = await buildApp({
    db: handle.db,
    config,
    clock: systemClock,
    authSecret: resolveAuthSecret(config),
    logger: {
      level: config.logLevel,
      // Cookies and credentials never reach the log.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
  });
  // While draining, every reply closes its connection: a keep-alive socket that was busy when
  // shutdown began would otherwise hold the process open until its idle timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (draining.has(app)) reply.header('connection', 'close');
  });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `embedded PGlite in ${config.dataDir}`;
  const lines = [
    '',
    `  Tsunagu is running at ${config.publicUrl}  (database: ${where})`,
    `  API docs: ${config.publicUrl}/api/docs`,
  ];
  if (prepared.demoLogins.length > 0) {
    lines.push('  Demo logins (password for all: ' + prepared.demoPassword + '):');
    for (const l of prepared.demoLogins) lines.push(`    ${l.role.padEnd(18)} ${l.email}`);
  }
  console.log(lines.join('\n') + '\n');
  return { app, handle };
}

const draining = new WeakSet<AppInstance>();

/** Stops taking connections, lets in-flight requests finish, then closes the database. */
export function installGracefulShutdown(app: AppInstance, handle: DbHandle): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    draining.add(app);
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await app.close();
      await handle.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  try {
    const { app, handle } = await startServer(loadConfig());
    installGracefulShutdown(app, handle);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
