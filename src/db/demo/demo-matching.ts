import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type {
  AffinityEntry,
  ApplicationsTable,
  ChallengesTable,
  Database,
  WorkerProfilesTable,
} from '../database';
import { insertCredentialUser } from '../accounts.repository';
import { addMembership } from '../invitations.repository';
import { insertNotifications, type NewNotification } from '../notifications.repository';
import type { ApplicationStatus } from '../../domain/engagement/application-workflow';
import { challengeSearchText } from '../../domain/engagement/challenge-rules';
import type {
  CareerGoal,
  ChallengeState,
  ChallengeTerms,
  ChallengeTheme,
  LifeStage,
  SkillRequirement,
  WorkStyle,
} from '../../domain/matching/matching-model';
import type { DemoWorker } from './demo-labor';
import { seededRandom } from '../../domain/shared/seeded-random';

/**
 * The demo's matching data (issue 3): an officer for each town without one, 13 regional
 * challenges (11 open, one closed and filled, one draft), programmes at three companies, matching
 * profiles for the 60 workers, and a handful of applications at every stage, so each role's
 * screens have something to show. Deterministic: fixed dates and a fixed generator.
 */

/** The officers of the towns the demo logins do not cover (not advertised; same password). */
export const demoTownOfficers: ReadonlyArray<{ org: string; email: string; name: string }> = [
  { org: 'shirahama', email: 'officer-shirahama@demo.tsunagu.jp', name: '山本 拓也' },
  { org: 'kamiyama', email: 'officer-kamiyama@demo.tsunagu.jp', name: '井上 さやか' },
  { org: 'goto', email: 'officer-goto@demo.tsunagu.jp', name: '松本 大樹' },
  { org: 'hokuto', email: 'officer-hokuto@demo.tsunagu.jp', name: '清水 恵' },
];

type DemoChallenge = {
  key: string;
  org: string;
  municipalityCode: string | null;
  title: string;
  titleEn: string | null;
  description: string;
  descriptionEn: string | null;
  themes: ChallengeTheme[];
  required: SkillRequirement[];
  welcome: SkillRequirement[];
  style: WorkStyle;
  onsiteDays: number;
  hours: number;
  startDate: string;
  periodMonths: number;
  places: number;
  terms: ChallengeTerms;
  feeYen: number | null;
  travelSupport: boolean;
  state: ChallengeState;
  /** When it was posted (and opened, unless a draft). */
  postedAt: string;
};

