/**
 * The explainable score of one worker/challenge pair: hard filters first, then five weighted
 * factors, each reported with its value, its contribution to the score and the numbers behind it.
 *
 * Hard filters (every one that fails is reported, in filterCodes order):
 * - programme_not_eligible: the worker's programme rules exclude them (no programme: no rule).
 * - programme_cap_exceeded: hoursPerMonth > maxSharePercent% × contracted − committed; exactly at
 *   the cap passes. Checked only for an eligible worker, and compared in whole minutes × 100 so
 *   that 20 % of 160 h is exactly 32 h.
 * - insufficient_availability: availableHoursPerMonth < hoursPerMonth.
 * - style_incompatible: the challenge asks for more on-site presence than the most on-site style
 *   the worker lists (remote < hybrid < on-site, see styleOnsiteRank).
 * - starts_before_available: startDate is before the worker's availableFrom.
 * - no_open_places: filledPlaces ≥ places.
 * - applications_full: openApplications ≥ maxOpenApplications (protects popular challenges).
 * A challenge's state is not part of ChallengeForMatching: callers pass open challenges only.
 *
 * Factors (values 0..1; the score is their weighted mean, so it is 0..1 too):
 * - skill_coverage: each required skill earns 1 when held at the level asked, half per level
 *   below (one below 0.5, two below 0.25 …), 0 when not held; the mean over required skills
 *   (1 when none are required). Welcome skills, scored the same way, are the last
 *   WELCOME_SKILLS_SHARE of the factor when the challenge lists any.
 * - theme_fit: shared themes ÷ the shorter of the two lists (the overlap coefficient), so one
 *   shared theme is full fit for a single-theme challenge or a single-interest worker; 0 when
 *   either side lists none.
 * - regional_affinity: the worker's strongest tie to the region, by kind (affinityKindStrength)
 *   and scope: a tie to the municipality counts in full, a tie to the prefecture only
 *   PREFECTURE_SCOPE_SHARE of it. 0 without a tie.
 * - travel: see travel-estimate.ts. When it does not apply — a remote challenge, a hybrid one with
 *   no on-site days, or home or office location unknown — it is left out of the weighted mean
 *   (weight 0 for that pair) with its reason, so it neither helps nor hurts.
 * - schedule_fit: the mean of a start part (1 when the challenge starts within 30 days of
 *   availableFrom or the worker can start any time, falling to 0 at a year) and an hours part
 *   (1 while the challenge uses at most half of the worker's spare hours, falling to 0.5 when it
 *   uses all of them: little slack on top of a main job is a risk).
 */
import {
  affinityKinds,
  standardSkills,
  type AffinityKind,
  type ChallengeForMatching,
  type SkillLevel,
  type WorkerForMatching,
} from './matching-model';
import {
  defaultFactorWeights,
  filterCodes,
  matchFactors,
  type FactorResult,
  type FilterCode,
  type FilterFailure,
  type MatchOptions,
  type PairEvaluation,
  type SkillGap,
  type TravelNotApplicableReason,
} from './match-factors';
import {
  bitCount,
  prepareChallenge,
  prepareWorker,
  skillLevelOf,
  themesOf,
  type PreparedChallenge,
  type PreparedWorker,
} from './prepared-match-forms';
import {
  createTravelEstimate,
  estimateTravelInto,
  greatCircleKmFromDeltas,
  type LocalTravelMode,
  type TravelEstimate,
} from './travel-estimate';

/** Strength of a tie to the region by kind, before scope. */
export const affinityKindStrength: Readonly<Record<AffinityKind, number>> = {
  hometown: 1,
  past_residence: 0.9,
  family: 0.8,
  furusato: 0.7,
  visited: 0.4,
};
/** A tie to the host's prefecture (not the municipality) counts this share of its strength. */
export const PREFECTURE_SCOPE_SHARE = 0.6;
/** The share of skill_coverage that welcome skills decide, when a challenge lists any. */
export const WELCOME_SKILLS_SHARE = 0.15;
/** Credit of a skill held this many levels below the level asked (index = levels short). */
const BELOW_LEVEL_CREDIT = [1, 0.5, 0.25, 0.125, 0.0625];
export const START_FULL_VALUE_WITHIN_DAYS = 30;
export const START_ZERO_VALUE_AFTER_DAYS = 365;
/** Up to this share of the spare hours the hours part is 1; using all of them gives 0.5. */
export const HOURS_FULL_VALUE_UP_TO_SHARE = 0.5;

const SKILL = 0;
const THEME = 1;
const AFFINITY = 2;
const TRAVEL = 3;
const SCHEDULE = 4;

