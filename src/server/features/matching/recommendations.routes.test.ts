import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../../db/demo/demo-seed';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import { openShare, profileBody, programmeBody } from '../../../../test/helpers/matching-fixtures';
import {
  as,
  createTestApp,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';
import { postOpenChallenge, signInCast, writeProfiles } from './matching-test-setup';

type Factor = { factor: string; value: number; weight: number; text: string; detail: unknown };
type ChallengeItem = {
  challenge: { id: string; title: string };
  score: number;
  summary: string;
  factors: Factor[];
  myApplication: { id: string; status: string } | null;
};
type WorkerItem = {
  worker: Record<string, unknown> & { userId: string };
  score: number;
  summary: string;
  factors: Factor[];
};
type FilteredOut = {
  total: number;
  byReason: Array<{ reason: string; count: number; text: string }>;
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('recommendations on the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledMaster(t.handle.db);
    await seedDemo(t.handle.db);
  });
  afterAll(async () => t.close());

  it('recommends open challenges to the demo worker, with reasons in Japanese and English', async () => {
    const worker = as(t, await login(t, 'worker@demo.tsunagu.jp', DEMO_PASSWORD));
    const ja = await worker('GET', '/api/v1/me/recommendations?limit=50&locale=ja');
    expect(ja.statusCode, ja.body).toBe(200);
    const jaBody = ja.json() as {
      locale: string;
      items: ChallengeItem[];
      considered: number;
      eligible: number;
      filteredOut: FilteredOut;
      profileGaps: string[];
    };
    expect(jaBody.locale).toBe('ja');
    // The demo's open challenges: all 11 are scored.
    expect(jaBody.considered).toBe(11);
    expect(jaBody.items.length).toBe(jaBody.eligible);
    expect(jaBody.items.length).toBeGreaterThan(0);
    for (const item of jaBody.items) {
      expect(item.summary).toMatch(JAPANESE);
      expect(item.factors.map((f) => f.factor)).toEqual([
        'skill_coverage',
        'theme_fit',
        'regional_affinity',
        'travel',
        'schedule_fit',
      ]);
      for (const f of item.factors) expect(f.text).toMatch(JAPANESE);
      const contributions = item.factors.reduce((sum, f) => sum + f.weight * f.value, 0);
      const weights = item.factors.reduce((sum, f) => sum + f.weight, 0);
      expect(item.score).toBeCloseTo(contributions / weights, 12);
    }
    const scores = jaBody.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The demo worker already gives 16 of the programme's 32 h to 軽井沢町: longer ones are hidden.
    const cap = jaBody.filteredOut.byReason.find((r) => r.reason === 'programme_cap_exceeded');
    expect(cap?.text).toBe(`${cap?.count} 件を除外：兼業制度の残り時間枠を超える`);
    expect(jaBody.profileGaps).toEqual([]);

    const en = await worker('GET', '/api/v1/me/recommendations?limit=50&locale=en');
    const enBody = en.json() as { items: ChallengeItem[]; filteredOut: FilteredOut };
    expect(enBody.items.map((i) => [i.challenge.id, i.score])).toEqual(
      jaBody.items.map((i) => [i.challenge.id, i.score]),
    );
    for (const item of enBody.items) {
      expect(item.summary).not.toMatch(JAPANESE);
      expect(item.summary).toMatch(/required skill/);
      for (const f of item.factors) expect(f.text).not.toMatch(JAPANESE);
    }
    expect(enBody.filteredOut.byReason.map((r) => r.text).join()).toMatch(/hidden: /);
    // Without ?locale: the worker's own language (Japanese for the demo worker).
    const byDefault = await worker('GET', '/api/v1/me/recommendations');
    expect(byDefault.json().locale).toBe('ja');
    expect(byDefault.json().items.length).toBeLessThanOrEqual(20);
  });

  it('recommends workers open to offers to a demo town, as they share themselves', async () => {
    const officer = as(t, await login(t, 'officer@demo.tsunagu.jp', DEMO_PASSWORD));
    const challenge = await t.handle.db
      .selectFrom('challenges')
      .select('id')
      .where('title', '=', 'ワーケーション利用者データの分析')
      .executeTakeFirstOrThrow();
    const res = await officer(
      'GET',
      `/api/v1/challenges/${challenge.id}/recommended-workers?limit=10&locale=en`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: WorkerItem[]; considered: number };
    expect(body.items.length).toBeGreaterThan(0);
    const offered = await t.handle.db
      .selectFrom('worker_profiles')
      .select('user_id')
      .where('open_to_offers', '=', true)
      .execute();
    expect(body.considered).toBe(offered.length);
    const offeredIds = new Set(offered.map((o) => o.user_id));
    for (const item of body.items) {
      expect(offeredIds.has(item.worker.userId)).toBe(true);
      expect(item.worker.audience).toBe('host');
      expect(item.summary).toMatch(/required skill/);
    }
  });
});

