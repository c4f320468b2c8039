import type { Kysely, Transaction } from 'kysely';
import type { ChallengeSummary } from '../../../contracts/recommendations';
import type { AffinityEntry, Database } from '../../../db/database';
import {
  endedApplicationStatuses,
  type ApplicationStatus,
} from '../../../domain/engagement/application-workflow';
import {
  firstKnownLocation,
  scorerPrefectureCode,
  type PlaceLocation,
  type WorkerMatchingFacts,
} from '../../../domain/engagement/matching-forms';
import type { JoinedProgramme } from '../../../domain/engagement/programme-rules';
import type {
  ChallengeForMatching,
  ChallengeState,
  ChallengeTheme,
  WorkerSkill,
} from '../../../domain/matching/matching-model';
import { selectChallengesWithCounts, toChallengeSummary } from './challenges.repository';
import { toProfileSharing } from './profiles.repository';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What the matching cache reads from the database: open challenges and workers in the scorer's
 * shapes, and the counters that say whether a cached copy is still current (see the migration
 * 20261122T1001 and decision 0008).
 */

export type MatchingVersions = { challenges: number; workers: number; places: number };

/** The counters, in one query. */
export async function readMatchingVersions(db: Db): Promise<MatchingVersions> {
  const rows = await db.selectFrom('matching_versions').select(['scope', 'version']).execute();
  const of = (scope: string) => Number(rows.find((r) => r.scope === scope)?.version ?? 0);
  return { challenges: of('challenges'), workers: of('workers'), places: of('places') };
}

/** Where a municipality is, and its prefecture (6-digit codes of the master). */
export type PlaceIndex = ReadonlyMap<
  string,
  { prefectureCode: string; location: PlaceLocation | null }
>;

/**
 * Every municipality's prefecture and position: its office, else its designated city's (a
 * ward), else its prefecture's office; none without `reference import`. Two small queries
 * (about 1,900 municipalities and 47 prefectures), kept in memory by the matching pool.
 */
export async function loadPlaces(db: Db): Promise<PlaceIndex> {
  const municipalities = await db
    .selectFrom('municipalities')
    .select(['code', 'prefecture_code', 'parent_code', 'office_lat', 'office_lng'])
    .execute();
  const prefectures = await db
    .selectFrom('prefectures')
    .select(['code', 'office_lat', 'office_lng'])
    .execute();
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const prefectureByCode = new Map(prefectures.map((p) => [p.code, p]));
  const toLatLng = (r: { office_lat: number | null; office_lng: number | null } | undefined) =>
    r && { lat: r.office_lat, lng: r.office_lng };
  return new Map(
    municipalities.map((m) => [
      m.code,
      {
        prefectureCode: m.prefecture_code,
        location: firstKnownLocation(
          toLatLng(m),
          toLatLng(m.parent_code === null ? undefined : byCode.get(m.parent_code)),
          toLatLng(prefectureByCode.get(m.prefecture_code)),
        ),
      },
    ]),
  );
}

/** A challenge as matching reads it: the scorer's shape, what a list shows, who offers it. */
export type MatchingChallenge = {
  challenge: ChallengeForMatching;
  summary: ChallengeSummary;
  state: ChallengeState;
  /** The local government offering it (the host's code): what a round's guarantee counts. */
  localGovCode: string;
};

/**
 * Challenges in the scorer's shape, with their application counts: the open ones, or one by id
 * (any state, for its host). Where a challenge is: its municipality's office, else the
 * designated city's (a ward), else the prefecture's office — positions come with `reference
 * import`; without them travel is left out of the score. A prefecture-wide challenge is placed
 * at the prefecture's office and stands for the prefecture as a whole.
 */