export const demoChallenges: readonly DemoChallenge[] = [
  {
    key: 'karuizawa-booking',
    org: 'karuizawa',
    municipalityCode: '203211',
    title: '観光予約のDX推進',
    titleEn: 'Digitalising tourism bookings',
    description:
      '町内の宿泊施設・体験事業者の予約を一元化し、観光客の動きをデータで把握できるようにします。予約システムの選定から事業者への導入支援までを担っていただきます。',
    descriptionEn:
      'Bring the bookings of the town’s lodgings and activity providers into one system and understand visitor flows from the data: from choosing the system to helping providers adopt it.',
    themes: ['tourism', 'digital_dx'],
    required: [{ skill: 'software_engineering', level: 3 }],
    welcome: [{ skill: 'data_analysis', level: 2 }],
    style: 'hybrid',
    onsiteDays: 2,
    hours: 16,
    startDate: '2026-04-01',
    periodMonths: 12,
    places: 1,
    terms: 'paid',
    feeYen: 40_000,
    travelSupport: true,
    state: 'closed',
    postedAt: '2026-02-02T00:00:00Z',
  },
  {
    key: 'karuizawa-workation-data',
    org: 'karuizawa',
    municipalityCode: '203211',
    title: 'ワーケーション利用者データの分析',
    titleEn: 'Analysing workation visitor data',
    description:
      'コワーキング施設の利用データと人流データを組み合わせ、ワーケーション利用者の滞在傾向を分析し、施策の効果を測る指標をつくります。',
    descriptionEn:
      'Combine coworking usage with people-flow data to understand how workationers stay, and design the indicators the town measures its measures by.',
    themes: ['digital_dx', 'tourism'],
    required: [{ skill: 'data_analysis', level: 3 }],
    welcome: [{ skill: 'marketing', level: 2 }],
    style: 'remote',
    onsiteDays: 0,
    hours: 12,
    startDate: '2027-01-06',
    periodMonths: 6,
    places: 2,
    terms: 'paid',
    feeYen: 30_000,
    travelSupport: false,
    state: 'open',
    postedAt: '2026-11-02T00:00:00Z',
  },
  {
    key: 'karuizawa-vacant-homes',
    org: 'karuizawa',
    municipalityCode: '203211',
    title: '別荘地の空き家活用プロジェクト',
    titleEn: 'Giving vacant holiday homes a new use',
    description:
      '使われなくなった別荘を二地域居住者やサテライトオフィス向けに活用する仕組みを、所有者・不動産事業者と一緒に設計します。',
    descriptionEn: null,
    themes: ['community', 'local_industry'],
    required: [{ skill: 'project_management', level: 3 }],
    welcome: [{ skill: 'legal', level: 2 }],
    style: 'hybrid',
    onsiteDays: 2,
    hours: 20,
    startDate: '2027-02-01',
    periodMonths: 12,
    places: 1,
    terms: 'expenses_only',
    feeYen: null,
    travelSupport: true,
    state: 'open',
    postedAt: '2026-11-09T00:00:00Z',
  },
  {
    key: 'shirahama-marketing',
    org: 'shirahama',
    municipalityCode: '304018',
    title: 'ワーケーション施設のマーケティング',
    titleEn: 'Marketing the town’s workation facilities',
    description:
      '白浜町のワーケーション施設を首都圏の企業に知ってもらうため、ターゲット企業の整理、ウェブサイトの改善、企業向け説明会の企画を行います。',
    descriptionEn:
      'Make Shirahama’s workation facilities known to companies in the Tokyo area: target companies, a better website and briefings for companies.',
    themes: ['tourism', 'local_industry'],
    required: [{ skill: 'marketing', level: 3 }],
    welcome: [
      { skill: 'public_relations', level: 2 },
      { skill: 'web_design', level: 2 },
    ],
    style: 'hybrid',
    onsiteDays: 2,
    hours: 16,
    startDate: '2027-01-04',
    periodMonths: 6,
    places: 2,
    terms: 'paid',
    feeYen: 50_000,
    travelSupport: true,
    state: 'open',
    postedAt: '2026-10-19T00:00:00Z',
  },
  {
    key: 'shirahama-multilingual',
    org: 'shirahama',
    municipalityCode: '304018',
    title: '観光案内の多言語化',
    titleEn: 'Visitor information in several languages',
    description:
      '観光案内所のパンフレットとウェブサイトを英語・中国語に翻訳し、表記ルールを整えます。',
    descriptionEn:
      'Translate the visitor centre’s brochures and website into English and Chinese, and set the style rules.',
    themes: ['tourism', 'culture'],
    required: [{ skill: 'translation', level: 3 }],
    welcome: [],
    style: 'remote',
    onsiteDays: 0,
    hours: 8,
    startDate: '2027-01-15',
    periodMonths: 3,
    places: 3,
    terms: 'paid',
    feeYen: 20_000,
    travelSupport: false,
    state: 'open',
    postedAt: '2026-11-05T00:00:00Z',
  },
  {
    key: 'kamiyama-satellite',
    org: 'kamiyama',
    municipalityCode: '363421',
    title: 'サテライトオフィスの誘致と運営支援',
    titleEn: 'Attracting and running satellite offices',
    description:
      '古民家を改修したサテライトオフィスに入居する企業を探し、入居後の地域との関係づくりを支援します。',
    descriptionEn:
      'Find companies to move into satellite offices in renovated old houses, and help them build ties with the community once there.',
    themes: ['local_industry', 'community'],
    required: [{ skill: 'sales', level: 3 }],
    welcome: [{ skill: 'project_management', level: 2 }],
    style: 'hybrid',
    onsiteDays: 3,
    hours: 20,
    startDate: '2027-01-04',
    periodMonths: 12,
    places: 1,
    terms: 'expenses_only',
    feeYen: null,
    travelSupport: true,
    state: 'open',
    postedAt: '2026-10-26T00:00:00Z',
  },
  {
    key: 'kamiyama-programming',
    org: 'kamiyama',
    municipalityCode: '363421',
    title: '高専生へのプログラミング教育',
    titleEn: null,
    description:
      '町内の高等専門学校で、現場のソフトウェア開発の進め方をオンラインで教えていただきます。月2回の講義と課題のレビューが中心です。',
    descriptionEn: null,
    themes: ['education', 'digital_dx'],
    required: [{ skill: 'software_engineering', level: 4 }],
    welcome: [{ skill: 'education', level: 2 }],
    style: 'remote',
    onsiteDays: 0,
    hours: 8,
    startDate: '2027-04-01',
    periodMonths: 12,
    places: 2,
    terms: 'volunteer',
    feeYen: null,
    travelSupport: false,
    state: 'open',
    postedAt: '2026-11-12T00:00:00Z',
  },
  {
    key: 'goto-seafood-ec',
    org: 'goto',
    municipalityCode: '422118',
    title: '水産物のEC販売立ち上げ',
    titleEn: 'Launching online sales of local seafood',
    description:
      '五島の漁業者・加工業者と一緒に、鮮魚と加工品のオンライン販売を立ち上げます。商品ページの制作、配送の仕組み、販促までを担います。',
    descriptionEn:
      'Set up online sales of fresh fish and processed products with Goto’s fishers and processors: product pages, delivery and promotion.',
    themes: ['local_industry', 'agriculture_food', 'digital_dx'],
    required: [
      { skill: 'web_design', level: 3 },
      { skill: 'marketing', level: 3 },
    ],
    welcome: [{ skill: 'logistics', level: 2 }],
    style: 'remote',
    onsiteDays: 0,
    hours: 16,
    startDate: '2027-01-04',
    periodMonths: 6,
    places: 2,
    terms: 'paid',
    feeYen: 40_000,
    travelSupport: false,
    state: 'open',
    postedAt: '2026-10-12T00:00:00Z',
  },
  {
    key: 'goto-disaster-info',
    org: 'goto',
    municipalityCode: '422118',
    title: '離島の防災情報システム',
    titleEn: null,
    description:
      '台風時に島ごとの避難情報を確実に届けるため、防災情報の配信手段を見直し、職員が自分で運用できる仕組みをつくります。',
    descriptionEn: null,
    themes: ['disaster_prevention', 'digital_dx'],
    required: [{ skill: 'it_infrastructure', level: 3 }],
    welcome: [],
    style: 'hybrid',
    onsiteDays: 1,
    hours: 12,
    startDate: '2027-02-01',
    periodMonths: 6,
    places: 1,
    terms: 'expenses_only',
    feeYen: null,
    travelSupport: true,
    state: 'open',
    postedAt: '2026-11-16T00:00:00Z',
  },
  {
    key: 'hokuto-farm-succession',
    org: 'hokuto',
    municipalityCode: '192091',
    title: '農業の事業承継マッチング',
    titleEn: 'Passing on family farms',
    description:
      '後継者のいない農家と就農希望者をつなぐため、経営状況の整理、承継計画の作成、金融機関との調整を支援します。',
    descriptionEn:
      'Connect farmers without successors with people who want to farm: sort out the farms’ finances, draw up succession plans and work with the banks.',
    themes: ['agriculture_food', 'local_industry'],
    required: [
      { skill: 'finance', level: 3 },
      { skill: 'agriculture', level: 2 },
    ],
    welcome: [{ skill: 'legal', level: 2 }],
    style: 'hybrid',
    onsiteDays: 2,
    hours: 16,
    startDate: '2027-01-04',
    periodMonths: 12,
    places: 2,
    terms: 'paid',
    feeYen: 30_000,
    travelSupport: true,
    state: 'open',
    postedAt: '2026-10-05T00:00:00Z',
  },
  {
    key: 'hokuto-newcomers',
    org: 'hokuto',
    municipalityCode: '192091',
    title: '移住者向けコミュニティづくり',
    titleEn: 'Building a community for newcomers',
    description:
      '移住した人が地域に溶け込めるよう、交流イベントの企画や情報発信を地元の人と一緒に行います。',
    descriptionEn:
      'Help newcomers settle in: plan get-togethers and share news together with local residents.',
    themes: ['community'],
    required: [{ skill: 'public_relations', level: 2 }],
    welcome: [],
    style: 'onsite',
    onsiteDays: 4,
    hours: 16,
    startDate: '2027-04-01',
    periodMonths: 6,
    places: 2,
    terms: 'volunteer',
    feeYen: null,
    travelSupport: true,
    state: 'open',
    postedAt: '2026-11-10T00:00:00Z',
  },
  {
    key: 'hokuto-carbon-credits',
    org: 'hokuto',
    municipalityCode: '192091',
    title: '森林資源を活かしたカーボンクレジット',
    titleEn: 'Carbon credits from the city’s forests',
    description:
      '市有林の森林吸収量を算定し、J-クレジットの申請に向けた計画を作成します。（募集準備中）',
    descriptionEn: null,
    themes: ['environment_gx'],
    required: [{ skill: 'data_analysis', level: 3 }],
    welcome: [],
    style: 'remote',
    onsiteDays: 0,
    hours: 12,
    startDate: '2027-04-01',
    periodMonths: 12,
    places: 1,
    terms: 'paid',
    feeYen: 30_000,
    travelSupport: false,
    state: 'draft',
    postedAt: '2026-11-18T00:00:00Z',
  },
  {
    key: 'nagano-connected-population',
    org: 'nagano',
    municipalityCode: null,
    title: '関係人口の見える化',
    titleEn: 'Making the connected population visible',
    description:
      '県内市町村のふるさと納税、ワーケーション、人流データを組み合わせ、関係人口を継続的に把握する方法を設計します。',
    descriptionEn:
      'Combine furusato tax, workation and people-flow data from the prefecture’s municipalities to track the connected population over time.',
    themes: ['community', 'digital_dx'],
    required: [{ skill: 'data_analysis', level: 4 }],
    welcome: [],
    style: 'remote',
    onsiteDays: 0,
    hours: 12,
    startDate: '2027-01-04',
    periodMonths: 6,
    places: 1,
    terms: 'paid',
    feeYen: 50_000,
    travelSupport: false,
    state: 'open',
    postedAt: '2026-11-04T00:00:00Z',
  },
];

