import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFlowDataset } from '../db/flow-datasets.repository';
import { loadBundledMaster } from '../db/reference/load-bundled-master';
import {
  challengeBody,
  openShare,
  profileBody,
  programmeBody,
} from '../../test/helpers/matching-fixtures';
import {
  as,
  createTestApp,
  insertMember,
  insertOrg,
  login,
  type TestApp,
} from '../../test/helpers/test-app';

/**
 * For every route the app registers: an anonymous caller gets 401, and a signed-in person of
 * another organisation gets 403 or 404 and never sees the target organisation's data. A route
 * that is added without being classified here fails the suite.
 *
 * "Another organisation" depends on what the route is keyed by: an organisation (company B or
 * town B), a challenge (owned by town B, in the state the route acts on), an application (of
 * company B's worker, to town B's challenge) or a person (company B's worker). fill() puts the
 * right record of world B in each path; insiderOf() names who in world B may use the route.
 */

const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'POST /api/v1/auth/login',
  'GET /api/v1/invitations/:token',
  'POST /api/v1/invitations/:token/accept',
]);
/** Routes about the caller alone: nothing of another organisation is reachable through them. */
const SELF = new Set(['GET /api/v1/auth/me', 'PATCH /api/v1/auth/me', 'POST /api/v1/auth/logout']);
/** Everything under /api/v1/me/ is the caller's own (their employments, their timesheets). */
const isSelf = (key: string) =>
  SELF.has(key) || (key.split(' ')[1] ?? '').startsWith('/api/v1/me/');
/** Association-wide routes: coordinators only. */
const COORDINATOR_ONLY = new Set([
  'GET /api/v1/audit-events',
  'POST /api/v1/organizations',
  'GET /api/v1/coordinator/overdue-applications',
  // Matching rounds, in the order the coordinator's check below walks them: run one, list them,
  // read one, edit its proposal, publish it.
  'POST /api/v1/rounds',
  'GET /api/v1/rounds',
  'GET /api/v1/rounds/:roundId',
  'PUT /api/v1/rounds/:roundId/assignments',
  'POST /api/v1/rounds/:roundId/publish',
  // People-flow datasets: published through the CLI under a coordinator's name (decision 9).
  'GET /api/v1/flow/datasets',
  'POST /api/v1/flow/datasets/:id/retract',
]);
/** Lists filtered to the caller's own organisations (coordinators see all). */
const OWN_LIST = new Set(['GET /api/v1/organizations']);
/** Lists filtered to what the caller may read: open challenges, plus their own town's drafts. */
const FILTERED_LIST = new Set(['GET /api/v1/challenges']);
/** A person's records as others may see them: checked against world B's worker. */
const PERSON_SCOPED = new Set(['GET /api/v1/workers/:userId/profile']);
/**
 * A worker's own step towards any open challenge: allowed to every worker on an open one,
 * refused on a draft nobody outside its town can see (checked separately).
 */
const WORKER_ACTIONS = new Set([
  'POST /api/v1/challenges/:id/interest',
  'POST /api/v1/challenges/:id/applications',
]);
/** Public reference data (the official local-government master): any signed-in role reads it. */
const isReference = (url: string) =>
  (url.startsWith('/api/v1/municipalities') || url.startsWith('/api/v1/prefectures')) &&
  !MUNICIPALITY_FLOW.has(`GET ${url}`);
/**
 * A municipality's people-flow figures: its officers, its prefecture's and coordinators read
 * them; for everyone else the municipality's figures do not exist (404).
 */
const MUNICIPALITY_FLOW = new Set(['GET /api/v1/municipalities/:code/flow']);
const isInfrastructure = (method: string, url: string) =>
  method === 'HEAD' || url.startsWith('/api/docs') || url === '/*';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let t: TestApp;
