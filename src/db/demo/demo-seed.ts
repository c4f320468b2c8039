import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import type { Database, SkillEntry } from '../database';
import { insertCredentialUser } from '../accounts.repository';
import { addMembership } from '../invitations.repository';
import { seedDemoFlow } from './demo-flow';
import { seedDemoWorkingTime, type DemoWorker } from './demo-labor';
import {
  demoProfileFieldsGenerator,
  seedDemoMatching,
  type DemoProfileFields,
} from './demo-matching';
import { challengeThemes, standardSkills } from '../../domain/matching/matching-model';
import type { Role } from '../../domain/shared/organizations';
import { demoHomeTowns, demoLogins, demoOrganizations, familyNames, givenNames } from './demo-data';
import { seededRandom } from '../../domain/shared/seeded-random';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';
export const DEMO_WORKER_COUNT = 60;

export type DemoLogin = { email: string; role: Role; organization: string };
export type SeedResult =
  | { status: 'seeded'; logins: DemoLogin[]; workers: number }
  | { status: 'already_seeded'; logins: DemoLogin[] }
  | { status: 'skipped_real_data' };

const loginsOut = (): DemoLogin[] =>
  demoLogins.map((l) => ({
    email: l.email,
    role: l.role,
    organization: demoOrganizations.find((o) => o.key === l.org)?.name ?? l.org,
  }));

/**
 * Seeds the demo: the association, 5 municipalities, 2 prefectures, 5 companies, one login per
 * role and 60 workers (ages weighted to the late 40s–60s) with matching profiles, each with a
 * main job at their company, two months of timesheets at 株式会社みらいソフト (demo-labor.ts), and
 * the towns' challenges, the companies' programmes and a few applications (demo-matching.ts),
 * and a synthetic people-flow dataset for 軽井沢町 and its neighbours (demo-flow.ts).
 * Runs only on a database without people; a database that already holds real accounts is never
 * touched. One transaction.
 */
export async function seedDemo(db: Kysely<Database>): Promise<SeedResult> {
  const people = await db.selectFrom('users').select('id').limit(1).execute();
  if (people.length > 0) {
    const demo = await db
      .selectFrom('organizations')
      .select('id')
      .where('is_demo', '=', true)
      .limit(1)
      .execute();
    return demo.length > 0
      ? { status: 'already_seeded', logins: loginsOut() }
      : { status: 'skipped_real_data' };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rand = seededRandom(20261121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  await db.transaction().execute(async (trx) => {
    const orgIds = new Map<string, string>();
    for (const o of demoOrganizations) {
      const id = randomUUID();
      orgIds.set(o.key, id);
      await trx
        .insertInto('organizations')
        .values({
          id,
          kind: o.kind,
          name: o.name,
          name_en: o.nameEn,
          lg_code: o.lgCode ?? null,
          is_demo: true,
        })
        .execute();
    }
    const loginIds = new Map<string, string>();
    for (const l of demoLogins) {
      const userId = await insertCredentialUser(trx, {
        email: l.email,
        name: l.name,
        passwordHash,
      });
      loginIds.set(l.email, userId);
      await addMembership(trx, { userId, organizationId: orgIds.get(l.org)!, role: l.role });
    }
    const companies = demoOrganizations.filter((o) => o.kind === 'company');
    const profiles: Array<
      {
        user_id: string;
        birth_year: number;
        gender: 'female' | 'male' | null;
        home_municipality_code: string;
        skills: string;
        interests: string;
      } & DemoProfileFields
    > = [];
    const matchingFields = demoProfileFieldsGenerator();
    const demoWorker = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'worker@demo.tsunagu.jp')
      .executeTakeFirstOrThrow();
    const workers: DemoWorker[] = [];
    for (let i = 0; i < DEMO_WORKER_COUNT; i++) {
      // The first worker is the demo login; the others are colleagues across the five companies.
      let userId = demoWorker.id;
      const companyKey = companies[i % companies.length]!.key;
      if (i > 0) {
        const family = pick(familyNames);
        const given = pick(givenNames);
        userId = await insertCredentialUser(trx, {
          email: `worker${String(i).padStart(2, '0')}@demo.tsunagu.jp`,
          name: `${family} ${given}`,
          passwordHash,
        });
        await addMembership(trx, {
          userId,
          organizationId: orgIds.get(companyKey)!,
          role: 'worker',
        });
      }
      workers.push({ userId, companyKey, isDemoLogin: i === 0 });
      // Ages: 70% between 45 and 64, the rest 30–44 or 65–69 (as of 2026).
      const r = rand();
      const age =
        r < 0.7
          ? 45 + Math.floor(rand() * 20)
          : r < 0.9
            ? 30 + Math.floor(rand() * 15)
            : 65 + Math.floor(rand() * 5);
      const skillCount = 2 + Math.floor(rand() * 3);
      const skills: SkillEntry[] = [];
      const used = new Set<string>();
      while (skills.length < skillCount) {
        const skill = pick(standardSkills);
        if (used.has(skill)) continue;
        used.add(skill);
        skills.push({
          skill,
          level: (1 + Math.floor(rand() * 5)) as SkillEntry['level'],
          years: 1 + Math.floor(rand() * 25),
        });
      }
      const interests = [...new Set([pick(challengeThemes), pick(challengeThemes)])];
      const g = rand();
      profiles.push({
        user_id: userId,
        birth_year: 2026 - age,
        gender: g < 0.45 ? 'female' : g < 0.9 ? 'male' : null,
        home_municipality_code: pick(demoHomeTowns),
        skills: JSON.stringify(skills),
        interests: JSON.stringify(interests),
        ...matchingFields(age, i === 0),
      });
    }
    await trx.insertInto('worker_profiles').values(profiles).execute();
    const hr = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'hr@demo.tsunagu.jp')
      .executeTakeFirstOrThrow();
    await seedDemoWorkingTime(trx, { orgIds, workers, hrUserId: hr.id });
    await seedDemoMatching(trx, { orgIds, workers, passwordHash, loginIds });
    await seedDemoFlow(trx, {
      userId: loginIds.get('coordinator@demo.tsunagu.jp')!,
      organizationId: orgIds.get('assoc')!,
    });
  });
  return { status: 'seeded', logins: loginsOut(), workers: DEMO_WORKER_COUNT };
}
