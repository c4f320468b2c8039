import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AffinityEntry, Database, WorkerProfilesTable } from '../../../db/database';
import {
  defaultProfileSharing,
  type Gender,
  type ProfileSharing,
} from '../../../domain/engagement/worker-profile-rules';
import type {
  CareerGoal,
  ChallengeTheme,
  LifeStage,
  WorkerSkill,
  WorkStyle,
} from '../../../domain/matching/matching-model';

type Db = Kysely<Database> | Transaction<Database>;

/** A worker's profile as stored (an absent row reads as the empty, private profile). */
export type ProfileRecord = {
  birthYear: number | null;
  gender: Gender | null;
  homeMunicipalityCode: string | null;
  skills: WorkerSkill[];
  interests: ChallengeTheme[];
  affinities: AffinityEntry[];
  availableHoursPerMonth: number | null;
  availableFrom: string | null;
  preferredStyles: WorkStyle[];
  languages: string[];
  lifeStages: LifeStage[];
  careerGoals: CareerGoal[];
  sharing: ProfileSharing;
  updatedAt: string | null;
};

export const emptyProfile: ProfileRecord = {
  birthYear: null,
  gender: null,
  homeMunicipalityCode: null,
  skills: [],
  interests: [],
  affinities: [],
  availableHoursPerMonth: null,
  availableFrom: null,
  preferredStyles: [],
  languages: [],
  lifeStages: [],
  careerGoals: [],
  sharing: defaultProfileSharing,
  updatedAt: null,
};

export async function findProfile(db: Db, userId: string): Promise<ProfileRecord> {
  return (await findProfiles(db, [userId])).get(userId) ?? emptyProfile;
}

/** The stored profiles of these people (those without one are absent from the map). */
export async function findProfiles(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, ProfileRecord>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('worker_profiles')
    .selectAll()
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.user_id, toProfileRecord(r)]));
}

function toProfileRecord(r: Selectable<WorkerProfilesTable>): ProfileRecord {
  return {
    birthYear: r.birth_year,
    gender: r.gender,
    homeMunicipalityCode: r.home_municipality_code,
    // Stored lists are written only through the checked contract, so their values are known.
    skills: r.skills as WorkerSkill[],
    interests: r.interests as ChallengeTheme[],
    affinities: r.affinities,
    availableHoursPerMonth: r.available_hours_per_month,
    availableFrom: r.available_from,
    preferredStyles: r.preferred_styles,
    languages: r.languages,
    lifeStages: r.life_stages,
    careerGoals: r.career_goals,
    sharing: toProfileSharing(r),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The stored sharing columns of a profile, as the sharing rules read them. */
export function toProfileSharing(
  r: Pick<
    Selectable<WorkerProfilesTable>,
    | 'shared_with_hosts'
    | 'open_to_offers'
    | 'share_skills'
    | 'share_affinities'
    | 'share_career'
    | 'share_life_stage'
    | 'share_gender'
  >,
): ProfileSharing {
  return {
    sharedWithHosts: r.shared_with_hosts,
    openToOffers: r.open_to_offers,
    sections: {
      skills: r.share_skills,
      affinities: r.share_affinities,
      career: r.share_career,
      lifeStage: r.share_life_stage,
      gender: r.share_gender,
    },
  };
}

/** Writes the whole profile (insert or replace). */
export async function saveProfile(
  db: Db,
  userId: string,
  p: Omit<ProfileRecord, 'updatedAt'>,
  at: Date,
): Promise<void> {
  const columns = {
    birth_year: p.birthYear,
    gender: p.gender,
    home_municipality_code: p.homeMunicipalityCode,
    skills: JSON.stringify(p.skills),
    interests: JSON.stringify(p.interests),
    affinities: JSON.stringify(p.affinities),
    available_hours_per_month: p.availableHoursPerMonth,
    available_from: p.availableFrom,
    preferred_styles: JSON.stringify(p.preferredStyles),
    languages: JSON.stringify(p.languages),
    life_stages: JSON.stringify(p.lifeStages),
    career_goals: JSON.stringify(p.careerGoals),
    shared_with_hosts: p.sharing.sharedWithHosts,
    open_to_offers: p.sharing.openToOffers,
    share_skills: p.sharing.sections.skills,
    share_affinities: p.sharing.sections.affinities,
    share_career: p.sharing.sections.career,
    share_life_stage: p.sharing.sections.lifeStage,
    share_gender: p.sharing.sections.gender,
    updated_at: at,
  };
  await db
    .insertInto('worker_profiles')
    .values({ user_id: userId, ...columns, created_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(columns))
    .execute();
}

/** Municipality code → its name and prefecture, for the codes given that the master knows. */
export async function lookUpMunicipalities(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, { name: string; prefectureCode: string }>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('municipalities')
    .select(['code', 'name', 'prefecture_code'])
    .where('code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, prefectureCode: r.prefecture_code }]));
}

/** Prefecture code → name, for the codes given that the master knows. */
export async function lookUpPrefectures(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('prefectures')
    .select(['code', 'name'])
    .where('code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The person's name and the companies where they are a worker (none: not a worker). */
export async function findWorker(
  db: Db,
  userId: string,
): Promise<{ name: string; companyIds: string[] } | undefined> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'u.id').on('m.role', '=', 'worker'),
    )
    .select(['u.name', 'm.organization_id'])
    .where('u.id', '=', userId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const companyIds = rows.map((r) => r.organization_id).filter((id): id is string => id !== null);
  return { name: first.name, companyIds };
}

/**
 * Whether the worker turned to any of these hosts: interest in, or an application that reached
 * the review of, one of their challenges (what those hosts can already see).
 */
export async function hasTurnedToHosts(
  db: Db,
  workerUserId: string,
  hostOrganizationIds: readonly string[],
): Promise<boolean> {
  if (hostOrganizationIds.length === 0) return false;
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('challenges as c', 'c.id', 'a.challenge_id')
    .select('a.id')
    .where('a.worker_user_id', '=', workerUserId)
    .where('c.organization_id', 'in', hostOrganizationIds)
    .where((eb) =>
      eb.or([eb('a.status', '=', 'interested'), eb('a.reached_host_at', 'is not', null)]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** People's names by id (for the ones that exist). */
export async function userNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
