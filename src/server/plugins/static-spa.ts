import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app. Any GET that is not an API or asset path gets index.html so the
 * client-side router can take deep links such as /challenges/123.
 */
export const staticSpaPlugin = fp(
  async (app: FastifyInstance, opts: { root: string }) => {
    await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: ['index.html'] });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (url.startsWith('/api/') || url === '/api') {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: `No route GET ${url}` } });
      }
      // A file path is served from disk even if it appeared after start-up (a rebuild); a missing
      // one is a 404, never index.html, which the browser would try to run as a script.
      if (/\.[a-z0-9]+$/i.test(url)) return reply.sendFile(decodeURIComponent(url.slice(1)));
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'tsunagu-static-spa' },
);
