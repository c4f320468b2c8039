import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { AppInstance, Clock } from './app-types';
import { registerErrorHandler } from './errors';
import { authPlugin } from './plugins/auth';
import { createAuth } from './plugins/create-auth';
import { staticSpaPlugin } from './plugins/static-spa';
import { healthRoutes } from './features/health/health.routes';
import { authRoutes } from './features/auth/auth.routes';
import { organizationsRoutes } from './features/organizations/organizations.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { invitationsRoutes } from './features/invitations/invitations.routes';
import { municipalitiesRoutes } from './features/municipalities/municipalities.routes';
import { employmentsRoutes } from './features/labor/employments.routes';
import { timesheetsRoutes } from './features/labor/timesheets.routes';
import { timesheetImportRoutes } from './features/labor/timesheet-import.routes';
import { complianceRoutes } from './features/labor/compliance.routes';
import { challengesRoutes } from './features/matching/challenges.routes';
import { programmesRoutes } from './features/matching/programmes.routes';
import { profilesRoutes } from './features/matching/profiles.routes';
import { applicationsRoutes } from './features/matching/applications.routes';
import { createMatchingPool, warmMatchingPool } from './features/matching/matching-pool';
import { recommendationsRoutes } from './features/matching/recommendations.routes';
import { roundsRoutes } from './features/matching/rounds.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { flowRoutes } from './features/flow/flow.routes';

export type BuildAppOptions = {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  /** Signs session cookies (see main.ts for how it is obtained). */
  authSecret: string;
  logger?: FastifyServerOptions['logger'];
};

/** Assembles the application. Never listens: main.ts does, tests use app.inject. */
export async function buildApp(opts: BuildAppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  // Every route, as registered: the authorisation matrix test walks this list.
  const routes: Array<{ method: string; url: string }> = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  app.decorate('db', opts.db);
  app.decorate('auth', createAuth(opts.db, opts.config, opts.authSecret));
  app.decorate('clock', opts.clock);
  app.decorate('publicUrl', opts.config.publicUrl);
  app.decorate('loginAttemptsPer5Min', opts.config.loginAttemptsPer5Min);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(authPlugin, { trustedOrigins: opts.config.trustedOrigins });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Tsunagu API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tsunagu.session_token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // What recommendations and rounds score against, cached per instance (decision 0008).
  const matchingPool = createMatchingPool(opts.db, opts.clock);
  // Build the snapshots once the server listens rather than on the first caller: at 100,000
  // workers the first host to ask would otherwise wait about 3 s. Only on listen, so tests that
  // inject requests build nothing they do not ask for.
  app.addHook('onListen', () => {
    void warmMatchingPool(matchingPool).then(
      () => app.log.info(matchingPool.stats(), 'matching pool ready'),
      (err: unknown) =>
        app.log.warn({ err }, 'matching pool warm-up failed; it is built on first use instead'),
    );
  });

  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(authRoutes);
      await v1.register(organizationsRoutes);
      await v1.register(auditRoutes);
      await v1.register(invitationsRoutes);
      await v1.register(municipalitiesRoutes);
      await v1.register(employmentsRoutes);
      await v1.register(timesheetsRoutes);
      await v1.register(timesheetImportRoutes);
      await v1.register(complianceRoutes);
      await v1.register(challengesRoutes);
      await v1.register(programmesRoutes);
      await v1.register(profilesRoutes);
      await v1.register(applicationsRoutes);
      await v1.register(recommendationsRoutes, { pool: matchingPool });
      await v1.register(roundsRoutes, { pool: matchingPool });
      await v1.register(notificationsRoutes);
      await v1.register(flowRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webDir = path.resolve(opts.config.webDir);
  if (existsSync(path.join(webDir, 'index.html'))) {
    await app.register(staticSpaPlugin, { root: webDir });
  }
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
    publicUrl: string;
    loginAttemptsPer5Min: number;
    registeredRoutes: ReadonlyArray<{ method: string; url: string }>;
  }
}