/** Places people feel tied to: the demo towns' prefectures (and some of their towns). */
const affinityPlaces: ReadonlyArray<{ prefectureCode: string; municipalityCode: string | null }> = [
  { prefectureCode: '200000', municipalityCode: '202029' },
  { prefectureCode: '200000', municipalityCode: '202011' },
  { prefectureCode: '200000', municipalityCode: '203211' },
  { prefectureCode: '200000', municipalityCode: null },
  { prefectureCode: '300004', municipalityCode: '302066' },
  { prefectureCode: '300004', municipalityCode: '304018' },
  { prefectureCode: '360007', municipalityCode: '362018' },
  { prefectureCode: '360007', municipalityCode: null },
  { prefectureCode: '420000', municipalityCode: '422011' },
  { prefectureCode: '420000', municipalityCode: '422118' },
  { prefectureCode: '190004', municipalityCode: '192015' },
  { prefectureCode: '190004', municipalityCode: '192091' },
];

/** The matching columns of a worker's profile; the demo login's are fixed. */
export type DemoProfileFields = Pick<
  Insertable<WorkerProfilesTable>,
  | 'available_hours_per_month'
  | 'available_from'
  | 'preferred_styles'
  | 'languages'
  | 'life_stages'
  | 'career_goals'
  | 'affinities'
  | 'shared_with_hosts'
  | 'open_to_offers'
  | 'share_life_stage'
