/**
 * Company programmes (issue 3): double work outside the company (社外兼業) with a share of
 * contracted hours, second-career programmes and workation policies; who may join them, and
 * whether a regional engagement fits the share a programme allows. Pure rules on plain data.
 */
import type { ProgrammeForMatching } from '../matching/matching-model';
import { addMonths, fullYearsBetween, yearOf } from './engagement-calendar';
import type { FieldProblem } from './challenge-rules';

export const programmeKinds = ['double_work', 'second_career', 'workation'] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

export type ProgrammeEligibilityRules = {
  minAge: number | null;
  maxAge: number | null;
  minTenureYears: number | null;
};

/** What eligibility is decided on: the profile's birth year and the main job's start. */
export type EligibilityFacts = {
  birthYear: number | null;
  /** contractSignedOn of the worker's main job at the programme's company, 'YYYY-MM-DD'. */
  employedSince: string | null;
};

export type EligibilityDecision = { eligible: true } | { eligible: false; reasons: string[] };

/**
 * The age a person reaches in the year of `onDate`. Profiles hold the birth year only (never
 * the birthday), so a programme's age band is read as "turns N this year" — the way Japanese
 * companies usually word such programmes (その年度に50歳を迎える社員).
 * @example ageInYearOf(1976, '2026-11-21') // → 50
 */
export function ageInYearOf(birthYear: number, onDate: string): number {
  return yearOf(onDate) - birthYear;
}

/**
 * Whether a worker may join (and keep engaging under) a programme on `onDate`: every rule the
 * programme sets must hold; a missing fact fails the rule that needs it.
 *
 * @example
 * decideProgrammeEligibility({ minAge: 45, maxAge: null, minTenureYears: 3 },
 *   { birthYear: 1990, employedSince: '2025-04-01' }, '2026-11-21')
 * // → { eligible: false, reasons: ['aged 36 this year; the programme starts at 45',
 * //      'employed 1 full year; the programme asks for 3'] }
 */
export function decideProgrammeEligibility(
  rules: ProgrammeEligibilityRules,
  facts: EligibilityFacts,
  onDate: string,
): EligibilityDecision {
  const reasons: string[] = [];
  if (rules.minAge !== null || rules.maxAge !== null) {
    if (facts.birthYear === null) {
      reasons.push('the programme has an age band; add your birth year to your profile');
    } else {
      const age = ageInYearOf(facts.birthYear, onDate);
      if (rules.minAge !== null && age < rules.minAge) {
        reasons.push(`aged ${age} this year; the programme starts at ${rules.minAge}`);
      }
      if (rules.maxAge !== null && age > rules.maxAge) {
        reasons.push(`aged ${age} this year; the programme ends at ${rules.maxAge}`);
      }
    }
  }
  if (rules.minTenureYears !== null) {
    if (facts.employedSince === null) {
      reasons.push('the programme asks for tenure; you have no main job recorded at the company');
    } else {
      const years = Math.max(0, fullYearsBetween(facts.employedSince, onDate));
      if (years < rules.minTenureYears) {
        reasons.push(
          `employed ${years} full year${years === 1 ? '' : 's'}; the programme asks for ${rules.minTenureYears}`,
        );
      }
    }
  }
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}

export type ProgrammeInput = {
  kind: ProgrammeKind;
  maxSharePercent: number | null;
  eligibility: ProgrammeEligibilityRules;
  workationMaxDaysPerMonth: number | null;
};

/**
 * The problems of a programme's settings, named by field: double work and second career give a
 * share of contracted hours; a workation policy does not (its days are set instead).
 */
export function validateProgrammeInput(p: ProgrammeInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const givesHours = p.kind !== 'workation';
  if (givesHours && p.maxSharePercent === null) {
    problems.push({ field: 'maxSharePercent', message: `required for a ${p.kind} programme` });
  }
  if (!givesHours && p.maxSharePercent !== null) {
    problems.push({
      field: 'maxSharePercent',
      message: 'a workation policy gives no share of hours; leave it out',
    });
  }
  if (p.kind !== 'workation' && p.workationMaxDaysPerMonth !== null) {
    problems.push({
      field: 'workation.maxDaysPerMonth',
      message: 'only a workation programme sets workation days',
    });
  }
  const { minAge, maxAge } = p.eligibility;
  if (minAge !== null && maxAge !== null && minAge > maxAge) {
    problems.push({
      field: 'eligibility.maxAge',
      message: `must not be below minAge (${minAge})`,
    });
  }
  return problems;
}

/** A programme's kinds that give work time to regional engagements, the first one governing. */
const governingKinds: readonly ProgrammeKind[] = ['double_work', 'second_career'];

/**
 * Of the programmes a worker has joined, the one an application goes through: double work
 * before second career (double work is the one that shares contracted hours); a workation
 * policy never governs an engagement. Null when none applies.
 */
export function selectGoverningProgramme<P extends { kind: ProgrammeKind }>(
  joined: readonly P[],
): P | null {
  for (const kind of governingKinds) {
    const found = joined.find((p) => p.kind === kind);
    if (found) return found;
  }
  return null;
}

