/**
 * Workers and challenges in the form the scorer reads pair after pair: skill levels by standard
 * skill index (packed into two numbers), themes and tie prefectures as bitmasks, codes as
 * numbers, home and office as unit vectors, dates as day numbers, hours as whole minutes. Preparing is done once per
 * worker or challenge, so a caller that scores one side against thousands (the API, the
 * benchmark) can cache the prepared forms and score without allocating per pair.
 *
 * A prepared form keeps a reference to its source object and is only valid while that object is
 * unchanged: prepare again after an edit.
 */
import {
  affinityKinds,
  challengeThemes,
  standardSkills,
  type ChallengeForMatching,
  type ChallengeTheme,
  type WorkStyle,
  type WorkerForMatching,
} from './matching-model';
import { toUnitVector } from './travel-estimate';

/**
 * How much on-site presence a style asks for. A challenge is compatible with a worker when it
 * asks no more than the most on-site style the worker lists: a remote-only worker takes remote
 * work only; one who lists hybrid takes remote and hybrid; one who lists on-site takes all
 * (willing to be there, able to work from home too). A worker who lists no style takes all.
 */
export const styleOnsiteRank: Readonly<Record<WorkStyle, number>> = {
  remote: 0,
  hybrid: 1,
  onsite: 2,
};

const skillIndex = new Map<string, number>(standardSkills.map((skill, i) => [skill, i]));
const themeBit = new Map<string, number>(challengeThemes.map((theme, i) => [theme, 1 << i]));
const affinityKindIndex = new Map<string, number>(affinityKinds.map((kind, i) => [kind, i]));

/** A skill outside the standard list (stale data) is held by nobody. */
const UNKNOWN_SKILL = 255;

const BITS_PER_LEVEL = 3;
const SKILLS_PER_WORD = 10;
/**
 * Two words of ten 3-bit levels hold the standard list of 20: a type error here means the list
 * changed length and the packing needs another word.
 */
const SKILL_WORDS: (typeof standardSkills)['length'] extends 20 ? 2 : never = 2;

/**
 * A worker's level in the skill at `index` (a standardSkills index); 0 when not held or unknown.
 *
 * @example
 * skillLevelOf(prepareWorker(worker), standardSkills.indexOf('marketing')); // 3
 */
export function skillLevelOf(worker: PreparedWorker, index: number): number {
  if (index < SKILLS_PER_WORD) {
    return (worker.skillLevelsLow >>> (BITS_PER_LEVEL * index)) & 7;
  }
  if (index < SKILL_WORDS * SKILLS_PER_WORD) {
    return (worker.skillLevelsHigh >>> (BITS_PER_LEVEL * (index - SKILLS_PER_WORD))) & 7;
  }
  return 0;
}

export type PreparedWorker = {
  readonly worker: WorkerForMatching;
  /** worker.id, kept here so that ranking reads nothing else. */
  readonly id: string;
  /**
   * Level by standardSkills index (0 = not held), packed three bits per skill: skills 0–9 in
   * skillLevelsLow, 10–19 in skillLevelsHigh (read with skillLevelOf). A small array without the
   * pointer: scoring one challenge against 100,000 workers is bound by memory reads.
   */
  readonly skillLevelsLow: number;
  readonly skillLevelsHigh: number;
  /** worker.openToOffers, kept here so that skipping a worker reads nothing else. */
  readonly openToOffers: boolean;
  /** How many ties the worker has (the length of the arrays below). */
  readonly tieCount: number;
  /**
   * Bit (p mod 32) of word ⌊p / 32⌋ set: the worker has a tie in prefecture p (from the tie's
   * prefecture code and its municipality code's first two digits). Lets a pair skip the ties
   * without reading them when none is in the challenge's prefecture — most pairs.
   */
  readonly tiePrefecturesLow: number;
  readonly tiePrefecturesHigh: number;
  /** Bit i set: interested in challengeThemes[i]. */
  readonly interestMask: number;
  readonly interestCount: number;
  /** The worker's ties to regions, one entry per tie: affinityKinds index and codes as numbers. */
  readonly affinityKind: Uint8Array;
  /** NaN when the tie is to a whole prefecture (never equal to anything). */
  readonly affinityMunicipality: Float64Array;
  readonly affinityPrefecture: Float64Array;
  readonly hasHome: boolean;
  readonly homeX: number;
  readonly homeY: number;
  readonly homeZ: number;
  /** The most on-site style the worker takes (styleOnsiteRank). */
  readonly styleTolerance: number;
  /** Day number (days since 1970-01-01) of availableFrom; NaN when any time. */
  readonly availableFromDay: number;
  readonly availableMinutes: number;
  /** True without a programme: nothing to be eligible for. */
  readonly programmeEligible: boolean;
  /**
   * What the programme still allows, × 100 to stay exact with a percentage cap:
   * maxSharePercent × contracted minutes − committed minutes × 100. Infinity without one.
   */
  readonly programmeRemainingMinutesX100: number;
  /** min(available, programme remaining) in minutes: the hours a challenge can use. */
  readonly spareMinutes: number;
};

