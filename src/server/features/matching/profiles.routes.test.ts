import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import { challengeBody, openShare, profileBody } from '../../../../test/helpers/matching-fixtures';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../../../test/helpers/test-app';

let t: TestApp;
const orgs = { company: '', otherCompany: '', town: '', otherTown: '', assoc: '' };
const ids = { worker: '', colleague: '', openChallenge: '' };
const cookies = {
  worker: '',
  colleague: '',
  hr: '',
  otherHr: '',
  officer: '',
  otherOfficer: '',
  coordinator: '',
};
type Call = ReturnType<typeof as>;
let worker: Call;

const hidden = {
  sharedWithHosts: false,
  openToOffers: false,
  sections: { skills: true, affinities: true, career: true, lifeStage: true, gender: true },
};

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  orgs.company = await insertOrg(t, 'company');
  orgs.otherCompany = await insertOrg(t, 'company');
  orgs.town = await insertOrg(t, 'municipality', '203211');
  orgs.otherTown = await insertOrg(t, 'municipality', '304018');
  orgs.assoc = await insertOrg(t, 'association');
  const w = await insertMember(t, orgs.company, 'worker');
  const colleague = await insertMember(t, orgs.company, 'worker');
  ids.worker = w.userId;
  ids.colleague = colleague.userId;
  cookies.worker = await login(t, w.email);
  cookies.colleague = await login(t, colleague.email);
  cookies.hr = await login(t, (await insertMember(t, orgs.company, 'company_admin')).email);
  cookies.otherHr = await login(
    t,
    (await insertMember(t, orgs.otherCompany, 'company_admin')).email,
  );
  cookies.officer = await login(t, (await insertMember(t, orgs.town, 'municipal_officer')).email);
  cookies.otherOfficer = await login(
    t,
    (await insertMember(t, orgs.otherTown, 'municipal_officer')).email,
  );
  cookies.coordinator = await login(t, (await insertMember(t, orgs.assoc, 'coordinator')).email);
  worker = as(t, cookies.worker);
  const officer = as(t, cookies.officer);
  const c = await officer('POST', `/api/v1/organizations/${orgs.town}/challenges`, challengeBody());
  ids.openChallenge = c.json().id;
  await officer('POST', `/api/v1/challenges/${ids.openChallenge}/open`);
});
afterAll(async () => t.close());

describe('the worker’s own profile', () => {
  it('starts empty and private', async () => {
    const res = await worker('GET', '/api/v1/me/profile');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      userId: ids.worker,
      ageBand: null,
      skills: [],
      sharing: {
        sharedWithHosts: false,
        openToOffers: false,
        sections: { skills: true, affinities: true, career: true, lifeStage: false, gender: false },
      },
      updatedAt: null,
    });
  });

  it('saves the whole profile and derives the age band from today’s date', async () => {
    const res = await worker('PUT', '/api/v1/me/profile', profileBody());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      birthYear: 1978,
      ageBand: '45-49',
      homeMunicipalityCode: '131016',
      homeMunicipalityName: '千代田区',
      availableHoursPerMonth: 20,
      preferredStyles: ['remote', 'hybrid'],
      languages: ['ja', 'en'],
      lifeStages: ['caregiving'],
      careerGoals: ['second_career', 'social_contribution'],
      affinities: [
        {
          kind: 'hometown',
          prefectureCode: '200000',
          prefectureName: '長野県',
          municipalityCode: '203211',
          municipalityName: '軽井沢町',
        },
      ],
      updatedAt: '2026-11-21T01:00:00.000Z',
    });
    t.clock.set(Date.parse('2029-01-01T00:00:00Z'));
    expect((await worker('GET', '/api/v1/me/profile')).json().ageBand).toBe('50-54');
    t.clock.set(Date.parse('2026-11-21T01:00:00Z'));
  });

  it('answers 400 naming bad input: hours ≤ 0, unknown codes and skills', async () => {
    const res = await worker(
      'PUT',
      '/api/v1/me/profile',
      profileBody({
        availableHoursPerMonth: 0,
        skills: [{ skill: 'origami', level: 3, years: 2 }],
        languages: ['Japanese'],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.skills[0].skill', message: 'not on the standard skills list' },
      { path: 'body.availableHoursPerMonth', message: 'must be more than 0' },
      {
        path: 'body.languages[0]',
        message: 'must be an ISO 639-1 code such as "ja" or "en"',
      },
    ]);
    const codes = await worker(
      'PUT',
      '/api/v1/me/profile',
      profileBody({
        homeMunicipalityCode: '999999',
        affinities: [{ kind: 'furusato', prefectureCode: '200000', municipalityCode: '304018' }],
        sharing: { ...hidden, openToOffers: true },
      }),
    );
    expect(codes.statusCode).toBe(400);
    expect(codes.json().error.details).toEqual([
      { path: 'body.homeMunicipalityCode', message: 'no municipality has code 999999' },
      {
        path: 'body.affinities[0].municipalityCode',
        message: '304018 is not in prefecture 200000',
      },
      {
        path: 'body.sharing.openToOffers',
        message: 'share your profile with hosts (sharedWithHosts) to receive offers',
      },
    ]);
  });

  it('is for workers only', async () => {
    expect((await as(t, cookies.officer)('GET', '/api/v1/me/profile')).statusCode).toBe(403);
    expect((await as(t, cookies.hr)('PUT', '/api/v1/me/profile', profileBody())).statusCode).toBe(
      403,
    );
  });
});

