import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from 'better-auth/crypto';
import { as, createTestApp, login, type TestApp } from '../../../test/helpers/test-app';
import { createTestDb } from '../../../test/helpers/test-db';
import type { DbHandle } from '../create-db';
import { createPasswordUser } from '../accounts.repository';
import { loadBundledMaster } from '../reference/load-bundled-master';
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