describe('recommendations', () => {
  let t: TestApp;
  const orgs = { town: '', shirahama: '', company: '', assoc: '' };
  const people: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const who = (name: string) => as(t, cookies[name] ?? '');
  const openChallenge = (town: 'officer' | 'officerS', overrides: Record<string, unknown> = {}) =>
    postOpenChallenge(who(town), town === 'officer' ? orgs.town : orgs.shirahama, overrides);

  async function recommendedWorkers(challengeId: string, as = 'officer', query = 'limit=50') {
    const res = await who(as)(
      'GET',
      `/api/v1/challenges/${challengeId}/recommended-workers?${query}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: WorkerItem[];
      considered: number;
      eligible: number;
      filteredOut: FilteredOut;
    };
  }

  async function myRecommendations(name: string, query = 'limit=50') {
    const res = await who(name)('GET', `/api/v1/me/recommendations?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: ChallengeItem[];
      considered: number;
      filteredOut: FilteredOut;
      profileGaps: string[];
    };
  }

  const scoreOf = (items: WorkerItem[], name: string) =>
    items.find((i) => i.worker.userId === people[name])?.score;

  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledMaster(t.handle.db);
    orgs.town = await insertOrg(t, 'municipality', '203211');
    orgs.shirahama = await insertOrg(t, 'municipality', '304018');
    orgs.company = await insertOrg(t, 'company');
    orgs.assoc = await insertOrg(t, 'association');
    const signedIn = await signInCast(t, [
      ['officer', orgs.town, 'municipal_officer'],
      ['officerS', orgs.shirahama, 'municipal_officer'],
      ['hr', orgs.company, 'company_admin'],
      ['coordinator', orgs.assoc, 'coordinator'],
      ['visible', orgs.company, 'worker'],
      ['hiddenTies', orgs.company, 'worker'],
      ['noTies', orgs.company, 'worker'],
      ['hiddenSkills', orgs.company, 'worker'],
      ['private', orgs.company, 'worker'],
      ['notOpen', orgs.company, 'worker'],
      ['applicant', orgs.company, 'worker'],
      ['newcomer', orgs.company, 'worker'],
    ]);
    Object.assign(people, signedIn.userIds);
    Object.assign(cookies, signedIn.cookies);
    await writeProfiles(who, {
      // Grew up in 軽井沢町 and shares it.
      visible: { sharing: openShare },
      // The same person, keeping ties to regions (and home) to themself.
      hiddenTies: {
        sharing: { ...openShare, sections: { ...openShare.sections, affinities: false } },
      },
      // No ties and no home stated at all.
      noTies: { affinities: [], homeMunicipalityCode: null, sharing: openShare },
      hiddenSkills: {
        skills: [{ skill: 'software_engineering', level: 5, years: 20 }],
        sharing: { ...openShare, sections: { ...openShare.sections, skills: false } },
      },
      private: {
        skills: [{ skill: 'software_engineering', level: 5, years: 20 }],
        gender: 'nonbinary',
      },
      notOpen: { sharing: { ...openShare, openToOffers: false } },
      applicant: { sharing: openShare },
    });
  });
  afterAll(async () => t.close());

  it('scores a worker with hidden ties exactly as one who has none, and never shows the tie', async () => {
    const challenge = await openChallenge('officer', { themes: ['tourism'] });
    const body = await recommendedWorkers(challenge);
    const ids = body.items.map((i) => i.worker.userId);
    expect(ids).toEqual(expect.arrayContaining([people.visible, people.hiddenTies, people.noTies]));
    expect(scoreOf(body.items, 'hiddenTies')).toBe(scoreOf(body.items, 'noTies'));
    expect(scoreOf(body.items, 'visible')!).toBeGreaterThan(scoreOf(body.items, 'hiddenTies')!);
    const hidden = body.items.find((i) => i.worker.userId === people.hiddenTies)!;
    expect(hidden.worker).not.toHaveProperty('affinities');
    expect(hidden.worker).not.toHaveProperty('homeMunicipalityCode');
    const affinity = hidden.factors.find((f) => f.factor === 'regional_affinity')!;
    expect(affinity).toMatchObject({ value: 0, detail: { kind: null, ties: 0 } });
    expect(JSON.stringify(hidden)).not.toMatch(/203211|hometown|出身|grew up/);
    // The worker's own recommendations count the tie they keep from hosts.
    const own = await myRecommendations('hiddenTies', 'limit=50&locale=en');
    const same = own.items.find((i) => i.challenge.id === challenge)!;
    expect(same.factors.find((f) => f.factor === 'regional_affinity')).toMatchObject({
      detail: { kind: 'hometown', scope: 'municipality' },
    });
    expect(same.summary).toContain('grew up in this municipality');
  });

  it('scores hidden skills as none, and leaves out whoever does not share or take offers', async () => {
    const challenge = await openChallenge('officer', {
      requiredSkills: [{ skill: 'software_engineering', level: 4 }],
      welcomeSkills: [],
    });
    const body = await recommendedWorkers(challenge);
    const ids = body.items.map((i) => i.worker.userId);
    expect(ids).not.toContain(people.private);
    expect(ids).not.toContain(people.notOpen);
    const hidden = body.items.find((i) => i.worker.userId === people.hiddenSkills)!;
    expect(hidden.worker).not.toHaveProperty('skills');
    expect(hidden.factors.find((f) => f.factor === 'skill_coverage')).toMatchObject({
      value: 0,
      detail: { met: 0, missing: 1 },
    });
    expect(JSON.stringify(body)).not.toContain('nonbinary');
    // Considered: the five workers open to offers, nobody else.
    expect(body.considered).toBe(5);
  });

  it('hides a challenge whose applications are full from both sides of recommendations', async () => {
    const challenge = await openChallenge('officer', { places: 1, maxOpenApplications: 1 });
    const applied = await who('applicant')('POST', `/api/v1/challenges/${challenge}/applications`, {
      message: '応募します。',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const body = await recommendedWorkers(challenge, 'officer', 'limit=50&locale=en');
    expect(body.items).toEqual([]);
    expect(body.filteredOut.byReason).toEqual([
      { reason: 'applications_full', count: 5, text: '5 hidden: applications full for now' },
    ]);
    const own = await myRecommendations('visible');
    expect(own.items.map((i) => i.challenge.id)).not.toContain(challenge);
    expect(own.filteredOut.byReason.map((r) => r.reason)).toContain('applications_full');
  });

  it('sees a newly opened challenge and a changed profile at once (the cache follows writes)', async () => {
    const before = await myRecommendations('visible');
    const hostBefore = await recommendedWorkers(before.items[0]!.challenge.id);
    const fresh = await openChallenge('officerS', {
      title: '白浜の新しい課題',
      themes: ['tourism', 'community'],
    });
    const after = await myRecommendations('visible');
    expect(after.considered).toBe(before.considered + 1);
    expect(after.items.map((i) => i.challenge.id)).toContain(fresh);
    // A worker who stops taking offers leaves hosts' recommendations at the next request.
    const left = await who('visible')(
      'PUT',
      '/api/v1/me/profile',
      profileBody({ sharing: { ...openShare, openToOffers: false } }),
    );
    expect(left.statusCode).toBe(200);
    const hostAfter = await recommendedWorkers(before.items[0]!.challenge.id);
    expect(hostBefore.items.map((i) => i.worker.userId)).toContain(people.visible);
    expect(hostAfter.items.map((i) => i.worker.userId)).not.toContain(people.visible);
    expect(hostAfter.considered).toBe(hostBefore.considered - 1);
    await who('visible')('PUT', '/api/v1/me/profile', profileBody({ sharing: openShare }));
  });

  it('counts a programme’s hours for the worker, and tells hosts only the hours left', async () => {
    const programme = await who('hr')(
      'POST',
      `/api/v1/organizations/${orgs.company}/programmes`,
      programmeBody({ maxSharePercent: 10, approvalRequired: false }),
    );
    expect(programme.statusCode, programme.body).toBe(201);
    const joined = await who('noTies')(
      'POST',
      `/api/v1/organizations/${orgs.company}/programmes/${programme.json().id}/join`,
    );
    expect(joined.statusCode, joined.body).toBe(200);
    // 10 % of 160 h is 16 h: a 20-hour challenge is over the share.
    const long = await openChallenge('officer', { hoursPerMonth: 20 });
    const own = await myRecommendations('noTies', 'limit=50&locale=en');
    expect(own.items.map((i) => i.challenge.id)).not.toContain(long);
    expect(own.filteredOut.byReason.find((r) => r.reason === 'programme_cap_exceeded')?.count).toBe(
      1,
    );
    const host = await recommendedWorkers(long, 'officer', 'limit=50&locale=en');
    expect(host.items.map((i) => i.worker.userId)).not.toContain(people.noTies);
    expect(JSON.stringify(host)).not.toMatch(/programme/);
  });

  it('refuses recommendations to people they are not for', async () => {
    const challenge = await openChallenge('officer');
    expect((await who('officer')('GET', '/api/v1/me/recommendations')).statusCode).toBe(403);
    for (const name of ['officerS', 'visible', 'hr']) {
      const res = await who(name)('GET', `/api/v1/challenges/${challenge}/recommended-workers`);
      expect(res.statusCode, name).toBe(403);
    }
    const coordinator = await recommendedWorkers(challenge, 'coordinator');
    expect(coordinator.items.length).toBeGreaterThan(0);
    const tooMany = await who('visible')('GET', '/api/v1/me/recommendations?limit=51');
    expect(tooMany.statusCode).toBe(400);
  });

  it('tells a worker without a profile what to add', async () => {
    const body = await myRecommendations('newcomer');
    expect(body.items).toEqual([]);
    expect(body.profileGaps).toEqual([
      'availableHoursPerMonth',
      'skills',
      'interests',
      'homeMunicipalityCode',
    ]);
    expect(body.filteredOut.total).toBe(body.considered);
  });
});
