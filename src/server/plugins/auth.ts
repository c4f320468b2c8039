import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { Membership, OrganizationKind, Role } from '../../domain/shared/organizations';
import { AppError } from '../errors';
import type { Auth } from './create-auth';

export type ActorMembership = Membership & { organizationName: string; lgCode: string | null };

/** The signed-in person behind a request, with every organisation they belong to. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  locale: string;
  memberships: ActorMembership[];
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved at most once per request; null when nobody is signed in. */
    actorPromise: Promise<Actor | null> | null;
  }
}

async function loadMemberships(db: Kysely<Database>, userId: string): Promise<ActorMembership[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'm.role', 'o.kind', 'o.name', 'o.lg_code'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .execute();
  return rows.map((r) => ({
    organizationId: r.organization_id,
    organizationKind: r.kind as OrganizationKind,
    role: r.role as Role,
    organizationName: r.name,
    lgCode: r.lg_code,
  }));
}

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(request.headers)) {
    if (v === undefined) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  return headers;
}

export async function resolveActor(request: FastifyRequest): Promise<Actor | null> {
  if (!request.actorPromise) {
    const { auth, db } = request.server;
    request.actorPromise = (async () => {
      const session = await auth.api.getSession({ headers: toHeaders(request) });
      if (!session) return null;
      const user = await db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'locale'])
        .where('id', '=', session.user.id)
        .executeTakeFirst();
      if (!user) return null;
      return {
        userId: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        memberships: await loadMemberships(db, user.id),
      };
    })();
  }
  return request.actorPromise;
}

/** The actor as the API shows it (GET /auth/me). */
export function describeActor(actor: Actor) {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    locale: actor.locale === 'en' ? ('en' as const) : ('ja' as const),
    memberships: actor.memberships,
  };
}

/** The signed-in actor, or a 401. Every non-public route starts here. */
export async function requireActor(request: FastifyRequest): Promise<Actor> {
  const actor = await resolveActor(request);
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
}

export { toHeaders };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: a cookie-carrying write must come from one of our own origins. Browsers always send
 * Origin on cross-site POSTs, so a missing or foreign Origin (with Referer as the fallback)
 * is refused. Callers without cookies (scripts with no session) are not affected.
 */
function checkCsrf(request: FastifyRequest, trusted: readonly string[]): void {
  if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return;
  const origin = request.headers.origin;
  let source: string | undefined = origin;
  if (!source && request.headers.referer) {
    try {
      source = new URL(request.headers.referer).origin;
    } catch {
      source = 'invalid';
    }
  }
  const hasCookie = typeof request.headers.cookie === 'string' && request.headers.cookie.length > 0;
  if (source === undefined) {
    if (hasCookie)
      throw new AppError('csrf_failed', 'Cross-site request refused: no Origin header');
    return;
  }
  if (!trusted.includes(source)) {
    throw new AppError('csrf_failed', `Cross-site request refused from origin ${source}`);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: Auth;
    db: Kysely<Database>;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks an /api/v1 route callable without a session (login, invitation links). */
    public?: boolean;
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { trustedOrigins: readonly string[] }) => {
    app.decorateRequest('actorPromise', null);
    app.addHook('onRequest', async (request) => {
      checkCsrf(request, opts.trustedOrigins);
    });
    // Signed-in by default: an /api/v1 route answers 401 before it even validates its input,
    // unless it is marked public. Handlers then check role and organisation.
    app.addHook('preValidation', async (request) => {
      if (!request.url.startsWith('/api/v1/')) return;
      if (request.routeOptions.config.public === true) return;
      await requireActor(request);
    });
  },
  { name: 'tsunagu-auth' },
);
