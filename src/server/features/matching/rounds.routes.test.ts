import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMaster } from '../../../db/reference/load-bundled-master';
import { assignRound } from '../../../domain/matching/assign-round';
import type { RoundInput } from '../../../domain/matching/round-input';
import { openShare, programmeBody } from '../../../../test/helpers/matching-fixtures';
import { as, createTestApp, insertOrg, type TestApp } from '../../../../test/helpers/test-app';
import { postOpenChallenge, signInCast, writeProfiles } from './matching-test-setup';

type Assignment = {
  worker: { userId: string; name: string };
  challenge: { id: string; localGovCode: string };
  score: number;
  summary: string;
  source: 'solver' | 'coordinator';
  application: { id: string; status: string } | null;
};
type Round = {
  id: string;
  status: string;
  participants: { workers: number; challenges: number; municipalities: number };
  pairs: number;
  assignments: Assignment[];
  totalScore: number;
  shortfalls: Array<{
    localGovCode: string;
    name: string | null;
    required: number;
    matched: number;
  }>;
  solveMs: number;
  events: Array<{ event: string; details: Record<string, unknown> }>;
};

const KARUIZAWA = '203211';
const SHIRAHAMA = '304018';

let t: TestApp;
const orgs = { karuizawa: '', shirahama: '', company: '', assoc: '' };
const people: Record<string, string> = {};
const cookies: Record<string, string> = {};
const challenges = { k: '', s: '', closed: '' };
const who = (name: string) => as(t, cookies[name] ?? '');
/** Marketing work for which every worker's default skills fit. */
const marketing = {
  themes: ['tourism'],
  requiredSkills: [{ skill: 'marketing', level: 3 }],
  welcomeSkills: [],
};

const openChallenge = (town: 'officerK' | 'officerS', overrides: Record<string, unknown>) =>
  postOpenChallenge(who(town), town === 'officerK' ? orgs.karuizawa : orgs.shirahama, {
    ...marketing,
    ...overrides,
  });

async function runRound(body: Record<string, unknown>) {
  return who('coordinator')('POST', '/api/v1/rounds?locale=en', {
    name: '冬のマッチング',
    challengeIds: [challenges.k, challenges.s],
    ...body,
  });
}