const ids = {
  orgA: '',
  orgB: '',
  town: '',
  workerA: '',
  workerB: '',
  workerB2: '',
  invitationB: '',
  /** Org B's worker's main job, and two of their submitted weeks (one to approve, one to send back). */
  employmentB: '',
  weekToApprove: '',
  weekToCorrect: '',
  /** Town B and its challenges, each in the state one route acts on. */
  townB: '',
  draftB: '',
  draftToOpen: '',
  openToClose: '',
  closedToArchive: '',
  openForWorkers: '',
  /** Company B's double-work programme (approval required), and worker B's applications. */
  programmeB: '',
  programmeA: '',
  challengeToApprove: '',
  challengeToReject: '',
  challengeToAccept: '',
  challengeToDecline: '',
  challengeToWithdraw: '',
  appToApprove: '',
  appToReject: '',
  appToAccept: '',
  appToDecline: '',
  appToWithdraw: '',
  appOfWorkerA: '',
  notificationB: '',
  /** A published people-flow dataset (the retract route acts on it). */
  flowDataset: '',
  /** Company B's worker open to offers, town B's challenge for rounds, and a round of both. */
  workerB3: '',
  openForRound: '',
  round: '',
};
const cookies = {
  adminA: '',
  workerA: '',
  officer: '',
  adminB: '',
  workerB: '',
  workerB2: '',
  officerB: '',
  coordinator: '',
};
type CookieKey = keyof typeof cookies;
let orgBName = '';
let townBName = '';
let adminBEmail = '';
/** Text only world B's records hold: an outsider's reply must never contain it. */
const SECRET_MESSAGE = 'B社員だけが書いた応募メッセージ';
const DRAFT_TITLE = 'B町の未公開の下書き';
const leaksOf = (body: string) =>
  [orgBName, townBName, adminBEmail, SECRET_MESSAGE, DRAFT_TITLE].some((x) => body.includes(x));

/** Query strings a route needs to be a valid request. */
const queries: Record<string, string> = {
  'GET /api/v1/organizations/:id/labor/compliance': '?month=2026-11',
  'GET /api/v1/organizations/:id/labor/compliance/export': '?month=2026-11&format=csv',
};

/** The :id of a route keyed by a challenge: the one of town B in the state the route needs. */
function challengeFor(method: string, url: string): string {
  if (url.endsWith('/open')) return ids.draftToOpen;
  if (url.endsWith('/close')) return ids.openToClose;
  if (url.endsWith('/archive')) return ids.closedToArchive;
  if (url.endsWith('/accept')) return ids.challengeToAccept;
  if (url.endsWith('/decline')) return ids.challengeToDecline;
  if (method === 'GET' && url.endsWith('/applications')) return ids.challengeToAccept;
  // Reading, editing, and a worker's interest or application: a draft outsiders cannot see.
  return ids.draftB;
}

function applicationFor(url: string): string {
  if (url.endsWith('/approve')) return ids.appToApprove;
  if (url.endsWith('/reject')) return ids.appToReject;
  if (url.endsWith('/accept')) return ids.appToAccept;
  if (url.endsWith('/decline')) return ids.appToDecline;
  return ids.appToWithdraw;
}

function fill(url: string, method = 'GET'): string {
  const week = url.endsWith('/request-correction') ? ids.weekToCorrect : ids.weekToApprove;
  const id = url.startsWith('/api/v1/flow/datasets/:id')
    ? ids.flowDataset
    : url.startsWith('/api/v1/challenges/:id')
      ? challengeFor(method, url)
      : url.startsWith('/api/v1/organizations/:id/challenges')
        ? ids.townB
        : ids.orgB;
  return (
    url
      .replace(':id', id)
      .replace(':userId', ids.workerB)
      .replace(':invitationId', ids.invitationB)
      .replace(':weekId', week)
      .replace(':weekStart', '2026-11-23')
      .replace(':programmeId', ids.programmeB)
      .replace(':applicationId', applicationFor(url))
      .replace(':notificationId', ids.notificationB)
      .replace(':roundId', ids.round)
      .replace(':token', 'x'.repeat(43))
      .replace(':code', '131016') + (queries[`${method} ${url}`] ?? '')
  );
}

/** Who in world B uses a route keyed by world B's records. */
function insiderOf(url: string): CookieKey {
  if (
    url.startsWith('/api/v1/challenges/:id') ||
    url.startsWith('/api/v1/organizations/:id/challenges')
  ) {
    return 'officerB';
  }
  if (url.endsWith('/join') || url.endsWith('/leave')) return 'workerB2';
  return 'adminB';
}

