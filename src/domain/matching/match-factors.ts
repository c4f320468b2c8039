/**
 * What the explainable matching engine reports about one worker/challenge pair: the hard filters
 * it failed, or the weighted factors of its score, each with structured numbers that the
 * explanation texts (explain-match.ts) and the UI read. Shapes only, plus the default weights.
 */
import type {
  AffinityKind,
  ChallengeTheme,
  SkillLevel,
  StandardSkill,
  WorkStyle,
} from './matching-model';
import type { LocalTravelMode, TravelEstimate } from './travel-estimate';

/** The scored factors, in the order they are computed and reported. */
export const matchFactors = [
  'skill_coverage',
  'theme_fit',
  'regional_affinity',
  'travel',
  'schedule_fit',
] as const;
export type MatchFactor = (typeof matchFactors)[number];

export type FactorWeights = Record<MatchFactor, number>;

/**
 * Default weights (they sum to 1, though any non-negative weights work: a score is the weighted
 * mean). The product brief says passion for the region counts as much as skills, so the two
 * halves of passion — the themes a worker cares about and their ties to the region — together
 * weigh what skill coverage weighs (0.15 + 0.20 = 0.35); the region's share is the larger because
 * it is what ふるさと兼業 is about. Practicalities (travel, schedule) share the remaining 0.30.
 */
export const defaultFactorWeights: Readonly<FactorWeights> = {
  skill_coverage: 0.35,
  theme_fit: 0.15,
  regional_affinity: 0.2,
  travel: 0.15,
  schedule_fit: 0.15,
};

export type MatchOptions = {
  /** Overrides of defaultFactorWeights; each finite and ≥ 0. */
  weights?: Partial<FactorWeights>;
  /** The mode assumed for local travel (under 100 km); default 'car'. */
  localTravelMode?: LocalTravelMode;
};

/** A required skill the worker does not hold at the level asked. */
export type SkillGap = { skill: StandardSkill; level: SkillLevel; heldLevel: SkillLevel | 0 };

export type SkillCoverageDetail = {
  required: number;
  /** Required skills held at or above the level asked. */
  met: number;
  /** Required skills held below the level asked (partial credit). */
  belowLevel: number;
  /** Required skills not held at all. */
  missing: number;
  welcome: number;
  welcomeMet: number;
  /** Required skills not met, in the challenge's order. */
  gaps: SkillGap[];
};

export type ThemeFitDetail = {
  shared: number;
  challengeThemes: number;
  workerInterests: number;
  /** The shared themes, in the order of the standard list. */
  sharedThemes: ChallengeTheme[];
};

export type AffinityScope = 'municipality' | 'prefecture';

export type RegionalAffinityDetail =
  | {
      /** The strongest tie (see affinityKindStrength); scope municipality beats prefecture. */
      kind: AffinityKind;
      scope: AffinityScope;
      /** How many of the worker's stated ties touch this region. */
      ties: number;
    }
  | { kind: null; scope: null; ties: 0 };

/** Why travel does not enter a pair's score. */
export type TravelNotApplicableReason = 'remote' | 'no_onsite_days' | 'location_unknown';

export type TravelDetail =
  | ({ applicable: true; onsiteDaysPerMonth: number } & Omit<TravelEstimate, 'value'>)
  | { applicable: false; reason: TravelNotApplicableReason };

export type ScheduleFitDetail = {
  startDate: string;
  availableFrom: string | null;
  /** Days from availableFrom to startDate; null when the worker can start any time. */
  daysAfterAvailable: number | null;
  hoursPerMonth: number;
  /** The worker's spare hours: availability, capped by what the programme still allows. */
  spareHoursPerMonth: number;
};

type FactorResultOf<F extends MatchFactor, D> = {
  factor: F;
  /** The weight used; 0 when the factor does not apply to this pair (travel of a remote job). */
  weight: number;
  /** 0..1; 0 (with weight 0) when the factor does not apply. */
  value: number;
  /** weight × value ÷ the sum of the pair's weights: the contributions add up to the score. */
  contribution: number;
  detail: D;
};

export type FactorResult =
  | FactorResultOf<'skill_coverage', SkillCoverageDetail>
  | FactorResultOf<'theme_fit', ThemeFitDetail>
  | FactorResultOf<'regional_affinity', RegionalAffinityDetail>
  | FactorResultOf<'travel', TravelDetail>
  | FactorResultOf<'schedule_fit', ScheduleFitDetail>;

/**
 * The hard filters, in the order they are reported. A challenge's state (draft/open/closed) is
 * not in ChallengeForMatching: the repository passes open challenges only.
 */
export const filterCodes = [
  'programme_not_eligible',
  'programme_cap_exceeded',
  'insufficient_availability',
  'style_incompatible',
  'starts_before_available',
  'no_open_places',
  'applications_full',
] as const;
export type FilterCode = (typeof filterCodes)[number];

type FilterFailureOf<C extends FilterCode, D> = { code: C; detail: D };

export type FilterFailure =
  | FilterFailureOf<'programme_not_eligible', { programmeId: string }>
  | FilterFailureOf<
      'programme_cap_exceeded',
      {
        programmeId: string;
        hoursPerMonth: number;
        /** maxSharePercent × contractedHoursPerMonth */
        capHoursPerMonth: number;
        committedHoursPerMonth: number;
        /** cap − committed (may be negative when already over). */
        remainingHoursPerMonth: number;
      }
    >
  | FilterFailureOf<
      'insufficient_availability',
      { hoursPerMonth: number; availableHoursPerMonth: number }
    >
  | FilterFailureOf<
      'style_incompatible',
      { challengeStyle: WorkStyle; preferredStyles: WorkStyle[] }
    >
  | FilterFailureOf<'starts_before_available', { startDate: string; availableFrom: string }>
  | FilterFailureOf<'no_open_places', { places: number; filledPlaces: number }>
  | FilterFailureOf<'applications_full', { openApplications: number; maxOpenApplications: number }>;

export type EligiblePair = {
  eligible: true;
  /** 0..1, the sum of the factors' contributions. */
  score: number;
  /** One result per factor, in matchFactors order. */
  factors: FactorResult[];
};
export type IneligiblePair = {
  eligible: false;
  /** Every filter the pair fails, in filterCodes order (never empty). */
  filters: FilterFailure[];
};
export type PairEvaluation = EligiblePair | IneligiblePair;