export async function loadChallengesForMatching(
  db: Db,
  which: { openOnly: true } | { id: string },
): Promise<MatchingChallenge[]> {
  let q = selectChallengesWithCounts(db)
    .leftJoin('municipalities as pm', 'pm.code', 'm.parent_code')
    .select([
      'o.lg_code',
      'm.office_lat as m_lat',
      'm.office_lng as m_lng',
      'pm.office_lat as pm_lat',
      'pm.office_lng as pm_lng',
      'p.office_lat as p_lat',
      'p.office_lng as p_lng',
    ]);
  q = 'id' in which ? q.where('c.id', '=', which.id) : q.where('c.state', '=', 'open');
  const rows = await q.orderBy('c.id').execute();
  return rows.map((r) => {
    const office = firstKnownLocation(
      { lat: r.m_lat, lng: r.m_lng },
      { lat: r.pm_lat, lng: r.pm_lng },
      { lat: r.p_lat, lng: r.p_lng },
    );
    const summary = toChallengeSummary(r);
    const challenge: ChallengeForMatching = {
      id: r.id,
      // Prefecture-wide: the prefecture's own code, which no municipality tie equals.
      municipalityCode: r.municipality_code ?? r.prefecture_code,
      prefectureCode: scorerPrefectureCode(r.prefecture_code),
      officeLat: office?.lat ?? null,
      officeLng: office?.lng ?? null,
      themes: r.themes,
      requiredSkills: r.required_skills,
      welcomeSkills: r.welcome_skills,
      style: r.style,
      onsiteDaysPerMonth: r.onsite_days_per_month,
      hoursPerMonth: r.hours_per_month,
      startDate: r.start_date,
      periodMonths: r.period_months,
      places: r.places,
      filledPlaces: summary.filledPlaces,
      openApplications: Number(r.open_applications),
      maxOpenApplications: r.max_open_applications,
      terms: r.terms,
      travelSupport: r.travel_support,
    };
    return {
      challenge,
      summary,
      state: r.state,
      localGovCode: r.lg_code ?? r.municipality_code ?? r.prefecture_code,
    };
  });
}

/** Which workers to load: these workers, or everyone open to offers who is a worker. */
export type WorkerSelection = { userIds: readonly string[] } | { openToOffers: true };

/**
 * What matching needs to know about workers (people with a worker membership and a profile):
 * the profile with home's position (from `places`, see loadPlaces), the programmes they are in now at companies
 * where they work (oldest first), and — for those in a programme — their main jobs' start
 * (tenure) and the matched engagements that went through a programme. Four plain queries
 * whatever the number of workers (two when nobody selected is in a programme): the planner
 * takes longer over one query joining all of it than over the four together.
 */