const kindStrength = Float64Array.from(affinityKinds, (kind) => affinityKindStrength[kind]);

const filterBit = Object.fromEntries(filterCodes.map((code, i) => [code, 1 << i])) as Record<
  FilterCode,
  number
>;
const NOT_ELIGIBLE = filterBit.programme_not_eligible;
const CAP_EXCEEDED = filterBit.programme_cap_exceeded;
const UNAVAILABLE = filterBit.insufficient_availability;
const STYLE = filterBit.style_incompatible;
const STARTS_EARLY = filterBit.starts_before_available;
const NO_PLACES = filterBit.no_open_places;
const APPLICATIONS_FULL = filterBit.applications_full;

/** Weights in matchFactors order, and the local travel mode: resolved once per request. */
export type ResolvedMatchOptions = {
  readonly weights: Float64Array;
  readonly localTravelMode: LocalTravelMode;
};

/**
 * Checks and resolves options. Weights that are negative or not finite are a programming error
 * (a request schema should have refused them) and throw a RangeError.
 *
 * @example
 * resolveMatchOptions({ weights: { travel: 0 } }).weights; // [0.35, 0.15, 0.2, 0, 0.15]
 */
export function resolveMatchOptions(options: MatchOptions = {}): ResolvedMatchOptions {
  const weights = Float64Array.from(matchFactors, (factor) => {
    const weight = options.weights?.[factor] ?? defaultFactorWeights[factor];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`weight of ${factor} must be a finite number ≥ 0, got ${weight}`);
    }
    return weight;
  });
  return { weights, localTravelMode: options.localTravelMode ?? 'car' };
}

/**
 * The numbers of one pair, reused from pair to pair so that scoring allocates nothing. Filled by
 * `computePairFactors`; read by `scoreOf` and, for the pairs that are shown, `factorResultsOf`.
 */
export type PairScratch = {
  required: number;
  met: number;
  belowLevel: number;
  welcome: number;
  welcomeMet: number;
  sharedMask: number;
  /** affinityKinds index of the strongest tie; −1 without one. */
  affinityKind: number;
  affinityInMunicipality: boolean;
  ties: number;
  travelApplicable: boolean;
  travelReason: TravelNotApplicableReason;
  travel: TravelEstimate;
  /** NaN when the worker can start any time. */
  daysAfterAvailable: number;
  /** Factor values in matchFactors order. */
  values: Float64Array;
};

/**
 * A scratch to reuse for every pair of one request.
 *
 * @example
 * const s = createPairScratch(); // then computePairFactors(w, c, s, mode) per pair
 */
export function createPairScratch(): PairScratch {
  return {
    required: 0,
    met: 0,
    belowLevel: 0,
    welcome: 0,
    welcomeMet: 0,
    sharedMask: 0,
    affinityKind: -1,
    affinityInMunicipality: false,
    ties: 0,
    travelApplicable: false,
    travelReason: 'remote',
    travel: createTravelEstimate(),
    daysAfterAvailable: NaN,
    values: new Float64Array(matchFactors.length),
  };
}

/**
 * The hard filters a pair fails, as bits (bit i: filterCodes[i]); 0 when it passes them all.
 *
 * @example
 * failedFilterMask(prepareWorker(worker), prepareChallenge(challenge)) === 0; // eligible
 */
export function failedFilterMask(w: PreparedWorker, c: PreparedChallenge): number {
  let mask = 0;
  if (!w.programmeEligible) mask |= NOT_ELIGIBLE;
  else if (c.minutes * 100 > w.programmeRemainingMinutesX100) mask |= CAP_EXCEEDED;
  if (c.minutes > w.availableMinutes) mask |= UNAVAILABLE;
  if (c.styleDemand > w.styleTolerance) mask |= STYLE;
  // NaN (any time) compares false.
  if (c.startDay < w.availableFromDay) mask |= STARTS_EARLY;
  if (c.placesFull) mask |= NO_PLACES;
  if (c.applicationsFull) mask |= APPLICATIONS_FULL;
  return mask;
}

/**
 * Fills `s` with the factor values and their numbers for an eligible pair.
 *
 * @example
 * const s = createPairScratch();
 * computePairFactors(w, c, s, 'car');
 * s.values; // [skill, theme, affinity, travel, schedule]
 */
