import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from 'better-auth/crypto';
import { as, createTestApp, login, type TestApp } from '../../../test/helpers/test-app';
import { createTestDb } from '../../../test/helpers/test-db';
import type { DbHandle } from '../create-db';
import { createPasswordUser } from '../accounts.repository';
import { loadBundledMaster } from '../reference/load-bundled-master';
import { DEMO_FLOW_SOURCE_LABEL } from './demo-flow';
import { DEMO_OPEN_WEEK, demoWeekStarts } from './demo-labor';
import { DEMO_PASSWORD, seedDemo } from './demo-seed';

// The app around the database, so the seeded records are also read through the API.
let t: TestApp;
let h: DbHandle;
beforeAll(async () => {
  t = await createTestApp();
  h = t.handle;
  await loadBundledMaster(h.db);
});
afterAll(async () => t.close());

async function orgId(name: string): Promise<string> {
  const org = await h.db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return org.id;
}

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

  it('gives every worker a main job at their company on that company’s terms', async () => {
    const rows = await h.db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .leftJoin('employments as e', (join) =>
        join
          .onRef('e.worker_user_id', '=', 'm.user_id')
          .onRef('e.employer_organization_id', '=', 'm.organization_id')
          .on('e.is_primary', '=', true),
      )
      .select([
        'o.name_en',
        'e.id',
        'e.relation',
        'e.week_starts_on',
        'e.legal_holiday',
        'e.hourly_wage_yen',
        'e.contract_signed_on',
        'e.agreement36_mode',
      ])
      .where('m.role', '=', 'worker')
      .execute();
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.id !== null && r.relation === 'employee')).toBe(true);
    expect(
      rows.every((r) => r.legal_holiday === 'sunday' && r.agreement36_mode === 'standard'),
    ).toBe(true);
    expect(new Set(rows.map((r) => r.week_starts_on))).toEqual(new Set(['monday', 'sunday']));
    const wages = rows.map((r) => r.hourly_wage_yen ?? 0);
    expect(Math.min(...wages)).toBeGreaterThanOrEqual(1800);
    expect(Math.max(...wages)).toBeLessThanOrEqual(4000);
    const years = new Set(rows.map((r) => (r.contract_signed_on ?? '').slice(0, 4)));
    expect(years.size).toBeGreaterThan(10);
    expect(Object.values(demoWeekStarts)).toEqual(expect.arrayContaining(['monday', 'sunday']));
  });

  it('gives the demo worker a part-time side job at 軽井沢町 signed 2026-04-01', async () => {
    const side = await h.db
      .selectFrom('employments as e')
      .innerJoin('users as u', 'u.id', 'e.worker_user_id')
      .innerJoin('organizations as o', 'o.id', 'e.employer_organization_id')
      .select(['o.name', 'e.relation', 'e.contract_signed_on', 'e.hourly_wage_yen'])
      .where('u.email', '=', 'worker@demo.tsunagu.jp')
      .where('e.is_primary', '=', false)
      .execute();
    expect(side).toEqual([
      {
        name: '軽井沢町',
        relation: 'employee',
        contract_signed_on: '2026-04-01',
        hourly_wage_yen: 1500,
      },
    ]);
  });

  it('seeds October–November timesheets for a dozen workers, leaving the demo worker’s open week empty', async () => {
    const weeks = await h.db
      .selectFrom('timesheet_weeks as w')
      .innerJoin('users as u', 'u.id', 'w.worker_user_id')
      .select(['u.email', 'w.week_start', 'w.status'])
      .execute();
    expect(new Set(weeks.map((w) => w.email)).size).toBe(12);
    const demoWeeks = weeks.filter((w) => w.email === 'worker@demo.tsunagu.jp');
    expect(demoWeeks.map((w) => w.week_start)).not.toContain(DEMO_OPEN_WEEK);
    expect(demoWeeks.find((w) => w.week_start === '2026-11-09')?.status).toBe('submitted');
    expect(new Set(weeks.map((w) => w.status))).toEqual(
      new Set(['approved', 'submitted', 'draft']),
    );
    const segments = await h.db
      .selectFrom('work_segments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(segments.n)).toBeGreaterThan(400);
  });

  it('shows HR of 株式会社みらいソフト workers within, near and over the limits in November', async () => {
    const hr = await login(t, 'hr@demo.tsunagu.jp', DEMO_PASSWORD);
    const mirai = await orgId('株式会社みらいソフト');
    const res = await as(t, hr)(
      'GET',
      `/api/v1/organizations/${mirai}/labor/compliance?month=2026-11`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows).toHaveLength(12);
    const alerts = body.rows.map((r: { alert: string }) => r.alert);
    expect(alerts.filter((a: string) => a === 'over')).toHaveLength(1);
    expect(alerts.filter((a: string) => a === 'near')).toHaveLength(2);
    expect(alerts.filter((a: string) => a === 'ok')).toHaveLength(9);
    const over = body.rows.find((r: { alert: string }) => r.alert === 'over');
    expect(over.violations.map((v: { rule: string }) => v.rule)).toEqual(['36-monthly-limit']);
    expect(body.totals.premiumYen).toBeGreaterThan(0);
    const demoRow = body.rows.find((r: { workerName: string }) => r.workerName === '田中 誠');
    expect(demoRow.employments).toBe(2);
    expect(demoRow.aggregateOvertimeAndHolidayMinutes).toBeGreaterThan(demoRow.overtimeMinutes);

    const week = await as(t, await login(t, 'worker@demo.tsunagu.jp', DEMO_PASSWORD))(
      'GET',
      `/api/v1/me/timesheets/${DEMO_OPEN_WEEK}`,
    );
    expect(week.json()).toMatchObject({ id: null, status: 'draft', segments: [] });
  });

  it('posts 2–3 challenges for each demo town, mostly open, one a draft, some in English', async () => {
    const rows = await h.db
      .selectFrom('challenges as c')
      .innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .select(['o.name', 'o.kind', 'c.state', 'c.title', 'c.title_en'])
      .execute();
    const perTown = new Map<string, number>();
    for (const r of rows.filter((r) => r.kind === 'municipality')) {
      perTown.set(r.name, (perTown.get(r.name) ?? 0) + 1);
    }
    expect([...perTown.keys()].sort()).toEqual([
      '五島市',
      '北杜市',
      '白浜町',
      '神山町',
      '軽井沢町',
    ]);
    expect([...perTown.values()].every((n) => n >= 2 && n <= 3)).toBe(true);
    const states = rows.map((r) => r.state);
    expect(states.filter((s) => s === 'open')).toHaveLength(11);
    expect(states.filter((s) => s === 'draft')).toHaveLength(1);
    expect(rows.filter((r) => r.title_en !== null).length).toBeGreaterThan(rows.length / 2);
    expect(rows.some((r) => r.kind === 'prefecture')).toBe(true);

    // Found through the API in either language; the draft only by its own town.
    const worker = as(t, await login(t, 'worker@demo.tsunagu.jp', DEMO_PASSWORD));
    const search = async (who: typeof worker, q: string) =>
      (await who('GET', `/api/v1/challenges?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((c: { title: string }) => c.title);
    expect(await search(worker, '水産物')).toEqual(['水産物のEC販売立ち上げ']);
    expect(await search(worker, 'seafood')).toEqual(['水産物のEC販売立ち上げ']);
    expect(await search(worker, 'カーボンクレジット')).toEqual([]);
    const hokuto = as(t, await login(t, 'officer-hokuto@demo.tsunagu.jp', DEMO_PASSWORD));
    expect(await search(hokuto, 'カーボンクレジット')).toEqual([
      '森林資源を活かしたカーボンクレジット',
    ]);
  });

  it('gives 株式会社みらいソフト a 20% double-work programme with approval, joined by the demo worker and three colleagues', async () => {
    const mirai = await orgId('株式会社みらいソフト');
    const hr = as(t, await login(t, 'hr@demo.tsunagu.jp', DEMO_PASSWORD));
    const list = await hr('GET', `/api/v1/organizations/${mirai}/programmes`);
    expect(list.statusCode).toBe(200);
    const doubleWork = list.json().items.find((p: { kind: string }) => p.kind === 'double_work');
    expect(doubleWork).toMatchObject({
      maxSharePercent: 20,
      hourCapPerMonth: 32,
      approvalRequired: true,
      memberCount: 4,
    });
    const members = await hr(
      'GET',
      `/api/v1/organizations/${mirai}/programmes/${doubleWork.id}/members`,
    );
    const demo = members.json().items.find((m: { name: string }) => m.name === '田中 誠');
    expect(demo.committedHoursPerMonth).toBe(16);
    // HR has an employee's application to approve.
    const pending = await hr(
      'GET',
      `/api/v1/organizations/${mirai}/applications?status=employer_pending`,
    );
    expect(pending.json().items).toHaveLength(1);
  });

  it('gives all 60 workers matching profiles: 8–40 hours, styles, ties to the demo regions, ~70% open to offers', async () => {
    const profiles = await h.db
      .selectFrom('worker_profiles')
      .select([
        'available_hours_per_month',
        'preferred_styles',
        'languages',
        'affinities',
        'open_to_offers',
        'shared_with_hosts',
      ])
      .execute();
    expect(profiles).toHaveLength(60);
    const hours = profiles.map((p) => p.available_hours_per_month ?? 0);
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...hours)).toBeLessThanOrEqual(40);
    expect(profiles.every((p) => p.preferred_styles.length > 0 && p.languages.includes('ja'))).toBe(
      true,
    );
    const open = profiles.filter((p) => p.open_to_offers).length / profiles.length;
    expect(open).toBeGreaterThan(0.55);
    expect(open).toBeLessThan(0.85);
    expect(profiles.every((p) => !p.open_to_offers || p.shared_with_hosts)).toBe(true);
    const prefectures = new Set(profiles.flatMap((p) => p.affinities.map((a) => a.prefectureCode)));
    expect([...prefectures].sort()).toEqual(['190004', '200000', '300004', '360007', '420000']);
  });

  it('shows the demo worker open to offers with a Nagano affinity, matched at 軽井沢町', async () => {
    const worker = as(t, await login(t, 'worker@demo.tsunagu.jp', DEMO_PASSWORD));
    const profile = (await worker('GET', '/api/v1/me/profile')).json();
    expect(profile.sharing).toMatchObject({ sharedWithHosts: true, openToOffers: true });
    expect(profile.affinities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'hometown', prefectureName: '長野県' }),
      ]),
    );
    const applications = (await worker('GET', '/api/v1/me/applications')).json().items;
    expect(applications).toEqual([
      expect.objectContaining({
        status: 'matched',
        challengeTitle: '観光予約のDX推進',
        hostName: '軽井沢町',
      }),
    ]);
    // Karuizawa's officer has an application waiting for an answer.
    const officer = as(t, await login(t, 'officer@demo.tsunagu.jp', DEMO_PASSWORD));
    const karuizawa = await orgId('軽井沢町');
    const waiting = await officer(
      'GET',
      `/api/v1/organizations/${karuizawa}/applications?status=host_review`,
    );
    expect(waiting.json().items).toHaveLength(1);
  });

  it('publishes a synthetic people-flow dataset for 軽井沢町 under the coordinator, protected at k', async () => {
    const datasets = await h.db
      .selectFrom('flow_datasets as d')
      .innerJoin('users as u', 'u.id', 'd.created_by')
      .select(['d.id', 'd.k', 'd.source_label', 'd.status', 'd.panel_devices', 'u.email'])
      .execute();
    expect(datasets).toHaveLength(1);
    const dataset = datasets[0]!;
    expect(dataset).toMatchObject({
      k: 10,
      status: 'published',
      source_label: DEMO_FLOW_SOURCE_LABEL,
      email: 'coordinator@demo.tsunagu.jp',
    });
    expect(dataset.panel_devices).toBeGreaterThan(100);
    // Every figure stored with a value stands for at least k devices (a count of devices or more).
    const cells = await h.db
      .selectFrom('flow_cells')
      .select(['municipality_code', 'scope', 'metric', 'value', 'suppressed'])
      .where('dataset_id', '=', dataset.id)
      .execute();
    const shown = cells.filter((c) => !c.suppressed);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => c.value !== null && Number(c.value) >= dataset.k)).toBe(true);
    expect(cells.filter((c) => c.suppressed).every((c) => c.value === null)).toBe(true);
    const origins = await h.db
      .selectFrom('flow_origin_cells')
      .select('value')
      .where('dataset_id', '=', dataset.id)
      .execute();
    expect(origins.every((o) => Number(o.value) >= dataset.k)).toBe(true);
    // Karuizawa is listed, and its officer reads its figures through the API.
    expect(new Set(cells.map((c) => c.municipality_code))).toContain('203211');
    const officer = as(t, await login(t, 'officer@demo.tsunagu.jp', DEMO_PASSWORD));
    const flow = (await officer('GET', '/api/v1/municipalities/203211/flow')).json();
    expect(flow).toMatchObject({
      listed: true,
      dataset: { id: dataset.id, sourceLabel: DEMO_FLOW_SOURCE_LABEL },
    });
    const visitors = flow.metrics.find((m: { metric: string }) => m.metric === 'visitors');
    expect(visitors.period.value).toBeGreaterThan(100);
    expect(flow.suppressedCells).toBeGreaterThan(0);
    expect(
      flow.origins.byPrefecture.map((p: { prefectureCode: string }) => p.prefectureCode),
    ).toEqual(expect.arrayContaining(['130001', '200000', '100005']));
    // Another town's officer cannot.
    const hokuto = as(t, await login(t, 'officer-hokuto@demo.tsunagu.jp', DEMO_PASSWORD));
    expect((await hokuto('GET', '/api/v1/municipalities/203211/flow')).statusCode).toBe(404);
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