/** An engagement already agreed under a programme (a matched application). */
export type CommittedEngagement = {
  hoursPerMonth: number;
  startDate: string;
  periodMonths: number;
};

/**
 * Hours per month already committed under a programme on `onDate`: engagements that have not
 * yet ended (their end is the start plus the period). Ones starting later count too: the hours
 * are promised.
 * @example committedHoursPerMonth([{ hoursPerMonth: 16, startDate: '2026-04-01', periodMonths: 12 }], '2026-11-21') // → 16
 */
export function committedHoursPerMonth(
  engagements: readonly CommittedEngagement[],
  onDate: string,
): number {
  return engagements
    .filter((e) => addMonths(e.startDate, e.periodMonths) > onDate)
    .reduce((sum, e) => sum + e.hoursPerMonth, 0);
}

/**
 * The most hours per month a programme allows for regional work: its share of the contracted
 * hours, rounded down to whole hours.
 * @example programmeHourCap(20, 160) // → 32
 */
export function programmeHourCap(maxSharePercent: number, contractedHoursPerMonth: number): number {
  return Math.floor((maxSharePercent * contractedHoursPerMonth) / 100);
}

export type ProgrammeCheck =
  | { ok: true; approvalRequired: boolean }
  | { ok: false; problem: 'not_eligible' | 'over_programme_share'; reason: string };

/**
 * Whether an engagement of `hoursPerMonth` fits the worker's programme: the worker must be
 * eligible, and the hours already committed plus these must stay within the programme's share.
 *
 * @example
 * checkEngagementAgainstProgramme({ id: 'p', maxSharePercent: 20, contractedHoursPerMonth: 160,
 *   eligible: true, approvalRequired: true, committedHoursPerMonth: 16 }, 20)
 * // → { ok: false, problem: 'over_programme_share',
 * //     reason: '16 h already committed + 20 h exceeds the programme's 32 h a month (20% of 160 h)' }
 */
export function checkEngagementAgainstProgramme(
  programme: ProgrammeForMatching,
  hoursPerMonth: number,
): ProgrammeCheck {
  if (!programme.eligible) {
    return {
      ok: false,
      problem: 'not_eligible',
      reason: "you are not eligible for your company's programme",
    };
  }
  const cap = programmeHourCap(programme.maxSharePercent, programme.contractedHoursPerMonth);
  if (programme.committedHoursPerMonth + hoursPerMonth > cap) {
    return {
      ok: false,
      problem: 'over_programme_share',
      reason:
        `${programme.committedHoursPerMonth} h already committed + ${hoursPerMonth} h exceeds the ` +
        `programme's ${cap} h a month (${programme.maxSharePercent}% of ${programme.contractedHoursPerMonth} h)`,
    };
  }
  return { ok: true, approvalRequired: programme.approvalRequired };
}

/** A programme the worker is in, as the matching rules read it. */
export type JoinedProgramme = {
  id: string;
  organizationId: string;
  kind: ProgrammeKind;
  maxSharePercent: number | null;
  contractedHoursPerMonth: number;
  eligibility: ProgrammeEligibilityRules;
  approvalRequired: boolean;
};

/**
 * The programme that governs the worker's regional engagements, as the scorer and the
 * application rules read it: the governing one of the programmes the worker is in (in the order
 * they were created, see selectGoverningProgramme), the worker's eligibility on `onDate`, and the
 * hours already committed under it (its matched engagements that have not ended). Null when no
 * programme governs (an independent engagement is the worker's own business).
 *
 * @example
 * programmeForMatching([doubleWork], { birthYear: 1978, employedSince: '2015-04-01' },
 *   [{ programmeId: doubleWork.id, hoursPerMonth: 16, startDate: '2026-04-01', periodMonths: 12 }],
 *   '2026-11-21')
 * // → { id, organizationId, maxSharePercent: 20, contractedHoursPerMonth: 160, eligible: true,
 * //     approvalRequired: true, committedHoursPerMonth: 16 }
 */
export function programmeForMatching(
  joined: readonly JoinedProgramme[],
  facts: { birthYear: number | null; employedSinceByOrganization: ReadonlyMap<string, string> },
  engagements: readonly (CommittedEngagement & { programmeId: string })[],
  onDate: string,
): (ProgrammeForMatching & { organizationId: string }) | null {
  const governing = selectGoverningProgramme(joined);
  if (!governing || governing.maxSharePercent === null) return null;
  const eligibility = decideProgrammeEligibility(
    governing.eligibility,
    {
      birthYear: facts.birthYear,
      employedSince: facts.employedSinceByOrganization.get(governing.organizationId) ?? null,
    },
    onDate,
  );
  return {
    id: governing.id,
    organizationId: governing.organizationId,
    maxSharePercent: governing.maxSharePercent,
    contractedHoursPerMonth: governing.contractedHoursPerMonth,
    eligible: eligibility.eligible,
    approvalRequired: governing.approvalRequired,
    committedHoursPerMonth: committedHoursPerMonth(
      engagements.filter((e) => e.programmeId === governing.id),
      onDate,
    ),
  };
}