const employeeTerms = {
  relation: 'employee',
  contractSignedOn: '2020-04-01',
  weekStartsOn: 'monday',
  legalHoliday: 'sunday',
  hourlyWageYen: 2000,
};

/** A valid body for each write, so a refusal is about who asks, never about the input. */
const bodies: Record<string, unknown> = {
  'POST /api/v1/auth/login': { email: 'nobody@example.jp', password: 'whatever-123' },
  'PATCH /api/v1/auth/me': { locale: 'en' },
  'POST /api/v1/organizations': { kind: 'company', name: '株式会社テスト' },
  // Keeps workerB a worker: the routes after it act on org B's workers and their weeks.
  'PATCH /api/v1/organizations/:id/members/:userId': { role: 'worker' },
  'POST /api/v1/organizations/:id/invitations': { email: 'new@example.jp', role: 'worker' },
  'POST /api/v1/invitations/:token/accept': { name: '新人', password: 'long-enough-pw' },
  'POST /api/v1/me/employments': { employerName: '合同会社テスト', ...employeeTerms },
  'PUT /api/v1/me/timesheets/:weekStart/segments': { segments: [] },
  // Self (under /api/v1/me/): the caller's own weeks; org B's employment is refused below.
  'POST /api/v1/me/timesheets/import': {
    csv: 'date,start,end\n2026-11-23,09:00,18:00\n',
    employmentId: '00000000-0000-4000-8000-000000000000',
  },
  'PUT /api/v1/organizations/:id/members/:userId/employment': employeeTerms,
  'POST /api/v1/organizations/:id/timesheets/:weekId/approve': {},
  'POST /api/v1/organizations/:id/timesheets/:weekId/request-correction': {
    comment: '水曜日の終業時刻を確認してください',
  },
  'POST /api/v1/organizations/:id/challenges': challengeBody(),
  'PUT /api/v1/challenges/:id': challengeBody({ title: DRAFT_TITLE }),
  'POST /api/v1/organizations/:id/programmes': programmeBody(),
  'PUT /api/v1/organizations/:id/programmes/:programmeId': programmeBody(),
  'PUT /api/v1/me/profile': profileBody(),
  'POST /api/v1/challenges/:id/applications': { message: '応募します。' },
  'POST /api/v1/organizations/:id/applications/:applicationId/approve': {},
  'POST /api/v1/organizations/:id/applications/:applicationId/reject': {
    reason: '今期は見送ってください。',
  },
  'POST /api/v1/challenges/:id/applications/:applicationId/accept': {},
  'POST /api/v1/challenges/:id/applications/:applicationId/decline': {
    reason: '今回は別の方にお願いしました。',
  },
};

