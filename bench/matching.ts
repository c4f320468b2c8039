/**
 * bench:matching — recommendations and a matching round in the platform, on the embedded
 * database (issue 3, performance):
 *
 * - an embedded PGlite database in a temporary folder, migrated, with the bundled master (and
 *   the municipal offices of ../shared/data when present, so travel is estimated);
 * - 100,000 synthetic workers (users, memberships, profiles with skills, interests, ties,
 *   hours, styles; ~70 % open to offers) at 50 companies with double-work programmes (~40 % of
 *   the workers in one), 10,000 open challenges at 500 municipalities, and some matched and
 *   waiting applications — written with multi-row inserts in one transaction;
 * - the app itself (buildApp), called through app.inject with real sessions, so every figure
 *   includes what a request costs: session, parsing, the cache's freshness check, scoring,
 *   explanations and the response schema;
 * - after a warm-up, p50/p95 of GET /me/recommendations over 200 workers and of
 *   GET /challenges/:id/recommended-workers over 100 challenges;
 * - a round of 5,000 workers × 1,000 challenges, 50 candidate pairs per worker, guarantee of 1
 *   per municipality, through POST /rounds (scoring, exact solve, storing the proposal).
 *
 * Targets: worker p95 ≤ 20 ms, challenge p95 ≤ 100 ms, round solved in ≤ 5 s. Prints JSON.
 *
 *   npm run bench:matching [-- workers challenges]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from 'better-auth/crypto';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { loadConfig } from '../src/config';
import { credentialAccount } from '../src/db/accounts.repository';
import { createDb } from '../src/db/create-db';
import type { Database } from '../src/db/database';
import { migrateOrThrow } from '../src/db/migrate';
import { importReference, type ReferenceImportPlan } from '../src/db/reference/import-reference';
import { loadBundledMaster } from '../src/db/reference/load-bundled-master';
import {
  parseMunicipalityOfficesCsv,
  parsePrefecturesCsv,
} from '../src/db/reference/reference-csv';
import {
  affinityKinds,
  challengeThemes,
  standardSkills,
  type ChallengeTheme,
  type SkillRequirement,
  type WorkStyle,
} from '../src/domain/matching/matching-model';
import { randomInt } from '../src/domain/matching/round-test-fixtures';
import { seededRandom } from '../src/domain/shared/seeded-random';
import { buildApp } from '../src/server/app';

const [WORKERS = 100_000, CHALLENGES = 10_000] = process.argv.slice(2).map(Number);
const COMPANIES = 50;
const HOSTS = 500;
const MEASURED_WORKERS = 200;
const MEASURED_CHALLENGES = 100;
const WARM_UP = 20;
const ROUND_WORKERS = 5_000;
const ROUND_CHALLENGES = 1_000;
const TARGETS = { workerP95Ms: 20, challengeP95Ms: 100, roundSolveS: 5 };
const PASSWORD = 'bench-password-123';
const ORIGIN = 'http://localhost:3000';
const BATCH = 1000;
const SHARED_DATA = path.resolve(import.meta.dirname, '../../shared/data/municipalities');

const random = seededRandom(20261122);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sample = <T>(items: readonly T[], n: number): T[] => {
  const copy = [...items];
  for (let i = 0; i < n && i < copy.length; i++) {
    const k = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[k]] = [copy[k]!, copy[i]!];
  }
  return copy.slice(0, n);
};
const uuid = (): string => crypto.randomUUID();
const log = (message: string) => process.stderr.write(`${message}\n`);

async function insertAll<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

async function loadOffices(db: Kysely<Database>): Promise<boolean> {
  const municipalities = path.join(SHARED_DATA, 'localgovjp-utf8.csv');
  const prefectures = path.join(SHARED_DATA, 'prefjp-utf8.csv');
  if (!existsSync(municipalities) || !existsSync(prefectures)) return false;
  const m = parseMunicipalityOfficesCsv(readFileSync(municipalities, 'utf8'), municipalities);
  const p = parsePrefecturesCsv(readFileSync(prefectures, 'utf8'), prefectures);
  if (!m.ok || !p.ok) return false;
  const plan: ReferenceImportPlan = {
    municipalityOffices: { source: municipalities, records: m.value, skipped: m.skipped },
    prefectures: { source: prefectures, records: p.value, skipped: p.skipped },
  };
  await importReference(db, plan);
  return true;
}

function skillsOf(count: number, minLevel: number, maxLevel: number): SkillRequirement[] {
  return sample(standardSkills, count).map((skill) => ({
    skill,
    level: randomInt(random, minLevel, maxLevel) as SkillRequirement['level'],
  }));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** Wall and CPU times of measured requests (sorted), and the items their answers held. */
