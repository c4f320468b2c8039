import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import { challengeBody } from '../../../../test/helpers/matching-fixtures';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';

let t: TestApp;
const orgs = { karuizawa: '', kamiyama: '', nagano: '', company: '', assoc: '' };
const cookies = {
  officer: '',
  otherOfficer: '',
  prefOfficer: '',
  worker: '',
  hr: '',
  coordinator: '',
};

type Call = ReturnType<typeof as>;
let officer: Call;
let worker: Call;

async function createChallenge(who: Call, body = challengeBody(), org = orgs.karuizawa) {
  const res = await who('POST', `/api/v1/organizations/${org}/challenges`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: string };
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  orgs.karuizawa = await insertOrg(t, 'municipality', '203211');
  orgs.kamiyama = await insertOrg(t, 'municipality', '363421');
  orgs.nagano = await insertOrg(t, 'prefecture', '200000');
  orgs.company = await insertOrg(t, 'company');
  orgs.assoc = await insertOrg(t, 'association');
  const people = {
    officer: await insertMember(t, orgs.karuizawa, 'municipal_officer'),
    otherOfficer: await insertMember(t, orgs.kamiyama, 'municipal_officer'),
    prefOfficer: await insertMember(t, orgs.nagano, 'municipal_officer'),
    worker: await insertMember(t, orgs.company, 'worker'),
    hr: await insertMember(t, orgs.company, 'company_admin'),
    coordinator: await insertMember(t, orgs.assoc, 'coordinator'),
  };
  for (const [key, person] of Object.entries(people)) {
    cookies[key as keyof typeof cookies] = await login(t, person.email);
  }
  officer = as(t, cookies.officer);
  worker = as(t, cookies.worker);
});
afterAll(async () => t.close());

