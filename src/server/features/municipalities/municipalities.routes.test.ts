import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import { N03_BOUNDARY_CREDIT } from '../../../domain/geo/attribution';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';

let t: TestApp;
let get: (url: string) => ReturnType<ReturnType<typeof as>>;
let officerGet: (url: string) => ReturnType<ReturnType<typeof as>>;

type Summary = { code: string; name: string; kind: string; parentCode: string | null };

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  const company = await insertOrg(t, 'company');
  const worker = await insertMember(t, company, 'worker');
  const town = await insertOrg(t, 'municipality', '203211');
  const officer = await insertMember(t, town, 'municipal_officer');
  const workerCookie = await login(t, worker.email);
  const officerCookie = await login(t, officer.email);
  get = (url) => as(t, workerCookie)('GET', url);
  officerGet = (url) => as(t, officerCookie)('GET', url);
  // A boundary as `reference import --boundaries` leaves it, for the detail view.
  await t.handle.db
    .updateTable('municipalities')
    .set({
      boundary: JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [139.73, 35.67],
            [139.78, 35.67],
            [139.78, 35.7],
            [139.73, 35.67],
          ],
        ],
      }),
      office_lat: 35.694,
      office_lng: 139.7536,
      website: 'https://www.city.chiyoda.lg.jp/',
    })
    .where('code', '=', '131016')
    .execute();
});
afterAll(async () => t.close());

const codesOf = (items: Summary[]) => items.map((i) => i.code);

