import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeBody, profileBody } from '../../../../test/helpers/matching-fixtures';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';
import {
  type NewFlowCell,
  type NewFlowOriginCell,
  insertFlowDataset,
} from '../../../db/flow-datasets.repository';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import { FLOW_METRICS } from '../../../domain/mobility/metrics';

const KARUIZAWA = '203211';
const MIYOTA = '203238';
const MONTHS = ['2026-07', '2026-08'];

let t: TestApp;
const cookies = {
  coordinator: '',
  karuizawa: '',
  miyota: '',
  nagano: '',
  tokyo: '',
  companyAdmin: '',
  worker: '',
};
let coordinatorId = '';
let older = '';
let latest = '';

/**
 * A dataset as `flow analyze --publish` stores it: every metric of every month and the period
 * for 軽井沢町 (some suppressed), published origins only.
 */
async function publishDataset(label: string, createdAtMs: number, visitors: number) {
  const id = crypto.randomUUID();
  const cells: NewFlowCell[] = [];
  for (const scope of [...MONTHS, 'period']) {
    for (const metric of FLOW_METRICS) {
      let value: number | null = null;
      if (metric === 'visitors') value = scope === '2026-07' ? 12 : visitors;
      if (metric === 'connected_population' && scope === 'period') value = 14;
      if (metric === 'connected_2_7' && scope === 'period') value = 11;
      cells.push({ municipalityCode: KARUIZAWA, scope, metric, value });
    }
  }
  const origins: NewFlowOriginCell[] = [
    { municipalityCode: KARUIZAWA, scope: 'period', originCode: '131016', value: 60 },
    { municipalityCode: KARUIZAWA, scope: 'period', originCode: '130001', value: 20 },
    { municipalityCode: KARUIZAWA, scope: 'period', originCode: '110001', value: 12 },
    { municipalityCode: KARUIZAWA, scope: '2026-08', originCode: '130001', value: 70 },
  ];
  await t.handle.db.transaction().execute((trx) =>
    insertFlowDataset(
      trx,
      {
        id,
        sourceLabel: label,
        periodFirst: MONTHS[0]!,
        periodLast: MONTHS[1]!,
        profile: 'production',
        k: 10,
        minOriginDevices: 50,
        panelDevices: 4_000,
        devices: 5_000,
        cells: cells.length,
        suppressedCells: cells.filter((c) => c.value === null).length,
        metadata: { dataQualityShare: 0.82, generatedAt: '2026-11-20T00:00:00Z' },
        fingerprint: label,
        createdBy: coordinatorId,
        createdAtMs,
      },
      cells,
      origins,
    ),
  );
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  const assoc = await insertOrg(t, 'association');
  const coordinator = await insertMember(t, assoc, 'coordinator');
  coordinatorId = coordinator.userId;
  cookies.coordinator = await login(t, coordinator.email);
  const karuizawa = await insertOrg(t, 'municipality', KARUIZAWA);
  cookies.karuizawa = await login(t, (await insertMember(t, karuizawa, 'municipal_officer')).email);
  const miyota = await insertOrg(t, 'municipality', MIYOTA);
  cookies.miyota = await login(t, (await insertMember(t, miyota, 'municipal_officer')).email);
  const nagano = await insertOrg(t, 'prefecture', '200000');
  cookies.nagano = await login(t, (await insertMember(t, nagano, 'municipal_officer')).email);
  const tokyo = await insertOrg(t, 'prefecture', '130001');
  cookies.tokyo = await login(t, (await insertMember(t, tokyo, 'municipal_officer')).email);
  const company = await insertOrg(t, 'company');
  cookies.companyAdmin = await login(t, (await insertMember(t, company, 'company_admin')).email);
  cookies.worker = await login(t, (await insertMember(t, company, 'worker')).email);

  // 軽井沢町's platform figures: two open challenges and a draft; one application to them.
  const officer = as(t, cookies.karuizawa);
  const challenges: string[] = [];
  for (const title of ['観光DX', '移住相談', '下書き']) {
    const res = await officer(
      'POST',
      `/api/v1/organizations/${karuizawa}/challenges`,
      challengeBody({ title }),
    );
    expect(res.statusCode, res.body).toBe(201);
    challenges.push(res.json().id);
  }
  for (const id of challenges.slice(0, 2)) {
    expect((await officer('POST', `/api/v1/challenges/${id}/open`)).statusCode).toBe(200);
  }
  const worker = as(t, cookies.worker);
  await worker('PUT', '/api/v1/me/profile', profileBody());
  const applied = await worker('POST', `/api/v1/challenges/${challenges[0]}/applications`, {
    message: '応募します。',
  });
  expect(applied.statusCode, applied.body).toBe(201);
});
afterAll(async () => t.close());

