import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { ChallengeView } from '../../../contracts/matching';
import type { ChallengeSummary } from '../../../contracts/recommendations';
import type { ChallengeEventType, Database } from '../../../db/database';
import { openApplicationStatuses } from '../../../domain/engagement/application-workflow';
import type {
  ChallengeState,
  ChallengeTerms,
  ChallengeTheme,
  SkillRequirement,
  StandardSkill,
  WorkStyle,
} from '../../../domain/matching/matching-model';
import type { OrganizationKind } from '../../../domain/shared/organizations';

type Db = Kysely<Database> | Transaction<Database>;

export type ChallengeRecord = ChallengeView;

/** What a host writes: the challenge's own fields, checked and placed by the route. */
export type ChallengeFields = {
  municipalityCode: string | null;
  prefectureCode: string;
  title: string;
  titleEn: string | null;
  description: string;
  descriptionEn: string | null;
  searchText: string;
  themes: ChallengeTheme[];
  requiredSkills: SkillRequirement[];
  welcomeSkills: SkillRequirement[];
  style: WorkStyle;
  onsiteDaysPerMonth: number;
  hoursPerMonth: number;
  startDate: string;
  periodMonths: number;
  places: number;
  maxOpenApplications: number;
  responseDays: number;
  terms: ChallengeTerms;
  feeYenPerMonth: number | null;
  travelSupport: boolean;
};

const openStatuses = sql.join([...openApplicationStatuses]);

/**
 * Challenges with their host, their place and their application counts: what every reading of a
 * challenge shows, the API's and the matching pool's alike. Callers add their own columns (and
 * joins) to `c`, `o`, `p` and `m`.
 */