export function computePairFactors(
  w: PreparedWorker,
  c: PreparedChallenge,
  s: PairScratch,
  localTravelMode: LocalTravelMode,
): void {
  const values = s.values;

  // Skills: a loop over the few skills the challenge asks for, levels read by index.
  const required = c.requiredSkills.length;
  let met = 0;
  let belowLevel = 0;
  let requiredCredit = 0;
  for (let i = 0; i < required; i++) {
    const held = skillLevelOf(w, c.requiredSkills[i]!);
    const asked = c.requiredLevels[i]!;
    if (held >= asked) {
      met++;
      requiredCredit += 1;
    } else if (held > 0) {
      belowLevel++;
      requiredCredit += BELOW_LEVEL_CREDIT[asked - held] ?? 0;
    }
  }
  const welcome = c.welcomeSkills.length;
  let welcomeMet = 0;
  let welcomeCredit = 0;
  for (let i = 0; i < welcome; i++) {
    const held = skillLevelOf(w, c.welcomeSkills[i]!);
    const asked = c.welcomeLevels[i]!;
    if (held >= asked) {
      welcomeMet++;
      welcomeCredit += 1;
    } else if (held > 0) {
      welcomeCredit += BELOW_LEVEL_CREDIT[asked - held] ?? 0;
    }
  }
  const requiredCoverage = required === 0 ? 1 : requiredCredit / required;
  values[SKILL] =
    welcome === 0
      ? requiredCoverage
      : (1 - WELCOME_SKILLS_SHARE) * requiredCoverage +
        (WELCOME_SKILLS_SHARE * welcomeCredit) / welcome;
  s.required = required;
  s.met = met;
  s.belowLevel = belowLevel;
  s.welcome = welcome;
  s.welcomeMet = welcomeMet;

  // Themes: bitmasks.
  const sharedMask = w.interestMask & c.themeMask;
  const shorter = w.interestCount < c.themeCount ? w.interestCount : c.themeCount;
  values[THEME] = shorter === 0 ? 0 : bitCount(sharedMask) / shorter;
  s.sharedMask = sharedMask;

  // Regional affinity: the strongest of the worker's few ties.
  let bestStrength = 0;
  let bestKind = -1;
  let bestInMunicipality = false;
  let ties = 0;
  // Most pairs have no tie in the challenge's prefecture: the mask says so without the arrays.
  const tieCount =
    c.prefectureWord < 0 ||
    ((c.prefectureWord === 0 ? w.tiePrefecturesLow : w.tiePrefecturesHigh) & c.prefectureBit) !== 0
      ? w.tieCount
      : 0;
  for (let i = 0; i < tieCount; i++) {
    const inMunicipality = w.affinityMunicipality[i] === c.municipality;
    if (!inMunicipality && w.affinityPrefecture[i] !== c.prefecture) continue;
    ties++;
    const kind = w.affinityKind[i]!;
    const strength = inMunicipality
      ? kindStrength[kind]!
      : kindStrength[kind]! * PREFECTURE_SCOPE_SHARE;
    if (strength > bestStrength) {
      bestStrength = strength;
      bestKind = kind;
      bestInMunicipality = inMunicipality;
    }
  }
  values[AFFINITY] = bestStrength;
  s.affinityKind = bestKind;
  s.affinityInMunicipality = bestInMunicipality;
  s.ties = ties;

  // Travel.
  if (c.styleDemand === 0) {
    s.travelApplicable = false;
    s.travelReason = 'remote';
  } else if (c.travelDaysPerMonth <= 0) {
    s.travelApplicable = false;
    s.travelReason = 'no_onsite_days';
  } else if (!w.hasHome || !c.hasOffice) {
    s.travelApplicable = false;
    s.travelReason = 'location_unknown';
  } else {
    const km = greatCircleKmFromDeltas(
      w.homeX - c.officeX,
      w.homeY - c.officeY,
      w.homeZ - c.officeZ,
    );
    estimateTravelInto(s.travel, km, c.travelDaysPerMonth, localTravelMode);
    s.travelApplicable = true;
  }
  values[TRAVEL] = s.travelApplicable ? s.travel.value : 0;

  // Schedule.
  const daysAfter = c.startDay - w.availableFromDay;
  s.daysAfterAvailable = daysAfter;
  const startValue =
    Number.isNaN(daysAfter) || daysAfter <= START_FULL_VALUE_WITHIN_DAYS
      ? 1
      : daysAfter >= START_ZERO_VALUE_AFTER_DAYS
        ? 0
        : 1 -
          (daysAfter - START_FULL_VALUE_WITHIN_DAYS) /
            (START_ZERO_VALUE_AFTER_DAYS - START_FULL_VALUE_WITHIN_DAYS);
  const share = c.minutes === 0 ? 0 : c.minutes / w.spareMinutes;
  const hoursValue =
    share <= HOURS_FULL_VALUE_UP_TO_SHARE
      ? 1
      : share >= 1
        ? 0.5
        : 1 - (share - HOURS_FULL_VALUE_UP_TO_SHARE) * (0.5 / (1 - HOURS_FULL_VALUE_UP_TO_SHARE));
  values[SCHEDULE] = (startValue + hoursValue) / 2;
}

