import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on the embedded database with the demo by default', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: './.tsunagu/data',
      databaseUrl: undefined,
      seedDemo: true,
      loginAttemptsPer5Min: 10,
    });
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.trustedOrigins).toContain('http://localhost:3000');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('does not seed the demo into a PostgreSQL server unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).seedDemo).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://x@h/db', TSUNAGU_SEED_DEMO: 'true' }).seedDemo,
    ).toBe(true);
  });

  it('takes a sign-in attempt limit and refuses one below 1', () => {
    expect(loadConfig({ LOGIN_ATTEMPTS_PER_5_MIN: '50' }).loginAttemptsPer5Min).toBe(50);
    expect(() => loadConfig({ LOGIN_ATTEMPTS_PER_5_MIN: '0' })).toThrow(/LOGIN_ATTEMPTS_PER_5_MIN/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
  });
});