async function createdRound(body: Record<string, unknown>): Promise<Round> {
  const res = await runRound(body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const pairsOf = (round: Round) =>
  round.assignments.map((a) => ({ worker: a.worker.userId, challenge: a.challenge.id }));

/** Host-side scores of every eligible pair, from the recommendations hosts read. */
async function hostScores(challengeIds: string[]): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  for (const id of challengeIds) {
    const res = await who('coordinator')(
      'GET',
      `/api/v1/challenges/${id}/recommended-workers?limit=50`,
    );
    expect(res.statusCode, res.body).toBe(200);
    for (const item of res.json().items as Array<{ worker: { userId: string }; score: number }>) {
      scores.set(`${item.worker.userId}|${id}`, item.score);
    }
  }
  return scores;
}

/**
 * The best assignment by trying every subset of pairs: the most guaranteed municipality matches
 * first, then the highest total score.
 */
function bruteForce(input: RoundInput): { guaranteed: number; total: number } {
  const municipalityOf = new Map(input.challenges.map((c) => [c.id, c.municipality]));
  let best = { guaranteed: -1, total: -Infinity };
  const n = input.scores.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const perWorker = new Map<string, number>();
    const perChallenge = new Map<string, number>();
    const perMunicipality = new Map<string, number>();
    let total = 0;
    let fits = true;
    for (let i = 0; i < n && fits; i++) {
      if (!(mask & (1 << i))) continue;
      const s = input.scores[i]!;
      perWorker.set(s.worker, (perWorker.get(s.worker) ?? 0) + 1);
      perChallenge.set(s.challenge, (perChallenge.get(s.challenge) ?? 0) + 1);
      const m = municipalityOf.get(s.challenge)!;
      perMunicipality.set(m, (perMunicipality.get(m) ?? 0) + 1);
      total += s.score;
      fits =
        perWorker.get(s.worker)! <= input.workers.find((w) => w.id === s.worker)!.capacity &&
        perChallenge.get(s.challenge)! <=
          input.challenges.find((c) => c.id === s.challenge)!.capacity;
    }
    if (!fits) continue;
    let guaranteed = 0;
    for (const m of new Set(municipalityOf.values())) {
      guaranteed += Math.min(perMunicipality.get(m) ?? 0, input.minPerMunicipality);
    }
    if (
      guaranteed > best.guaranteed ||
      (guaranteed === best.guaranteed && total > best.total + 1e-9)
    ) {
      best = { guaranteed, total };
    }
  }
  return best;
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  orgs.karuizawa = await insertOrg(t, 'municipality', KARUIZAWA);
  orgs.shirahama = await insertOrg(t, 'municipality', SHIRAHAMA);
  orgs.company = await insertOrg(t, 'company');
  orgs.assoc = await insertOrg(t, 'association');
  const signedIn = await signInCast(t, [
    ['officerK', orgs.karuizawa, 'municipal_officer'],
    ['officerS', orgs.shirahama, 'municipal_officer'],
    ['hr', orgs.company, 'company_admin'],
    ['coordinator', orgs.assoc, 'coordinator'],
    ['a', orgs.company, 'worker'],
    ['b', orgs.company, 'worker'],
    ['c', orgs.company, 'worker'],
    ['tiny', orgs.company, 'worker'],
    ['prog', orgs.company, 'worker'],
    ['private', orgs.company, 'worker'],
  ]);
  Object.assign(people, signedIn.userIds);
  Object.assign(cookies, signedIn.cookies);
  // a and b grew up in 軽井沢町; c has no ties; tiny has 8 hours a month; prog is in a programme
  // that needs HR's approval; private shares nothing.
  await writeProfiles(who, {
    a: { sharing: openShare },
    b: { sharing: openShare },
    c: { affinities: [], sharing: openShare },
    tiny: { availableHoursPerMonth: 8, sharing: openShare },
    prog: { affinities: [], interests: ['community'], sharing: openShare },
    private: {},
  });
  const programme = await who('hr')(
    'POST',
    `/api/v1/organizations/${orgs.company}/programmes`,
    programmeBody(),
  );
  expect(programme.statusCode, programme.body).toBe(201);
  const joined = await who('prog')(
    'POST',
    `/api/v1/organizations/${orgs.company}/programmes/${programme.json().id}/join`,
  );
  expect(joined.statusCode, joined.body).toBe(200);
  challenges.k = await openChallenge('officerK', { places: 2 });
  challenges.s = await openChallenge('officerS', { places: 1 });
  challenges.closed = await openChallenge('officerS', { places: 1 });
  expect(
    (await who('officerS')('POST', `/api/v1/challenges/${challenges.closed}/close`)).statusCode,
  ).toBe(200);
});
afterAll(async () => t.close());