/** The sum of the weights of the factors that apply to the pair in `s`. */
function applicableWeight(s: PairScratch, weights: Float64Array): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    if (i !== TRAVEL || s.travelApplicable) total += weights[i]!;
  }
  return total;
}

/**
 * The score of the pair in `s`: the weighted mean of its values, summed contribution by
 * contribution in matchFactors order exactly as `factorResultsOf` reports them.
 *
 * @example
 * computePairFactors(w, c, s, options.localTravelMode);
 * scoreOf(s, options.weights); // 0.74…
 */
export function scoreOf(s: PairScratch, weights: Float64Array): number {
  const total = applicableWeight(s, weights);
  if (total === 0) return 0;
  let score = 0;
  for (let i = 0; i < weights.length; i++) {
    if (i !== TRAVEL || s.travelApplicable) score += (weights[i]! * s.values[i]!) / total;
  }
  return score;
}

/**
 * The reported factors of the pair in `s` (allocates: call it for the pairs that are shown).
 *
 * @example
 * factorResultsOf(w, c, s, options.weights)[0]; // { factor: 'skill_coverage', … }
 */
export function factorResultsOf(
  w: PreparedWorker,
  c: PreparedChallenge,
  s: PairScratch,
  weights: Float64Array,
): FactorResult[] {
  const total = applicableWeight(s, weights);
  const weightOf = (i: number): number => (i === TRAVEL && !s.travelApplicable ? 0 : weights[i]!);
  const contributionOf = (i: number): number =>
    total === 0 || weightOf(i) === 0 ? 0 : (weights[i]! * s.values[i]!) / total;
  const result = <F extends FactorResult['factor']>(i: number, factor: F) => ({
    factor,
    weight: weightOf(i),
    value: s.values[i]!,
    contribution: contributionOf(i),
  });
  const challenge = c.challenge;
  const worker = w.worker;
  const travel = s.travel;
  return [
    {
      ...result(SKILL, 'skill_coverage'),
      detail: {
        required: s.required,
        met: s.met,
        belowLevel: s.belowLevel,
        missing: s.required - s.met - s.belowLevel,
        welcome: s.welcome,
        welcomeMet: s.welcomeMet,
        gaps: skillGapsOf(w, c),
      },
    },
    {
      ...result(THEME, 'theme_fit'),
      detail: {
        shared: bitCount(s.sharedMask),
        challengeThemes: c.themeCount,
        workerInterests: w.interestCount,
        sharedThemes: themesOf(s.sharedMask),
      },
    },
    {
      ...result(AFFINITY, 'regional_affinity'),
      detail:
        s.affinityKind < 0
          ? { kind: null, scope: null, ties: 0 }
          : {
              kind: affinityKinds[s.affinityKind]!,
              scope: s.affinityInMunicipality ? 'municipality' : 'prefecture',
              ties: s.ties,
            },
    },
    {
      ...result(TRAVEL, 'travel'),
      detail: s.travelApplicable
        ? {
            applicable: true,
            onsiteDaysPerMonth: c.travelDaysPerMonth,
            mode: travel.mode,
            greatCircleKm: travel.greatCircleKm,
            detourFactor: travel.detourFactor,
            distanceKm: travel.distanceKm,
            durationMin: travel.durationMin,
            co2KgPerRoundTrip: travel.co2KgPerRoundTrip,
            tripsPerMonth: travel.tripsPerMonth,
            co2KgPerMonth: travel.co2KgPerMonth,
          }
        : { applicable: false, reason: s.travelReason },
    },
    {
      ...result(SCHEDULE, 'schedule_fit'),
      detail: {
        startDate: challenge.startDate,
        availableFrom: worker.availableFrom,
        daysAfterAvailable: Number.isNaN(s.daysAfterAvailable) ? null : s.daysAfterAvailable,
        hoursPerMonth: challenge.hoursPerMonth,
        spareHoursPerMonth: w.spareMinutes / 60,
      },
    },
  ];
}

