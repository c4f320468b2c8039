import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once, typed, frozen; an invalid environment fails fast
 * with every problem listed at once, so an operator fixes them in one go.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TSUNAGU_DATA_DIR: z.string().min(1).default('./.tsunagu/data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Signs session cookies. Required in production; generated and kept in the data folder otherwise. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The address people use to reach the platform; also the origin trusted for cookie writes. */
  PUBLIC_URL: z.string().url().optional(),
  /** Extra origins allowed to make cookie-authenticated writes, comma separated. */
  TRUSTED_ORIGINS: z.string().optional(),
  /** Seed the demo organisations and logins into an empty database on start. */
  TSUNAGU_SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** Where a built web app lives; the server serves it at `/` when present. */
  TSUNAGU_WEB_DIR: z.string().min(1).default('./dist/web'),
  /** Sign-in attempts allowed per email address and client in five minutes. */
  LOGIN_ATTEMPTS_PER_5_MIN: z.coerce.number().int().min(1).max(10_000).default(10),
});

export type Config = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  databaseUrl: string | undefined;
  authSecret: string | undefined;
  publicUrl: string;
  trustedOrigins: readonly string[];
  seedDemo: boolean;
  webDir: string;
  loginAttemptsPer5Min: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.AUTH_SECRET) {
    throw new ConfigError(['AUTH_SECRET: required when NODE_ENV=production']);
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const extra = (e.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const local =
    e.PUBLIC_URL === undefined ? [`http://127.0.0.1:${e.PORT}`, `http://[::1]:${e.PORT}`] : [];
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: e.TSUNAGU_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    authSecret: e.AUTH_SECRET,
    publicUrl,
    trustedOrigins: Object.freeze([new URL(publicUrl).origin, ...local, ...extra]),
    seedDemo: e.TSUNAGU_SEED_DEMO ? e.TSUNAGU_SEED_DEMO === 'true' : e.DATABASE_URL === undefined,
    webDir: e.TSUNAGU_WEB_DIR,
    loginAttemptsPer5Min: e.LOGIN_ATTEMPTS_PER_5_MIN,
  });
}