export function selectChallengesWithCounts(db: Db) {
  return db
    .selectFrom('challenges as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .innerJoin('prefectures as p', 'p.code', 'c.prefecture_code')
    .leftJoin('municipalities as m', 'm.code', 'c.municipality_code')
    .select([
      'c.id',
      'c.organization_id',
      'o.name as host_name',
      'o.name_en as host_name_en',
      'c.municipality_code',
      'm.name as municipality_name',
      'c.prefecture_code',
      'p.name as prefecture_name',
      'c.title',
      'c.title_en',
      'c.themes',
      'c.required_skills',
      'c.welcome_skills',
      'c.style',
      'c.onsite_days_per_month',
      'c.hours_per_month',
      'c.start_date',
      'c.period_months',
      'c.places',
      'c.max_open_applications',
      'c.terms',
      'c.fee_yen_per_month',
      'c.travel_support',
      'c.state',
      // Correlated counts read the applications index for each challenge: one challenge costs
      // two index lookups, never a pass over every application.
      sql<number>`(select count(*)::int from applications a where a.challenge_id = c.id and a.status = 'matched')`.as(
        'filled_places',
      ),
      sql<number>`(select count(*)::int from applications a where a.challenge_id = c.id and a.status in (${openStatuses}))`.as(
        'open_applications',
      ),
    ]);
}

function baseQuery(db: Db) {
  return selectChallengesWithCounts(db).select([
    'c.description',
    'c.description_en',
    'c.response_days',
    'c.created_at',
    'c.updated_at',
  ]);
}

type Row = {
  id: string;
  organization_id: string;
  host_name: string;
  host_name_en: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
  prefecture_code: string;
  prefecture_name: string;
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  themes: ChallengeTheme[];
  required_skills: SkillRequirement[];
  welcome_skills: SkillRequirement[];
  style: WorkStyle;
  onsite_days_per_month: number;
  hours_per_month: number;
  start_date: string;
  period_months: number;
  places: number;
  max_open_applications: number;
  response_days: number;
  terms: ChallengeTerms;
  fee_yen_per_month: number | null;
  travel_support: boolean;
  state: ChallengeState;
  created_at: Date;
  updated_at: Date;
  filled_places: number;
  open_applications: number;
};

/** The columns a challenge summary is made of (selectChallengesWithCounts reads them all). */
type SummaryRow = Omit<
  Row,
  | 'description'
  | 'description_en'
  | 'required_skills'
  | 'welcome_skills'
  | 'max_open_applications'
  | 'response_days'
  | 'state'
  | 'created_at'
  | 'updated_at'
  | 'open_applications'
>;

/** A challenge as a recommendation or a list shows it. */
export function toChallengeSummary(r: SummaryRow): ChallengeSummary {
  return {
    id: r.id,
    organizationId: r.organization_id,
    hostName: r.host_name,
    hostNameEn: r.host_name_en,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    prefectureCode: r.prefecture_code,
    prefectureName: r.prefecture_name,
    title: r.title,
    titleEn: r.title_en,
    themes: r.themes,
    style: r.style,
    onsiteDaysPerMonth: r.onsite_days_per_month,
    hoursPerMonth: r.hours_per_month,
    startDate: r.start_date,
    periodMonths: r.period_months,
    places: r.places,
    filledPlaces: Number(r.filled_places),
    terms: r.terms,
    feeYenPerMonth: r.fee_yen_per_month,
    travelSupport: r.travel_support,
  };
}

function toRecord(r: Row): ChallengeRecord {
  return {
    ...toChallengeSummary(r),
    description: r.description,
    descriptionEn: r.description_en,
    requiredSkills: r.required_skills,
    welcomeSkills: r.welcome_skills,
    openApplications: Number(r.open_applications),
    maxOpenApplications: r.max_open_applications,
    responseDays: r.response_days,
    state: r.state,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function findChallenge(db: Db, id: string): Promise<ChallengeRecord | undefined> {
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/**
 * Locks a challenge row for the rest of the transaction (state changes, applications counted
 * against its caps) and returns it as it stands.
 */
export async function lockChallenge(db: Db, id: string): Promise<ChallengeRecord | undefined> {
  const locked = await db
    .selectFrom('challenges')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? findChallenge(db, id) : undefined;
}

export type ChallengeSearch = {
  /** Normalised terms that must all occur in the search text. */
  terms: string[];
  prefectureCode?: string;
  municipalityCode?: string;
  organizationId?: string;
  theme?: ChallengeTheme;
  skill?: StandardSkill;
  style?: WorkStyle;
  minHours?: number;
  maxHours?: number;
  challengeTerms?: ChallengeTerms;
  state?: ChallengeState;
  /** Who is asking: null sees everything (coordinators); otherwise open ones plus these hosts'. */
  visibleHostIds: string[] | null;
  limit: number;
  offset: number;
};

/** A LIKE pattern that matches `term` literally anywhere (backslash is Postgres's escape). */
const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(s: ChallengeSearch): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (s.visibleHostIds !== null) {
    parts.push(
      s.visibleHostIds.length === 0
        ? sql`c.state = 'open'`
        : sql`(c.state = 'open' or c.organization_id in (${sql.join(s.visibleHostIds)}))`,
    );
  }
  for (const term of s.terms) parts.push(sql`c.search_text like ${containing(term)}`);
  if (s.prefectureCode) parts.push(sql`c.prefecture_code = ${s.prefectureCode}`);
  if (s.municipalityCode) parts.push(sql`c.municipality_code = ${s.municipalityCode}`);
  if (s.organizationId) parts.push(sql`c.organization_id = ${s.organizationId}`);
  if (s.theme) parts.push(sql`c.themes @> ${JSON.stringify([s.theme])}::jsonb`);
  if (s.skill) {
    const needle = JSON.stringify([{ skill: s.skill }]);
    parts.push(
      sql`(c.required_skills @> ${needle}::jsonb or c.welcome_skills @> ${needle}::jsonb)`,
    );
  }
  if (s.style) parts.push(sql`c.style = ${s.style}`);
  if (s.minHours !== undefined) parts.push(sql`c.hours_per_month >= ${s.minHours}`);
  if (s.maxHours !== undefined) parts.push(sql`c.hours_per_month <= ${s.maxHours}`);
  if (s.challengeTerms) parts.push(sql`c.terms = ${s.challengeTerms}`);
  if (s.state) parts.push(sql`c.state = ${s.state}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** Challenges matching a search, newest first, with the total for paging. */
export async function searchChallenges(
  db: Db,
  s: ChallengeSearch,
): Promise<{ items: ChallengeRecord[]; total: number }> {
  const where = conditions(s);
  const rows = await baseQuery(db)
    .where(where)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(s.limit)
    .offset(s.offset)
    .execute();
  const count = await db
    .selectFrom('challenges as c')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(where)
    .executeTakeFirst();
  return { items: rows.map(toRecord), total: Number(count?.n ?? 0) };
}

function fieldColumns(f: ChallengeFields) {
  return {
    municipality_code: f.municipalityCode,
    prefecture_code: f.prefectureCode,
    title: f.title,
    title_en: f.titleEn,
    description: f.description,
    description_en: f.descriptionEn,
    search_text: f.searchText,
    themes: JSON.stringify(f.themes),
    required_skills: JSON.stringify(f.requiredSkills),
    welcome_skills: JSON.stringify(f.welcomeSkills),
    style: f.style,
    onsite_days_per_month: f.onsiteDaysPerMonth,
    hours_per_month: f.hoursPerMonth,
    start_date: f.startDate,
    period_months: f.periodMonths,
    places: f.places,
    max_open_applications: f.maxOpenApplications,
    response_days: f.responseDays,
    terms: f.terms,
    fee_yen_per_month: f.feeYenPerMonth,
    travel_support: f.travelSupport,
  };
}

/** A new challenge (a draft unless `state` says otherwise) and its 'created' event. */
export async function insertChallenge(
  db: Db,
  c: {
    organizationId: string;
    fields: ChallengeFields;
    state?: ChallengeState;
    actorUserId: string | null;
    at: Date;
  },
): Promise<string> {
  const id = randomUUID();
  const state = c.state ?? 'draft';
  await db
    .insertInto('challenges')
    .values({
      id,
      organization_id: c.organizationId,
      ...fieldColumns(c.fields),
      state,
      created_by: c.actorUserId,
      created_at: c.at,
      updated_at: c.at,
    })
    .execute();
  await insertChallengeEvent(db, {
    challengeId: id,
    event: 'created',
    fromState: null,
    toState: state,
    actorUserId: c.actorUserId,
    at: c.at,
  });
  return id;
}

export async function updateChallengeFields(
  db: Db,
  id: string,
  fields: ChallengeFields,
  at: Date,
): Promise<void> {
  await db
    .updateTable('challenges')
    .set({ ...fieldColumns(fields), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setChallengeState(
  db: Db,
  id: string,
  state: ChallengeState,
  at: Date,
): Promise<void> {
  await db.updateTable('challenges').set({ state, updated_at: at }).where('id', '=', id).execute();
}

export async function insertChallengeEvent(
  db: Db,
  e: {
    challengeId: string;
    event: ChallengeEventType;
    fromState: ChallengeState | null;
    toState: ChallengeState;
    actorUserId: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('challenge_events')
    .values({
      challenge_id: e.challengeId,
      event: e.event,
      from_state: e.fromState,
      to_state: e.toState,
      actor_user_id: e.actorUserId,
      occurred_at: e.at,
    })
    .execute();
}

export async function listChallengeEvents(db: Db, challengeId: string) {
  const rows = await db
    .selectFrom('challenge_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.event', 'e.from_state', 'e.to_state', 'u.name', 'e.occurred_at'])
    .where('e.challenge_id', '=', challengeId)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    event: r.event,
    fromState: r.from_state,
    toState: r.to_state,
    actorName: r.name,
    at: r.occurred_at.toISOString(),
  }));
}

/** A municipality or prefecture that posts challenges, with the prefecture it lies in. */
export type HostOrganization = {
  id: string;
  kind: OrganizationKind;
  name: string;
  nameEn: string | null;
  lgCode: string | null;
  /** The prefecture of a municipality (or the prefecture itself); null for other kinds. */
  prefectureCode: string | null;
  /** The names the host is searched by (its own, and its municipality's reading). */
  searchNames: string[];
};

export async function findHostOrganization(
  db: Db,
  id: string,
): Promise<HostOrganization | undefined> {
  const row = await db
    .selectFrom('organizations as o')
    .leftJoin('municipalities as m', 'm.code', 'o.lg_code')
    .leftJoin('prefectures as p', 'p.code', 'o.lg_code')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.name_en',
      'o.lg_code',
      'm.prefecture_code',
      'm.name as municipality_name',
      'm.kana as municipality_kana',
      'm.romaji as municipality_romaji',
      'p.code as prefecture_own_code',
      'p.name as prefecture_name',
      'p.kana as prefecture_kana',
      'p.name_en as prefecture_name_en',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameEn: row.name_en,
    lgCode: row.lg_code,
    prefectureCode: row.prefecture_code ?? row.prefecture_own_code ?? null,
    searchNames: [
      row.name,
      row.name_en,
      row.municipality_name,
      row.municipality_kana,
      row.municipality_romaji,
      row.prefecture_name,
      row.prefecture_kana,
      row.prefecture_name_en,
    ].filter((n): n is string => n !== null),
  };
}

export async function findMunicipality(
  db: Db,
  code: string,
): Promise<
  { code: string; name: string; prefectureCode: string; parentCode: string | null } | undefined
> {
  const row = await db
    .selectFrom('municipalities')
    .select(['code', 'name', 'prefecture_code', 'parent_code'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row
    ? {
        code: row.code,
        name: row.name,
        prefectureCode: row.prefecture_code,
        parentCode: row.parent_code,
      }
    : undefined;
}

export async function prefectureExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('prefectures')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks these challenges, in id order (so two transactions locking overlapping sets never wait
 * on each other in a circle), and returns what a proposal needs of each.
 */
export async function lockChallengesById(
  db: Db,
  ids: readonly string[],
): Promise<
  Map<
    string,
    { id: string; state: ChallengeState; title: string; organizationId: string; hostName: string }
  >
> {
  const sorted = [...new Set(ids)].sort();
  const found = new Map<
    string,
    { id: string; state: ChallengeState; title: string; organizationId: string; hostName: string }
  >();
  for (let i = 0; i < sorted.length; i += 1000) {
    const rows = await db
      .selectFrom('challenges as c')
      .innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .select(['c.id', 'c.state', 'c.title', 'c.organization_id', 'o.name as host_name'])
      .where('c.id', 'in', sorted.slice(i, i + 1000))
      .orderBy('c.id')
      .forUpdate('c')
      .execute();
    for (const r of rows) {
      found.set(r.id, {
        id: r.id,
        state: r.state,
        title: r.title,
        organizationId: r.organization_id,
        hostName: r.host_name,
      });
    }
  }
  return found;
}