function skillGapsOf(w: PreparedWorker, c: PreparedChallenge): SkillGap[] {
  const gaps: SkillGap[] = [];
  for (let i = 0; i < c.requiredSkills.length; i++) {
    const index = c.requiredSkills[i]!;
    const held = skillLevelOf(w, index);
    const level = c.requiredLevels[i]! as SkillLevel;
    if (held >= level) continue;
    const skill = standardSkills[index] ?? c.challenge.requiredSkills[i]!.skill;
    gaps.push({ skill, level, heldLevel: held as SkillLevel | 0 });
  }
  return gaps;
}

/**
 * The failures of a pair whose failedFilterMask is `mask`, with their numbers.
 *
 * @example
 * filterFailuresOf(w, c, failedFilterMask(w, c)); // [{ code: 'no_open_places', detail: … }]
 */
export function filterFailuresOf(
  w: PreparedWorker,
  c: PreparedChallenge,
  mask: number,
): FilterFailure[] {
  const worker = w.worker;
  const challenge = c.challenge;
  const failures: FilterFailure[] = [];
  const programme = worker.programme;
  if (mask & NOT_ELIGIBLE && programme !== null) {
    failures.push({ code: 'programme_not_eligible', detail: { programmeId: programme.id } });
  }
  if (mask & CAP_EXCEEDED && programme !== null) {
    const capHoursPerMonth = (programme.maxSharePercent * programme.contractedHoursPerMonth) / 100;
    failures.push({
      code: 'programme_cap_exceeded',
      detail: {
        programmeId: programme.id,
        hoursPerMonth: challenge.hoursPerMonth,
        capHoursPerMonth,
        committedHoursPerMonth: programme.committedHoursPerMonth,
        remainingHoursPerMonth: w.programmeRemainingMinutesX100 / 6000,
      },
    });
  }
  if (mask & UNAVAILABLE) {
    failures.push({
      code: 'insufficient_availability',
      detail: {
        hoursPerMonth: challenge.hoursPerMonth,
        availableHoursPerMonth: worker.availableHoursPerMonth,
      },
    });
  }
  if (mask & STYLE) {
    failures.push({
      code: 'style_incompatible',
      detail: { challengeStyle: challenge.style, preferredStyles: [...worker.preferredStyles] },
    });
  }
  if (mask & STARTS_EARLY && worker.availableFrom !== null) {
    failures.push({
      code: 'starts_before_available',
      detail: { startDate: challenge.startDate, availableFrom: worker.availableFrom },
    });
  }
  if (mask & NO_PLACES) {
    failures.push({
      code: 'no_open_places',
      detail: { places: challenge.places, filledPlaces: challenge.filledPlaces },
    });
  }
  if (mask & APPLICATIONS_FULL) {
    failures.push({
      code: 'applications_full',
      detail: {
        openApplications: challenge.openApplications,
        maxOpenApplications: challenge.maxOpenApplications,
      },
    });
  }
  return failures;
}

/**
 * Evaluates prepared forms (see prepared-match-forms.ts); `evaluatePair` is the same on raw ones.
 *
 * @example
 * evaluatePreparedPair(prepareWorker(worker), prepareChallenge(challenge));
 */
export function evaluatePreparedPair(
  worker: PreparedWorker,
  challenge: PreparedChallenge,
  options: MatchOptions = {},
): PairEvaluation {
  const mask = failedFilterMask(worker, challenge);
  if (mask !== 0) return { eligible: false, filters: filterFailuresOf(worker, challenge, mask) };
  const resolved = resolveMatchOptions(options);
  const s = createPairScratch();
  computePairFactors(worker, challenge, s, resolved.localTravelMode);
  return {
    eligible: true,
    score: scoreOf(s, resolved.weights),
    factors: factorResultsOf(worker, challenge, s, resolved.weights),
  };
}

/**
 * Whether a worker and a challenge can match and, if they can, how well and why. Failing a hard
 * filter is an expected outcome, returned with every filter failed and its numbers.
 *
 * @example
 * evaluatePair(worker, challenge);
 * // → { eligible: true, score: 0.71, factors: [
 * //      { factor: 'skill_coverage', weight: 0.35, value: 0.75, contribution: 0.26,
 * //        detail: { required: 4, met: 3, belowLevel: 0, missing: 1, … } }, … ] }
 * evaluatePair(remoteOnlyWorker, onsiteChallenge);
 * // → { eligible: false, filters: [{ code: 'style_incompatible',
 * //      detail: { challengeStyle: 'onsite', preferredStyles: ['remote'] } }] }
 */
export function evaluatePair(
  worker: WorkerForMatching,
  challenge: ChallengeForMatching,
  options: MatchOptions = {},
): PairEvaluation {
  return evaluatePreparedPair(prepareWorker(worker), prepareChallenge(challenge), options);
}