export async function loadWorkerMatchingFacts(
  db: Db,
  selection: WorkerSelection,
  places: PlaceIndex,
): Promise<WorkerMatchingFacts[]> {
  const byIds = 'userIds' in selection;
  if (byIds && selection.userIds.length === 0) return [];
  const ids = byIds ? [...new Set(selection.userIds)] : [];
  let profiles = db
    .selectFrom('worker_profiles as wp')
    .select([
      'wp.user_id',
      'wp.birth_year',
      'wp.home_municipality_code',
      'wp.skills',
      'wp.interests',
      'wp.affinities',
      'wp.available_hours_per_month',
      'wp.available_from',
      'wp.preferred_styles',
      'wp.shared_with_hosts',
      'wp.open_to_offers',
      'wp.share_skills',
      'wp.share_affinities',
      'wp.share_career',
      'wp.share_life_stage',
      'wp.share_gender',
    ]);
  // Callers name workers; everyone open to offers must still be a worker somewhere.
  profiles = byIds
    ? profiles.where('wp.user_id', 'in', ids)
    : profiles
        .where('wp.open_to_offers', '=', true)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('memberships as ms')
              .select('ms.id')
              .whereRef('ms.user_id', '=', 'wp.user_id')
              .where('ms.role', '=', 'worker'),
          ),
        );
  const profileRows = await profiles.orderBy('wp.user_id').execute();
  if (profileRows.length === 0) return [];

  // The programmes of these workers, at companies where they are workers.
  let programmes = db
    .selectFrom('programme_members as pmem')
    .innerJoin('programmes as pr', 'pr.id', 'pmem.programme_id')
    .select([
      'pmem.worker_user_id',
      'pr.id',
      'pr.organization_id',
      'pr.kind',
      'pr.max_share_percent',
      'pr.contracted_hours_per_month',
      'pr.min_age',
      'pr.max_age',
      'pr.min_tenure_years',
      'pr.approval_required',
    ])
    .where('pmem.left_at', 'is', null)
    .where('pr.retired_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as ms')
          .select('ms.id')
          .whereRef('ms.user_id', '=', 'pmem.worker_user_id')
          .whereRef('ms.organization_id', '=', 'pr.organization_id')
          .where('ms.role', '=', 'worker'),
      ),
    );
  if (byIds) programmes = programmes.where('pmem.worker_user_id', 'in', ids);
  const programmeRows = await programmes.orderBy('pr.created_at').orderBy('pr.id').execute();

  // Tenure and committed hours matter only under a programme.
  const members = [...new Set(programmeRows.map((r) => r.worker_user_id))];
  let jobs = db
    .selectFrom('employments as e')
    .select(['e.worker_user_id', 'e.employer_organization_id', 'e.contract_signed_on'])
    .where('e.is_primary', '=', true);
  let engagements = engagementsQuery(db);
  if (byIds) {
    jobs = jobs.where('e.worker_user_id', 'in', members);
    engagements = engagements.where('a.worker_user_id', 'in', members);
  }
  const jobRows = members.length === 0 ? [] : await jobs.execute();
  const engagementRows = members.length === 0 ? [] : await engagements.execute();

  const programmesOf = groupBy(programmeRows, (r) => r.worker_user_id);
  const jobsOf = groupBy(jobRows, (r) => r.worker_user_id);
  const engagementsOf = groupBy(engagementRows, (r) => r.worker_user_id);
  return profileRows.map((r): WorkerMatchingFacts => {
    const home =
      r.home_municipality_code === null ? undefined : places.get(r.home_municipality_code);
    return {
      userId: r.user_id,
      birthYear: r.birth_year,
      homeMunicipalityCode: r.home_municipality_code,
      homePrefectureCode: home?.prefectureCode ?? null,
      homeLocation: home?.location ?? null,
      // Stored lists are written only through the checked contract, so their values are known.
      skills: r.skills as WorkerSkill[],
      interests: r.interests as ChallengeTheme[],
      affinities: r.affinities as AffinityEntry[],
      availableHoursPerMonth: r.available_hours_per_month,
      availableFrom: r.available_from,
      preferredStyles: r.preferred_styles,
      sharing: toProfileSharing(r),
      programmes: (programmesOf.get(r.user_id) ?? []).map((p): JoinedProgramme => ({
        id: p.id,
        organizationId: p.organization_id,
        kind: p.kind,
        maxSharePercent: p.max_share_percent,
        contractedHoursPerMonth: p.contracted_hours_per_month,
        eligibility: { minAge: p.min_age, maxAge: p.max_age, minTenureYears: p.min_tenure_years },
        approvalRequired: p.approval_required,
      })),
      employedSinceByOrganization: new Map(
        (jobsOf.get(r.user_id) ?? []).flatMap((j) =>
          j.employer_organization_id === null
            ? []
            : [[j.employer_organization_id, j.contract_signed_on] as const],
        ),
      ),
      engagements: (engagementsOf.get(r.user_id) ?? []).flatMap((e) =>
        e.programme_id === null
          ? []
          : [
              {
                programmeId: e.programme_id,
                hoursPerMonth: e.hours_per_month,
                startDate: e.start_date,
                periodMonths: e.period_months,
              },
            ],
      ),
    };
  });
}

/** Matched engagements that went through a programme (committed hours). */
function engagementsQuery(db: Db) {
  return db
    .selectFrom('applications as a')
    .innerJoin('challenges as c', 'c.id', 'a.challenge_id')
    .select([
      'a.worker_user_id',
      'a.programme_id',
      'c.hours_per_month',
      'c.start_date',
      'c.period_months',
    ])
    .where('a.status', '=', 'matched')
    .where('a.programme_id', 'is not', null);
}

/** The live applications (interest, proposals and beyond) of one worker, by challenge. */
export async function liveApplicationsOfWorker(
  db: Db,
  workerUserId: string,
): Promise<Map<string, { id: string; status: ApplicationStatus }>> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'challenge_id', 'status'])
    .where('worker_user_id', '=', workerUserId)
    .where('status', 'not in', endedApplicationStatuses)
    .execute();
  return new Map(rows.map((r) => [r.challenge_id, { id: r.id, status: r.status }]));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