describe('running a round', () => {
  it('stores exactly the solver’s optimal assignment of the host-side scores', async () => {
    const workers = [people.a!, people.c!, people.prog!, people.tiny!];
    const round = await createdRound({ workerIds: workers, workerCapacity: 1 });
    expect(round).toMatchObject({
      status: 'proposal',
      participants: { workers: 4, challenges: 2, municipalities: 2 },
      shortfalls: [],
    });
    // The same round, built from the scores hosts read and solved here.
    const scores = await hostScores([challenges.k, challenges.s]);
    const input: RoundInput = {
      workers: workers.map((id) => ({ id, capacity: 1 })),
      challenges: [
        { id: challenges.k, capacity: 2, municipality: KARUIZAWA },
        { id: challenges.s, capacity: 1, municipality: SHIRAHAMA },
      ],
      scores: workers.flatMap((w) =>
        [challenges.k, challenges.s]
          .filter((c) => scores.has(`${w}|${c}`))
          .map((c) => ({ worker: w, challenge: c, score: scores.get(`${w}|${c}`)! }))
          .sort((x, y) =>
            x.score !== y.score ? y.score - x.score : x.challenge < y.challenge ? -1 : 1,
          ),
      ),
      minPerMunicipality: 0,
    };
    expect(round.pairs).toBe(input.scores.length);
    const expected = assignRound(input);
    expect(
      round.assignments.map((a) => ({
        worker: a.worker.userId,
        challenge: a.challenge.id,
        score: a.score,
      })),
    ).toEqual(expected.assignments);
    expect(round.totalScore).toBe(expected.totalScore);
    expect(round.totalScore).toBeCloseTo(bruteForce(input).total, 9);
    // Nobody on tiny's 8 hours; each pair with its reasons in the asked language.
    expect(round.assignments.map((a) => a.worker.userId)).not.toContain(people.tiny);
    for (const a of round.assignments) {
      expect(a.source).toBe('solver');
      expect(a.summary).toMatch(/required skill/);
      expect(a.application).toBeNull();
    }
    expect(round.events).toMatchObject([{ event: 'created', details: { workers: 4 } }]);
    const ja = await who('coordinator')('GET', `/api/v1/rounds/${round.id}?locale=ja`);
    expect(ja.json().assignments[0].summary).toMatch(/必須スキル/);
  });

  it('keeps to each worker’s capacity and each challenge’s places', async () => {
    const round = await createdRound({
      workerIds: [people.a, people.b, people.c, people.prog],
      workerCapacity: 2,
    });
    const perWorker = new Map<string, number>();
    const perChallenge = new Map<string, number>();
    for (const a of round.assignments) {
      perWorker.set(a.worker.userId, (perWorker.get(a.worker.userId) ?? 0) + 1);
      perChallenge.set(a.challenge.id, (perChallenge.get(a.challenge.id) ?? 0) + 1);
    }
    expect(Math.max(...perWorker.values())).toBeLessThanOrEqual(2);
    expect(perChallenge.get(challenges.k) ?? 0).toBeLessThanOrEqual(2);
    expect(perChallenge.get(challenges.s) ?? 0).toBeLessThanOrEqual(1);
    // Three places in all: every one is taken.
    expect(round.assignments).toHaveLength(3);
  });

  it('gives each municipality a match when asked, even at some cost in score', async () => {
    // a and b grew up in 軽井沢町: both score higher there, and it has two places.
    const free = await createdRound({ workerIds: [people.a, people.b], minPerMunicipality: 0 });
    expect(free.assignments.map((a) => a.challenge.localGovCode)).toEqual([KARUIZAWA, KARUIZAWA]);
    const guaranteed = await createdRound({
      workerIds: [people.a, people.b],
      minPerMunicipality: 1,
    });
    expect(guaranteed.assignments.map((a) => a.challenge.localGovCode).sort()).toEqual([
      KARUIZAWA,
      SHIRAHAMA,
    ]);
    expect(guaranteed.shortfalls).toEqual([]);
    expect(guaranteed.totalScore).toBeLessThan(free.totalScore);
    // More than anyone can give: the shortfall is reported with the town's name.
    const short = await createdRound({ workerIds: [people.a], minPerMunicipality: 1 });
    expect(short.shortfalls).toEqual([
      { localGovCode: expect.any(String), name: expect.any(String), required: 1, matched: 0 },
    ]);
  });

  it('runs a round of everyone open to offers', async () => {
    const round = await createdRound({ allOptedIn: true });
    expect(round.participants.workers).toBe(5);
  });

  it('answers 400 for a round without a feasible pair, and stores nothing', async () => {
    const before = (await who('coordinator')('GET', '/api/v1/rounds')).json().items.length;
    const res = await runRound({ workerIds: [people.tiny] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'bad_request',
      message:
        'No feasible pair: none of the 1 worker passes the hard filters for any of the 2 challenges',
      details: [{ path: 'body', message: '2 hidden: more hours a month than available' }],
    });
    const after = (await who('coordinator')('GET', '/api/v1/rounds')).json().items.length;
    expect(after).toBe(before);
  });

  it('answers 400 naming each participant that cannot take part', async () => {
    const res = await who('coordinator')('POST', '/api/v1/rounds', {
      name: 'だめな回',
      challengeIds: [challenges.k, challenges.closed, challenges.k],
      workerIds: [people.private, people.a],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.challengeIds[1]', message: `${challenges.closed} is not an open challenge` },
      { path: 'body.challengeIds[2]', message: 'listed twice (challengeIds[0])' },
      {
        path: 'body.workerIds[0]',
        message: `${people.private} is not a worker open to offers (they must share their profile with hosts and agree to offers)`,
      },
    ]);
    const neither = await who('coordinator')('POST', '/api/v1/rounds', {
      name: 'x',
      challengeIds: [challenges.k],
    });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details[0].path).toBe('body.workerIds');
  });

  it('is for coordinators only', async () => {
    for (const name of ['officerK', 'hr', 'a']) {
      const res = await who(name)('POST', '/api/v1/rounds', {
        name: 'x',
        challengeIds: [challenges.k],
        workerIds: [people.a],
      });
      expect(res.statusCode, name).toBe(403);
      expect((await who(name)('GET', '/api/v1/rounds')).statusCode).toBe(403);
    }
  });
});