export type PreparedChallenge = {
  readonly challenge: ChallengeForMatching;
  readonly id: string;
  /** standardSkills indices and the levels asked, in the challenge's order. */
  readonly requiredSkills: Uint8Array;
  readonly requiredLevels: Uint8Array;
  readonly welcomeSkills: Uint8Array;
  readonly welcomeLevels: Uint8Array;
  readonly themeMask: number;
  readonly themeCount: number;
  readonly municipality: number;
  readonly prefecture: number;
  /**
   * Which word of a worker's tie-prefecture mask to test (0 low, 1 high) and the bit; word −1
   * when the prefecture code is not 0–63 or does not start the municipality code, so that the
   * ties are always read.
   */
  readonly prefectureWord: number;
  readonly prefectureBit: number;
  readonly hasOffice: boolean;
  readonly officeX: number;
  readonly officeY: number;
  readonly officeZ: number;
  readonly styleDemand: number;
  /**
   * On-site days a month that cause travel: 0 for remote work; an on-site challenge that states
   * none counts as one day a month (it cannot be done from home).
   */
  readonly travelDaysPerMonth: number;
  readonly minutes: number;
  /** Day number of startDate. */
  readonly startDay: number;
  readonly placesFull: boolean;
  readonly applicationsFull: boolean;
};

/**
 * The scorer's form of a worker, computed once.
 *
 * @example
 * const prepared = prepareWorker(worker);
 * recommendChallengesForWorker(prepared, preparedChallenges, { limit: 20 });
 */
export function prepareWorker(worker: WorkerForMatching): PreparedWorker {
  const skillLevels = new Uint8Array(standardSkills.length);
  for (const { skill, level } of worker.skills) {
    const i = skillIndex.get(skill);
    if (i !== undefined && level > skillLevels[i]!) skillLevels[i] = level;
  }
  let skillLevelsLow = 0;
  let skillLevelsHigh = 0;
  for (let i = 0; i < SKILLS_PER_WORD; i++) {
    skillLevelsLow |= skillLevels[i]! << (BITS_PER_LEVEL * i);
    skillLevelsHigh |= skillLevels[i + SKILLS_PER_WORD]! << (BITS_PER_LEVEL * i);
  }
  const interestMask = maskOf(worker.interests);
  const ties = worker.affinities.filter((a) => affinityKindIndex.has(a.kind));
  let tiePrefecturesLow = 0;
  let tiePrefecturesHigh = 0;
  for (const tie of ties) {
    const fromMunicipality =
      tie.municipalityCode === null ? null : tie.municipalityCode.slice(0, 2);
    for (const code of [tie.prefectureCode, fromMunicipality]) {
      const p = code === null ? NaN : codeNumber(code);
      if (p >= 0 && p < 32) tiePrefecturesLow |= 1 << p;
      else if (p >= 32 && p < 64) tiePrefecturesHigh |= 1 << (p - 32);
    }
  }
  const home =
    worker.homeLat !== null && worker.homeLng !== null
      ? toUnitVector(worker.homeLat, worker.homeLng)
      : null;
  const programme = worker.programme;
  const availableMinutes = toMinutes(worker.availableHoursPerMonth);
  const programmeRemainingMinutesX100 =
    programme === null
      ? Infinity
      : programme.maxSharePercent * toMinutes(programme.contractedHoursPerMonth) -
        toMinutes(programme.committedHoursPerMonth) * 100;
  const programmeRemainingMinutes = Math.max(0, programmeRemainingMinutesX100 / 100);
  return {
    worker,
    id: worker.id,
    skillLevelsLow,
    skillLevelsHigh,
    openToOffers: worker.openToOffers,
    tieCount: ties.length,
    tiePrefecturesLow,
    tiePrefecturesHigh,
    interestMask,
    interestCount: bitCount(interestMask),
    affinityKind: Uint8Array.from(ties, (a) => affinityKindIndex.get(a.kind)!),
    affinityMunicipality: Float64Array.from(ties, (a) => codeNumber(a.municipalityCode)),
    affinityPrefecture: Float64Array.from(ties, (a) => codeNumber(a.prefectureCode)),
    hasHome: home !== null,
    homeX: home?.x ?? 0,
    homeY: home?.y ?? 0,
    homeZ: home?.z ?? 0,
    styleTolerance:
      worker.preferredStyles.length === 0
        ? styleOnsiteRank.onsite
        : Math.max(...worker.preferredStyles.map((s) => styleOnsiteRank[s])),
    availableFromDay: worker.availableFrom === null ? NaN : dayNumber(worker.availableFrom),
    availableMinutes,
    programmeEligible: programme === null || programme.eligible,
    programmeRemainingMinutesX100,
    spareMinutes: Math.min(availableMinutes, programmeRemainingMinutes),
  };
}