function apiRoutes() {
  const seen = new Set<string>();
  return t.app.registeredRoutes
    .filter((r) => !isInfrastructure(r.method, r.url))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => (seen.has(key) ? false : (seen.add(key), true)));
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledMaster(t.handle.db);
  const assoc = await insertOrg(t, 'association');
  ids.orgA = await insertOrg(t, 'company');
  ids.orgB = await insertOrg(t, 'company');
  ids.town = await insertOrg(t, 'municipality', '203211');
  const coordinator = await insertMember(t, assoc, 'coordinator');
  const adminA = await insertMember(t, ids.orgA, 'company_admin');
  const workerA = await insertMember(t, ids.orgA, 'worker');
  const officer = await insertMember(t, ids.town, 'municipal_officer');
  const adminB = await insertMember(t, ids.orgB, 'company_admin');
  adminBEmail = adminB.email;
  const workerB = await insertMember(t, ids.orgB, 'worker');
  ids.workerB = workerB.userId;
  cookies.coordinator = await login(t, coordinator.email);
  cookies.adminA = await login(t, adminA.email);
  cookies.workerA = await login(t, workerA.email);
  cookies.officer = await login(t, officer.email);
  cookies.adminB = await login(t, adminB.email);
  const inv = await as(t, cookies.adminB)('POST', `/api/v1/organizations/${ids.orgB}/invitations`, {
    email: 'invitee-b@example.jp',
    role: 'worker',
  });
  expect(inv.statusCode).toBe(201);
  ids.invitationB = inv.json().invitation.id;
  const org = await t.handle.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', ids.orgB)
    .executeTakeFirstOrThrow();
  orgBName = org.name;

  // Org B's worker has a main job and has submitted two weeks.
  const job = await as(t, cookies.adminB)(
    'PUT',
    `/api/v1/organizations/${ids.orgB}/members/${ids.workerB}/employment`,
    employeeTerms,
  );
  expect(job.statusCode, job.body).toBe(200);
  ids.employmentB = job.json().id;
  const workerBCookie = await login(t, workerB.email);
  for (const monday of ['2026-11-02', '2026-11-09']) {
    const saved = await as(t, workerBCookie)('PUT', `/api/v1/me/timesheets/${monday}/segments`, {
      segments: [
        {
          employmentId: ids.employmentB,
          date: monday,
          start: '09:00',
          end: '18:00',
          breakMinutes: 60,
          contracted: true,
          location: 'home',
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await as(t, workerBCookie)('POST', `/api/v1/me/timesheets/${monday}/submit`);
    expect(submitted.statusCode).toBe(200);
    if (monday === '2026-11-02') ids.weekToApprove = submitted.json().id;
    else ids.weekToCorrect = submitted.json().id;
  }

  // World B for matching: town B and its challenges, company B's programme and applications.
  ids.workerA = workerA.userId;
  ids.townB = await insertOrg(t, 'municipality', '363421');
  townBName = (
    await t.handle.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', ids.townB)
      .executeTakeFirstOrThrow()
  ).name;
  cookies.officerB = await login(t, (await insertMember(t, ids.townB, 'municipal_officer')).email);
  cookies.workerB = workerBCookie;
  const workerB2 = await insertMember(t, ids.orgB, 'worker');
  ids.workerB2 = workerB2.userId;
  cookies.workerB2 = await login(t, workerB2.email);
  const officerB = as(t, cookies.officerB);
  const post = async (body: Record<string, unknown> = {}) => {
    const res = await officerB(
      'POST',
      `/api/v1/organizations/${ids.townB}/challenges`,
      challengeBody(body),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const open = async (body: Record<string, unknown> = {}) => {
    const id = await post(body);
    expect((await officerB('POST', `/api/v1/challenges/${id}/open`)).statusCode).toBe(200);
    return id;
  };
  ids.draftB = await post({ title: DRAFT_TITLE });
  ids.draftToOpen = await post();
  ids.openToClose = await open();
  ids.closedToArchive = await open();
  await officerB('POST', `/api/v1/challenges/${ids.closedToArchive}/close`);
  ids.openForWorkers = await open();

  const adminBCall = as(t, cookies.adminB);
  const programme = await adminBCall(
    'POST',
    `/api/v1/organizations/${ids.orgB}/programmes`,
    programmeBody(),
  );
  expect(programme.statusCode, programme.body).toBe(201);
  ids.programmeB = programme.json().id;
  const workerBCall = as(t, workerBCookie);
  await workerBCall('PUT', '/api/v1/me/profile', profileBody());
  const joined = await workerBCall(
    'POST',
    `/api/v1/organizations/${ids.orgB}/programmes/${ids.programmeB}/join`,
  );
  expect(joined.statusCode, joined.body).toBe(200);
  // Worker B applies to five open challenges under the programme; company B approves three.
  const applyB = async (approve: boolean) => {
    const challenge = await open();
    const res = await workerBCall('POST', `/api/v1/challenges/${challenge}/applications`, {
      message: SECRET_MESSAGE,
    });
    expect(res.statusCode, res.body).toBe(201);
    const application = res.json().id as string;
    if (approve) {
      const approved = await adminBCall(
        'POST',
        `/api/v1/organizations/${ids.orgB}/applications/${application}/approve`,
        {},
      );
      expect(approved.statusCode, approved.body).toBe(200);
    }
    return [challenge, application] as const;
  };
  [ids.challengeToApprove, ids.appToApprove] = await applyB(false);
  [ids.challengeToReject, ids.appToReject] = await applyB(false);
  [ids.challengeToAccept, ids.appToAccept] = await applyB(true);
  [ids.challengeToDecline, ids.appToDecline] = await applyB(true);
  [ids.challengeToWithdraw, ids.appToWithdraw] = await applyB(true);
  const notification = await workerBCall('GET', '/api/v1/me/notifications');
  ids.notificationB = String(notification.json().items[0].id);

  // Worker B2 keeps a hidden profile and applies without a programme: straight to the host.
  await as(t, cookies.workerB2)(
    'PUT',
    '/api/v1/me/profile',
    profileBody({
      gender: 'nonbinary',
      sharing: {
        sharedWithHosts: false,
        openToOffers: false,
        sections: { skills: true, affinities: true, career: true, lifeStage: true, gender: true },
      },
    }),
  );
  const hiddenApplied = await as(t, cookies.workerB2)(
    'POST',
    `/api/v1/challenges/${ids.challengeToAccept}/applications`,
    { message: '応募します。' },
  );
  expect(hiddenApplied.json().status).toBe('host_review');

  // Company A has its own programme, without approval; worker A applies under it.
  const programmeA = await as(t, cookies.adminA)(
    'POST',
    `/api/v1/organizations/${ids.orgA}/programmes`,
    programmeBody({ approvalRequired: false }),
  );
  ids.programmeA = programmeA.json().id;
  await as(t, cookies.workerA)(
    'POST',
    `/api/v1/organizations/${ids.orgA}/programmes/${ids.programmeA}/join`,
  );
  const appliedA = await as(t, cookies.workerA)(
    'POST',
    `/api/v1/challenges/${ids.challengeToDecline}/applications`,
    { message: 'A社から応募します。' },
  );
  expect(appliedA.statusCode, appliedA.body).toBe(201);
  ids.appOfWorkerA = appliedA.json().id;

  // Company B's third worker is open to offers; town B has a challenge that suits them; the
  // coordinators run a round of the two (the coordinator-only routes edit and publish it).
  const workerB3 = await insertMember(t, ids.orgB, 'worker');
  ids.workerB3 = workerB3.userId;
  const offered = await as(t, await login(t, workerB3.email))(
    'PUT',
    '/api/v1/me/profile',
    profileBody({ sharing: openShare }),
  );
  expect(offered.statusCode, offered.body).toBe(200);
  ids.openForRound = await open();
  const roundBody = {
    name: '2026年冬のマッチング',
    challengeIds: [ids.openForRound],
    workerIds: [ids.workerB3],
  };
  bodies['POST /api/v1/rounds'] = roundBody;
  bodies['PUT /api/v1/rounds/:roundId/assignments'] = {
    assignments: [{ workerId: ids.workerB3, challengeId: ids.openForRound }],
  };
  const round = await as(t, cookies.coordinator)('POST', '/api/v1/rounds', roundBody);
  expect(round.statusCode, round.body).toBe(201);
  ids.round = round.json().id;

  // People-flow datasets with town B's figures, as `tsunagu flow analyze --publish` stores them;
  // the later one is retracted by the coordinator-only check, the earlier one then shows.
  for (const [id, fingerprint, at] of [
    [crypto.randomUUID(), 'matrix-standing', '2026-11-19T00:00:00Z'],
    [crypto.randomUUID(), 'matrix-retracted', '2026-11-20T00:00:00Z'],
  ] as const) {
    ids.flowDataset = id;
    await t.handle.db.transaction().execute((trx) =>
      insertFlowDataset(
        trx,
        {
          id,
          sourceLabel: townBName,
          periodFirst: '2026-08',
          periodLast: '2026-08',
          profile: 'production',
          k: 10,
          minOriginDevices: 50,
          panelDevices: 100,
          devices: 120,
          cells: 1,
          suppressedCells: 0,
          metadata: {},
          fingerprint,
          createdBy: coordinator.userId,
          createdAtMs: Date.parse(at),
        },
        [{ municipalityCode: '363421', scope: 'period', metric: 'visitors', value: 4242 }],
        [],
      ),
    );
  }
});
afterAll(async () => t.close());

describe('authorisation matrix', () => {
  it('classifies every registered API route', () => {
    const unclassified = apiRoutes().filter((key) => {
      const [, url = ''] = key.split(' ');
      return (
        !PUBLIC.has(key) &&
        !isSelf(key) &&
        !COORDINATOR_ONLY.has(key) &&
        !OWN_LIST.has(key) &&
        !FILTERED_LIST.has(key) &&
        !PERSON_SCOPED.has(key) &&
        !MUNICIPALITY_FLOW.has(key) &&
        !isReference(url) &&
        !url.includes(':id')
      );
    });
    expect(unclassified).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(10);
  });

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    const failures: string[] = [];
    for (const key of apiRoutes()) {
      if (PUBLIC.has(key)) continue;
      const [method, url = ''] = key.split(' ') as [Method, string];
      const res = await as(t, null)(method, fill(url, method), bodies[key]);
      if (res.statusCode !== 401 || res.json().error?.code !== 'unauthenticated') {
        failures.push(`${key} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses another organisation's people on every organisation-scoped route", async () => {
    const failures: string[] = [];
    const outsiders = [cookies.adminA, cookies.workerA, cookies.officer];
    for (const key of apiRoutes()) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      if (!url.includes(':id') || isReference(url)) continue;
      for (const cookie of outsiders) {
        const res = await as(t, cookie)(method, fill(url, method), bodies[key]);
        const leaks = leaksOf(res.body);
        if (![403, 404].includes(res.statusCode) || leaks) {
          failures.push(`${key} → ${res.statusCode}${leaks ? ' (leaks data)' : ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps the caller's own routes (/api/v1/me/…) to the caller's own records", async () => {
    const theirs = [
      ids.employmentB,
      ids.weekToApprove,
      ids.weekToCorrect,
      orgBName,
      ids.appToApprove,
      ids.appToAccept,
      ids.appToWithdraw,
      SECRET_MESSAGE,
    ];
    const failures: string[] = [];
    const selfRoutes = apiRoutes().filter((key) => isSelf(key) && key.includes(' /api/v1/me/'));
    expect(selfRoutes.length).toBeGreaterThanOrEqual(12);
    for (const key of selfRoutes) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      const res = await as(t, cookies.workerA)(method, fill(url, method), bodies[key]);
      if (theirs.some((x) => res.body.includes(x))) failures.push(`${key} leaks org B's records`);
      // A path naming another person's record (their application, their notification) is a 404.
      if (/:(applicationId|notificationId)/.test(url) && res.statusCode !== 404) {
        failures.push(`${key} → ${res.statusCode} on another person's record`);
      }
    }
    expect(failures).toEqual([]);
    // Another person's week of the same date is not reachable: the caller gets their own.
    const week = await as(t, cookies.workerA)('GET', '/api/v1/me/timesheets/2026-11-02');
    expect(week.json()).toMatchObject({ id: null, segments: [] });
    // Nor can the caller log hours on someone else's employment.
    const borrowed = await as(t, cookies.workerA)(
      'PUT',
      '/api/v1/me/timesheets/2026-11-02/segments',
      {
        segments: [
          {
            employmentId: ids.employmentB,
            date: '2026-11-02',
            start: '09:00',
            end: '12:00',
            breakMinutes: 0,
            contracted: true,
            location: 'home',
          },
        ],
      },
    );
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().error.details).toEqual([
      { path: 'body.segments[0].employmentId', message: 'not one of your employments' },
    ]);
    // Nor import a PC log onto it.
    const imported = await as(t, cookies.workerA)('POST', '/api/v1/me/timesheets/import', {
      csv: 'date,start,end\n2026-11-02,09:00,12:00\n',
      employmentId: ids.employmentB,
    });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().error.details).toEqual([
      { path: 'body.employmentId', message: 'not one of your employments' },
    ]);
  });

  it('refuses coordinator-only routes to everyone else', async () => {
    for (const key of COORDINATOR_ONLY) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      for (const cookie of [cookies.adminA, cookies.workerA, cookies.officer, cookies.adminB]) {
        const res = await as(t, cookie)(method, fill(url, method), bodies[key]);
        expect(res.statusCode, key).toBe(403);
      }
      const ok = await as(t, cookies.coordinator)(method, fill(url, method), bodies[key]);
      expect(ok.statusCode, key).toBeLessThan(300);
    }
  });

  it('lists only the caller’s own organisations', async () => {
    for (const cookie of [cookies.adminA, cookies.workerA, cookies.officer]) {
      const res = await as(t, cookie)('GET', '/api/v1/organizations');
      expect(res.statusCode).toBe(200);
      const names = res.json().items.map((o: { id: string }) => o.id);
      expect(names).toHaveLength(1);
      expect(names).not.toContain(ids.orgB);
    }
    const all = await as(t, cookies.coordinator)('GET', '/api/v1/organizations');
    expect(all.json().items.map((o: { id: string }) => o.id)).toContain(ids.orgB);
  });

  it('lets the organisation itself use the same routes (the refusals are about who asks)', async () => {
    const failures: string[] = [];
    for (const key of apiRoutes()) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      if (!url.includes(':id') || isReference(url) || method === 'DELETE') continue;
      if (WORKER_ACTIONS.has(key) || COORDINATOR_ONLY.has(key)) continue;
      const insider = insiderOf(url);
      const res = await as(t, cookies[insider])(method, fill(url, method), bodies[key]);
      if (res.statusCode >= 300)
        failures.push(`${key} (${insider}) → ${res.statusCode} ${res.body}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets any worker turn to an open challenge, and nobody outside the town to its draft', async () => {
    for (const key of WORKER_ACTIONS) {
      const [method, url = ''] = key.split(' ') as [Method, string];
      for (const cookie of [cookies.workerA, cookies.adminA, cookies.officer, cookies.adminB]) {
        const res = await as(t, cookie)(method, fill(url, method), bodies[key]);
        expect([403, 404], key).toContain(res.statusCode);
        expect(leaksOf(res.body)).toBe(false);
      }
      const onDraft = await as(t, cookies.workerA)(method, fill(url, method), bodies[key]);
      expect(onDraft.statusCode, key).toBe(404);
      const onOpen = url.replace(':id', ids.openForWorkers);
      const worker = await as(t, cookies.workerA)(method, onOpen, bodies[key]);
      expect(worker.statusCode, `${key} ${worker.body}`).toBe(201);
      for (const cookie of [cookies.officer, cookies.adminA, cookies.officerB]) {
        expect((await as(t, cookie)(method, onOpen, bodies[key])).statusCode, key).toBe(403);
      }
    }
  });

  it('lists open challenges to everyone, a town’s drafts only to the town', async () => {
    const url = `/api/v1/challenges?limit=100&q=${encodeURIComponent(DRAFT_TITLE)}`;
    for (const cookie of [cookies.adminA, cookies.workerA, cookies.officer, cookies.adminB]) {
      const res = await as(t, cookie)('GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    const own = await as(t, cookies.officerB)('GET', url);
    expect(own.json().items.map((c: { id: string }) => c.id)).toEqual([ids.draftB]);
    const all = await as(t, cookies.workerA)('GET', '/api/v1/challenges?limit=100');
    expect(all.json().items.every((c: { state: string }) => c.state === 'open')).toBe(true);
  });

  it("refuses a worker's profile to people of other organisations", async () => {
    const url = `/api/v1/workers/${ids.workerB}/profile`;
    for (const cookie of [cookies.adminA, cookies.workerA, cookies.officer]) {
      const res = await as(t, cookie)('GET', url);
      expect(res.statusCode).toBe(404);
      expect(leaksOf(res.body) || res.body.includes('marketing')).toBe(false);
    }
    // The host worker B applied to sees what B shares; B's HR sees its part.
    expect((await as(t, cookies.officerB)('GET', url)).json().audience).toBe('host');
    expect((await as(t, cookies.adminB)('GET', url)).json().audience).toBe('employer');
  });

  it('never returns a hidden profile to a host, even the host the worker applied to', async () => {
    const res = await as(t, cookies.officerB)('GET', `/api/v1/workers/${ids.workerB2}/profile`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('nonbinary');
    // The applications the host reads name the applicant and carry the message, nothing more.
    const list = await as(t, cookies.officerB)(
      'GET',
      `/api/v1/challenges/${ids.challengeToAccept}/applications`,
    );
    const hidden = list
      .json()
      .items.find((a: { workerUserId: string }) => a.workerUserId === ids.workerB2);
    expect(hidden).toBeDefined();
    for (const text of ['nonbinary', 'caregiving', 'second_career', '45-49', '1978']) {
      expect(list.body).not.toContain(text);
    }
    // Nor does any coordinator or other host get it.
    for (const cookie of [cookies.coordinator, cookies.officer]) {
      expect(
        (await as(t, cookie)('GET', `/api/v1/workers/${ids.workerB2}/profile`)).statusCode,
      ).toBe(404);
    }
    // Nor do recommendations offer it: only workers open to offers, as they share themselves.
    for (const cookie of [cookies.officerB, cookies.coordinator]) {
      const recommended = await as(t, cookie)(
        'GET',
        `/api/v1/challenges/${ids.challengeToAccept}/recommended-workers?limit=50`,
      );
      expect(recommended.statusCode, recommended.body).toBe(200);
      const shown = recommended.json().items.map((i: { worker: { userId: string } }) => i.worker);
      expect(shown.map((w: { userId: string }) => w.userId)).toEqual([ids.workerB3]);
      for (const text of ['nonbinary', 'caregiving', '1978', ids.workerB2]) {
        expect(recommended.body).not.toContain(text);
      }
    }
  });

  it("shows a company only its own employees' applications", async () => {
    const listA = await as(t, cookies.adminA)(
      'GET',
      `/api/v1/organizations/${ids.orgA}/applications`,
    );
    expect(listA.statusCode).toBe(200);
    const seenByA = listA.json().items as Array<{ id: string; workerUserId: string }>;
    expect(seenByA.map((a) => a.id)).toContain(ids.appOfWorkerA);
    expect(seenByA.every((a) => a.workerUserId === ids.workerA)).toBe(true);
    expect(listA.body).not.toContain(SECRET_MESSAGE);
    const listB = await as(t, cookies.adminB)(
      'GET',
      `/api/v1/organizations/${ids.orgB}/applications`,
    );
    const seenByB = listB.json().items as Array<{ id: string; workerUserId: string }>;
    expect(seenByB.map((a) => a.id)).toEqual(expect.arrayContaining([ids.appToApprove]));
    expect(seenByB.map((a) => a.id)).not.toContain(ids.appOfWorkerA);
    expect(seenByB.every((a) => a.workerUserId === ids.workerB)).toBe(true);
    // Company A cannot reach B's list, nor act on B's applications through its own path.
    const cross = await as(t, cookies.adminA)(
      'GET',
      `/api/v1/organizations/${ids.orgB}/applications`,
    );
    expect(cross.statusCode).toBe(404);
    const viaOwn = await as(t, cookies.adminA)(
      'POST',
      `/api/v1/organizations/${ids.orgA}/applications/${ids.appToReject}/reject`,
      { reason: '他社の応募' },
    );
    expect(viaOwn.statusCode).toBe(404);
    // A worker sees their own through /me, never the company's list.
    const worker = await as(t, cookies.workerA)(
      'GET',
      `/api/v1/organizations/${ids.orgA}/applications`,
    );
    expect(worker.statusCode).toBe(403);
  });

  it("shows a municipality's people-flow figures to its own officers and coordinators only", async () => {
    for (const key of MUNICIPALITY_FLOW) {
      const url = (key.split(' ')[1] ?? '').replace(':code', '363421');
      const outsiders = [
        cookies.adminA,
        cookies.workerA,
        cookies.officer,
        cookies.adminB,
        cookies.workerB,
      ];
      for (const cookie of outsiders) {
        const res = await as(t, cookie)('GET', url);
        expect(res.statusCode, key).toBe(404);
        expect(leaksOf(res.body) || res.body.includes('4242'), key).toBe(false);
      }
      for (const cookie of [cookies.officerB, cookies.coordinator]) {
        const res = await as(t, cookie)('GET', url);
        expect(res.statusCode, key).toBe(200);
        expect(res.body).toContain('4242');
      }
    }
  });
});