>;

/**
 * A generator of the workers' matching profiles, its own sequence so the rest of the seed (names,
 * ages, skills) stays as it was: hours 8–40 a month, remote and hybrid preferred, 70% open to
 * offers, ties to the demo towns' prefectures for about half of them.
 */
export function demoProfileFieldsGenerator(): (
  age: number,
  isDemoLogin: boolean,
) => DemoProfileFields {
  const rand = seededRandom(20261122);
  return (age, isDemoLogin) => {
    if (isDemoLogin) {
      const affinities: AffinityEntry[] = [
        { kind: 'hometown', prefectureCode: '200000', municipalityCode: '202029' },
        { kind: 'furusato', prefectureCode: '200000', municipalityCode: '203211' },
      ];
      return {
        available_hours_per_month: 24,
        available_from: null,
        preferred_styles: JSON.stringify(['remote', 'hybrid']),
        languages: JSON.stringify(['ja', 'en']),
        life_stages: JSON.stringify(['none_stated']),
        career_goals: JSON.stringify(['second_career', 'social_contribution']),
        affinities: JSON.stringify(affinities),
        shared_with_hosts: true,
        open_to_offers: true,
        share_life_stage: false,
      };
    }
    const styles: WorkStyle[] = [];
    if (rand() < 0.8) styles.push('remote');
    if (rand() < 0.6) styles.push('hybrid');
    if (rand() < 0.25 || styles.length === 0) styles.push('onsite');
    const languages = ['ja'];
    if (rand() < 0.3) languages.push('en');
    if (rand() < 0.05) languages.push('zh');
    const l = rand();
    const lifeStages: LifeStage[] =
      l < 0.15 ? ['childcare'] : l < 0.3 ? ['caregiving'] : l < 0.5 ? ['none_stated'] : [];
    const goals: CareerGoal[] =
      age >= 50
        ? ['second_career', 'social_contribution']
        : ['skill_growth', 'social_contribution'];
    const g = rand();
    const careerGoals = g < 0.15 ? [...goals, 'startup' as const] : g < 0.3 ? [goals[0]!] : goals;
    const affinities: AffinityEntry[] = [];
    const tieCount = rand() < 0.5 ? 0 : rand() < 0.7 ? 1 : 2;
    for (let k = 0; k < tieCount; k++) {
      const place = affinityPlaces[Math.floor(rand() * affinityPlaces.length)]!;
      const kind = k === 0 ? 'hometown' : rand() < 0.5 ? 'furusato' : 'past_residence';
      if (affinities.some((a) => a.municipalityCode === place.municipalityCode)) continue;
      affinities.push({ kind, ...place });
    }
    const open = rand() < 0.7;
    const shared = open || rand() < 0.5;
    const from = rand();
    return {
      available_hours_per_month: 8 + 4 * Math.floor(rand() * 9),
      available_from: from < 0.15 ? '2027-01-01' : from < 0.25 ? '2027-04-01' : null,
      preferred_styles: JSON.stringify(styles),
      languages: JSON.stringify(languages),
      life_stages: JSON.stringify(lifeStages),
      career_goals: JSON.stringify(careerGoals),
      affinities: JSON.stringify(affinities),
      shared_with_hosts: shared,
      open_to_offers: open,
      share_life_stage: shared && rand() < 0.2,
    };
  };
}