/**
 * The scorer's form of a challenge, computed once.
 *
 * @example
 * const preparedChallenges = openChallenges.map(prepareChallenge); // cache until one changes
 */
export function prepareChallenge(challenge: ChallengeForMatching): PreparedChallenge {
  const office =
    challenge.officeLat !== null && challenge.officeLng !== null
      ? toUnitVector(challenge.officeLat, challenge.officeLng)
      : null;
  const themeMask = maskOf(challenge.themes);
  const styleDemand = styleOnsiteRank[challenge.style];
  const prefecture = codeNumber(challenge.prefectureCode);
  // The mask test is exact only when the municipality lies in the prefecture (it always does
  // in valid data); otherwise the ties are read every time.
  const indexed =
    prefecture >= 0 &&
    prefecture < 64 &&
    codeNumber(challenge.municipalityCode.slice(0, 2)) === prefecture;
  return {
    challenge,
    id: challenge.id,
    requiredSkills: Uint8Array.from(challenge.requiredSkills, (r) => indexOfSkill(r.skill)),
    requiredLevels: Uint8Array.from(challenge.requiredSkills, (r) => r.level),
    welcomeSkills: Uint8Array.from(challenge.welcomeSkills, (r) => indexOfSkill(r.skill)),
    welcomeLevels: Uint8Array.from(challenge.welcomeSkills, (r) => r.level),
    themeMask,
    themeCount: bitCount(themeMask),
    municipality: codeNumber(challenge.municipalityCode),
    prefecture,
    prefectureWord: indexed ? (prefecture < 32 ? 0 : 1) : -1,
    prefectureBit: indexed ? 1 << (prefecture % 32) : 0,
    hasOffice: office !== null,
    officeX: office?.x ?? 0,
    officeY: office?.y ?? 0,
    officeZ: office?.z ?? 0,
    styleDemand,
    travelDaysPerMonth:
      challenge.style === 'remote'
        ? 0
        : challenge.style === 'onsite'
          ? Math.max(1, challenge.onsiteDaysPerMonth)
          : Math.max(0, challenge.onsiteDaysPerMonth),
    minutes: toMinutes(challenge.hoursPerMonth),
    startDay: dayNumber(challenge.startDate),
    placesFull: challenge.filledPlaces >= challenge.places,
    applicationsFull: challenge.openApplications >= challenge.maxOpenApplications,
  };
}

/**
 * Whether a value is a prepared worker (the recommenders take either form).
 *
 * @example
 * isPreparedWorker(prepareWorker(worker)); // true
 */
export function isPreparedWorker(
  value: WorkerForMatching | PreparedWorker,
): value is PreparedWorker {
  return 'skillLevelsLow' in value;
}

/**
 * Whether a value is a prepared challenge.
 *
 * @example
 * isPreparedChallenge(challenge); // false
 */
export function isPreparedChallenge(
  value: ChallengeForMatching | PreparedChallenge,
): value is PreparedChallenge {
  return 'requiredLevels' in value;
}

/**
 * Number of bits set in a mask.
 *
 * @example
 * bitCount(0b10110); // 3
 */
export function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The themes of a mask, in the order of the standard list.
 *
 * @example
 * themesOf(0b101); // ['tourism', 'digital_dx']
 */
export function themesOf(mask: number): ChallengeTheme[] {
  return challengeThemes.filter((_, i) => (mask & (1 << i)) !== 0);
}

function maskOf(themes: readonly ChallengeTheme[]): number {
  let mask = 0;
  for (const theme of themes) mask |= themeBit.get(theme) ?? 0;
  return mask;
}

function indexOfSkill(skill: string): number {
  return skillIndex.get(skill) ?? UNKNOWN_SKILL;
}

/** A code as a number ('01' → 1, '131016' → 131016); NaN when absent, so it matches nothing. */
function codeNumber(code: string | null): number {
  return code === null || !/^\d+$/.test(code) ? NaN : Number(code);
}

/**
 * Hours as whole minutes (house rule: exact minutes internally).
 *
 * @example
 * toMinutes(7.5); // 450
 */
export function toMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/**
 * 'YYYY-MM-DD' as days since 1970-01-01 (a calendar date: no time zone involved).
 *
 * @example
 * dayNumber('1970-01-02'); // 1
 */
export function dayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / 86_400_000;
}