describe('what others see of a worker’s profile', () => {
  const url = () => `/api/v1/workers/${ids.worker}/profile`;

  it('never returns a hidden profile to a host, even one the worker applied to', async () => {
    await worker('PUT', '/api/v1/me/profile', profileBody({ sharing: hidden }));
    const applied = await worker('POST', `/api/v1/challenges/${ids.openChallenge}/applications`, {
      message: '故郷の町の役に立ちたいです。',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    for (const cookie of [cookies.officer, cookies.otherOfficer, cookies.coordinator]) {
      const res = await as(t, cookie)('GET', url());
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('caregiving');
      expect(res.body).not.toContain('1978');
    }
    // Nor through the applications the host reads.
    const list = await as(t, cookies.officer)(
      'GET',
      `/api/v1/challenges/${ids.openChallenge}/applications`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('marketing');
    expect(list.body).not.toContain('caregiving');
    expect(list.body).not.toContain('45-49');
  });

  it('shows a shared profile to the host the worker applied to: basics and shared sections only', async () => {
    await worker('PUT', '/api/v1/me/profile', profileBody());
    const res = await as(t, cookies.officer)('GET', url());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      audience: 'host',
      ageBand: '45-49',
      interests: ['tourism', 'community'],
      skills: expect.arrayContaining([expect.objectContaining({ skill: 'marketing' })]),
      careerGoals: ['second_career', 'social_contribution'],
      homeMunicipalityCode: '131016',
    });
    expect(Object.keys(body)).not.toContain('lifeStages');
    expect(Object.keys(body)).not.toContain('gender');
    expect(Object.keys(body)).not.toContain('birthYear');
    expect(Object.keys(body)).not.toContain('sharing');
  });

  it('shows a host only the sections the worker left on', async () => {
    await worker(
      'PUT',
      '/api/v1/me/profile',
      profileBody({
        sharing: {
          sharedWithHosts: true,
          openToOffers: false,
          sections: {
            skills: false,
            affinities: false,
            career: false,
            lifeStage: true,
            gender: false,
          },
        },
      }),
    );
    const body = (await as(t, cookies.officer)('GET', url())).json();
    expect(body.lifeStages).toEqual(['caregiving']);
    for (const key of ['skills', 'affinities', 'homeMunicipalityCode', 'careerGoals', 'gender']) {
      expect(Object.keys(body)).not.toContain(key);
    }
  });

  it('keeps a shared profile from hosts the worker did not turn to, unless open to offers', async () => {
    await worker('PUT', '/api/v1/me/profile', profileBody());
    expect((await as(t, cookies.otherOfficer)('GET', url())).statusCode).toBe(404);
    await worker('PUT', '/api/v1/me/profile', profileBody({ sharing: openShare }));
    const res = await as(t, cookies.otherOfficer)('GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.json().audience).toBe('host');
    expect((await as(t, cookies.coordinator)('GET', url())).statusCode).toBe(200);
  });

  it('shows the worker’s HR the basics and skills, never regions, goals, life stage or gender', async () => {
    await worker(
      'PUT',
      '/api/v1/me/profile',
      profileBody({
        sharing: {
          sharedWithHosts: true,
          openToOffers: true,
          sections: { skills: true, affinities: true, career: true, lifeStage: true, gender: true },
        },
      }),
    );
    const res = await as(t, cookies.hr)('GET', url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.audience).toBe('employer');
    expect(body.skills).toHaveLength(2);
    for (const key of [
      'affinities',
      'homeMunicipalityCode',
      'careerGoals',
      'lifeStages',
      'gender',
    ]) {
      expect(Object.keys(body)).not.toContain(key);
    }
  });

  it('does not exist for colleagues or other companies', async () => {
    expect((await as(t, cookies.colleague)('GET', url())).statusCode).toBe(404);
    expect((await as(t, cookies.otherHr)('GET', url())).statusCode).toBe(404);
    expect(
      (await as(t, cookies.officer)('GET', `/api/v1/workers/${crypto.randomUUID()}/profile`))
        .statusCode,
    ).toBe(404);
  });

  it('shows the worker everything through the same route', async () => {
    const res = await worker('GET', url());
    expect(res.json()).toMatchObject({ audience: 'self', lifeStages: ['caregiving'] });
  });
});
