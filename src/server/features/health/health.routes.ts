import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance } from '../../app-types';

const healthResponse = z.object({ status: z.literal('ok') });
const readyResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
});

/** Liveness (the process answers) and readiness (the database answers). Public by design. */
export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], response: { 200: healthResponse } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: readyResponse, 503: readyResponse } } },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (err) {
        request.log.warn({ err }, 'readiness check failed');
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
      }
    },
  );
}
