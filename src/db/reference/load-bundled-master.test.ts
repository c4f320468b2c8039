import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb } from '../../../test/helpers/test-db';
import { isValidLocalGovCode } from '../../domain/geo/local-gov-code';
import type { DbHandle } from '../create-db';
import { loadBundledMaster } from './load-bundled-master';

let handle: DbHandle;
let firstLoad: { prefectures: number; municipalities: number };

beforeAll(async () => {
  handle = await createTestDb();
  firstLoad = await loadBundledMaster(handle.db);
});
afterAll(async () => handle.close());

const snapshot = async () => ({
  prefectures: await handle.db.selectFrom('prefectures').selectAll().orderBy('code').execute(),
  municipalities: await handle.db
    .selectFrom('municipalities')
    .selectAll()
    .orderBy('code')
    .execute(),
});

describe('the bundled local-government master', () => {
  it('has the 47 prefectures, numbered 1 to 47', async () => {
    const rows = await handle.db
      .selectFrom('prefectures')
      .select(['number'])
      .orderBy('number')
      .execute();
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
  });

  it('has the 1,741 municipalities, 23 of them special wards, and 175 designated-city wards', async () => {
    const byKind = await handle.db
      .selectFrom('municipalities')
      .select(['kind', sql<number>`count(*)::int`.as('n')])
      .groupBy('kind')
      .execute();
    const count = Object.fromEntries(byKind.map((r) => [r.kind, r.n]));
    const municipalities = byKind.filter((r) => r.kind !== 'ward').reduce((s, r) => s + r.n, 0);
    expect(municipalities).toBe(1741);
    expect(count.special_ward).toBe(23);
    expect(count.designated_city).toBe(20);
    expect(count.ward).toBe(175);
    expect(firstLoad).toEqual({ prefectures: 47, municipalities: 1741 + 175 });
  });

  it('gives every ward a designated city in the same prefecture as its parent', async () => {
    const wards = await handle.db
      .selectFrom('municipalities as w')
      .leftJoin('municipalities as p', 'p.code', 'w.parent_code')
      .select([
        'w.code',
        'w.prefecture_code',
        'p.kind as parent_kind',
        'p.prefecture_code as parent_pref',
      ])
      .where('w.kind', '=', 'ward')
      .execute();
    expect(wards).toHaveLength(175);
    const misfits = wards.filter(
      (w) => w.parent_kind !== 'designated_city' || w.parent_pref !== w.prefecture_code,
    );
    expect(misfits).toEqual([]);
    const orphans = await handle.db
      .selectFrom('municipalities')
      .select('code')
      .where('kind', '!=', 'ward')
      .where('parent_code', 'is not', null)
      .execute();
    expect(orphans).toEqual([]);
  });

  it('stores only codes whose check digit is right, each JIS code its first five digits', async () => {
    const { prefectures, municipalities } = await snapshot();
    const bad = [...prefectures, ...municipalities]
      .map((r) => r.code)
      .filter((code) => !isValidLocalGovCode(code));
    expect(bad).toEqual([]);
    expect(municipalities.filter((m) => m.jis_code !== m.code.slice(0, 5))).toEqual([]);
    expect(
      municipalities.filter((m) => m.prefecture_code.slice(0, 2) !== m.code.slice(0, 2)),
    ).toEqual([]);
  });

  it('leaves out the six Northern Territories villages, which have no administration', async () => {
    const rows = await handle.db
      .selectFrom('municipalities')
      .select('code')
      .where('jis_code', 'in', ['01695', '01696', '01697', '01698', '01699', '01700'])
      .execute();
    expect(rows).toEqual([]);
  });

  it('changes nothing when loaded again, and keeps what an import added', async () => {
    await handle.db
      .updateTable('municipalities')
      .set({ office_lat: 35.694, office_lng: 139.7536, website: 'https://www.city.chiyoda.lg.jp/' })
      .where('code', '=', '131016')
      .execute();
    const before = await snapshot();
    await loadBundledMaster(handle.db);
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.municipalities.find((m) => m.code === '131016')?.website).toBe(
      'https://www.city.chiyoda.lg.jp/',
    );
  });
});