describe('posting a challenge', () => {
  it('creates a draft in the officer’s town, recording who and when', async () => {
    const res = await officer(
      'POST',
      `/api/v1/organizations/${orgs.karuizawa}/challenges`,
      challengeBody(),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      organizationId: orgs.karuizawa,
      municipalityCode: '203211',
      municipalityName: '軽井沢町',
      prefectureCode: '200000',
      prefectureName: '長野県',
      state: 'draft',
      hoursPerMonth: 16,
      filledPlaces: 0,
      openApplications: 0,
      maxOpenApplications: 20,
      responseDays: 7,
      myApplication: null,
      events: [
        {
          event: 'created',
          fromState: null,
          toState: 'draft',
          actorName: 'municipal_officer person',
          at: '2026-11-21T01:00:00.000Z',
        },
      ],
    });
  });

  it('answers 400 naming each bad field: hours ≤ 0, an unknown skill, a level out of range', async () => {
    const res = await officer(
      'POST',
      `/api/v1/organizations/${orgs.karuizawa}/challenges`,
      challengeBody({
        hoursPerMonth: 0,
        places: 0,
        themes: [],
        requiredSkills: [{ skill: 'juggling', level: 6 }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'body.hoursPerMonth', message: 'must be more than 0' },
        { path: 'body.places', message: 'at least 1' },
        { path: 'body.themes', message: 'name at least one theme' },
        { path: 'body.requiredSkills[0].skill', message: 'not on the standard skills list' },
        { path: 'body.requiredSkills[0].level', message: 'levels run 1–5' },
      ]),
    );
  });

  it('answers 400 for an unknown municipality code, naming the field', async () => {
    const res = await officer(
      'POST',
      `/api/v1/organizations/${orgs.karuizawa}/challenges`,
      challengeBody({ municipalityCode: '999999' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.municipalityCode', message: 'no municipality has code 999999' },
    ]);
  });

  it('answers 400 for terms that do not hold together', async () => {
    const res = await officer(
      'POST',
      `/api/v1/organizations/${orgs.karuizawa}/challenges`,
      challengeBody({ style: 'remote', onsiteDaysPerMonth: 2, terms: 'volunteer' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.onsiteDaysPerMonth', message: 'must be 0 for remote work' },
      {
        path: 'body.feeYenPerMonth',
        message: 'only a paid engagement has a fee (terms: volunteer)',
      },
    ]);
  });

  it('keeps a town to its own area', async () => {
    const res = await officer(
      'POST',
      `/api/v1/organizations/${orgs.karuizawa}/challenges`,
      challengeBody({ municipalityCode: '202029' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.municipalityCode', message: "202029 is outside the host's area (203211)" },
    ]);
  });

  it('lets a prefecture post prefecture-wide or in one of its towns', async () => {
    const pref = as(t, cookies.prefOfficer);
    const wide = await createChallenge(pref, challengeBody(), orgs.nagano);
    expect(wide).toMatchObject({ municipalityCode: null, prefectureCode: '200000' });
    const inTown = await createChallenge(
      pref,
      challengeBody({ municipalityCode: '202029' }),
      orgs.nagano,
    );
    expect(inTown).toMatchObject({ municipalityCode: '202029', municipalityName: '松本市' });
    const elsewhere = await pref(
      'POST',
      `/api/v1/organizations/${orgs.nagano}/challenges`,
      challengeBody({ municipalityCode: '363421' }),
    );
    expect(elsewhere.statusCode).toBe(400);
  });

  it('refuses posting for a town to anyone but its officers', async () => {
    const url = `/api/v1/organizations/${orgs.karuizawa}/challenges`;
    expect((await as(t, cookies.otherOfficer)('POST', url, challengeBody())).statusCode).toBe(404);
    expect((await as(t, cookies.hr)('POST', url, challengeBody())).statusCode).toBe(404);
    expect((await worker('POST', url, challengeBody())).statusCode).toBe(404);
    expect((await as(t, cookies.coordinator)('POST', url, challengeBody())).statusCode).toBe(403);
    const company = await as(t, cookies.hr)(
      'POST',
      `/api/v1/organizations/${orgs.company}/challenges`,
      challengeBody(),
    );
    expect(company.statusCode).toBe(403);
  });
});

describe('who sees a challenge', () => {
  it('hides a draft from everyone but its host and coordinators', async () => {
    const draft = await createChallenge(officer);
    const url = `/api/v1/challenges/${draft.id}`;
    for (const cookie of [cookies.worker, cookies.hr, cookies.otherOfficer, cookies.prefOfficer]) {
      expect((await as(t, cookie)('GET', url)).statusCode).toBe(404);
    }
    expect((await officer('GET', url)).statusCode).toBe(200);
    expect((await as(t, cookies.coordinator)('GET', url)).statusCode).toBe(200);
  });

  it('shows an open challenge to every signed-in role, its history only to the host', async () => {
    const c = await createChallenge(officer);
    await officer('POST', `/api/v1/challenges/${c.id}/open`);
    const seen = await worker('GET', `/api/v1/challenges/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ state: 'open', events: [] });
    const host = await officer('GET', `/api/v1/challenges/${c.id}`);
    expect(host.json().events.map((e: { event: string }) => e.event)).toEqual([
      'created',
      'opened',
    ]);
    expect(
      (await as(t, cookies.otherOfficer)('GET', `/api/v1/challenges/${c.id}`)).statusCode,
    ).toBe(200);
  });
});

describe('the lifecycle', () => {
  it('goes draft → open → closed → archived, each step with who and when', async () => {
    const c = await createChallenge(officer);
    t.clock.set(Date.parse('2026-11-22T00:00:00Z'));
    expect((await officer('POST', `/api/v1/challenges/${c.id}/open`)).json().state).toBe('open');
    t.clock.set(Date.parse('2026-11-23T00:00:00Z'));
    expect((await officer('POST', `/api/v1/challenges/${c.id}/close`)).json().state).toBe('closed');
    const archived = await officer('POST', `/api/v1/challenges/${c.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().events).toEqual([
      expect.objectContaining({ event: 'created', toState: 'draft' }),
      expect.objectContaining({
        event: 'opened',
        fromState: 'draft',
        toState: 'open',
        at: '2026-11-22T00:00:00.000Z',
      }),
      expect.objectContaining({ event: 'closed', fromState: 'open', toState: 'closed' }),
      {
        event: 'archived',
        fromState: 'closed',
        toState: 'archived',
        actorName: 'municipal_officer person',
        at: '2026-11-23T00:00:00.000Z',
      },
    ]);
    t.clock.set(Date.parse('2026-11-21T01:00:00Z'));
  });

  it('answers 409 for a transition from the wrong state', async () => {
    const c = await createChallenge(officer);
    const res = await officer('POST', `/api/v1/challenges/${c.id}/close`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Cannot close: the challenge is draft; only an open challenge can be closed',
    );
  });

  it('lets a coordinator close any open challenge but not open or archive one', async () => {
    const coordinator = as(t, cookies.coordinator);
    const c = await createChallenge(officer);
    expect((await coordinator('POST', `/api/v1/challenges/${c.id}/open`)).statusCode).toBe(403);
    await officer('POST', `/api/v1/challenges/${c.id}/open`);
    expect((await coordinator('POST', `/api/v1/challenges/${c.id}/close`)).statusCode).toBe(200);
    expect((await coordinator('POST', `/api/v1/challenges/${c.id}/archive`)).statusCode).toBe(403);
  });

  it('refuses another town’s officer and workers: 403 on an open challenge, 404 on a draft', async () => {
    const draft = await createChallenge(officer);
    const open = await createChallenge(officer);
    await officer('POST', `/api/v1/challenges/${open.id}/open`);
    for (const cookie of [cookies.otherOfficer, cookies.worker, cookies.hr]) {
      const who = as(t, cookie);
      expect((await who('POST', `/api/v1/challenges/${draft.id}/open`)).statusCode).toBe(404);
      expect((await who('POST', `/api/v1/challenges/${open.id}/close`)).statusCode).toBe(403);
      expect((await who('PUT', `/api/v1/challenges/${open.id}`, challengeBody())).statusCode).toBe(
        403,
      );
    }
  });
});

describe('editing', () => {
  it('rewrites a draft or open challenge and records the edit', async () => {
    const c = await createChallenge(officer);
    const res = await officer(
      'PUT',
      `/api/v1/challenges/${c.id}`,
      challengeBody({ title: '観光予約システムの導入', hoursPerMonth: 12 }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '観光予約システムの導入', hoursPerMonth: 12 });
    expect(res.json().events.at(-1)).toMatchObject({
      event: 'updated',
      fromState: 'draft',
      toState: 'draft',
    });
  });

  it('keeps a closed challenge as it was (409)', async () => {
    const c = await createChallenge(officer);
    await officer('POST', `/api/v1/challenges/${c.id}/open`);
    await officer('POST', `/api/v1/challenges/${c.id}/close`);
    const res = await officer('PUT', `/api/v1/challenges/${c.id}`, challengeBody());
    expect(res.statusCode).toBe(409);
  });
});

describe('search', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const kamiyama = as(t, cookies.otherOfficer);
    const posted = [
      [
        'ecommerce',
        kamiyama,
        orgs.kamiyama,
        challengeBody({
          title: 'サテライトオフィスの誘致',
          titleEn: 'Attracting satellite offices',
          description: '空き家を改修したサテライトオフィスに入居する企業を探しています。',
          descriptionEn: 'We look for companies to move into renovated old houses.',
          themes: ['local_industry', 'community'],
          requiredSkills: [{ skill: 'sales', level: 3 }],
          welcomeSkills: [],
          style: 'remote',
          onsiteDaysPerMonth: 0,
          hoursPerMonth: 8,
          terms: 'volunteer',
          feeYenPerMonth: null,
        }),
      ],
      [
        'farm',
        officer,
        orgs.karuizawa,
        challengeBody({
          title: 'レタス農家のＥＣサイト立ち上げ',
          titleEn: null,
          description: '高原野菜をオンラインで販売する仕組みをつくる。',
          descriptionEn: null,
          themes: ['agriculture_food'],
          requiredSkills: [{ skill: 'web_design', level: 2 }],
          welcomeSkills: [{ skill: 'marketing', level: 3 }],
          style: 'onsite',
          onsiteDaysPerMonth: 4,
          hoursPerMonth: 30,
          terms: 'expenses_only',
          feeYenPerMonth: null,
        }),
      ],
    ] as const;
    for (const [key, who, org, body] of posted) {
      const c = await createChallenge(who, body, org);
      await who('POST', `/api/v1/challenges/${c.id}/open`);
      ids[key] = c.id;
    }
  });

  async function found(query: string, who: Call = worker): Promise<string[]> {
    const res = await who('GET', `/api/v1/challenges?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((c: { id: string }) => c.id);
  }

  it('matches Japanese or English words in titles and descriptions, whatever the width or case', async () => {
    expect(await found(`q=${encodeURIComponent('サテライト')}`)).toEqual([ids.ecommerce]);
    expect(await found(`q=${encodeURIComponent('renovated HOUSES')}`)).toEqual([ids.ecommerce]);
    expect(await found(`q=${encodeURIComponent('ec 高原')}`)).toEqual([ids.farm]);
    expect(await found(`q=${encodeURIComponent('ＥＣ　レタス')}`)).toEqual([ids.farm]);
    expect(await found(`q=${encodeURIComponent('神山')}`)).toEqual([ids.ecommerce]);
    expect(await found(`q=${encodeURIComponent('100%')}`)).toEqual([]);
  });

  it('filters by prefecture, theme, skill, style, hours and terms', async () => {
    expect(await found('prefecture=360007')).toEqual([ids.ecommerce]);
    expect(await found('theme=agriculture_food')).toEqual([ids.farm]);
    expect(await found('skill=marketing&style=onsite')).toEqual([ids.farm]);
    expect(await found('skill=sales')).toEqual([ids.ecommerce]);
    expect(await found('minHours=20&maxHours=40')).toEqual([ids.farm]);
    expect(await found('maxHours=8')).toEqual([ids.ecommerce]);
    expect(await found('terms=volunteer')).toEqual([ids.ecommerce]);
  });

  it('shows workers open challenges only; a host also its own drafts', async () => {
    const draft = await createChallenge(officer, challengeBody({ title: '下書きの課題' }));
    const q = `q=${encodeURIComponent('下書き')}`;
    expect(await found(q)).toEqual([]);
    expect(await found(`${q}&state=draft`)).toEqual([]);
    expect(await found(q, as(t, cookies.otherOfficer))).toEqual([]);
    expect(await found(q, officer)).toEqual([draft.id]);
    expect(await found(q, as(t, cookies.coordinator))).toEqual([draft.id]);
  });

  it('pages through the results with the total', async () => {
    const res = await worker('GET', '/api/v1/challenges?limit=1&offset=1');
    const all = await worker('GET', '/api/v1/challenges?limit=100');
    expect(res.json()).toMatchObject({ limit: 1, offset: 1, total: all.json().total });
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0].id).toBe(all.json().items[1].id);
    expect(all.json().items.every((c: { state: string }) => c.state === 'open')).toBe(true);
  });

  it('answers 400 for unknown codes and an upside-down hours range', async () => {
    const res = await worker('GET', '/api/v1/challenges?prefecture=990000&municipality=999999');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'querystring.prefecture', message: 'no prefecture has code 990000' },
      { path: 'querystring.municipality', message: 'no municipality has code 999999' },
    ]);
    const range = await worker('GET', '/api/v1/challenges?minHours=20&maxHours=10');
    expect(range.statusCode).toBe(400);
    expect(range.json().error.details).toEqual([
      { path: 'querystring.maxHours', message: 'must not be below minHours' },
    ]);
    const zero = await worker('GET', '/api/v1/challenges?minHours=0');
    expect(zero.statusCode).toBe(400);
  });
});
