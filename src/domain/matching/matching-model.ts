/**
 * The vocabulary and shapes of matching (issue 3): regional challenges posted by local
 * governments, workers' profiles and their employers' double-work programmes. Plain data shared
 * by the scoring engine, the API contracts and the database mapping.
 */

/** Fixed taxonomy of regional challenge themes (地域の課題のテーマ). */
export const challengeThemes = [
  'tourism',
  'agriculture_food',
  'digital_dx',
  'education',
  'health_care',
  'disaster_prevention',
  'mobility',
  'environment_gx',
  'local_industry',
  'community',
  'culture',
] as const;
export type ChallengeTheme = (typeof challengeThemes)[number];

/** The standard skills list (levels 1–5: 1 basic … 5 expert who can teach it). */
export const standardSkills = [
  'project_management',
  'marketing',
  'sales',
  'accounting',
  'hr',
  'legal',
  'software_engineering',
  'data_analysis',
  'web_design',
  'it_infrastructure',
  'manufacturing',
  'quality_control',
  'tourism_planning',
  'agriculture',
  'nursing_care',
  'education',
  'public_relations',
  'translation',
  'finance',
  'logistics',
] as const;
export type StandardSkill = (typeof standardSkills)[number];
export type SkillLevel = 1 | 2 | 3 | 4 | 5;

export const workStyles = ['remote', 'onsite', 'hybrid'] as const;
export type WorkStyle = (typeof workStyles)[number];

export const challengeTerms = ['paid', 'expenses_only', 'volunteer'] as const;
export type ChallengeTerms = (typeof challengeTerms)[number];

export const challengeStates = ['draft', 'open', 'closed', 'archived'] as const;
export type ChallengeState = (typeof challengeStates)[number];

export const affinityKinds = [
  'hometown',
  'past_residence',
  'furusato',
  'family',
  'visited',
] as const;
export type AffinityKind = (typeof affinityKinds)[number];

export const careerGoals = [
  'second_career',
  'startup',
  'job_change',
  'social_contribution',
  'skill_growth',
] as const;
export type CareerGoal = (typeof careerGoals)[number];

export const lifeStages = ['childcare', 'caregiving', 'none_stated'] as const;
export type LifeStage = (typeof lifeStages)[number];

export type SkillRequirement = { skill: StandardSkill; level: SkillLevel };

/** A challenge as the scorer sees it. */
export type ChallengeForMatching = {
  id: string;
  /** 6-digit local-government code of the host. */
  municipalityCode: string;
  prefectureCode: string;
  /** Where the host's office is (for travel distance); null when unknown. */
  officeLat: number | null;
  officeLng: number | null;
  themes: ChallengeTheme[];
  requiredSkills: SkillRequirement[];
  welcomeSkills: SkillRequirement[];
  style: WorkStyle;
  /** Hybrid or on-site: days on site per month. */
  onsiteDaysPerMonth: number;
  hoursPerMonth: number;
  /** First day of the engagement, YYYY-MM-DD. */
  startDate: string;
  periodMonths: number;
  places: number;
  /** Places already filled (matched). */
  filledPlaces: number;
  /** Open applications now, and the cap that protects a popular challenge from flooding. */
  openApplications: number;
  maxOpenApplications: number;
  terms: ChallengeTerms;
  travelSupport: boolean;
};

export type WorkerSkill = { skill: StandardSkill; level: SkillLevel; years: number };
export type RegionalAffinity = {
  kind: AffinityKind;
  prefectureCode: string;
  /** Null when the tie is to the prefecture as a whole. */
  municipalityCode: string | null;
};

/** The worker's employer programme as it bears on a match (null: no programme needed/joined). */
export type ProgrammeForMatching = {
  id: string;
  /** Share of contracted monthly hours the programme allows for regional work, e.g. 20. */
  maxSharePercent: number;
  contractedHoursPerMonth: number;
  /** Result of the programme's eligibility rules (age band, tenure) for this worker. */
  eligible: boolean;
  approvalRequired: boolean;
  /** Hours per month already committed to other engagements under this programme. */
  committedHoursPerMonth: number;
};

/** A worker as the scorer sees it (only what the worker shares, see profile visibility). */
export type WorkerForMatching = {
  id: string;
  skills: WorkerSkill[];
  interests: ChallengeTheme[];
  affinities: RegionalAffinity[];
  homeMunicipalityCode: string | null;
  homePrefectureCode: string | null;
  homeLat: number | null;
  homeLng: number | null;
  availableHoursPerMonth: number;
  preferredStyles: WorkStyle[];
  /** Earliest date the worker can start, YYYY-MM-DD (null: any time). */
  availableFrom: string | null;
  programme: ProgrammeForMatching | null;
  /** The worker agreed to be recommended to hosts (workers-for-a-challenge). */
  openToOffers: boolean;
};
