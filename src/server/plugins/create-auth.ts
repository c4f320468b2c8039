import { betterAuth } from 'better-auth';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/database';

export const SESSION_COOKIE_PREFIX = 'tsunagu';
const SESSION_DAYS = 7;

/**
 * better-auth owns passwords (scrypt) and sessions (signed, httpOnly, SameSite=Lax cookies,
 * stored server-side so a logout or a role change takes effect at once). We call its API from
 * our own routes rather than mounting its handler, so every endpoint keeps our error shape,
 * authorisation and audit log. Sign-up is closed: accounts come only from invitations.
 */
export function createAuth(db: Kysely<Database>, config: Config, secret: string) {
  return betterAuth({
    appName: 'Tsunagu',
    baseURL: config.publicUrl,
    secret,
    trustedOrigins: [...config.trustedOrigins],
    database: { db: db as Kysely<unknown>, type: 'postgres' },
    telemetry: { enabled: false },
    // Expected outcomes (unknown user, wrong password) are ours to log, with the request id.
    logger: { level: 'error' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
    },
    session: {
      modelName: 'auth_sessions',
      fields: {
        expiresAt: 'expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
      },
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
    },
    // Our routes apply their own limits (@fastify/rate-limit); better-auth's only guard its handler.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: config.publicUrl.startsWith('https://'),
      database: { generateId: () => crypto.randomUUID() },
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