type TimedRequests = { ms: number[]; cpuMs: number[]; items: number };

/** What the report says of one kind of recommendation request. */
function requestReport(timed: TimedRequests, firstRequestMs: number, targetP95Ms: number) {
  return {
    requests: timed.ms.length,
    limit: 20,
    firstRequestMs: round1(firstRequestMs),
    p50Ms: round1(percentile(timed.ms, 50)),
    p95Ms: round1(percentile(timed.ms, 95)),
    maxMs: round1(timed.ms.at(-1)!),
    cpuP50Ms: round1(percentile(timed.cpuMs, 50)),
    cpuP95Ms: round1(percentile(timed.cpuMs, 95)),
    meanItems: Number((timed.items / timed.ms.length).toFixed(1)),
    targetP95Ms,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tsunagu-bench-matching-'));
  const handle = await createDb({ kind: 'pglite', dataDir });
  try {
    const db = handle.db;
    let started = performance.now();
    await migrateOrThrow(db);
    await loadBundledMaster(db);
    const travel = await loadOffices(db);
    log(`master loaded (${travel ? 'with' : 'without'} office positions)`);

    const municipalities = await db
      .selectFrom('municipalities')
      .select(['code', 'prefecture_code', 'kind', 'name'])
      .execute();
    const hostPlaces = sample(
      municipalities.filter((m) => m.kind !== 'ward'),
      HOSTS,
    );

    // --- Synthetic data, in one transaction ------------------------------------------------
    const passwordHash = await hashPassword(PASSWORD);
    const ids = {
      association: uuid(),
      coordinator: uuid(),
      companies: Array.from({ length: COMPANIES }, uuid),
      programmes: Array.from({ length: COMPANIES }, uuid),
      hosts: hostPlaces.map(() => uuid()),
      workers: Array.from({ length: WORKERS }, uuid),
      challenges: Array.from({ length: CHALLENGES }, uuid),
    };
    const openToOffers: string[] = [];
    const inProgramme: Array<{ worker: string; programme: string }> = [];
    const at = new Date('2026-11-01T00:00:00Z');
    await db.transaction().execute(async (trx) => {
      await insertAll(trx, 'organizations', [
        {
          id: ids.association,
          kind: 'association',
          name: 'つなぐ協会',
          name_en: null,
          lg_code: null,
        },
        ...ids.companies.map((id, i) => ({
          id,
          kind: 'company' as const,
          name: `株式会社ベンチ${i + 1}`,
          name_en: null,
          lg_code: null,
        })),
        ...hostPlaces.map((m, i) => ({
          id: ids.hosts[i]!,
          kind: 'municipality' as const,
          name: m.name,
          name_en: null,
          lg_code: m.code,
        })),
      ]);
      await insertAll(trx, 'users', [
        {
          id: ids.coordinator,
          email: 'coordinator@bench.tsunagu.jp',
          name: 'コーディネーター',
          email_verified: true,
          image: null,
        },
        ...ids.workers.map((id, i) => ({
          id,
          email: `w${i}@bench.tsunagu.jp`,
          name: `ワーカー ${i}`,
          email_verified: true,
          image: null,
          locale: i % 10 === 0 ? 'en' : 'ja',
        })),
      ]);
      await insertAll(trx, 'memberships', [
        {
          id: uuid(),
          user_id: ids.coordinator,
          organization_id: ids.association,
          role: 'coordinator',
        },
        ...ids.workers.map((id, i) => ({
          id: uuid(),
          user_id: id,
          organization_id: ids.companies[i % COMPANIES]!,
          role: 'worker' as const,
        })),
      ]);
      await insertAll(trx, 'programmes', [
        ...ids.programmes.map((id, i) => ({
          id,
          organization_id: ids.companies[i]!,
          kind: 'double_work' as const,
          name: '社外兼業制度',
          description: null,
          max_share_percent: 10 + (i % 3) * 10,
          contracted_hours_per_month: 160,
          min_age: i % 5 === 0 ? 40 : null,
          max_age: null,
          min_tenure_years: null,
          approval_required: i % 2 === 0,
          travel_subsidy_yen_per_month: 0,
          workation_max_days_per_month: null,
          workation_policy: null,
          created_at: at,
          updated_at: at,
        })),
      ]);
      const profiles = ids.workers.map((id, i) => {
        const home = pick(municipalities);
        const draw = random();
        const shared = draw < 0.8;
        const open = draw < 0.7;
        if (open) openToOffers.push(id);
        if (random() < 0.4)
          inProgramme.push({ worker: id, programme: ids.programmes[i % COMPANIES]! });
        const ties = Array.from({ length: randomInt(random, 0, 3) }, () => {
          const place = pick(hostPlaces);
          return {
            kind: pick(affinityKinds),
            prefectureCode: place.prefecture_code,
            municipalityCode: random() < 0.6 ? place.code : null,
          };
        });
        const styles: WorkStyle[] =
          draw < 0.3
            ? ['remote']
            : draw < 0.65
              ? ['remote', 'hybrid']
              : ['remote', 'hybrid', 'onsite'];
        return {
          user_id: id,
          birth_year: randomInt(random, 1960, 2000),
          gender: null,
          home_municipality_code: home.code,
          skills: JSON.stringify(
            skillsOf(randomInt(random, 1, 5), 1, 5).map((s) => ({
              ...s,
              years: randomInt(random, 1, 20),
            })),
          ),
          interests: JSON.stringify(sample(challengeThemes, randomInt(random, 1, 3))),
          affinities: JSON.stringify(ties),
          available_hours_per_month: randomInt(random, 10, 60),
          available_from: random() < 0.6 ? null : `2026-1${randomInt(random, 1, 2)}-01`,
          preferred_styles: JSON.stringify(styles),
          languages: JSON.stringify(['ja']),
          life_stages: JSON.stringify([]),
          career_goals: JSON.stringify([]),
          shared_with_hosts: shared,
          open_to_offers: open,
          share_skills: random() > 0.05,
          share_affinities: random() > 0.1,
          share_career: true,
          share_life_stage: false,
          share_gender: false,
          created_at: at,
          updated_at: at,
        };
      });
      await insertAll(trx, 'worker_profiles', profiles);
      await insertAll(
        trx,
        'programme_members',
        inProgramme.map((m) => ({
          id: uuid(),
          programme_id: m.programme,
          worker_user_id: m.worker,
          joined_at: at,
        })),
      );
      const hostOf = new Map<string, number>();
      const challenges = ids.challenges.map((id, j) => {
        const host = j % HOSTS;
        hostOf.set(id, host);
        const place = hostPlaces[host]!;
        const styleDraw = random();
        const style: WorkStyle =
          styleDraw < 0.5 ? 'remote' : styleDraw < 0.85 ? 'hybrid' : 'onsite';
        const themes: ChallengeTheme[] = sample(challengeThemes, randomInt(random, 1, 3));
        const required = skillsOf(randomInt(random, 1, 3), 2, 4);
        const welcome = skillsOf(randomInt(random, 0, 2), 1, 3).filter(
          (w) => !required.some((r) => r.skill === w.skill),
        );
        const terms = pick(['paid', 'expenses_only', 'volunteer'] as const);
        const places = randomInt(random, 1, 5);
        return {
          id,
          organization_id: ids.hosts[host]!,
          municipality_code: place.code,
          prefecture_code: place.prefecture_code,
          title: `${place.name}の課題 ${j}`,
          title_en: null,
          description: '地域の課題に一緒に取り組んでくださる方を募集しています。',
          description_en: null,
          search_text: `${place.name}の課題 ${j}`,
          themes: JSON.stringify(themes),
          required_skills: JSON.stringify(required),
          welcome_skills: JSON.stringify(welcome),
          style,
          onsite_days_per_month:
            style === 'remote'
              ? 0
              : style === 'hybrid'
                ? randomInt(random, 1, 4)
                : randomInt(random, 4, 8),
          hours_per_month: 8 + 4 * randomInt(random, 0, 6),
          start_date: `2027-0${randomInt(random, 1, 6)}-01`,
          period_months: randomInt(random, 3, 12),
          places,
          max_open_applications: Math.max(places, 20),
          response_days: 7,
          terms,
          fee_yen_per_month: terms === 'paid' ? 30_000 : null,
          travel_support: random() < 0.5,
          state: 'open' as const,
          created_by: null,
          created_at: at,
          updated_at: at,
        };
      });
      await insertAll(trx, 'challenges', challenges);
      // Some matched engagements (committed hours, filled places) and applications waiting.
      const taken = new Set<string>();
      const applications: Insertable<Database['applications']>[] = [];
      for (let n = 0; n < 8_000; n++) {
        const member = pick(inProgramme);
        const challenge = pick(ids.challenges);
        const key = `${member.worker}|${challenge}`;
        if (taken.has(key)) continue;
        taken.add(key);
        const matched = n < 3_000;
        applications.push({
          id: uuid(),
          challenge_id: challenge,
          worker_user_id: member.worker,
          status: matched ? 'matched' : 'host_review',
          message: '応募します。',
          decline_reason: null,
          declined_by: null,
          programme_id: member.programme,
          employer_organization_id: ids.companies[ids.programmes.indexOf(member.programme)]!,
          reached_host_at: at,
          host_due_at: new Date(at.getTime() + 7 * 86_400_000),
          created_at: at,
          updated_at: at,
        });
      }
      await insertAll(trx, 'applications', applications);
      // Login accounts for the people the benchmark signs in as (one hash, computed once).
      const accounts = [ids.coordinator, ...ids.workers.slice(0, MEASURED_WORKERS + WARM_UP)];
      await insertAll(
        trx,
        'auth_accounts',
        accounts.map((id) => credentialAccount(id, passwordHash)),
      );
    });
    const insertS = (performance.now() - started) / 1000;
    log(`data written in ${insertS.toFixed(1)} s`);
    // What autovacuum does on a server after a bulk load (the embedded database has none):
    // without it the planner probes unvacuumed index ends and plans take milliseconds.
    started = performance.now();
    await sql`vacuum analyze`.execute(db);
    const vacuumS = (performance.now() - started) / 1000;

    // --- The app -----------------------------------------------------------------------------
    const app = await buildApp({
      db,
      config: loadConfig({ NODE_ENV: 'test', TSUNAGU_WEB_DIR: '/nonexistent' }),
      clock: { now: () => Date.parse('2026-11-21T01:00:00Z') },
      authSecret: 'bench-secret-bench-secret-bench-secret-0123',
    });
    await app.ready();
    const signIn = async (email: string): Promise<string> => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: ORIGIN },
        payload: { email, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
      const raw = res.headers['set-cookie'];
      return (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; ');
    };
    // Wall time is what the target is about; CPU time shows the cost when the machine is busy.
    const get = async (cookie: string, url: string) => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { origin: ORIGIN, cookie } });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return {
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        body: res.json() as { items: unknown[] },
      };
    };
    started = performance.now();
    const coordinator = await signIn('coordinator@bench.tsunagu.jp');
    const workerCookies: string[] = [];
    for (let i = 0; i < MEASURED_WORKERS + WARM_UP; i++) {
      workerCookies.push(await signIn(`w${i}@bench.tsunagu.jp`));
    }
    log(
      `${workerCookies.length + 1} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // --- Recommendations ---------------------------------------------------------------------
    const measuredChallenges = sample(ids.challenges, MEASURED_CHALLENGES + WARM_UP);
    const firstWorker = await get(workerCookies[0]!, '/api/v1/me/recommendations?limit=20');
    const firstChallenge = await get(
      coordinator,
      `/api/v1/challenges/${measuredChallenges[0]}/recommended-workers?limit=20`,
    );
    for (let i = 1; i < WARM_UP; i++) {
      await get(workerCookies[i]!, '/api/v1/me/recommendations?limit=20');
      await get(
        coordinator,
        `/api/v1/challenges/${measuredChallenges[i]}/recommended-workers?limit=20`,
      );
    }
    // One request after another, each timed; the times come back sorted for the percentiles.
    const timeRequests = async (requests: ReadonlyArray<{ cookie: string; url: string }>) => {
      const timed: TimedRequests = { ms: [], cpuMs: [], items: 0 };
      for (const { cookie, url } of requests) {
        const { ms, cpuMs, body } = await get(cookie, url);
        timed.ms.push(ms);
        timed.cpuMs.push(cpuMs);
        timed.items += body.items.length;
      }
      timed.ms.sort((a, b) => a - b);
      timed.cpuMs.sort((a, b) => a - b);
      return timed;
    };
    const workerTimes = await timeRequests(
      workerCookies
        .slice(WARM_UP, WARM_UP + MEASURED_WORKERS)
        .map((cookie) => ({ cookie, url: '/api/v1/me/recommendations?limit=20' })),
    );
    const challengeTimes = await timeRequests(
      measuredChallenges.slice(WARM_UP).map((id) => ({
        cookie: coordinator,
        url: `/api/v1/challenges/${id}/recommended-workers?limit=20`,
      })),
    );
    const heapAfterCaches = process.memoryUsage().heapUsed;

    // --- A round through POST /rounds --------------------------------------------------------
    const roundBody = {
      name: 'ベンチマークの回',
      challengeIds: sample(ids.challenges, ROUND_CHALLENGES),
      workerIds: sample(openToOffers, ROUND_WORKERS),
      workerCapacity: 1,
      minPerMunicipality: 1,
      candidatesPerWorker: 50,
    };
    started = performance.now();
    const roundRes = await app.inject({
      method: 'POST',
      url: '/api/v1/rounds',
      headers: { origin: ORIGIN, cookie: coordinator },
      payload: roundBody,
    });
    const roundRequestS = (performance.now() - started) / 1000;
    if (roundRes.statusCode !== 201)
      throw new Error(`round: ${roundRes.statusCode} ${roundRes.body}`);
    const round = roundRes.json() as {
      pairs: number;
      participants: { municipalities: number };
      assignments: unknown[];
      totalScore: number;
      shortfalls: unknown[];
      scoringMs: number;
      solveMs: number;
    };
    await app.close();

    const usage = process.resourceUsage();
    const memory = process.memoryUsage();
    const workerP95 = percentile(workerTimes.ms, 95);
    const challengeP95 = percentile(challengeTimes.ms, 95);
    const solveS = round.solveMs / 1000;
    console.log(
      JSON.stringify(
        {
          bench: 'matching',
          database: 'PGlite (embedded), temporary folder',
          calledVia:
            'app.inject: the whole request (session, validation, cache check, scoring, texts, response schema)',
          data: {
            workers: WORKERS,
            openToOffers: openToOffers.length,
            inProgrammes: inProgramme.length,
            companies: COMPANIES,
            openChallenges: CHALLENGES,
            hostMunicipalities: HOSTS,
            officePositions: travel,
            writeS: Number(insertS.toFixed(1)),
            vacuumAnalyzeS: Number(vacuumS.toFixed(1)),
          },
          workerRecommendations: requestReport(workerTimes, firstWorker.ms, TARGETS.workerP95Ms),
          challengeRecommendations: requestReport(
            challengeTimes,
            firstChallenge.ms,
            TARGETS.challengeP95Ms,
          ),
          round: {
            workers: ROUND_WORKERS,
            challenges: ROUND_CHALLENGES,
            municipalities: round.participants.municipalities,
            candidatesPerWorker: 50,
            pairs: round.pairs,
            assignments: round.assignments.length,
            totalScore: Number(round.totalScore.toFixed(4)),
            shortfalls: round.shortfalls.length,
            scoringS: Number((round.scoringMs / 1000).toFixed(2)),
            solveS: Number(solveS.toFixed(2)),
            wholeRequestS: Number(roundRequestS.toFixed(2)),
            targetSolveS: TARGETS.roundSolveS,
          },
          memory: {
            peakRssMiB: Math.round(usage.maxRSS / 1024),
            heapUsedAfterCachesMiB: Math.round(heapAfterCaches / 2 ** 20),
            heapUsedAtEndMiB: Math.round(memory.heapUsed / 2 ** 20),
          },
          withinTargets:
            workerP95 <= TARGETS.workerP95Ms &&
            challengeP95 <= TARGETS.challengeP95Ms &&
            solveS <= TARGETS.roundSolveS,
        },
        null,
        2,
      ),
    );
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