const at = (iso: string) => new Date(iso);
const DAY_MS = 86_400_000;

/**
 * Seeds the officers of the other towns, the challenges, the programmes, their members and the
 * applications, inside the demo's transaction. Runs after the working time (tenure is read from
 * the main jobs it created).
 */
export async function seedDemoMatching(
  trx: Transaction<Database>,
  opts: {
    orgIds: ReadonlyMap<string, string>;
    workers: readonly DemoWorker[];
    passwordHash: string;
    /** Demo logins by email (officer, pref-officer, hr, worker). */
    loginIds: ReadonlyMap<string, string>;
  },
): Promise<void> {
  const org = (key: string) => opts.orgIds.get(key)!;
  const login = (email: string) => opts.loginIds.get(email)!;
  const officerOf = new Map<string, string>([
    ['karuizawa', login('officer@demo.tsunagu.jp')],
    ['nagano', login('pref-officer@demo.tsunagu.jp')],
  ]);
  for (const o of demoTownOfficers) {
    const userId = await insertCredentialUser(trx, {
      email: o.email,
      name: o.name,
      passwordHash: opts.passwordHash,
    });
    await addMembership(trx, { userId, organizationId: org(o.org), role: 'municipal_officer' });
    officerOf.set(o.org, userId);
  }

  // Challenges, each with its history: created (and opened) when posted.
  const challengeIds = new Map<string, string>();
  const hostNames = await hostSearchNames(trx);
  for (const c of demoChallenges) {
    const id = randomUUID();
    challengeIds.set(c.key, id);
    const posted = at(c.postedAt);
    const officer = officerOf.get(c.org) ?? null;
    const row: Insertable<ChallengesTable> = {
      id,
      organization_id: org(c.org),
      municipality_code: c.municipalityCode,
      prefecture_code: c.org === 'nagano' ? '200000' : prefectureOf(c.municipalityCode),
      title: c.title,
      title_en: c.titleEn,
      description: c.description,
      description_en: c.descriptionEn,
      search_text: challengeSearchText([
        c.title,
        c.titleEn,
        c.description,
        c.descriptionEn,
        ...(hostNames.get(org(c.org)) ?? []),
      ]),
      themes: JSON.stringify(c.themes),
      required_skills: JSON.stringify(c.required),
      welcome_skills: JSON.stringify(c.welcome),
      style: c.style,
      onsite_days_per_month: c.onsiteDays,
      hours_per_month: c.hours,
      start_date: c.startDate,
      period_months: c.periodMonths,
      places: c.places,
      max_open_applications: 20,
      response_days: 7,
      terms: c.terms,
      fee_yen_per_month: c.feeYen,
      travel_support: c.travelSupport,
      state: c.state,
      created_by: officer,
      created_at: posted,
      updated_at: posted,
    };
    await trx.insertInto('challenges').values(row).execute();
    const events: Array<{
      event: 'created' | 'opened' | 'closed';
      from: ChallengeState | null;
      to: ChallengeState;
      at: Date;
    }> = [{ event: 'created', from: null, to: 'draft', at: posted }];
    if (c.state !== 'draft')
      events.push({ event: 'opened', from: 'draft', to: 'open', at: posted });
    if (c.state === 'closed') {
      events.push({ event: 'closed', from: 'open', to: 'closed', at: at('2026-03-10T06:00:00Z') });
    }
    await trx
      .insertInto('challenge_events')
      .values(
        events.map((e) => ({
          challenge_id: id,
          event: e.event,
          from_state: e.from,
          to_state: e.to,
          actor_user_id: officer,
          occurred_at: e.at,
        })),
      )
      .execute();
  }
  const closedAt = at('2026-03-10T06:00:00Z');
  await trx
    .updateTable('challenges')
    .set({ updated_at: closedAt })
    .where('id', '=', challengeIds.get('karuizawa-booking')!)
    .execute();

  // Programmes: double work (20%, approval) and a workation policy at みらいソフト; a second
  // career programme for the over-50s at 東都精機.
  const programmeAt = at('2026-01-15T00:00:00Z');
  const programme = (p: {
    key: string;
    org: string;
    kind: 'double_work' | 'second_career' | 'workation';
    name: string;
    description: string;
    maxSharePercent: number | null;
    minAge?: number;
    minTenureYears?: number;
    approvalRequired: boolean;
    travelSubsidyYenPerMonth: number;
    workationMaxDaysPerMonth?: number;
    workationPolicy?: string;
  }) => ({
    id: randomUUID(),
    organization_id: org(p.org),
    kind: p.kind,
    name: p.name,
    description: p.description,
    max_share_percent: p.maxSharePercent,
    contracted_hours_per_month: 160,
    min_age: p.minAge ?? null,
    max_age: null,
    min_tenure_years: p.minTenureYears ?? null,
    approval_required: p.approvalRequired,
    travel_subsidy_yen_per_month: p.travelSubsidyYenPerMonth,
    workation_max_days_per_month: p.workationMaxDaysPerMonth ?? null,
    workation_policy: p.workationPolicy ?? null,
    created_at: programmeAt,
    updated_at: programmeAt,
  });
  const doubleWork = programme({
    key: 'mirai-double-work',
    org: 'mirai',
    kind: 'double_work',
    name: 'ふるさと兼業制度',
    description:
      '所定労働時間の20%まで、地域の課題に取り組む社外兼業を認めます。案件ごとに人事の承認が必要です。',
    maxSharePercent: 20,
    minTenureYears: 3,
    approvalRequired: true,
    travelSubsidyYenPerMonth: 20_000,
  });
  const workation = programme({
    key: 'mirai-workation',
    org: 'mirai',
    kind: 'workation',
    name: 'ワーケーション規程',
    description: '登録施設でのワーケーションを月5日まで認めます。',
    maxSharePercent: null,
    approvalRequired: false,
    travelSubsidyYenPerMonth: 10_000,
    workationMaxDaysPerMonth: 5,
    workationPolicy: '国内の登録施設に限る。業務時間は通常どおり記録すること。',
  });
  const secondCareer = programme({
    key: 'toto-second-career',
    org: 'toto',
    kind: 'second_career',
    name: 'セカンドキャリア支援制度',
    description: '50歳以上の社員が、所定労働時間の10%まで地域での活動に充てられます。',
    maxSharePercent: 10,
    minAge: 50,
    approvalRequired: true,
    travelSubsidyYenPerMonth: 0,
  });
  await trx.insertInto('programmes').values([doubleWork, workation, secondCareer]).execute();

  // The demo worker and three colleagues with at least three years at the company join.
  const mirai = opts.workers.filter((w) => w.companyKey === 'mirai');
  const jobs = await trx
    .selectFrom('employments')
    .select(['worker_user_id', 'contract_signed_on'])
    .where('employer_organization_id', '=', org('mirai'))
    .where('is_primary', '=', true)
    .execute();
  const since = new Map(jobs.map((j) => [j.worker_user_id, j.contract_signed_on]));
  const demoWorker = mirai.find((w) => w.isDemoLogin)!;
  const colleagues = mirai
    .filter((w) => !w.isDemoLogin && (since.get(w.userId) ?? '9999') <= '2023-04-01')
    .slice(0, 3);
  await trx
    .insertInto('programme_members')
    .values([
      {
        id: randomUUID(),
        programme_id: doubleWork.id,
        worker_user_id: demoWorker.userId,
        joined_at: at('2026-02-16T00:00:00Z'),
      },
      ...colleagues.map((w) => ({
        id: randomUUID(),
        programme_id: doubleWork.id,
        worker_user_id: w.userId,
        joined_at: at('2026-06-01T00:00:00Z'),
      })),
      {
        id: randomUUID(),
        programme_id: workation.id,
        worker_user_id: demoWorker.userId,
        joined_at: at('2026-02-16T00:00:00Z'),
      },
    ])
    .execute();

  // Applications at every stage.
  const firstOf = (company: string) => opts.workers.find((w) => w.companyKey === company)!;
  const hr = login('hr@demo.tsunagu.jp');
  type Step = { from: ApplicationStatus | null; to: ApplicationStatus; by: string; at: string };
  const applications: Array<{
    challenge: string;
    worker: string;
    status: ApplicationStatus;
    message: string | null;
    programmeId: string | null;
    employer: string | null;
    reachedHost: string | null;
    steps: Step[];
  }> = [
    {
      // The demo worker's side job at 軽井沢町 (demo-labor.ts) came from this match.
      challenge: 'karuizawa-booking',
      worker: demoWorker.userId,
      status: 'matched',
      message: '長野県出身で、予約システムの開発経験があります。故郷の観光に役立てたいです。',
      programmeId: doubleWork.id,
      employer: org('mirai'),
      reachedHost: '2026-03-03T01:00:00Z',
      steps: [
        { from: null, to: 'applied', by: demoWorker.userId, at: '2026-03-02T01:00:00Z' },
        {
          from: 'applied',
          to: 'employer_pending',
          by: demoWorker.userId,
          at: '2026-03-02T01:00:00Z',
        },
        { from: 'employer_pending', to: 'host_review', by: hr, at: '2026-03-03T01:00:00Z' },
        {
          from: 'host_review',
          to: 'matched',
          by: officerOf.get('karuizawa')!,
          at: '2026-03-10T06:00:00Z',
        },
      ],
    },
    {
      challenge: 'shirahama-marketing',
      worker: colleagues[0]!.userId,
      status: 'employer_pending',
      message: 'BtoBマーケティングを15年担当してきました。白浜の魅力を企業に届けたいです。',
      programmeId: doubleWork.id,
      employer: org('mirai'),
      reachedHost: null,
      steps: [
        { from: null, to: 'applied', by: colleagues[0]!.userId, at: '2026-11-19T03:00:00Z' },
        {
          from: 'applied',
          to: 'employer_pending',
          by: colleagues[0]!.userId,
          at: '2026-11-19T03:00:00Z',
        },
      ],
    },
    {
      challenge: 'karuizawa-workation-data',
      worker: firstOf('toto').userId,
      status: 'host_review',
      message: '製造業でデータ分析をしています。観光のデータにも挑戦したいです。',
      programmeId: null,
      employer: null,
      reachedHost: '2026-11-16T02:00:00Z',
      steps: [
        { from: null, to: 'applied', by: firstOf('toto').userId, at: '2026-11-16T02:00:00Z' },
        {
          from: 'applied',
          to: 'host_review',
          by: firstOf('toto').userId,
          at: '2026-11-16T02:00:00Z',
        },
      ],
    },
    {
      challenge: 'hokuto-farm-succession',
      worker: firstOf('sakura').userId,
      status: 'host_review',
      message: '金融機関で事業承継の相談を受けてきました。',
      programmeId: null,
      employer: null,
      reachedHost: '2026-11-20T05:00:00Z',
      steps: [
        { from: null, to: 'applied', by: firstOf('sakura').userId, at: '2026-11-20T05:00:00Z' },
        {
          from: 'applied',
          to: 'host_review',
          by: firstOf('sakura').userId,
          at: '2026-11-20T05:00:00Z',
        },
      ],
    },
    {
      challenge: 'kamiyama-satellite',
      worker: firstOf('hikari').userId,
      status: 'interested',
      message: null,
      programmeId: null,
      employer: null,
      reachedHost: null,
      steps: [
        { from: null, to: 'interested', by: firstOf('hikari').userId, at: '2026-11-18T09:00:00Z' },
      ],
    },
  ];
  const notifications: Array<NewNotification & { at: Date }> = [];
  for (const a of applications) {
    const c = demoChallenges.find((d) => d.key === a.challenge)!;
    const id = randomUUID();
    const first = at(a.steps[0]!.at);
    const last = at(a.steps.at(-1)!.at);
    const reached = a.reachedHost ? at(a.reachedHost) : null;
    const row: Insertable<ApplicationsTable> = {
      id,
      challenge_id: challengeIds.get(a.challenge)!,
      worker_user_id: a.worker,
      status: a.status,
      message: a.message,
      decline_reason: null,
      declined_by: null,
      programme_id: a.programmeId,
      employer_organization_id: a.employer,
      reached_host_at: reached,
      host_due_at: reached ? new Date(reached.getTime() + 7 * DAY_MS) : null,
      created_at: first,
      updated_at: last,
    };
    await trx.insertInto('applications').values(row).execute();
    await trx
      .insertInto('application_events')
      .values(
        a.steps.map((s) => ({
          application_id: id,
          from_status: s.from,
          to_status: s.to,
          actor_user_id: s.by,
          comment: null,
          occurred_at: at(s.at),
        })),
      )
      .execute();
    const payload = {
      applicationId: id,
      challengeId: row.challenge_id,
      challengeTitle: c.title,
      hostName: hostNames.get(org(c.org))?.[0] ?? '',
    };
    if (a.status === 'employer_pending') {
      notifications.push({ userId: hr, kind: 'approval_requested', payload, at: last });
    }
    if (a.status === 'host_review') {
      const officer = officerOf.get(c.org);
      if (officer) {
        notifications.push({ userId: officer, kind: 'application_received', payload, at: last });
      }
    }
    if (a.status === 'matched') {
      notifications.push({ userId: a.worker, kind: 'application_matched', payload, at: last });
    }
  }
  for (const n of notifications) await insertNotifications(trx, [n], n.at);
}