describe('editing and publishing a round', () => {
  let round: Round;
  const put = (assignments: Array<{ workerId: string; challengeId: string }>) =>
    who('coordinator')('PUT', `/api/v1/rounds/${round.id}/assignments?locale=en`, {
      assignments,
    });

  beforeAll(async () => {
    round = await createdRound({ workerIds: [people.a, people.c, people.prog, people.tiny] });
  });

  it('refuses an edit that leaves the round or its capacities, naming the entry', async () => {
    const [first] = round.assignments;
    const overCapacity = await put([
      { workerId: first!.worker.userId, challengeId: challenges.k },
      { workerId: first!.worker.userId, challengeId: challenges.s },
    ]);
    expect(overCapacity.statusCode).toBe(400);
    expect(overCapacity.json().error.details).toEqual([
      {
        path: 'body.assignments[1]',
        message: `gives worker ${first!.worker.userId} more than 1 challenge (the round's capacity per worker)`,
      },
    ]);
    const outsider = await put([{ workerId: people.b!, challengeId: challenges.k }]);
    expect(outsider.json().error.details).toEqual([
      {
        path: 'body.assignments[0].workerId',
        message: `${people.b} is not a worker of this round`,
      },
    ]);
    const ineligible = await put([{ workerId: people.tiny!, challengeId: challenges.k }]);
    expect(ineligible.statusCode).toBe(400);
    expect(ineligible.json().error.details).toEqual([
      {
        path: 'body.assignments[0]',
        message: 'fails a hard filter: needs 16 h a month, 8 h available',
      },
    ]);
  });

  it('takes the coordinator’s pairs, scoring the new ones', async () => {
    // Everyone on a different challenge than the solver chose, where they fit.
    const edited = [
      { workerId: people.a!, challengeId: challenges.s },
      { workerId: people.c!, challengeId: challenges.k },
      { workerId: people.prog!, challengeId: challenges.k },
    ];
    const res = await put(edited);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Round;
    expect(pairsOf(after)).toEqual(
      edited.map((e) => ({ worker: e.workerId, challenge: e.challengeId })),
    );
    const solverPairs = new Set(pairsOf(round).map((p) => `${p.worker}|${p.challenge}`));
    const scores = await hostScores([challenges.k, challenges.s]);
    for (const a of after.assignments) {
      const key = `${a.worker.userId}|${a.challenge.id}`;
      expect(a.source).toBe(solverPairs.has(key) ? 'solver' : 'coordinator');
      expect(a.score).toBe(scores.get(key));
    }
    expect(after.totalScore).toBeCloseTo(
      after.assignments.reduce((sum, a) => sum + a.score, 0),
      12,
    );
    expect(after.events.map((e) => e.event)).toEqual(['created', 'edited']);
    round = after;
  });

  it('publishes: each pair becomes a proposal, and the worker, host and HR are told', async () => {
    // c had already shown interest in their challenge: it moves on to the proposal.
    const interest = await who('c')('POST', `/api/v1/challenges/${challenges.k}/interest`);
    expect(interest.statusCode).toBe(201);
    const res = await who('coordinator')('POST', `/api/v1/rounds/${round.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json() as Round;
    expect(published.status).toBe('published');
    for (const a of published.assignments) {
      expect(a.application).toEqual({ id: expect.any(String), status: 'proposed' });
    }
    const mine = await who('c')('GET', '/api/v1/me/applications');
    const proposal = mine
      .json()
      .items.find((a: { challengeId: string }) => a.challengeId === challenges.k);
    expect(proposal).toMatchObject({ status: 'proposed' });
    expect(proposal.events.map((e: { from: string; to: string }) => [e.from, e.to])).toEqual([
      [null, 'interested'],
      ['interested', 'proposed'],
    ]);
    const kinds = async (name: string) =>
      (await who(name)('GET', '/api/v1/me/notifications'))
        .json()
        .items.map((n: { kind: string; payload: { challengeId: string } }) => [
          n.kind,
          n.payload.challengeId,
        ]);
    expect(await kinds('a')).toContainEqual(['round_match', challenges.s]);
    expect(await kinds('prog')).toContainEqual(['round_match', challenges.k]);
    expect(await kinds('officerS')).toContainEqual(['round_match', challenges.s]);
    expect(await kinds('officerK')).toContainEqual(['round_match', challenges.k]);
    // HR is told about prog only (the programme needs approval); c and a have no programme.
    const hr = (await who('hr')('GET', '/api/v1/me/notifications')).json().items;
    expect(
      hr
        .filter((n: { kind: string }) => n.kind === 'round_match')
        .map((n: { payload: { workerName: string } }) => n.payload.workerName),
    ).toEqual(['worker person']);
    // The host sees the proposals among the applications to the challenge.
    const seen = await who('officerK')('GET', `/api/v1/challenges/${challenges.k}/applications`);
    expect(
      seen
        .json()
        .items.filter((a: { status: string }) => a.status === 'proposed')
        .map((a: { workerUserId: string }) => a.workerUserId)
        .sort(),
    ).toEqual([people.c, people.prog].sort());
  });

  it('lets a worker apply from a proposal, or say no to it', async () => {
    const applied = await who('prog')('POST', `/api/v1/challenges/${challenges.k}/applications`, {
      message: 'ラウンドで提案いただいた課題に応募します。',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().status).toBe('employer_pending');
    const mine = (await who('a')('GET', '/api/v1/me/applications')).json().items;
    const proposal = mine.find((x: { challengeId: string }) => x.challengeId === challenges.s);
    const declined = await who('a')('POST', `/api/v1/me/applications/${proposal.id}/withdraw`);
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().status).toBe('withdrawn');
    const told = (await who('officerS')('GET', '/api/v1/me/notifications')).json().items;
    expect(told[0]).toMatchObject({ kind: 'application_withdrawn' });
    // The round shows where each proposal stands now.
    const now = (await who('coordinator')('GET', `/api/v1/rounds/${round.id}`)).json() as Round;
    expect(
      Object.fromEntries(now.assignments.map((a) => [a.worker.userId, a.application?.status])),
    ).toEqual({
      [people.a!]: 'withdrawn',
      [people.c!]: 'proposed',
      [people.prog!]: 'employer_pending',
    });
  });

  it('answers 409 to editing or publishing a published round', async () => {
    const edit = await put([]);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(
      'Not possible: the round is published; only a proposal can be edited',
    );
    const again = await who('coordinator')('POST', `/api/v1/rounds/${round.id}/publish`);
    expect(again.statusCode).toBe(409);
    const missing = await who('coordinator')(
      'GET',
      '/api/v1/rounds/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('leaves pairs already under way out of later rounds', async () => {
    const later = await createdRound({ workerIds: [people.c, people.prog] });
    const keys = pairsOf(later).map((p) => `${p.worker}|${p.challenge}`);
    expect(keys).not.toContain(`${people.c}|${challenges.k}`);
    expect(keys).not.toContain(`${people.prog}|${challenges.k}`);
  });
});
