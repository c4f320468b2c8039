import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/demo/demo-seed';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app';
import { createMatchingPool, warmMatchingPool } from './matching-pool';

describe('the matching pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledMaster(t.handle.db);
    await seedDemo(t.handle.db);
  });
  afterAll(async () => t.close());

  it('warms both snapshots once, and requests after it reuse them', async () => {
    const pool = createMatchingPool(t.handle.db, t.clock);
    expect(pool.stats()).toMatchObject({ challengeBuilds: 0, workerBuilds: 0 });
    await warmMatchingPool(pool);
    expect(pool.stats()).toMatchObject({ challengeBuilds: 1, workerBuilds: 1 });

    const view = await pool.current();
    const challenges = await view.openChallenges();
    const workers = await view.offerableWorkers();
    expect(challenges.prepared.length).toBeGreaterThan(0);
    expect(workers.prepared.length).toBeGreaterThan(0);
    expect(pool.stats()).toMatchObject({ challengeBuilds: 1, workerBuilds: 1 });
  });

  it('rebuilds the challenges after a write that changes them, not before', async () => {
    const pool = createMatchingPool(t.handle.db, t.clock);
    await warmMatchingPool(pool);
    const before = (await (await pool.current()).openChallenges()).prepared.length;
    const open = await t.handle.db
      .selectFrom('challenges')
      .select('id')
      .where('state', '=', 'open')
      .executeTakeFirstOrThrow();
    await t.handle.db
      .updateTable('challenges')
      .set({ state: 'closed' })
      .where('id', '=', open.id)
      .execute();
    const after = await (await pool.current()).openChallenges();
    expect(after.prepared.length).toBe(before - 1);
    expect(after.byId.has(open.id)).toBe(false);
    expect(pool.stats().challengeBuilds).toBe(2);
  });
});