const flowOf = (cookie: string | null, code = KARUIZAWA, query = '') =>
  as(t, cookie)('GET', `/api/v1/municipalities/${code}/flow${query}`);

describe('a municipality’s people-flow figures', () => {
  it('answers with no dataset before anything is published, platform figures beside', async () => {
    const res = await flowOf(cookies.karuizawa);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      municipality: {
        code: KARUIZAWA,
        name: '軽井沢町',
        prefectureCode: '200000',
        prefectureName: '長野県',
      },
      dataset: null,
      listed: false,
      metrics: [],
      platform: { challenges: 2, openChallenges: 2, applications: 1, matches: 0 },
    });
    older = await publishDataset(
      '位置情報A社 2026年7–8月 (旧)',
      Date.parse('2026-11-01T00:00:00Z'),
      90,
    );
    latest = await publishDataset(
      '位置情報A社 2026年7–8月',
      Date.parse('2026-11-10T00:00:00Z'),
      92,
    );
  });

  it('shows its officers the latest dataset: trends, totals, segments, origins and metadata', async () => {
    const res = await flowOf(cookies.karuizawa);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.dataset).toMatchObject({
      id: latest,
      sourceLabel: '位置情報A社 2026年7–8月',
      periodFirst: '2026-07',
      periodLast: '2026-08',
      months: MONTHS,
      k: 10,
      panelDevices: 4_000,
      dataQualityShare: 0.82,
      status: 'published',
      createdBy: { id: coordinatorId },
    });
    expect(body.listed).toBe(true);
    expect(body.metrics).toHaveLength(FLOW_METRICS.length);
    const visitors = body.metrics.find((m: { metric: string }) => m.metric === 'visitors');
    expect(visitors).toEqual({
      metric: 'visitors',
      months: [
        { month: '2026-07', value: 12, suppressed: false },
        { month: '2026-08', value: 92, suppressed: false },
      ],
      period: { value: 92, suppressed: false },
    });
    const dual = body.metrics.find((m: { metric: string }) => m.metric === 'dual_residents');
    expect(dual.period).toEqual({ value: null, suppressed: true });
    expect(body.suppressedCells).toBe(3 * FLOW_METRICS.length - 5);
    expect(body.connectedPopulation).toEqual({
      total: { value: 14, suppressed: false },
      segments: [
        { segment: '2-7', metric: 'connected_2_7', value: 11, suppressed: false },
        { segment: '8-30', metric: 'connected_8_30', value: null, suppressed: true },
        { segment: '31+', metric: 'connected_31_plus', value: null, suppressed: true },
      ],
    });
    expect(body.origins).toEqual({
      scope: 'period',
      items: [
        {
          code: '131016',
          kind: 'municipality',
          name: '千代田区',
          prefectureCode: '130001',
          value: 60,
        },
        { code: '130001', kind: 'prefecture', name: '東京都', prefectureCode: '130001', value: 20 },
        { code: '110001', kind: 'prefecture', name: '埼玉県', prefectureCode: '110001', value: 12 },
      ],
      byPrefecture: [
        { prefectureCode: '130001', name: '東京都', value: 80 },
        { prefectureCode: '110001', name: '埼玉県', value: 12 },
      ],
      notListed: 0,
    });
  });

  it('lists the origins of one month, and refuses a month outside the dataset', async () => {
    const res = await flowOf(cookies.karuizawa, KARUIZAWA, '?originScope=2026-08');
    expect(res.json().origins).toMatchObject({
      scope: '2026-08',
      items: [{ code: '130001', value: 70 }],
      notListed: 22,
    });
    const outside = await flowOf(cookies.karuizawa, KARUIZAWA, '?originScope=2026-09');
    expect(outside.statusCode).toBe(400);
  });

  it('lets a coordinator choose an older dataset', async () => {
    const res = await flowOf(cookies.coordinator, KARUIZAWA, `?dataset=${older}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().dataset.id).toBe(older);
    expect(res.json().metrics[0].period.value).toBe(90);
  });

  it('shows a town none of whose figures met k as wholly suppressed', async () => {
    const res = await flowOf(cookies.nagano, MIYOTA);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.listed).toBe(false);
    expect(body.suppressedCells).toBe(3 * FLOW_METRICS.length);
    expect(
      body.metrics.every((m: { period: { suppressed: boolean } }) => m.period.suppressed),
    ).toBe(true);
    expect(body.origins.items).toEqual([]);
  });

  it("lets the prefecture's officers read its municipalities, and nobody else", async () => {
    expect((await flowOf(cookies.nagano)).statusCode).toBe(200);
    expect((await flowOf(cookies.coordinator)).statusCode).toBe(200);
    for (const [who, cookie] of [
      ['another town', cookies.miyota],
      ['another prefecture', cookies.tokyo],
      ['a company', cookies.companyAdmin],
      ['a worker', cookies.worker],
    ] as const) {
      const res = await flowOf(cookie);
      expect(res.statusCode, who).toBe(404);
      expect(res.body, who).not.toContain('位置情報A社');
    }
    expect((await flowOf(null)).statusCode).toBe(401);
    // An unknown code looks the same as one the caller may not read.
    expect((await flowOf(cookies.karuizawa, '999997')).statusCode).toBe(404);
    expect((await flowOf(cookies.karuizawa, '203212')).statusCode).toBe(400); // check digit
    expect((await flowOf(cookies.karuizawa, '131016')).statusCode).toBe(404);
  });
});

describe('datasets (coordinators)', () => {
  it('lists every dataset to coordinators only', async () => {
    const res = await as(t, cookies.coordinator)('GET', '/api/v1/flow/datasets');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((d: { id: string }) => d.id)).toEqual([latest, older]);
    for (const cookie of [cookies.karuizawa, cookies.nagano, cookies.companyAdmin]) {
      expect((await as(t, cookie)('GET', '/api/v1/flow/datasets')).statusCode).toBe(403);
    }
  });

  it('retracts a dataset: it is no longer shown, the previous one is again', async () => {
    const officer = await as(t, cookies.karuizawa)(
      'POST',
      `/api/v1/flow/datasets/${latest}/retract`,
    );
    expect(officer.statusCode).toBe(403);
    const res = await as(t, cookies.coordinator)('POST', `/api/v1/flow/datasets/${latest}/retract`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: latest,
      status: 'retracted',
      retractedAt: expect.any(String),
    });
    expect(
      (await as(t, cookies.coordinator)('POST', `/api/v1/flow/datasets/${latest}/retract`))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await as(t, cookies.coordinator)(
          'POST',
          `/api/v1/flow/datasets/${crypto.randomUUID()}/retract`,
        )
      ).statusCode,
    ).toBe(404);

    const now = await flowOf(cookies.karuizawa);
    expect(now.json().dataset.id).toBe(older);
    expect((await flowOf(cookies.karuizawa, KARUIZAWA, `?dataset=${latest}`)).statusCode).toBe(404);
    const audit = await t.handle.db
      .selectFrom('audit_events')
      .select(['event', 'subject'])
      .where('event', '=', 'flow_dataset_retracted')
      .execute();
    expect(audit).toEqual([{ event: 'flow_dataset_retracted', subject: latest }]);
  });
});