describe('GET /api/v1/municipalities', () => {
  it('puts 千代田区 (131016) first for q=千代田', async () => {
    const res = await get(`/api/v1/municipalities?q=${encodeURIComponent('千代田')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items[0]).toEqual({
      code: '131016',
      jisCode: '13101',
      name: '千代田区',
      kana: 'ちよだく',
      romaji: 'chiyodaku',
      kind: 'special_ward',
      prefectureCode: '130001',
      prefectureName: '東京都',
      parentCode: null,
      parentName: null,
      officeLat: 35.694,
      officeLng: 139.7536,
      website: 'https://www.city.chiyoda.lg.jp/',
    });
    expect(codesOf(body.items)).toContain('105236'); // 群馬県千代田町, ranked after
    expect(body.total).toBe(body.items.length);
  });

  it('finds 千代田区 by kana, katakana, romaji, code and JIS code', async () => {
    for (const q of ['ちよだ', 'チヨダ', 'chiyoda', '131016', '13101']) {
      const res = await get(`/api/v1/municipalities?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().items[0]?.code, q).toBe('131016');
    }
  });

  it('finds 軽井沢町 (203211) by its name without the suffix', async () => {
    const res = await get(`/api/v1/municipalities?q=${encodeURIComponent('軽井沢')}`);
    expect(codesOf(res.json().items)).toEqual(['203211']);
  });

  it('lists the 1,741 municipalities a page at a time, wards only on request', async () => {
    const first = (await get('/api/v1/municipalities')).json();
    expect(first.total).toBe(1741);
    expect(first.items).toHaveLength(50);
    expect(first.items[0].code).toBe('011002'); // 札幌市
    expect(first.items.every((i: Summary) => i.kind !== 'ward')).toBe(true);
    const next = (await get('/api/v1/municipalities?limit=200&offset=50')).json();
    expect(next.items).toHaveLength(200);
    expect(next.items[0].code).not.toBe(first.items[49].code);
    const withWards = (await get('/api/v1/municipalities?includeWards=true&limit=1')).json();
    expect(withWards.total).toBe(1741 + 175);
  });

  it('filters by prefecture (number or code) and kind', async () => {
    const byNumber = (await get('/api/v1/municipalities?prefecture=13&limit=200')).json();
    const byCode = (await get('/api/v1/municipalities?prefecture=130001&limit=200')).json();
    expect(byNumber.total).toBe(62); // 23 special wards, 26 cities, 5 towns, 8 villages
    expect(byCode).toEqual(byNumber);
    const wards = (
      await get('/api/v1/municipalities?prefecture=13&kind=special_ward&limit=200')
    ).json();
    expect(wards.total).toBe(23);
    const sapporoWards = (await get('/api/v1/municipalities?prefecture=01&kind=ward')).json();
    expect(sapporoWards.total).toBe(10);
    expect(sapporoWards.items[0]).toMatchObject({ parentCode: '011002', parentName: '札幌市' });
  });

  it('searches within a prefecture', async () => {
    const res = await get(`/api/v1/municipalities?q=${encodeURIComponent('府中')}&prefecture=34`);
    expect(codesOf(res.json().items)).toEqual(['342084', '343021']); // 府中市, 府中町 (広島県)
  });

  it('rejects a bad filter with the field it is about', async () => {
    for (const [query, path] of [
      ['prefecture=48', 'querystring.prefecture'],
      ['prefecture=130002', 'querystring.prefecture'],
      ['kind=hamlet', 'querystring.kind'],
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
      ['includeWards=yes', 'querystring.includeWards'],
    ] as const) {
      const res = await get(`/api/v1/municipalities?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].path, query).toBe(path);
    }
  });

  it('is open to every signed-in role', async () => {
    const res = await officerGet('/api/v1/municipalities?q=131016');
    expect(res.statusCode).toBe(200);
  });
});

describe('GET /api/v1/municipalities/:code', () => {
  it('shows a municipality with its boundary and the credit that must go with it', async () => {
    const res = await get('/api/v1/municipalities/131016');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code: '131016',
      name: '千代田区',
      wards: [],
      hasBoundary: true,
      boundaryCredit: N03_BOUNDARY_CREDIT,
    });
    expect(body.boundary.type).toBe('Polygon');
  });

  it('lists the wards of a designated city', async () => {
    const body = (await get('/api/v1/municipalities/011002')).json();
    expect(body.kind).toBe('designated_city');
    expect(body.wards).toHaveLength(10);
    expect(body.wards[0]).toMatchObject({ code: '011011', name: '中央区', parentCode: '011002' });
    expect(body).toMatchObject({ hasBoundary: false, boundary: null, boundaryCredit: null });
  });

  it('shows a ward with its city', async () => {
    const body = (await get('/api/v1/municipalities/011011')).json();
    expect(body).toMatchObject({
      kind: 'ward',
      parentCode: '011002',
      parentName: '札幌市',
      wards: [],
    });
  });

  it('answers 400 naming params.code for a malformed code', async () => {
    const res = await get('/api/v1/municipalities/13101x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'params.code', message: expect.stringMatching(/6-digit/) }],
    });
  });

  it('answers 400 with the right check digit for a mistyped one', async () => {
    const res = await get('/api/v1/municipalities/131017');
    expect(res.statusCode).toBe(400);
    const [detail] = res.json().error.details;
    expect(detail.path).toBe('params.code');
    expect(detail.message).toMatch(/check digit is wrong/);
    expect(detail.message).toMatch(/131016/);
  });

  it('answers 404 for a well-formed code that is not in the master', async () => {
    // 01695 is 色丹村 (Northern Territories): a valid code, deliberately not in the master.
    const res = await get('/api/v1/municipalities/016951');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('GET /api/v1/prefectures', () => {
  it('lists the 47 prefectures, whose municipalities add up to 1,741', async () => {
    const res = await get('/api/v1/prefectures');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(47);
    expect(items[12]).toMatchObject({
      code: '130001',
      number: 13,
      name: '東京都',
      municipalityCount: 62,
    });
    const total = items.reduce(
      (s: number, p: { municipalityCount: number }) => s + p.municipalityCount,
      0,
    );
    expect(total).toBe(1741);
  });

  it('shows one prefecture by code or by number, with its municipalities', async () => {
    const byCode = await get('/api/v1/prefectures/200000');
    expect(byCode.statusCode).toBe(200);
    const nagano = byCode.json();
    expect(nagano).toMatchObject({
      name: '長野県',
      number: 20,
      municipalityCount: 77,
      hasBoundary: false,
    });
    expect(nagano.municipalities).toHaveLength(77);
    expect(codesOf(nagano.municipalities)).toContain('203211');
    expect((await get('/api/v1/prefectures/20')).json()).toEqual(nagano);
  });

  it('includes designated-city wards only on request', async () => {
    const without = (await get('/api/v1/prefectures/01')).json();
    const withWards = (await get('/api/v1/prefectures/01?includeWards=true')).json();
    expect(withWards.municipalities.length - without.municipalities.length).toBe(10);
  });

  it('answers 400 for something that is not a prefecture code', async () => {
    for (const code of ['130002', '131016', '0', '48', 'tokyo']) {
      const res = await get(`/api/v1/prefectures/${code}`);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.details[0].path, code).toBe('params.code');
    }
  });
});

describe('who may read the master', () => {
  it('answers 401 with the standard error shape to anonymous callers', async () => {
    for (const url of [
      '/api/v1/municipalities?q=千代田',
      '/api/v1/municipalities/131016',
      '/api/v1/municipalities/not-a-code',
      '/api/v1/prefectures',
      '/api/v1/prefectures/13',
    ]) {
      const res = await as(t, null)('GET', encodeURI(url));
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toEqual({
        error: { code: 'unauthenticated', message: 'Sign in to continue' },
      });
    }
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = (await as(t, null)('GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/municipalities',
        '/api/v1/municipalities/{code}',
        '/api/v1/prefectures',
        '/api/v1/prefectures/{code}',
      ]),
    );
  });
});
