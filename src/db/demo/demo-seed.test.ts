import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from 'better-auth/crypto';
import { createTestDb } from '../../../test/helpers/test-db';
import type { DbHandle } from '../create-db';
import { createPasswordUser } from '../accounts.repository';
import { loadBundledMaster } from '../reference/load-bundled-master';
import { DEMO_PASSWORD, seedDemo } from './demo-seed';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await loadBundledMaster(h.db);
});
afterAll(async () => h.close());

describe('demo seed', () => {
  it('seeds the association, 5 towns, 2 prefectures, 5 companies and 60 workers', async () => {
    const result = await seedDemo(h.db);
    expect(result.status).toBe('seeded');
    const kinds = await h.db
      .selectFrom('organizations')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({
      association: 1,
      municipality: 5,
      prefecture: 2,
      company: 5,
    });
    const workers = await h.db
      .selectFrom('memberships')
      .select('user_id')
      .where('role', '=', 'worker')
      .execute();
    expect(workers).toHaveLength(60);
  });

  it('uses real local-government codes', async () => {
    const orgs = await h.db
      .selectFrom('organizations as o')
      .leftJoin('municipalities as m', 'm.code', 'o.lg_code')
      .leftJoin('prefectures as p', 'p.code', 'o.lg_code')
      .select(['o.name', 'm.name as municipality', 'p.name as prefecture'])
      .where('o.lg_code', 'is not', null)
      .execute();
    expect(orgs).toHaveLength(7);
    for (const o of orgs) expect(o.municipality ?? o.prefecture).toBe(o.name);
  });

  it('gives workers varied ages with the late 40s to 60s well represented', async () => {
    const profiles = await h.db
      .selectFrom('worker_profiles')
      .select(['birth_year', 'skills', 'home_municipality_code'])
      .execute();
    expect(profiles).toHaveLength(60);
    const ages = profiles.map((p) => 2026 - (p.birth_year ?? 0));
    const core = ages.filter((a) => a >= 45 && a <= 64).length;
    expect(core / ages.length).toBeGreaterThan(0.5);
    expect(Math.min(...ages)).toBeLessThan(45);
    expect(new Set(profiles.map((p) => p.home_municipality_code)).size).toBeGreaterThan(5);
    expect(profiles.every((p) => p.skills.length >= 2)).toBe(true);
  });

  it('lets each demo login sign in with the documented password', async () => {
    const row = await h.db
      .selectFrom('auth_accounts as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select('a.password')
      .where('u.email', '=', 'hr@demo.tsunagu.jp')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword({ hash: row.password ?? '', password: DEMO_PASSWORD })).toBe(true);
  });

  it('is idempotent, and never runs over a database holding real people', async () => {
    expect((await seedDemo(h.db)).status).toBe('already_seeded');
    const other = await createTestDb();
    await loadBundledMaster(other.db);
    await createPasswordUser(other.db, {
      email: 'real@city.example.jp',
      name: '本物',
      password: 'a-real-password',
    });
    expect((await seedDemo(other.db)).status).toBe('skipped_real_data');
    const orgs = await other.db.selectFrom('organizations').select('id').execute();
    expect(orgs).toEqual([]);
    await other.close();
  });
});