/**
 * Host organisation id → the names its challenges are found by, its own name first (the same
 * names the API's challenge route writes into the search text).
 */
async function hostSearchNames(trx: Transaction<Database>): Promise<Map<string, string[]>> {
  const rows = await trx
    .selectFrom('organizations as o')
    .leftJoin('municipalities as m', 'm.code', 'o.lg_code')
    .leftJoin('prefectures as p', 'p.code', 'o.lg_code')
    .select([
      'o.id',
      'o.name',
      'o.name_en',
      'm.name as m_name',
      'm.kana as m_kana',
      'm.romaji as m_romaji',
      'p.name as p_name',
      'p.kana as p_kana',
      'p.name_en as p_name_en',
    ])
    .where('o.lg_code', 'is not', null)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      [r.name, r.name_en, r.m_name, r.m_kana, r.m_romaji, r.p_name, r.p_kana, r.p_name_en].filter(
        (n): n is string => n !== null,
      ),
    ]),
  );
}

/** The prefecture of a demo town (codes of the master; the demo's five towns). */
function prefectureOf(municipalityCode: string | null): string {
  const byTown: Readonly<Record<string, string>> = {
    '203211': '200000',
    '304018': '300004',
    '363421': '360007',
    '422118': '420000',
    '192091': '190004',
  };
  return byTown[municipalityCode ?? ''] ?? '200000';
}
