import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { errorReplies } from '../../../contracts/common';
import { loginRequest, meResponse, updateMeRequest } from '../../../contracts/auth';
import { recordAuditEvent } from '../../../db/audit.repository';
import type { AppInstance } from '../../app-types';
import { AppError } from '../../errors';
import { describeActor, requireActor, resolveActor, toHeaders } from '../../plugins/auth';
import { updateLocale } from './auth.repository';

/** Copies better-auth's Set-Cookie headers onto our reply. */
function forwardCookies(from: Headers, reply: { header(k: string, v: string[]): unknown }) {
  const cookies = from.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}

export async function authRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: loginRequest,
        response: { 200: meResponse, ...errorReplies, 429: errorReplies[400] },
      },
      config: {
        public: true,
        // Per address and per client: slows password guessing without locking out the owner.
        rateLimit: {
          max: app.loginAttemptsPer5Min,
          timeWindow: '5 minutes',
          hook: 'preHandler',
          keyGenerator: (req) => {
            const body = req.body as { email?: unknown } | undefined;
            const who = typeof body?.email === 'string' ? body.email.toLowerCase() : '';
            return `login:${req.ip}:${who}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      try {
        const result = await app.auth.api.signInEmail({
          body: { email, password, rememberMe: true },
          headers: toHeaders(request),
          returnHeaders: true,
        });
        forwardCookies(result.headers, reply);
        const userId = result.response.user.id;
        await recordAuditEvent(app.db, {
          event: 'login_succeeded',
          actorUserId: userId,
          organizationId: null,
          subject: email,
          ip: request.ip,
          requestId: request.id,
        });
        // The session cookie is only on the reply; resolve the actor from the new session.
        request.actorPromise = null;
        const cookieHeader = result.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        request.headers.cookie = cookieHeader;
        const actor = await requireActor(request);
        return describeActor(actor);
      } catch (err) {
        if (err instanceof APIError) {
          await recordAuditEvent(app.db, {
            event: 'login_failed',
            actorUserId: null,
            organizationId: null,
            subject: email,
            ip: request.ip,
            requestId: request.id,
            details: { reason: err.body?.code ?? err.status },
          });
          throw new AppError('unauthenticated', 'Email or password is incorrect');
        }
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session on the server and clears the cookie',
        response: { 204: z.null(), ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const result = await app.auth.api.signOut({
        headers: toHeaders(request),
        returnHeaders: true,
      });
      forwardCookies(result.headers, reply);
      await recordAuditEvent(app.db, {
        event: 'logout',
        actorUserId: actor.userId,
        organizationId: null,
        subject: actor.email,
        ip: request.ip,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person and their organisations and roles',
        response: { 200: meResponse, ...errorReplies },
      },
    },
    async (request) => describeActor(await requireActor(request)),
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Update own preferences (interface language)',
        body: updateMeRequest,
        response: { 200: meResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      await updateLocale(app.db, actor.userId, request.body.locale);
      request.actorPromise = null;
      const fresh = await resolveActor(request);
      if (!fresh) throw new AppError('unauthenticated', 'Sign in to continue');
      return describeActor(fresh);
    },
  );
}
